import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './jobs';

export const JOB_HANDLER_METADATA = 'beacon:job-handler';

/** What a handler learns about the job in hand besides its payload. */
export interface JobContext {
  jobId: string;
  attempt: number;
  workerId: string;
  queue: string;
}

/** A provider that runs one or more job names: `@HandlesJobs('scoring.status-probe') class …`. */
export interface JobHandler<N extends JobName = JobName> {
  /**
   * `per-job` (the default): the handler runs in one transaction scoped to the payload's
   * organization. `own`: the handler opens short transactions itself (`TenantDatabase.transaction`),
   * e.g. to publish progress while it works, and holds no connection in between.
   */
  readonly transactions?: 'per-job' | 'own';
  handle(name: N, data: JobPayloads[N], context: JobContext): Promise<void>;
}

export const HandlesJobs = (...names: JobName[]): ClassDecorator => SetMetadata(JOB_HANDLER_METADATA, names);
