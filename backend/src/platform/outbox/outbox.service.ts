import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_QUEUE, type JobItem } from '../queue/jobs';

/**
 * Records that a job must run, inside the caller's transaction: the job exists if and only if the
 * state change that asked for it committed.
 */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...jobs: JobItem[]): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must run inside the transaction of the state change');
    }
    // Plain INSERT without RETURNING: row-level security lets a tenant write outbox rows that
    // only the relay may read back.
    for (const job of jobs) {
      await manager.query(
        `INSERT INTO outbox_messages (queue, job_name, payload, organization_id, correlation_id) VALUES ($1, $2, $3, $4, $5)`,
        [JOB_QUEUE[job.name], job.name, JSON.stringify(job.data), job.data.organizationId ?? null, job.data.correlationId],
      );
    }
  }
}
