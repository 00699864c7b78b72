import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JsonLogger } from '../logging/json-logger';
import { runWithContext } from '../logging/request-context';
import { jobIdForOutbox } from '../queue/job-options';
import { JobCatalog, type JobItem } from '../queue/jobs';
import { QueueProducer } from '../queue/queue-producer';

const BATCH_SIZE = 100;
const MAX_BACKOFF_MS = 30_000;

interface PendingRow {
  id: string;
  job_id: string;
  job_name: string;
  payload: Record<string, unknown>;
  correlation_id: string | null;
  attempts: number;
}

/**
 * Moves pending outbox rows to BullMQ (worker only). Rows are claimed with `FOR UPDATE SKIP
 * LOCKED`, so several workers can relay at once; the job id comes from the row, so relaying a
 * row twice yields one job. While Redis is down a row stays pending and is retried with backoff.
 * A relayed row whose job has not completed after `OUTBOX_REDELIVER_AFTER_MS` is relayed again,
 * so a job that Redis lost (a restart without persistence) still runs; handlers are idempotent.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private listener?: Client;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
    private readonly logger: JsonLogger,
    private readonly catalog: JobCatalog,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.config.worker.outboxPollIntervalMs);
    this.wake();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.running;
    await this.listener?.end().catch(() => undefined);
  }

  /** Asks for a relay pass; passes never overlap, and a request during a pass causes one more. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain()
      .then(() => undefined)
      .catch((error: unknown) =>
        this.logger.event('warn', 'outbox.relay-failed', { error: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Relays until no due row is left; returns how many rows were relayed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const { relayed, claimed, blocked } = await this.relayBatch();
      total += relayed;
      if (blocked || claimed < BATCH_SIZE) return total;
    }
  }

  private async relayBatch(): Promise<{ relayed: number; claimed: number; blocked: boolean }> {
    return this.dataSource.transaction(async (manager) => {
      // The relay is the one path that reads every organization's outbox rows.
      await manager.query(`SELECT set_config('app.scope', 'outbox-relay', true)`);
      const rows: PendingRow[] = await manager.query(
        `SELECT id, job_id, job_name, payload, correlation_id, attempts FROM outbox_messages
          WHERE (status = 'pending' AND available_at <= now())
             OR (status = 'relayed' AND relayed_at < now() - ($2 || ' milliseconds')::interval)
          ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [BATCH_SIZE, String(this.config.worker.outboxRedeliverAfterMs)],
      );
      const done: string[] = [];
      let blocked = false;
      for (const row of rows) {
        if (!this.catalog.isJobName(row.job_name)) {
          // Cannot happen through OutboxService; parked so that it never blocks the others.
          await manager.query(
            `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2, available_at = 'infinity' WHERE id = $1`,
            [row.id, `unknown job name ${row.job_name}`],
          );
          continue;
        }
        const job = { name: row.job_name, data: row.payload } as unknown as JobItem;
        try {
          await runWithContext({ correlationId: row.correlation_id ?? `outbox-${row.id}` }, () =>
            this.producer.add(job, jobIdForOutbox(row.job_id)),
          );
          done.push(row.id);
        } catch (error) {
          const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** Math.min(row.attempts, 10));
          await manager.query(
            `UPDATE outbox_messages SET attempts = attempts + 1, last_error = $2,
                    available_at = now() + ($3 || ' milliseconds')::interval WHERE id = $1`,
            [row.id, error instanceof Error ? error.message : String(error), String(delay)],
          );
          // Redis is most likely unreachable: stop this pass, the rest waits for the next one.
          blocked = true;
          break;
        }
      }
      if (done.length > 0) {
        await manager.query(
          `UPDATE outbox_messages SET status = 'relayed', relayed_at = now(), last_error = NULL WHERE id = ANY($1::bigint[])`,
          [done],
        );
        this.logger.event('debug', 'outbox.relayed', { count: done.length });
      }
      return { relayed: done.length, claimed: rows.length, blocked };
    });
  }

  private async listen(): Promise<void> {
    const client = new Client({ connectionString: this.config.database.url, application_name: 'beacon-outbox-listener' });
    client.on('notification', () => this.wake());
    client.on('error', (error) => {
      // Polling keeps the relay going; reconnect the listener in the background.
      this.logger.event('warn', 'outbox.listener-error', { error: error.message });
      this.listener = undefined;
      if (!this.stopped) setTimeout(() => void this.listen().catch(() => undefined), 1000);
    });
    await client.connect();
    await client.query('LISTEN outbox');
    this.listener = client;
  }
}
