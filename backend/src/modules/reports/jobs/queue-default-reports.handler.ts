import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { type JobHandler, type JobResult, HandlesJobs } from '../../../platform/queue/job-handler';
import { payloadProblems } from '../../../platform/queue/payload-problems';
import { TenantDatabase } from '../../../platform/tenancy/tenant-database';
import type { AssessmentScoredEvent } from '../../scoring';
import { ReportsService } from '../reports.service';

/**
 * Reports' part of `assessment.scored`: the default reports of the scored submission (PDF and JSON
 * in the organization's language), queued in the job's tenant transaction. Idempotent: a repeated
 * delivery finds the reports already there.
 */
@Injectable()
@HandlesJobs('reports.queue-default-reports')
export class QueueDefaultReportsHandler implements JobHandler<'reports.queue-default-reports'> {
  constructor(
    private readonly reports: ReportsService,
    private readonly db: TenantDatabase,
  ) {}

  async handle(_name: 'reports.queue-default-reports', data: AssessmentScoredEvent): Promise<JobResult> {
    const problems = payloadProblems(data, ['organizationId', 'assessmentId', 'snapshotId']);
    if (problems.length > 0) throw new UnrecoverableError(`Malformed assessment.scored payload: ${problems.join('; ')}`);
    const reportIds = await this.reports.enqueueDefaultReports(this.db.manager(), data);
    return { outcome: 'queued', assessmentId: data.assessmentId, snapshotId: data.snapshotId, reportIds };
  }
}
