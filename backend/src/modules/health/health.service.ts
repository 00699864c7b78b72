import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ReadinessResponse, StatusProbeResponse, SystemStatusResponse, WorkerStatus } from '@beacon/contracts';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../platform/config/app-config';
import { currentCorrelationId } from '../../platform/logging/request-context';
import { OutboxService } from '../../platform/outbox/outbox.service';
import { QueueProducer } from '../../platform/queue/queue-producer';
import { queueOf } from '../../platform/queue/jobs';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { StatusProbeAnswerEntity } from './entities/status-probe-answer.entity';
import { StatusProbeEntity } from './entities/status-probe.entity';
import { WorkerHeartbeatEntity } from './entities/worker-heartbeat.entity';
import { healthError } from './health.exception';
import { STATUS_PROBE_JOBS } from './jobs/health.jobs';

const VERSION = '0.1.0';

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly producer: QueueProducer,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly db: TenantDatabase,
  ) {}

  async readiness(): Promise<ReadinessResponse> {
    const [database, redis] = await Promise.all([this.databaseUp(), this.producer.ping()]);
    const checks = { database: database ? 'up' : 'down', redis: redis ? 'up' : 'down' } as const;
    return { status: database && redis ? 'ready' : 'not-ready', checks };
  }

  /**
   * The status page's answer; worker ids and host names for operators only (the controller checks
   * the caller). One statement at a time on a pooled connection, never a transaction: the workers'
   * read doubles as the database check.
   */
  async systemStatus(operator: boolean): Promise<SystemStatusResponse> {
    const [workers, redis] = await Promise.all([this.workers(operator).catch(() => null), this.producer.ping()]);
    return {
      api: 'up',
      database: workers ? 'up' : 'down',
      redis: redis ? 'up' : 'down',
      worker: workers?.some((w) => w.healthy) ? 'up' : 'down',
      workers: workers ?? [],
      version: VERSION,
      checkedAt: new Date().toISOString(),
    };
  }

  /** Writes a probe and one job per queue in the request's transaction; the workers answer it. */
  async requestProbe(): Promise<StatusProbeResponse> {
    const correlationId = currentCorrelationId() ?? null;
    const manager = this.db.manager();
    const probe = await manager.save(StatusProbeEntity, manager.create(StatusProbeEntity, { correlationId }));
    const data = { probeId: probe.id, correlationId: correlationId ?? probe.id };
    await this.outbox.enqueue(
      manager,
      ...STATUS_PROBE_JOBS.map((name) => ({ name, data })),
    );
    return this.describeProbe(probe, []);
  }

  async probe(id: string): Promise<StatusProbeResponse> {
    const manager = this.db.manager();
    const probe = await manager.findOneBy(StatusProbeEntity, { id });
    if (!probe) throw healthError('PROBE_NOT_FOUND', `No status probe ${id}.`);
    const answers = await manager.find(StatusProbeAnswerEntity, { where: { probeId: id }, order: { queue: 'ASC' } });
    return this.describeProbe(probe, answers);
  }

  /** Records that a worker answered a probe (in the job's transaction); answering twice stores one row. */
  async answerProbe(probeId: string, queue: string, workerId: string): Promise<void> {
    await this.db.manager().query(
      `INSERT INTO status_probe_answers (probe_id, queue, worker_id) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
      [probeId, queue, workerId],
    );
  }

  private describeProbe(probe: StatusProbeEntity, answers: StatusProbeAnswerEntity[]): StatusProbeResponse {
    const complete = STATUS_PROBE_JOBS.every((name) => answers.some((a) => a.queue === queueOf(name)));
    const last = answers.reduce((max, a) => Math.max(max, a.answeredAt.getTime()), 0);
    return {
      id: probe.id,
      state: complete ? 'completed' : 'pending',
      requestedAt: probe.requestedAt.toISOString(),
      answers: answers.map((a) => ({ queue: a.queue, workerId: a.workerId, answeredAt: a.answeredAt.toISOString() })),
      roundTripMs: complete ? last - probe.requestedAt.getTime() : null,
    };
  }

  private async workers(withIdentity: boolean): Promise<WorkerStatus[]> {
    const staleAfterMs = this.config.worker.heartbeatIntervalMs * 3;
    const rows = await this.dataSource
      .getRepository(WorkerHeartbeatEntity)
      .createQueryBuilder('w')
      .where(`w.last_seen_at > now() - interval '1 hour'`)
      .orderBy('w.last_seen_at', 'DESC')
      .getMany();
    const now = Date.now();
    return rows.map((w) => ({
      ...(withIdentity ? { workerId: w.workerId, hostname: w.hostname } : {}),
      queues: w.queues,
      startedAt: w.startedAt.toISOString(),
      lastSeenAt: w.lastSeenAt.toISOString(),
      healthy: now - w.lastSeenAt.getTime() <= staleAfterMs,
    }));
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }
}
