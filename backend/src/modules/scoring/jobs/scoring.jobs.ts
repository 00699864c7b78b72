import type { JobDeclaration, JobEnvelope } from '../../../platform/queue/jobs';

/** Scores one submission (the snapshot) of an assessment; written by `submit()` through the outbox. */
export interface ScoreAssessmentJob extends JobEnvelope {
  organizationId: string;
  assessmentId: string;
  snapshotId: string;
}

/** Published when a submission's score is stored as `scored`, in the same transaction. */
export interface AssessmentScoredEvent extends JobEnvelope {
  organizationId: string;
  assessmentId: string;
  snapshotId: string;
}

declare module '../../../platform/queue/jobs' {
  interface JobPayloads {
    'scoring.score-assessment': ScoreAssessmentJob;
  }
  interface EventPayloads {
    'assessment.scored': AssessmentScoredEvent;
  }
}

export const SCORING_JOBS: JobDeclaration[] = [{ name: 'scoring.score-assessment' }];
