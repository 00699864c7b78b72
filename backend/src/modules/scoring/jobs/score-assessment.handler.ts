import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { OutboxService } from '../../../platform/outbox/outbox.service';
import { type JobHandler, type JobResult, HandlesJobs } from '../../../platform/queue/job-handler';
import { payloadProblems } from '../../../platform/queue/payload-problems';
import { TenantDatabase } from '../../../platform/tenancy/tenant-database';
import { ScoringService } from '../scoring.service';
import type { ScoreAssessmentJob } from './scoring.jobs';

/** The payload's problems, one per field; empty when it is well-formed. */
export function scoreAssessmentPayloadProblems(data: unknown): string[] {
  return payloadProblems(data, ['organizationId', 'assessmentId', 'snapshotId']);
}

/**
 * Scores a submission. Runs in the tenant transaction of `organizationId` (WorkerRuntime), so a
 * snapshot of another organization is invisible and fails the job like a missing one. A newly
 * stored score publishes `assessment.scored` in the same transaction: whoever subscribes (reports,
 * for the default reports) gets its job if and only if the score committed.
 */
@Injectable()
@HandlesJobs('scoring.score-assessment')
export class ScoreAssessmentHandler implements JobHandler<'scoring.score-assessment'> {
  constructor(
    private readonly scoring: ScoringService,
    private readonly outbox: OutboxService,
    private readonly db: TenantDatabase,
  ) {}

  async handle(_name: 'scoring.score-assessment', data: ScoreAssessmentJob): Promise<JobResult> {
    const problems = scoreAssessmentPayloadProblems(data);
    if (problems.length > 0) throw new UnrecoverableError(`Malformed scoring payload: ${problems.join('; ')}`);
    const ids = { assessmentId: data.assessmentId, snapshotId: data.snapshotId };
    const outcome = await this.scoring.scoreSubmission(data);
    switch (outcome.kind) {
      case 'snapshot-missing':
        throw new UnrecoverableError(`No snapshot ${data.snapshotId} of assessment ${data.assessmentId} in organization ${data.organizationId}`);
      case 'already-scored':
        return { outcome: 'already-scored', ...ids, scoreId: outcome.scoreId };
      case 'scored':
      case 'failed':
        if (outcome.kind === 'scored' && outcome.stored) {
          await this.outbox.publish(this.db.manager(), {
            name: 'assessment.scored',
            data: { organizationId: data.organizationId, assessmentId: data.assessmentId, snapshotId: data.snapshotId, correlationId: data.correlationId },
          });
        }
        return {
          outcome: outcome.kind,
          warning: outcome.kind === 'failed',
          ...ids,
          stored: outcome.stored,
          ...(outcome.failureReason === null ? {} : { failureReason: outcome.failureReason }),
        };
    }
  }
}
