export * from './canonical-json';
export { problemMessage, showValue } from './problem';
export type { MessageCatalogue, MessageCatalogues, Problem, ShownValue, ValueKind } from './problem';
export * from './catalog';
export * from './identity';
export * from './assessment';
export * from './scoring';
export * from './review';
