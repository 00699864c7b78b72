import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './jobs';

export const JOB_HANDLER_METADATA = 'beacon:job-handler';

/** What a handler learns about the job in hand besides its payload. */
export interface JobContext {
  jobId: string;
  attempt: number;
  workerId: string;
  queue: string;
  /**
   * Whether `error` ends the job for good — the one rule, the worker runtime's: an
   * `UnrecoverableError`, or any error on the last attempt. A handler asks it to record a failure
   * as final (or as waiting for its retry) before it throws.
   */
  isPermanent(error: unknown): boolean;
}

/**
 * What a handler reports of its work; the runtime adds it to the job's one `job.completed` log line
 * (`outcome` and any identifiers), at warn level when `warning` is set.
 */
export interface JobResult {
  outcome: string;
  warning?: boolean;
  [field: string]: unknown;
}

/** A provider that runs one or more job names: `@HandlesJobs('scoring.status-probe') class …`. */
export interface JobHandler<N extends JobName = JobName> {
  /**
   * `per-job` (the default): the handler runs in one transaction scoped to the payload's
   * organization. `own`: the handler opens short transactions itself (`TenantDatabase.transaction`),
   * e.g. to publish progress while it works, and holds no connection in between.
   */
  readonly transactions?: 'per-job' | 'own';
  handle(name: N, data: JobPayloads[N], context: JobContext): Promise<JobResult | void>;
}

export const HandlesJobs = (...names: JobName[]): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, names);
