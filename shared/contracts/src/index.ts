export * from './errors';
export * from './health';
export * from './catalog';
export * from './identity';
export * from './assessments';
export * from './evidence';
export * from './scoring';
export * from './reports';
