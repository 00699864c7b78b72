import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { StatusProbeResponse } from '@beacon/contracts';
import type { Response } from 'supertest';
import type { DataSource } from 'typeorm';
import { clearTables, freePort, http, adminDataSource, PrivateRedis, startApi, startWorker, waitFor, withEnv } from '../../../test/harness';
import { type Session, signInOperator } from '../../../test/identity-fixtures';
import { StatusProbeEntity } from '../../modules/health/entities/status-probe.entity';
import { PlatformModule } from '../platform.module';
import { ENTITIES } from '../../database/entities';
import { QueueProducer } from '../queue/queue-producer';
import { JOBS } from '../../jobs';
import { JobCatalog } from '../queue/jobs';
import { OutboxRelay } from './outbox-relay';
import { OutboxService } from './outbox.service';

const QUEUE_NAMES = new JobCatalog(JOBS).queues;

const TABLES = ['outbox_messages', 'status_probe_answers', 'status_probes', 'worker_heartbeats'];

describe('transactional outbox (real PostgreSQL and Redis)', () => {
  let owner: DataSource;

  beforeAll(async () => {
    owner = await adminDataSource();
  });
  afterAll(async () => {
    await owner.destroy();
  });
  beforeEach(async () => {
    await clearTables(owner, TABLES);
  });

  async function count(table: string, where = 'true'): Promise<number> {
    const rows: { n: number }[] = await owner.query(`SELECT count(*)::int AS n FROM ${table} WHERE ${where}`);
    return rows[0]!.n;
  }

  /** POST /status/probes as a platform operator (the route requires `queues:monitor`). */
  async function sendProbe(api: INestApplication, operator?: Session): Promise<Response> {
    const token = (operator ?? (await signInOperator(api))).accessToken;
    return http(api).post('/api/v1/status/probes').set('authorization', `Bearer ${token}`).expect(202);
  }

  async function answers(probeId: string): Promise<number> {
    return count('status_probe_answers', `probe_id = '${probeId}'`);
  }

  describe('writing', () => {
    let api: INestApplication;
    beforeAll(async () => {
      api = await startApi();
    });
    afterAll(async () => {
      await api.close();
    });

    it('commits the state change and its outbox rows in one transaction', async () => {
      const res = await sendProbe(api);
      const probe = res.body as StatusProbeResponse;
      expect(await count('status_probes', `id = '${probe.id}'`)).toBe(1);
      const rows: { job_name: string; status: string; payload: { probeId: string } }[] = await owner.query(
        `SELECT job_name, status, payload FROM outbox_messages ORDER BY id`,
      );
      expect(rows.map((r) => r.job_name)).toEqual(['scoring.status-probe', 'reports.status-probe', 'benchmarks.status-probe']);
      expect(rows.every((r) => r.status === 'pending' && r.payload.probeId === probe.id)).toBe(true);
    });

    it('writes neither the state nor the outbox row when the transaction fails', async () => {
      const dataSource = api.get<DataSource>(getDataSourceToken());
      const outbox = api.get(OutboxService);
      await expect(
        dataSource.transaction(async (manager) => {
          const probe = await manager.save(StatusProbeEntity, manager.create(StatusProbeEntity, { correlationId: 'rollback' }));
          await outbox.enqueue(manager, { name: 'scoring.status-probe', data: { probeId: probe.id, correlationId: 'rollback' } });
          throw new Error('business rule failed after the writes');
        }),
      ).rejects.toThrow('business rule failed');
      expect(await count('status_probes')).toBe(0);
      expect(await count('outbox_messages')).toBe(0);
    });

    it('refuses to write an outbox row outside a transaction', async () => {
      const dataSource = api.get<DataSource>(getDataSourceToken());
      await expect(
        api.get(OutboxService).enqueue(dataSource.manager, { name: 'scoring.status-probe', data: { probeId: 'x', correlationId: 'y' } }),
      ).rejects.toThrow('inside the transaction');
    });
  });

  describe('relaying', () => {
    let relayModule: TestingModule;
    let api: INestApplication;
    let worker: INestApplicationContext | undefined;

    // Queues of their own: the counts below must not see jobs other test files left in the run's queues.
    const env = { QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-relaying` };

    beforeAll(async () => {
      api = await startApi(env);
      // A relay without queue workers, so the test decides when jobs are consumed.
      relayModule = await withEnv(env, () =>
        Test.createTestingModule({ imports: [PlatformModule.forRoot({ entities: ENTITIES, jobs: JOBS })], providers: [OutboxRelay] }).compile(),
      );
    });
    afterEach(async () => {
      await worker?.close();
      worker = undefined;
    });
    afterAll(async () => {
      await relayModule.close();
      await api.close();
    });

    it('creates one job per outbox row even when a row is relayed twice, and stores the result once', async () => {
      const res = await sendProbe(api);
      const probeId = (res.body as StatusProbeResponse).id;
      const relay = relayModule.get(OutboxRelay);
      const producer = relayModule.get(QueueProducer);

      expect(await relay.drain()).toBe(3);
      expect(await count('outbox_messages', `status = 'relayed'`)).toBe(3);
      // Simulate a relay that crashed after adding the jobs but before marking the rows.
      await owner.query(`UPDATE outbox_messages SET status = 'pending', relayed_at = NULL`);
      expect(await relay.drain()).toBe(3);

      for (const queue of QUEUE_NAMES) {
        const counts = await producer.queue(queue).getJobCounts('waiting', 'active', 'completed', 'delayed');
        expect(counts['waiting']! + counts['active']! + counts['completed']! + counts['delayed']!).toBe(1);
      }

      worker = await startWorker(env);
      await waitFor(async () => (await answers(probeId)) === 3, 15000, 'three probe answers');
      for (const queue of QUEUE_NAMES) {
        await waitFor(async () => (await producer.queue(queue).getJobCounts('completed'))['completed'] === 1, 5000, `${queue} job done`);
      }

      // At-least-once delivery may still hand a job over twice (e.g. after retention removed the
      // first copy): the handler's upsert keeps a single result.
      await producer.add({ name: 'scoring.status-probe', data: { probeId, correlationId: 'duplicate' } }, 'duplicate-delivery');
      await waitFor(async () => (await producer.queue('scoring').getJobCounts('completed'))['completed'] === 2, 5000, 'duplicate processed');
      expect(await answers(probeId)).toBe(3);
      await waitFor(async () => (await count('outbox_messages', `status = 'completed'`)) === 3, 5000, 'outbox rows completed');
    });

    it('never collides with jobs Redis remembers from before a database reset', async () => {
      const relay = relayModule.get(OutboxRelay);
      worker = await startWorker(env);
      const first = ((await sendProbe(api)).body as StatusProbeResponse).id;
      await relay.drain();
      await waitFor(async () => (await answers(first)) === 3, 15000, 'first probe answered');

      // The database is reset (outbox ids start again at 1); Redis still holds the completed jobs.
      await clearTables(owner, TABLES);
      const second = ((await sendProbe(api)).body as StatusProbeResponse).id;
      await relay.drain();
      await waitFor(async () => (await answers(second)) === 3, 15000, 'second probe answered after the reset');
    });

    it('relays again a job that Redis lost (restart without persistence), so it still runs once', async () => {
      const res = await sendProbe(api);
      const probeId = (res.body as StatusProbeResponse).id;
      const relay = relayModule.get(OutboxRelay);
      const producer = relayModule.get(QueueProducer);
      expect(await relay.drain()).toBe(3);
      // Redis loses everything it had; the rows say "relayed" but no job exists any more.
      for (const queue of QUEUE_NAMES) await producer.queue(queue).obliterate({ force: true });
      expect(await relay.drain()).toBe(0);

      // Past the redelivery delay, the relay hands the unfinished jobs over again.
      await owner.query(`UPDATE outbox_messages SET relayed_at = now() - interval '1 hour' WHERE status = 'relayed'`);
      expect(await relay.drain()).toBe(3);
      worker = await startWorker(env);
      await waitFor(async () => (await answers(probeId)) === 3, 15000, 'three probe answers after redelivery');
      await waitFor(async () => (await count('outbox_messages', `status = 'completed'`)) === 3, 5000, 'outbox rows completed');
    });
  });

  describe('while Redis is down', () => {
    let privateRedis: PrivateRedis;
    let api: INestApplication;
    let worker: INestApplicationContext;

    beforeAll(async () => {
      privateRedis = new PrivateRedis(await freePort());
      await privateRedis.start();
      const env = { REDIS_URL: privateRedis.url, QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-outage` };
      api = await startApi(env);
      worker = await startWorker(env);
    });
    afterAll(async () => {
      await worker.close();
      await api.close();
      await privateRedis.stop();
    });

    it('still commits the submission, keeps the job pending, and runs it once Redis returns', async () => {
      const operator = await signInOperator(api);
      await privateRedis.stop();

      const res = await sendProbe(api, operator);
      const probeId = (res.body as StatusProbeResponse).id;
      expect(await count('status_probes', `id = '${probeId}'`)).toBe(1);

      // The relay tries, fails fast, and leaves the rows pending with the error recorded.
      await waitFor(async () => (await count('outbox_messages', `attempts > 0 AND last_error IS NOT NULL`)) > 0, 15000, 'a failed relay attempt');
      expect(await count('outbox_messages', `status = 'pending'`)).toBe(3);
      expect(await answers(probeId)).toBe(0);

      await privateRedis.start();
      await waitFor(async () => (await answers(probeId)) === 3, 45000, 'probe answered after Redis returned');
      await waitFor(async () => (await count('outbox_messages', `status = 'completed'`)) === 3, 5000, 'outbox rows completed');
    });
  });
});
