import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { JsonLogger } from '../../../platform/logging/json-logger';
import { type JobContext, type JobHandler, HandlesJobs } from '../../../platform/queue/job-handler';
import type { RenderReportJob } from '../../../platform/queue/jobs';
import { ReportRenderer } from '../report-renderer';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payload's problems, one per field; empty when it is well-formed. */
export function renderReportPayloadProblems(data: unknown): string[] {
  if (typeof data !== 'object' || data === null) return ['payload is not an object'];
  const fields = data as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof fields['correlationId'] !== 'string' || fields['correlationId'] === '') problems.push('correlationId must be a non-empty string');
  for (const field of ['organizationId', 'reportId'] as const) {
    const value = fields[field];
    if (typeof value !== 'string' || !UUID.test(value)) problems.push(`${field} must be a UUID`);
  }
  return problems;
}

/** Renders and seals a report, in the tenant transaction of `organizationId` (WorkerRuntime). */
@Injectable()
@HandlesJobs('reports.render')
export class RenderReportHandler implements JobHandler<'reports.render'> {
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
