export { SCORING_ENGINE_VERSION } from './scoring.types';
export type * from './scoring.types';
