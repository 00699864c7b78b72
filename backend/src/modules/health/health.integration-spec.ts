import type { INestApplication } from '@nestjs/common';
import type { SystemStatusResponse } from '@beacon/contracts';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, startApi } from '../../../test/harness';
import { addMember, type Session, signInOperator, signUp } from '../../../test/identity-fixtures';

const WORKER_ID = 'status-spec-worker';
const HOSTNAME = 'status-spec-host.internal';

describe('GET /status (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  let assessor: Session;
  let operator: Session;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminDataSource();
    await admin.query(
      `INSERT INTO worker_heartbeats (worker_id, hostname, queues, started_at, last_seen_at) VALUES ($1, $2, $3, now(), now())
       ON CONFLICT (worker_id) DO UPDATE SET last_seen_at = now()`,
      [WORKER_ID, HOSTNAME, ['scoring', 'reports']],
    );
    owner = await signUp(api, 'status');
    assessor = await addMember(api, owner, 'assessor');
    operator = await signInOperator(api);
  });
  afterAll(async () => {
    await admin.query(`DELETE FROM worker_heartbeats WHERE worker_id = $1`, [WORKER_ID]);
    await admin.destroy();
    await api.close();
  });

  async function status(app: INestApplication, token?: string): Promise<{ body: SystemStatusResponse; text: string }> {
    const request = http(app).get('/api/v1/status');
    const res = await (token === undefined ? request : request.set('authorization', `Bearer ${token}`)).expect(200);
    return { body: res.body as SystemStatusResponse, text: res.text };
  }

  it.each([
    ['anonymous', () => undefined],
    ['a company owner', () => owner.accessToken],
    ['a company assessor', () => assessor.accessToken],
    ['an invalid token', () => `${operator.accessToken}x`],
  ])('shows %s the health and the workers, without worker ids or host names', async (_who, token) => {
    const { body, text } = await status(api, token());
    expect(body).toMatchObject({ api: 'up', database: 'up', redis: 'up', worker: 'up' });
    expect(body.workers.length).toBeGreaterThan(0);
    for (const worker of body.workers) {
      expect(Object.keys(worker).sort()).toEqual(['healthy', 'lastSeenAt', 'queues', 'startedAt']);
    }
    expect(text).not.toContain(HOSTNAME);
    expect(text).not.toContain(WORKER_ID);
  });

  it('shows an operator (queues:monitor) the worker ids and host names', async () => {
    const { body } = await status(api, operator.accessToken);
    expect(body.workers).toContainEqual(expect.objectContaining({ workerId: WORKER_ID, hostname: HOSTNAME, queues: ['scoring', 'reports'], healthy: true }));
  });

  it('holds no transaction: it answers, operator or not, with a pool of a single connection', async () => {
    const single = await startApi({ DATABASE_POOL_SIZE: '1' });
    try {
      expect((await status(single)).body.database).toBe('up');
      expect((await status(single, operator.accessToken)).body.workers).toContainEqual(expect.objectContaining({ workerId: WORKER_ID }));
    } finally {
      await single.close();
    }
  });
});
