export * from './canonical-json';
export * from './catalog';
export * from './identity';
export * from './assessment';
export * from './scoring';
export * from './review';
