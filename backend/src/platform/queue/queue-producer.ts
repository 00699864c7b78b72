import { Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { once } from 'node:events';
import { AppConfig } from '../config/app-config';
import { DEFAULT_JOB_OPTIONS } from './job-options';
import { JobCatalog, type JobItem, queueOf } from './jobs';
import { createProducerConnection } from './redis-connections';

const ADD_TIMEOUT_MS = 3000;

/** Adds jobs to the BullMQ queues. Only the outbox relay calls `add`; services write outbox rows. */
@Injectable()
export class QueueProducer implements OnApplicationShutdown {
  readonly connection: Redis;
  private readonly queues: Map<string, Queue>;

  constructor(config: AppConfig, catalog: JobCatalog) {
    this.connection = createProducerConnection(config.redis.url);
    // An unreachable Redis is reported by `ping()` and by failed adds; it must not crash the process.
    this.connection.on('error', () => undefined);
    this.queues = new Map(
      catalog.queues.map((name) => [
        name,
        new Queue(name, { connection: this.connection, prefix: config.redis.prefix, defaultJobOptions: DEFAULT_JOB_OPTIONS }),
      ]),
    );
    for (const queue of this.queues.values()) queue.on('error', () => undefined);
  }

  queue(name: string): Queue {
    const queue = this.queues.get(name);
    if (!queue) throw new Error(`Unknown queue ${name}`);
    return queue;
  }

  /** Adds a job with a deterministic id; adding the same id twice keeps one job. */
  async add(job: JobItem, jobId: string): Promise<void> {
    const queue = this.queue(queueOf(job.name));
    await withTimeout(queue.add(job.name, job.data, { jobId }), ADD_TIMEOUT_MS, `adding ${job.name} to ${queue.name}`);
  }

  async ping(): Promise<boolean> {
    try {
      if (this.connection.status !== 'ready') await withTimeout(once(this.connection, 'ready'), 1000, 'connecting to Redis');
      return (await withTimeout(this.connection.ping(), 1000, 'pinging Redis')) === 'PONG';
    } catch {
      return false;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([...this.queues.values()].map((q) => q.close()));
    this.connection.disconnect();
  }
}

export async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
