import type { JobDeclaration, JobEnvelope } from '../../../platform/queue/jobs';

/** A status probe: every queue answers it, so `/status` can tell that each one is served. */
export interface StatusProbeJob extends JobEnvelope {
  probeId: string;
}

declare module '../../../platform/queue/jobs' {
  interface JobPayloads {
    'scoring.status-probe': StatusProbeJob;
    'reports.status-probe': StatusProbeJob;
    'benchmarks.status-probe': StatusProbeJob;
  }
}

export const STATUS_PROBE_JOBS = ['scoring.status-probe', 'reports.status-probe', 'benchmarks.status-probe'] as const;

export const HEALTH_JOBS: JobDeclaration[] = STATUS_PROBE_JOBS.map((name) => ({ name }));
