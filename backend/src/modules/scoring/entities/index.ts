import { AssessmentScoreEntity } from './assessment-score.entity';

export { AssessmentScoreEntity };
export type { AssessmentScoreStatus } from './assessment-score.entity';

/** The scoring context's entities. */
export const SCORING_ENTITIES = [AssessmentScoreEntity];
