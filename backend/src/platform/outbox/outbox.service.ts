import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type EventItem, JobCatalog, type JobItem, queueOf } from '../queue/jobs';

/**
 * Records, inside the caller's transaction, that a job must run or that an event happened: the job
 * (or the subscribers' jobs) exists if and only if the state change that asked for it committed.
 */
@Injectable()
export class OutboxService {
  constructor(private readonly catalog: JobCatalog) {}

  async enqueue(manager: EntityManager, ...jobs: JobItem[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must run inside the transaction of the state change');
    }
    // Plain INSERT without RETURNING: row-level security lets a tenant write outbox rows that
    // only the relay may read back.
    for (const job of jobs) {
      await manager.query(
        `INSERT INTO outbox_messages (queue, job_name, payload, organization_id, correlation_id) VALUES ($1, $2, $3, $4, $5)`,
        [queueOf(job.name), job.name, JSON.stringify(job.data), job.data.organizationId ?? null, job.data.correlationId],
      );
    }
  }

  /**
   * Publishes an event: one job per context that subscribes to it (its `JobDeclaration`), each
   * carrying the event's payload. The publisher does not know who listens.
   */
  async publish(manager: EntityManager, event: EventItem): Promise<void> {
    const jobs = this.catalog.subscribers(event.name).map((name) => ({ name, data: event.data }) as unknown as JobItem);
    await this.enqueue(manager, ...jobs);
  }
}
