import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

const OUTBOX_JOB_ID = /^outbox-([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** Records on the outbox row what became of its job, so the relay knows what to deliver again. */
@Injectable()
export class OutboxOutcome {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async completed(jobId: string | undefined): Promise<void> {
    const id = OUTBOX_JOB_ID.exec(jobId ?? '')?.[1];
    if (!id) return;
    await this.update(`UPDATE outbox_messages SET status = 'completed', completed_at = now(), last_error = NULL WHERE job_id = $1`, [id]);
  }

  async failed(jobId: string | undefined, error: string): Promise<void> {
    const id = OUTBOX_JOB_ID.exec(jobId ?? '')?.[1];
    if (!id) return;
    await this.update(`UPDATE outbox_messages SET status = 'failed', last_error = $2 WHERE job_id = $1`, [id, error]);
  }

  private async update(sql: string, parameters: unknown[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT set_config('app.scope', 'outbox-relay', true)`);
      await manager.query(sql, parameters);
    });
  }
}
