// The scoring context's front door: what other contexts and the application may use.
export { SCORING_ENTITIES } from './entities';
export { type AssessmentScoredEvent, SCORING_JOBS, type ScoreAssessmentJob } from './jobs/scoring.jobs';
export { ScoringJobsModule } from './scoring-jobs.module';
export { ScoringModule } from './scoring.module';
export { ScoreRecords } from './score-records';
