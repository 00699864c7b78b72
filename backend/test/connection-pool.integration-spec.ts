import type { INestApplication } from '@nestjs/common';
import type { Server as HttpServer } from 'node:http';
import { type AddressInfo, createServer, type Server, type Socket, connect } from 'node:net';
import { DataSource, type QueryRunner } from 'typeorm';
import { freePort, http, importShippedCatalog, startApi } from './harness';
import { signUp, STRONG_PASSWORD, uniqueEmail } from './identity-fixtures';
import { SAMPLE_BODIES, SAMPLE_QUERIES, SWEEP_PROFILE } from './route-samples';

interface OpenApi {
  paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>>;
}

const POOL_SIZE = 3;
const BURST = 3 * POOL_SIZE;

type Method = 'get' | 'post' | 'put' | 'delete';

/** A TCP relay in front of PostgreSQL that a test can cut, as a network fault or a stopped server would. */
class PostgresRelay {
  private readonly sockets = new Set<Socket>();
  private server?: Server;
  constructor(readonly port: number) {}

  async start(): Promise<void> {
    this.server = createServer((client) => {
      const upstream = connect(5432, '127.0.0.1');
      for (const socket of [client, upstream]) {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
    });
    await new Promise<void>((done) => this.server!.listen(this.port, '127.0.0.1', done));
  }

  async cut(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((done) => this.server!.close(() => done()));
  }
}

describe('database connections: one per request, bounded waits (real PostgreSQL)', () => {
  beforeAll(importShippedCatalog);

  describe('with every pooled connection held elsewhere', () => {
    let api: INestApplication;
    let held: QueryRunner[] = [];

    beforeAll(async () => {
      api = await startApi({ DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_ACQUIRE_TIMEOUT_MS: '300' });
    });
    afterAll(async () => {
      await Promise.all(held.map((runner) => runner.release()));
      await api.close();
    });

    it('keeps /health answering, says the database is down on /ready, answers 503 with Retry-After instead of hanging, and recovers', async () => {
      const session = await signUp(api, 'pool');
      const dataSource = api.get(DataSource);
      held = await Promise.all(
        Array.from({ length: POOL_SIZE }, async () => {
          const runner = dataSource.createQueryRunner();
          await runner.connect();
          return runner;
        }),
      );

      expect((await http(api).get('/api/v1/health').expect(200)).body).toEqual({ status: 'ok' });
      const ready = await http(api).get('/api/v1/ready').expect(503);
      expect(ready.body).toMatchObject({ status: 'not-ready', checks: { database: 'down' } });
      for (const request of [
        http(api).get('/api/v1/frameworks'),
        http(api).post('/api/v1/auth/login').send({ email: session.email, password: STRONG_PASSWORD }),
        http(api).get('/api/v1/me').set('authorization', `Bearer ${session.accessToken}`),
      ]) {
        const res = await request;
        expect({ status: res.status, code: (res.body as { code?: string }).code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
        expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        expect(res.body).toHaveProperty('correlationId');
      }

      await Promise.all(held.map((runner) => runner.release()));
      held = [];
      await http(api).get('/api/v1/ready').expect(200);
      await http(api).get('/api/v1/frameworks').expect(200);
      await http(api).get('/api/v1/me').set('authorization', `Bearer ${session.accessToken}`).expect(200);
    });
  });

  it('answers /ready 503 {database: "down"} while PostgreSQL is unreachable, and /health 200', async () => {
    const relay = new PostgresRelay(await freePort());
    await relay.start();
    const url = new URL(process.env['DATABASE_URL']!);
    url.port = String(relay.port);
    const api = await startApi({ DATABASE_URL: url.toString(), DATABASE_ACQUIRE_TIMEOUT_MS: '1000' });
    try {
      await http(api).get('/api/v1/ready').expect(200);
      await relay.cut();
      const ready = await http(api).get('/api/v1/ready').expect(503);
      expect(ready.body).toMatchObject({ status: 'not-ready', checks: { database: 'down' } });
      await http(api).get('/api/v1/health').expect(200);
      const frameworks = await http(api).get('/api/v1/frameworks');
      expect(frameworks.status).toBe(503);
    } finally {
      await api.close();
    }
  });

  describe(`every route at ${BURST} concurrent requests on a pool of ${POOL_SIZE}`, () => {
    let api: INestApplication;

    beforeAll(async () => {
      // A generous acquire timeout: requests queue for a connection and are served in turn. A route
      // that waited for a second connection while holding one would deadlock the pool (answered
      // 503 after the timeout), and one that asked for it is refused at once (500): either fails here.
      api = await startApi({ DATABASE_POOL_SIZE: String(POOL_SIZE), DATABASE_ACQUIRE_TIMEOUT_MS: '30000' });
    });
    afterAll(async () => {
      await api.close();
    });

    it('answers every request without a server error: no route holds one connection while waiting for another', async () => {
      const owner = await signUp(api, 'burst');
      const auth = `Bearer ${owner.accessToken}`;
      const assessment = (await http(api)
        .post('/api/v1/assessments')
        .set('authorization', auth)
        .send({ title: 'Burst review', frameworks: [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }], profile: SWEEP_PROFILE })
        .expect(201)).body as { id: string };
      const evidence = (await http(api)
        .post(`/api/v1/assessments/${assessment.id}/evidence/links`)
        .set('authorization', auth)
        .send({ requirementKey: 'MSM-1', url: 'https://example.org/burst', title: 'Burst evidence' })
        .expect(201)).body as { id: string };
      const pathValue = (path: string, name: string): string =>
        ({
          id: path.startsWith('/api/v1/assessments') ? assessment.id : owner.organizationId,
          userId: owner.userId,
          questionKey: 'MSM-1-q1',
          requirementKey: 'MSM-1',
          evidenceId: evidence.id,
          slug: 'ncmec-minimum-safety-measures',
          version: '1.0.0',
          other: '1.0.0',
        })[name] ?? '00000000-0000-4000-8000-000000000000';
      const bodyFor = (key: string): object => {
        if (key === 'post /api/v1/auth/login') return { email: owner.email, password: STRONG_PASSWORD };
        if (key === 'post /api/v1/auth/register')
          return { email: uniqueEmail('burst-register'), password: STRONG_PASSWORD, name: 'Burst', organizationName: 'Burst Ltd' };
        return (SAMPLE_BODIES[key] as object | undefined) ?? {};
      };

      const spec = (await http(api).get('/api/docs/openapi.json').expect(200)).body as OpenApi;
      const failures: string[] = [];
      let routes = 0;
      // Reads first, removals last, so that every route still finds the fixtures it names.
      const order: Method[] = ['get', 'put', 'post', 'delete'];
      const calls = Object.entries(spec.paths)
        .flatMap(([path, operations]) => (Object.keys(operations) as Method[]).map((method) => ({ path, method })))
        .sort((a, b) => order.indexOf(a.method) - order.indexOf(b.method));
      for (const { path, method } of calls) {
        {
          const key = `${method} ${path}`;
          const url = path.replace(/\{(\w+)\}/g, (_m, name: string) => pathValue(path, name)) + (SAMPLE_QUERIES[key] ?? '');
          routes += 1;
          const answers = await Promise.all(
            Array.from({ length: BURST }, () => http(api)[method](url).set('authorization', auth).send(bodyFor(key))),
          );
          for (const res of answers) if (res.status >= 500) failures.push(`${key} → ${res.status} ${JSON.stringify(res.body)}`);
        }
      }
      expect(routes).toBeGreaterThan(40);
      expect(failures).toEqual([]);
    });
  });

  describe('uploads', () => {
    let api: INestApplication;
    let port: number;

    beforeAll(async () => {
      api = await startApi({ DATABASE_POOL_SIZE: '2', DATABASE_ACQUIRE_TIMEOUT_MS: '300', UPLOAD_TIMEOUT_MS: '3000' });
      const server = api.getHttpServer() as HttpServer;
      await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(async () => {
      await api.close();
    });

    /** Sends the headers and the first bytes of an evidence upload, then nothing more; resolves with what the server answers. */
    function stalledUpload(path: string, accessToken: string | null, closeAfterAnswer = false): { answer: Promise<string> } {
      const boundary = 'beacon-stalled-upload';
      const head = `--${boundary}\r\nContent-Disposition: form-data; name="requirementKey"\r\n\r\nMSM-1\r\n--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="policy.txt"\r\nContent-Type: text/plain\r\n\r\nThe first words of a long policy`;
      const socket = connect(port, '127.0.0.1');
      socket.write(
        `POST ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\n${accessToken ? `Authorization: Bearer ${accessToken}\r\n` : ''}` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 1000000\r\n${closeAfterAnswer ? 'Connection: close\r\n' : ''}\r\n${head}`,
      );
      let received = '';
      socket.on('data', (chunk) => (received += chunk.toString()));
      return { answer: new Promise((done) => socket.on('close', () => done(received))) };
    }

    it('holds no database connection while a file arrives slowly, and answers 408 and closes the connection when it does not arrive in time', async () => {
      const owner = await signUp(api, 'slow-upload');
      const assessment = (await http(api)
        .post('/api/v1/assessments')
        .set('authorization', `Bearer ${owner.accessToken}`)
        .send({ title: 'Slow upload', frameworks: [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }], profile: SWEEP_PROFILE })
        .expect(201)).body as { id: string };
      // More stalled uploads than the pool has connections: signed-in evidence and public verification.
      const stalled = [
        stalledUpload(`/api/v1/assessments/${assessment.id}/evidence`, owner.accessToken),
        stalledUpload(`/api/v1/assessments/${assessment.id}/evidence`, owner.accessToken),
        stalledUpload('/api/v1/reports/verify', null),
      ];
      await http(api).get('/api/v1/health').expect(200);
      // Were a stalled upload holding a connection, these would wait past the 300 ms acquire timeout (503).
      for (let i = 0; i < 3; i += 1) await http(api).get('/api/v1/me').set('authorization', `Bearer ${owner.accessToken}`).expect(200);

      for (const { answer } of stalled) {
        const response = await answer;
        expect(response).toMatch(/^HTTP\/1\.1 408 /);
        expect(response).toMatch(/"code":"REQUEST_TIMEOUT"/);
      }
      const evidence = (await http(api).get(`/api/v1/assessments/${assessment.id}/evidence`).set('authorization', `Bearer ${owner.accessToken}`).expect(200))
        .body as unknown[];
      expect(evidence).toEqual([]);
    });

    it('refuses a stranger before reading the upload', async () => {
      const answer = await stalledUpload(`/api/v1/assessments/00000000-0000-4000-8000-000000000000/evidence`, null, true).answer;
      expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    });
  });
});
