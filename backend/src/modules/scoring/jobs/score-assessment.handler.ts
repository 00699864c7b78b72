import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JsonLogger } from '../../../platform/logging/json-logger';
import { type JobContext, type JobHandler, HandlesJobs } from '../../../platform/queue/job-handler';
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
    private readonly logger: JsonLogger,
  ) {}

  async handle(_name: 'scoring.score-assessment', data: ScoreAssessmentJob, context: JobContext): Promise<void> {
    const problems = scoreAssessmentPayloadProblems(data);
    if (problems.length > 0) throw new UnrecoverableError(`Malformed scoring payload: ${problems.join('; ')}`);
    const fields = { jobId: context.jobId, attempt: context.attempt, assessmentId: data.assessmentId, snapshotId: data.snapshotId };
    const started = performance.now();
    this.logger.event('info', 'scoring.started', fields);
    const outcome = await this.scoring.scoreSubmission(data);
    const durationMs = Math.round((performance.now() - started) * 10) / 10;
    switch (outcome.kind) {
      case 'snapshot-missing':
        this.logger.event('error', 'scoring.finished', { ...fields, durationMs, outcome: 'snapshot-missing' });
        throw new UnrecoverableError(`No snapshot ${data.snapshotId} of assessment ${data.assessmentId} in organization ${data.organizationId}`);
      case 'already-scored':
        this.logger.event('info', 'scoring.finished', { ...fields, durationMs, outcome: 'already-scored', scoreId: outcome.scoreId });
        return;
      case 'scored':
      case 'failed':
        this.logger.event(outcome.kind === 'scored' ? 'info' : 'warn', 'scoring.finished', {
          ...fields,
          durationMs,
          outcome: outcome.kind,
          stored: outcome.stored,
          ...(outcome.failureReason === null ? {} : { failureReason: outcome.failureReason }),
        });
        if (outcome.kind === 'scored' && outcome.stored) {
          await this.reports.enqueueDefaultReports(this.db.manager(), {
            organizationId: data.organizationId,
            assessmentId: data.assessmentId,
            snapshotId: data.snapshotId,
            correlationId: data.correlationId,
          });
        }
        return;
    }
  }
}
