import type { DefaultJobOptions } from 'bullmq';

/** Retries, backoff and retention for every job, in one place. */
export const DEFAULT_JOB_OPTIONS: DefaultJobOptions = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: { age: 24 * 3600, count: 5000 },
  // Failed jobs stay for inspection for a week.
  removeOnFail: { age: 7 * 24 * 3600 },
};

/** BullMQ job ids may not contain ':' nor be integers: an outbox row's job id is `outbox-<uuid>`. */
export function jobIdForOutbox(outboxJobId: string): string {
  return `outbox-${outboxJobId}`;
}
