import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { JsonLogger } from '../../platform/logging/json-logger';
import { JobCatalog } from '../../platform/queue/jobs';
import { WORKER_ID } from '../../platform/queue/worker-runtime';

/** Records, every few seconds, that this worker process is alive (worker entry point only). */
@Injectable()
export class WorkerHeartbeat implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly startedAt = new Date();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    private readonly logger: JsonLogger,
    private readonly catalog: JobCatalog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.beat();
    this.timer = setInterval(() => {
      this.beat().catch((error: unknown) =>
        this.logger.event('warn', 'worker.heartbeat-failed', { error: error instanceof Error ? error.message : String(error) }),
      );
    }, this.config.worker.heartbeatIntervalMs);
  }

  async onApplicationShutdown(): Promise<void> {
    clearInterval(this.timer);
    await this.dataSource.query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [WORKER_ID]).catch(() => undefined);
  }

  private async beat(): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, hostname, queues, started_at, last_seen_at)
       VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = now()`,
      [WORKER_ID, hostname(), [...this.catalog.queues], this.startedAt],
    );
  }
}
