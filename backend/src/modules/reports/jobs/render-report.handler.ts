import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JsonLogger } from '../../../platform/logging/json-logger';
import { type JobContext, type JobHandler, HandlesJobs } from '../../../platform/queue/job-handler';
import { payloadProblems } from '../../../platform/queue/payload-problems';
import type { RenderReportJob } from '../../../platform/queue/jobs';
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

  constructor(
    private readonly renderer: ReportRenderer,
    private readonly logger: JsonLogger,
  ) {}

  async handle(_name: 'reports.render', data: RenderReportJob, context: JobContext): Promise<void> {
    const problems = renderReportPayloadProblems(data);
    if (problems.length > 0) throw new UnrecoverableError(`Malformed report payload: ${problems.join('; ')}`);
    const fields = { jobId: context.jobId, attempt: context.attempt, reportId: data.reportId };
    const started = performance.now();
    this.logger.event('info', 'reports.render-started', fields);
    const outcome = await this.renderer.render(data, context);
    this.logger.event('info', 'reports.render-finished', { ...fields, outcome, durationMs: Math.round(performance.now() - started) });
  }
}
