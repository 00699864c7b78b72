import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { acceptCorrelationId, runWithContext } from '../logging/request-context';
import { OutboxOutcome } from '../outbox/outbox-outcome';
import { TenantDatabase } from '../tenancy/tenant-database';
import { JobHandlerRegistry } from './job-handler-registry';
import { JobCatalog } from './jobs';
import { createWorkerConnection } from './redis-connections';

/** Identity of this worker process, shown on the status page and stored with job results. */
export const WORKER_ID = `${hostname()}-${process.pid}-${randomUUID().slice(0, 8)}`;

/**
 * Runs the BullMQ workers of every queue in this process (worker entry point only) and routes each
 * job to its handler, with the job's correlation id in the logging context.
 */
@Injectable()
export class WorkerRuntime implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker[] = [];
  private connection?: Redis;

  constructor(
    private readonly config: AppConfig,
    private readonly registry: JobHandlerRegistry,
    private readonly logger: JsonLogger,
    private readonly outcome: OutboxOutcome,
    private readonly db: TenantDatabase,
    private readonly catalog: JobCatalog,
  ) {}

  onApplicationBootstrap(): void {
    this.registry.load();
    this.connection = createWorkerConnection(this.config.redis.url);
    this.connection.on('error', () => undefined);
    for (const queue of this.catalog.queues) {
      const worker = new Worker(queue, (job) => this.process(job), {
        connection: this.connection,
        prefix: this.config.redis.prefix,
        concurrency: this.config.worker.concurrency,
        lockDuration: this.config.worker.lockDurationMs,
        stalledInterval: Math.max(1000, Math.floor(this.config.worker.lockDurationMs / 2)),
      });
      worker.on('error', (error) => this.logger.event('warn', 'worker.error', { queue, error: error.message }));
      this.workers.push(worker);
    }
    this.logger.event('info', 'worker.started', { workerId: WORKER_ID, queues: this.catalog.queues });
  }

  /** Waits for the jobs in hand to finish, takes no new ones (SIGTERM). */
  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled(this.workers.map((w) => w.close()));
    this.connection?.disconnect();
    this.logger.event('info', 'worker.stopped', { workerId: WORKER_ID });
  }

  private async process(job: Job): Promise<void> {
    const data: unknown = job.data;
    const correlationId = acceptCorrelationId(
      typeof data === 'object' && data !== null ? (data as { correlationId?: unknown }).correlationId : undefined,
    );
    return runWithContext({ correlationId }, async () => {
      const fields = { jobId: job.id, job: job.name, queue: job.queueName, attempt: job.attemptsMade + 1 };
      if (!this.catalog.isJobName(job.name) || typeof data !== 'object' || data === null) {
        this.logger.event('error', 'job.rejected', { ...fields, reason: 'unknown job name or malformed payload' });
        await this.outcome.failed(job.id, 'unknown job name or malformed payload').catch(() => undefined);
        throw new UnrecoverableError(`Unknown job ${job.name} or malformed payload`);
      }
      const started = performance.now();
      this.logger.event('info', 'job.started', fields);
      try {
        // Each job runs in a transaction scoped to the organization it works for, as a request
        // does: row-level security applies to everything the handler reads or writes.
        const organizationId = (data as { organizationId?: unknown }).organizationId;
        const name = job.name;
        const handler = this.registry.get(name);
        const isPermanent = (error: unknown): boolean => isPermanentFailure(error, job);
        const run = () =>
          handler.handle(name, data as never, {
            jobId: job.id ?? '',
            attempt: job.attemptsMade + 1,
            workerId: WORKER_ID,
            queue: job.queueName,
            isPermanent,
          });
        const result =
          handler.transactions === 'own'
            ? await run()
            : await this.db.transaction({ organizationId: typeof organizationId === 'string' ? organizationId : null }, run);
        await this.outcome.completed(job.id);
        const { warning, ...reported } = result ?? { outcome: 'done' };
        this.logger.event(warning ? 'warn' : 'info', 'job.completed', { ...fields, ...reported, durationMs: performance.now() - started });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const permanent = isPermanentFailure(error, job);
        this.logger.event('error', 'job.failed', { ...fields, durationMs: performance.now() - started, permanent, error: message });
        if (permanent) await this.outcome.failed(job.id, message).catch(() => undefined);
        throw error;
      }
    });
  }
}

/** The one rule for a failure that ends a job for good: unrecoverable by nature, or on its last attempt. */
export function isPermanentFailure(error: unknown, job: Pick<Job, 'attemptsMade' | 'opts'>): boolean {
  return error instanceof UnrecoverableError || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}
