import type { INestApplication } from '@nestjs/common';
import type { ErrorResponse, FieldProblem } from '@beacon/contracts';
import { emptyServiceFeatures, type ServiceProfile } from '@beacon/domain';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, startApi } from '../../../test/harness';
import { type Session, signUp, STRONG_PASSWORD, uniqueEmail } from '../../../test/identity-fixtures';

type Refusal = ErrorResponse & { details: FieldProblem[] };

const PROFILE: ServiceProfile = {
  features: emptyServiceFeatures(),
  sizeBand: 'medium',
  jurisdictions: ['FR'],
  languages: ['en'],
  sector: 'social-media',
};
const FRAMEWORKS = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];

describe('unsafe request input (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });
  const count = async (table: string) => (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;
  /** Posts `json` as it is written, so that escapes such as `\udfff` reach the server's parser. */
  const postRaw = (path: string, json: string, headers: Record<string, string> = {}) =>
    http(api).post(path).set(headers).set('content-type', 'application/json').send(json);

  /** The 400 in the error shape, naming `field` with a reason matching `reason`. */
  function expectRefusal(res: { status: number; body: unknown }, field: string, reason: RegExp): void {
    expect(res.status).toBe(400);
    const body = res.body as Refusal;
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(typeof body.correlationId).toBe('string');
    expect(body.details).toContainEqual({ field, reasons: [expect.stringMatching(reason) as string] });
  }

  beforeAll(async () => {
    api = await startApi();
    admin = await adminDataSource();
    owner = await signUp(api, 'input');
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  describe('invalid Unicode', () => {
    it('refuses a lone surrogate in the sign-in email with 400 naming the field, and audits nothing', async () => {
      const events = await count('audit_events');
      const res = await postRaw('/api/v1/auth/login', '{"email":"victim\\udfff@example.test","password":"a guess of sorts"}');
      expectRefusal(res, 'email', /lone UTF-16 surrogate/);
      expect(await count('audit_events')).toBe(events);
    });

    it('refuses U+0000 in any string or key of a body, at any depth, and creates nothing', async () => {
      const users = await count('users');
      const register = { email: uniqueEmail('nul'), password: STRONG_PASSWORD, name: 'Nul\u0000Name', organizationName: 'Nul Co' };
      expectRefusal(await http(api).post('/api/v1/auth/register').send(register), 'name', /U\+0000/);
      expect(await count('users')).toBe(users);

      const assessments = await count('assessments');
      const create = (body: object) => http(api).post('/api/v1/assessments').set(as(owner)).send(body);
      expectRefusal(await create({ title: 'Annual\u0000review', frameworks: FRAMEWORKS, profile: PROFILE }), 'title', /U\+0000/);
      expectRefusal(await create({ title: 'Annual review', frameworks: [{ ...FRAMEWORKS[0], slug: 'a\u0000' }], profile: PROFILE }), 'frameworks[0].slug', /U\+0000/);
      expectRefusal(await create({ title: 'Annual review', frameworks: FRAMEWORKS, profile: { ...PROFILE, 'key\u0000': 1 } }), 'profile.key\\u0000', /key contains U\+0000/);
      expect(await count('assessments')).toBe(assessments);
    });

    it('refuses U+0000 in the query and in the path, and a path that is not UTF-8', async () => {
      expectRefusal(await http(api).get('/api/v1/audit?action=%00').set(as(owner)), 'query.action', /U\+0000/);
      expectRefusal(await http(api).get('/api/v1/frameworks/a%00b/versions/1.0.0').set(as(owner)), 'path', /U\+0000/);
      expectRefusal(await http(api).get('/api/v1/frameworks/a%ED%BF%BFb/versions/1.0.0').set(as(owner)), 'path', /percent-encoded UTF-8/);
    });
  });

  describe('shape', () => {
    it('refuses 10 kB of nested brackets with 400 before validation, not a stack overflow', async () => {
      const res = await postRaw('/api/v1/auth/login', '['.repeat(5000) + ']'.repeat(5000));
      expect(res.status).toBe(400);
      expect((res.body as Refusal).details[0]!.reasons).toEqual(['is nested deeper than 32 levels']);
    });

    it('refuses a deeply nested value inside a field, naming the field', async () => {
      const deep = '{"a":'.repeat(40) + '1' + '}'.repeat(40);
      const res = await postRaw('/api/v1/assessments', `{"title":"Annual review","frameworks":[],"profile":${deep}}`, as(owner));
      expect(res.status).toBe(400);
      expect((res.body as Refusal).details[0]!.field).toMatch(/^profile(\.a)+$/);
    });

    it.each([
      ['__proto__', '{"email":"a@example.test","password":"x","__proto__":{"isAdmin":true}}', '__proto__'],
      ['constructor', '{"email":"a@example.test","password":"x","extra":[{"constructor":{"name":"x"}}]}', 'extra[0].constructor'],
      ['prototype', '{"email":"a@example.test","password":"x","extra":{"prototype":{}}}', 'extra.prototype'],
    ])('refuses a %s key anywhere in a JSON body with the field path', async (key, json, field) => {
      expectRefusal(await postRaw('/api/v1/auth/login', json), field, new RegExp(`the key "${key}" is not accepted`));
    });

    it('refuses an array where a nested object is expected: {"frameworks":[[]]} and {"attestation":[]}', async () => {
      const assessments = await count('assessments');
      const frameworks = await http(api).post('/api/v1/assessments').set(as(owner)).send({ title: 'Annual review', frameworks: [[]], profile: PROFILE });
      expectRefusal(frameworks, 'frameworks[0]', /must be an object/);
      expect(await count('assessments')).toBe(assessments);
      const submit = await http(api).post('/api/v1/assessments/6f1c7f7e-6d0a-4d43-9a51-6f0d9d1c2b3a/submit').set(as(owner)).send({ attestation: [] });
      expectRefusal(submit, 'attestation', /must be an object/);
    });
  });

  describe('caching', () => {
    it('marks every API answer no-store: success, error, refused input, OpenAPI', async () => {
      const answers = [
        await http(api).get('/api/v1/health'),
        await http(api).get('/api/v1/me').set(as(owner)),
        await http(api).get('/api/v1/no-such-thing'),
        await postRaw('/api/v1/auth/login', '{"oops":'),
        await postRaw('/api/v1/auth/login', '{"__proto__":{}}'),
        await http(api).get('/api/docs/openapi.json'),
      ];
      expect(answers.map((res) => [res.status, res.headers['cache-control']])).toEqual([
        [200, 'no-store'],
        [200, 'no-store'],
        [404, 'no-store'],
        [400, 'no-store'],
        [400, 'no-store'],
        [200, 'no-store'],
      ]);
    });

    it('leaves the web app files to their own caching', async () => {
      const webRoot = mkdtempSync(join(tmpdir(), 'beacon-web-'));
      writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Beacon</title>');
      writeFileSync(join(webRoot, 'main-ABC123.js'), 'console.log(1);');
      const web = await startApi({ WEB_ROOT: webRoot });
      try {
        const script = await http(web).get('/main-ABC123.js').expect(200);
        expect(script.headers['cache-control']).toBe('public, max-age=3600');
        const page = await http(web).get('/assessments').set('accept', 'text/html').expect(200);
        expect(page.headers['cache-control']).toBe('no-cache');
        const api = await http(web).get('/api/v1/health').expect(200);
        expect(api.headers['cache-control']).toBe('no-store');
      } finally {
        await web.close();
        rmSync(webRoot, { recursive: true, force: true });
      }
    });
  });
});
