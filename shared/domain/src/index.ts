export * from './canonical-json';
export * from './catalog';
