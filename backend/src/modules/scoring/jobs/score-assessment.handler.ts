import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { type JobHandler, type JobResult, HandlesJobs } from '../../../platform/queue/job-handler';
import { payloadProblems } from '../../../platform/queue/payload-problems';
import type { ScoreAssessmentJob } from '../../../platform/queue/jobs';
import { TenantDatabase } from '../../../platform/tenancy/tenant-database';
import { ReportsService } from '../../reports/reports.service';
import { ScoringService } from '../scoring.service';

/** The payload's problems, one per field; empty when it is well-formed. */
export function scoreAssessmentPayloadProblems(data: unknown): string[] {
  return payloadProblems(data, ['organizationId', 'assessmentId', 'snapshotId']);
}

/**
 * Scores a submission. Runs in the tenant transaction of `organizationId` (WorkerRuntime), so a
 * snapshot of another organization is invisible and fails the job like a missing one. A newly
 * stored score asks, in the same transaction, for the default reports (PDF and JSON in the
 * organization's language): the score and its report jobs commit together or not at all.
 */
@Injectable()
@HandlesJobs('scoring.score-assessment')
export class ScoreAssessmentHandler implements JobHandler<'scoring.score-assessment'> {
  constructor(
    private readonly scoring: ScoringService,
    private readonly reports: ReportsService,
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
          await this.reports.enqueueDefaultReports(this.db.manager(), {
            organizationId: data.organizationId,
            assessmentId: data.assessmentId,
            snapshotId: data.snapshotId,
            correlationId: data.correlationId,
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
