/**
 * The platform's view of background jobs: generic. Each context declares its own jobs and events
 * beside its handlers, by adding to `JobPayloads` / `EventPayloads` (TypeScript declaration
 * merging) and by listing them in a `JobDeclaration[]` that the API and worker modules gather:
 *
 *     declare module '../../../platform/queue/jobs' {
 *       interface JobPayloads { 'reports.render': RenderReportJob }
 *     }
 *     export const REPORT_JOBS: JobDeclaration[] = [{ name: 'reports.render' }];
 *
 * Payloads carry identifiers, never state: handlers re-read PostgreSQL.
 */

/** Fields every payload carries. */
export interface JobEnvelope {
  correlationId: string;
  /** The tenant the job works for; absent for platform jobs. */
  organizationId?: string;
}

/** Job name → payload, filled in by the contexts. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface JobPayloads {}

/** Event name → payload, filled in by the context that publishes the event. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface EventPayloads {}

export type JobName = Extract<keyof JobPayloads, string>;
export type EventName = Extract<keyof EventPayloads, string>;

/** The discriminated union of all jobs: `{ name: 'reports.render', data: RenderReportJob } | …`. */
export type JobItem = { [N in JobName]: { name: N; data: JobPayloads[N] } }[JobName];
export type JobOf<N extends JobName> = Extract<JobItem, { name: N }>;
export type EventItem = { [E in EventName]: { name: E; data: EventPayloads[E] } }[EventName];

/** A job a context runs, and the events that start it (one job per subscriber and event). */
export interface JobDeclaration {
  name: JobName;
  subscribesTo?: readonly EventName[];
}

/** A job runs on the queue named by the context part of its name: `reports.render` → `reports`. */
export function queueOf(name: string): string {
  const dot = name.indexOf('.');
  if (dot <= 0) throw new Error(`A job name is <queue>.<action>: "${name}"`);
  return name.slice(0, dot);
}

/**
 * Every job the application declared, the queues they run on and who subscribes to each event.
 * Built once from the gathered declarations; a name declared twice is a programming error.
 */
export class JobCatalog {
  readonly names: readonly JobName[];
  readonly queues: readonly string[];
  private readonly subscriptions = new Map<string, JobName[]>();

  constructor(declarations: readonly JobDeclaration[]) {
    const names = declarations.map((d) => d.name);
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    if (twice.length > 0) throw new Error(`Jobs declared twice: ${twice.join(', ')}`);
    this.names = names;
    this.queues = [...new Set(names.map(queueOf))];
    for (const { name, subscribesTo = [] } of declarations) {
      for (const event of subscribesTo) this.subscriptions.set(event, [...(this.subscriptions.get(event) ?? []), name]);
    }
  }

  isJobName(name: string): name is JobName {
    return (this.names as readonly string[]).includes(name);
  }

  /** The jobs an event starts; none when no context subscribes to it. */
  subscribers(event: EventName): readonly JobName[] {
    return this.subscriptions.get(event) ?? [];
  }
}
