/**
 * Every background job Beacon knows: its name, its queue and its payload, typed together.
 * Payloads carry identifiers, never state: handlers re-read PostgreSQL.
 */
export const QUEUE_NAMES = ['scoring', 'reports', 'benchmarks'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** Fields every payload carries. */
export interface JobEnvelope {
  correlationId: string;
  /** The tenant the job works for; absent for platform jobs. */
  organizationId?: string;
}

export interface StatusProbeJob extends JobEnvelope {
  probeId: string;
}

/** Scores one submission (the snapshot) of an assessment; written by `submit()` through the outbox. */
export interface ScoreAssessmentJob extends JobEnvelope {
  organizationId: string;
  assessmentId: string;
  snapshotId: string;
}

/** Renders one report (a row of `reports`, queued by the API or after scoring) and seals it. */
export interface RenderReportJob extends JobEnvelope {
  organizationId: string;
  reportId: string;
}

/** Job name → payload. Adding a job starts here; the worker refuses to start without its handler. */
export interface JobPayloads {
  'scoring.status-probe': StatusProbeJob;
  'reports.status-probe': StatusProbeJob;
  'benchmarks.status-probe': StatusProbeJob;
  'scoring.score-assessment': ScoreAssessmentJob;
  'reports.render': RenderReportJob;
}

export type JobName = keyof JobPayloads;

/** Which queue carries each job. */
export const JOB_QUEUE: { readonly [N in JobName]: QueueName } = {
  'scoring.status-probe': 'scoring',
  'reports.status-probe': 'reports',
  'benchmarks.status-probe': 'benchmarks',
  'scoring.score-assessment': 'scoring',
  'reports.render': 'reports',
};

export const JOB_NAMES = Object.keys(JOB_QUEUE) as JobName[];

/** The discriminated union of all jobs: `{ name: 'scoring.status-probe', data: StatusProbeJob } | …`. */
export type JobItem = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;

export function isJobName(name: string): name is JobName {
  return Object.prototype.hasOwnProperty.call(JOB_QUEUE, name);
}
