import type { INestApplication } from '@nestjs/common';
import type { ErrorResponse, ReadinessResponse } from '@beacon/contracts';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { http, startApi } from '../../../test/harness';
import { signInOperator, signUp } from '../../../test/identity-fixtures';

describe('HTTP platform (real PostgreSQL and Redis)', () => {
  let api: INestApplication;

  beforeAll(async () => {
    api = await startApi({ HTTP_BODY_LIMIT: '2kb' });
  });
  afterAll(async () => {
    await api.close();
  });

  async function probeCount(): Promise<number> {
    const [row] = await api.get(DataSource).query<{ n: number }[]>(`SELECT count(*)::int AS n FROM status_probes`);
    return row!.n;
  }


  it('answers liveness and readiness under /api/v1', async () => {
    await http(api).get('/api/v1/health').expect(200, { status: 'ok' });
    const ready = await http(api).get('/api/v1/ready').expect(200);
    expect(ready.body as ReadinessResponse).toEqual({ status: 'ready', checks: { database: 'up', redis: 'up' } });
  });

  it('answers an unknown route with a JSON 404 in the error shape', async () => {
    const res = await http(api).get('/api/v1/no-such-thing').expect(404);
    const body = res.body as ErrorResponse;
    expect(body.code).toBe('NOT_FOUND');
    expect(typeof body.message).toBe('string');
    expect(body.correlationId).toBe(res.headers['x-correlation-id']);
  });

  it('answers malformed JSON with 400 MALFORMED_JSON', async () => {
    const res = await http(api).post('/api/v1/status/probes').set('content-type', 'application/json').send('{"oops":').expect(400);
    expect((res.body as ErrorResponse).code).toBe('MALFORMED_JSON');
  });

  it('answers a body over the configured limit with 413', async () => {
    const res = await http(api)
      .post('/api/v1/status/probes')
      .set('content-type', 'application/json')
      .send(JSON.stringify({ big: 'x'.repeat(4096) }))
      .expect(413);
    expect((res.body as ErrorResponse).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('sends a status probe for operators only: 401 anonymous, 403 for a company owner, nothing queued', async () => {
    const probesBefore = await probeCount();
    const anonymous = await http(api).post('/api/v1/status/probes').expect(401);
    expect((anonymous.body as ErrorResponse).code).toBe('UNAUTHORIZED');
    const company = await signUp(api, 'probe');
    const refused = await http(api).post('/api/v1/status/probes').set('authorization', `Bearer ${company.accessToken}`).expect(403);
    expect((refused.body as ErrorResponse).code).toBe('FORBIDDEN');
    expect(await probeCount()).toBe(probesBefore);
    // The refusal is in the company's audit log (recorded through the platform's SECURITY_EVENTS port).
    const audit = (await http(api).get('/api/v1/audit').set('authorization', `Bearer ${company.accessToken}`).expect(200)).body as { action: string; targetId: string }[];
    expect(audit).toEqual(expect.arrayContaining([expect.objectContaining({ action: 'permission.denied', targetId: 'POST /api/v1/status/probes' })]));

    const operator = await signInOperator(api);
    const sent = await http(api).post('/api/v1/status/probes').set('authorization', `Bearer ${operator.accessToken}`).expect(202);
    expect(await probeCount()).toBe(probesBefore + 1);
    // Reading a probe is for operators too: its answers name the workers.
    const probeUrl = `/api/v1/status/probes/${(sent.body as { id: string }).id}`;
    await http(api).get(probeUrl).expect(401);
    await http(api).get(probeUrl).set('authorization', `Bearer ${company.accessToken}`).expect(403);
    await http(api).get(probeUrl).set('authorization', `Bearer ${operator.accessToken}`).expect(200);
  });

  it('answers an invalid id with 400 and an unknown one with 404', async () => {
    const operator = await signInOperator(api);
    const auth = `Bearer ${operator.accessToken}`;
    await http(api).get('/api/v1/status/probes/not-a-uuid').set('authorization', auth).expect(400);
    const res = await http(api).get('/api/v1/status/probes/6f1c7f7e-6d0a-4d43-9a51-6f0d9d1c2b3a').set('authorization', auth).expect(404);
    expect((res.body as ErrorResponse).code).toBe('PROBE_NOT_FOUND');
  });

  it('keeps a well-formed caller correlation id, replaces a hostile one', async () => {
    const kept = await http(api).get('/api/v1/health').set('x-correlation-id', 'abc-123').expect(200);
    expect(kept.headers['x-correlation-id']).toBe('abc-123');
    const replaced = await http(api).get('/api/v1/health').set('x-correlation-id', 'bad id <script>').expect(200);
    expect(replaced.headers['x-correlation-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('sets security headers (helmet)', async () => {
    const res = await http(api).get('/api/v1/health').expect(200);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('publishes OpenAPI at /api/docs listing the endpoints', async () => {
    await http(api).get('/api/docs').expect(200);
    const spec = await http(api).get('/api/docs/openapi.json').expect(200);
    const paths = Object.keys((spec.body as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/health', '/api/v1/ready', '/api/v1/status', '/api/v1/status/probes']));
  });
});

describe('boot with an invalid environment', () => {
  const main = join(__dirname, '../../../../dist/backend/backend/src/main.api.js');

  it('exits with code 1 naming each bad variable (built output of `nx run backend:build`)', () => {
    expect(existsSync(main)).toBe(true);
    const result = spawnSync(process.execPath, [main], {
      env: { PATH: process.env['PATH'], DATABASE_URL: 'mysql://nope', HTTP_PORT: 'eighty', LOG_LEVEL: 'loud' },
      encoding: 'utf8',
      timeout: 20000,
    });
    expect(result.status).toBe(1);
    for (const variable of ['DATABASE_URL', 'HTTP_PORT', 'LOG_LEVEL']) expect(result.stderr).toContain(variable);
  });
});
