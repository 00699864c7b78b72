import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { JOB_QUEUE, type JobItem } from '../queue/jobs';
import { OutboxMessageEntity } from './outbox-message.entity';

/**
 * Records that a job must run, inside the caller's transaction: the job exists if and only if the
 * state change that asked for it committed.
 */
@Injectable()
export class OutboxService {
  async enqueue(manager: EntityManager, ...jobs: JobItem[]): Promise<string[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('OutboxService.enqueue must run inside the transaction of the state change');
    }
    const rows = jobs.map((job) =>
      manager.create(OutboxMessageEntity, {
        queue: JOB_QUEUE[job.name],
        jobName: job.name,
        payload: job.data as unknown as Record<string, unknown>,
        organizationId: job.data.organizationId ?? null,
        correlationId: job.data.correlationId,
      }),
    );
    const saved = await manager.save(OutboxMessageEntity, rows);
    return saved.map((row) => row.id);
  }
}
