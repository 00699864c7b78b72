import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { type JobContext, type JobHandler, type JobResult, HandlesJobs } from '../../../platform/queue/job-handler';
import { payloadProblems } from '../../../platform/queue/payload-problems';
import type { RenderReportJob } from './reports.jobs';
import { ReportRenderer } from '../report-renderer';

/** The payload's problems, one per field; empty when it is well-formed. */
export function renderReportPayloadProblems(data: unknown): string[] {
  return payloadProblems(data, ['organizationId', 'reportId']);
}

/** Renders and seals a report in short transactions of its own, scoped to `organizationId` (see ReportRenderer). */
@Injectable()
@HandlesJobs('reports.render')
export class RenderReportHandler implements JobHandler<'reports.render'> {
  readonly transactions = 'own';

  constructor(private readonly renderer: ReportRenderer) {}

  async handle(_name: 'reports.render', data: RenderReportJob, context: JobContext): Promise<JobResult> {
    const problems = renderReportPayloadProblems(data);
    if (problems.length > 0) throw new UnrecoverableError(`Malformed report payload: ${problems.join('; ')}`);
    return { outcome: await this.renderer.render(data, context), reportId: data.reportId };
  }
}
