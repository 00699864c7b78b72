export { SCORING_ENGINE_VERSION } from './scoring.types';
export type * from './scoring.types';
export { scoreAssessment } from './score-assessment';
export { percentOneDecimal } from './score-rounding';
