import type { INestApplication } from '@nestjs/common';
import type { AuditVerifyResponse, AuthResponse, ErrorResponse, InvitationResponse, MemberResponse, MeResponse } from '@beacon/contracts';
import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { addMember, refreshCookieOf, type Session, signUp, STRONG_PASSWORD, uniqueEmail } from '../../../test/identity-fixtures';
import { adminDataSource, freePort, http, PrivateRedis, startApi, waitFor } from '../../../test/harness';
import { createDataSource } from '../../database/data-source';
import { loadEnvironment, serviceSecrets } from '../../platform/config/environment';
import { ensurePlatformAdmin } from './platform-admin';

const bearer = (s: Session) => `Bearer ${s.accessToken}`;

describe('identity (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  let admin: DataSource;

  beforeAll(async () => {
    api = await startApi();
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  describe('sign-up and passwords', () => {
    it('creates a user, a company and the owner membership', async () => {
      const owner = await signUp(api);
      const me = (await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(200)).body as MeResponse;
      expect(me.activeOrganization).toMatchObject({ organizationType: 'company', role: 'owner' });
      expect(me.permissions).toContain('members:invite');
      const [user] = await admin.query<{ password_hash: string }[]>(`SELECT password_hash FROM users WHERE id = $1`, [owner.userId]);
      expect(user!.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    });

    it.each([
      ['too short (11 characters)', 'short pass1', 'too-short'],
      ['a common password', 'password1234', 'common'],
      ['longer than 128', 'x'.repeat(129), 'too-long'],
    ])('refuses %s with a 400 naming the field and the rule, and creates nothing', async (_what, password, rule) => {
      const email = uniqueEmail('weak');
      const res = await http(api).post('/api/v1/auth/register').send({ email, password, name: 'W', organizationName: 'Weak Co' }).expect(400);
      const body = res.body as ErrorResponse & { details: { field: string; rule: string }[] };
      expect(body.details[0]).toMatchObject({ field: 'password', rule });
      expect(await admin.query(`SELECT 1 FROM users WHERE email = $1`, [email])).toEqual([]);
    });

    it('explains a refused password in the language the caller accepts, with the same code', async () => {
      const register = async (acceptLanguage: string): Promise<ErrorResponse & { details: unknown[] }> => {
        const body = { email: uniqueEmail('language'), password: 'password1234', name: 'W', organizationName: 'Words Co' };
        const res = await http(api).post('/api/v1/auth/register').set('accept-language', acceptLanguage).send(body).expect(400);
        return res.body as ErrorResponse & { details: unknown[] };
      };
      const refused = { field: 'password', rule: 'common', code: 'PASSWORD_COMMON', params: {} };
      const french = await register('fr');
      expect(french).toMatchObject({ code: 'WEAK_PASSWORD', message: 'Ce mot de passe est trop courant. Choisissez-en un plus difficile à deviner.' });
      expect(french.details).toEqual([{ ...refused, reasons: [french.message] }]);
      const english = await register('en-US,en;q=0.9');
      expect(english).toMatchObject({ code: 'WEAK_PASSWORD', message: 'This password is too common. Choose one that is harder to guess.' });
      expect(english.details).toEqual([{ ...refused, reasons: [english.message] }]);
    });
  });

  describe('access tokens', () => {
    let owner: Session;
    beforeAll(async () => {
      owner = await signUp(api, 'tokens');
    });
    const env = () => loadEnvironment();
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
    const payload = () => JSON.parse(Buffer.from(owner.accessToken.split('.')[1]!, 'base64url').toString()) as Record<string, unknown>;
    const signWith = (header: unknown, body: unknown, secret: string) => {
      const unsigned = `${b64(header)}.${b64(body)}`;
      return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
    };
    const secret = () => serviceSecrets(env()).jwtSecret;

    it('accepts the genuine token', async () => {
      await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(200);
    });

    it.each([
      ['alg none', () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload())}.`],
      ['a wrong key', () => signWith({ alg: 'HS256', typ: 'JWT' }, payload(), 'another-secret-of-more-than-32-chars!!')],
      ['an expired token', () => signWith({ alg: 'HS256', typ: 'JWT' }, { ...payload(), exp: Math.floor(Date.now() / 1000) - 5 }, secret())],
      ['a wrong audience', () => signWith({ alg: 'HS256', typ: 'JWT' }, { ...payload(), aud: 'someone-else' }, secret())],
      ['a wrong issuer', () => signWith({ alg: 'HS256', typ: 'JWT' }, { ...payload(), iss: 'someone-else' }, secret())],
      ['one byte changed', () => {
        const t = owner.accessToken;
        const i = t.indexOf('.') + 5;
        return t.slice(0, i) + (t[i] === 'A' ? 'B' : 'A') + t.slice(i + 1);
      }],
      ['no token at all', () => ''],
    ])('answers 401 to %s', async (_what, forge) => {
      const res = await http(api).get('/api/v1/me').set('authorization', `Bearer ${forge()}`).expect(401);
      expect((res.body as ErrorResponse).code).toBe('UNAUTHORIZED');
    });
  });

  describe('refresh tokens', () => {
    it('rotates, and a reused refresh token revokes the whole family', async () => {
      const owner = await signUp(api, 'refresh');
      const first = await http(api).post('/api/v1/auth/refresh').set('cookie', owner.refreshCookie).expect(200);
      const second = refreshCookieOf(first.headers['set-cookie']);
      expect(second).not.toBe(owner.refreshCookie);
      expect(first.headers['set-cookie']![0]).toMatch(/HttpOnly/i);
      expect(first.headers['set-cookie']![0]).toMatch(/SameSite=Strict/i);

      // The first token is presented again: a thief replaying it.
      await http(api).post('/api/v1/auth/refresh').set('cookie', owner.refreshCookie).expect(401);
      // The legitimate newer token is now dead too: the family is revoked.
      await http(api).post('/api/v1/auth/refresh').set('cookie', second).expect(401);
      const events = await admin.query<{ action: string }[]>(`SELECT action FROM audit_events WHERE actor_user_id = $1`, [owner.userId]);
      expect(events.map((e) => e.action)).toContain('auth.refresh-token-reused');
    });

    it('logout ends the session; a password change ends every session at once', async () => {
      const owner = await signUp(api, 'sessions');
      const login = await http(api).post('/api/v1/auth/login').send({ email: owner.email, password: STRONG_PASSWORD }).expect(200);
      const otherDevice = { token: (login.body as AuthResponse).accessToken, cookie: refreshCookieOf(login.headers['set-cookie']) };

      const changed = await http(api)
        .put('/api/v1/me/password')
        .set('authorization', bearer(owner))
        .send({ currentPassword: STRONG_PASSWORD, newPassword: 'a brand new passphrase 2026' })
        .expect(200);
      await http(api).get('/api/v1/me').set('authorization', `Bearer ${otherDevice.token}`).expect(401);
      await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(401);
      await http(api).post('/api/v1/auth/refresh').set('cookie', otherDevice.cookie).expect(401);
      const fresh = (changed.body as AuthResponse).accessToken;
      await http(api).get('/api/v1/me').set('authorization', `Bearer ${fresh}`).expect(200);

      const cookie = refreshCookieOf(changed.headers['set-cookie']);
      await http(api).post('/api/v1/auth/logout').set('cookie', cookie).expect(204);
      await http(api).post('/api/v1/auth/refresh').set('cookie', cookie).expect(401);
    });

    it('disabling a user ends their sessions at once', async () => {
      const owner = await signUp(api, 'disabled');
      await admin.query(`UPDATE users SET disabled_at = now() WHERE id = $1`, [owner.userId]);
      await http(api).get('/api/v1/me').set('authorization', bearer(owner)).expect(401);
      await http(api).post('/api/v1/auth/refresh').set('cookie', owner.refreshCookie).expect(401);
    });
  });

  describe('login', () => {
    it('gives the same answer for an unknown account and a wrong password', async () => {
      const owner = await signUp(api, 'same-answer');
      const wrong = await http(api).post('/api/v1/auth/login').send({ email: owner.email, password: 'not the right one at all' }).expect(401);
      const unknown = await http(api).post('/api/v1/auth/login').send({ email: uniqueEmail('nobody'), password: 'not the right one at all' }).expect(401);
      expect((wrong.body as ErrorResponse).message).toBe((unknown.body as ErrorResponse).message);
      expect((wrong.body as ErrorResponse).code).toBe((unknown.body as ErrorResponse).code);
    });

    it('limits failures per account across two API processes, with Retry-After', async () => {
      const second = await startApi();
      try {
        const owner = await signUp(api, 'limited');
        const attempt = (app: INestApplication) => http(app).post('/api/v1/auth/login').send({ email: owner.email, password: 'wrong wrong wrong' });
        for (const app of [api, second, api, second, api]) expect((await attempt(app)).status).toBe(401);
        const limited = await attempt(second);
        expect(limited.status).toBe(429);
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
        // Even the right password waits now.
        await http(api).post('/api/v1/auth/login').send({ email: owner.email, password: STRONG_PASSWORD }).expect(429);
      } finally {
        await second.close();
      }
    });
  });

  describe('members and invitations', () => {
    it('invites within the inviter’s rights, single use, and role changes apply on the next request', async () => {
      const owner = await signUp(api, 'team');
      const assessor = await addMember(api, owner, 'assessor');
      await http(api).get(`/api/v1/organizations/${owner.organizationId}/members`).set('authorization', bearer(assessor)).expect(200);
      // An assessor may not invite; an approver may not grant owner.
      await http(api)
        .post(`/api/v1/organizations/${owner.organizationId}/invitations`)
        .set('authorization', bearer(assessor))
        .send({ email: uniqueEmail('x'), role: 'viewer' })
        .expect(403);
      const approver = await addMember(api, owner, 'approver');
      const refused = await http(api)
        .post(`/api/v1/organizations/${owner.organizationId}/invitations`)
        .set('authorization', bearer(approver))
        .send({ email: uniqueEmail('x'), role: 'owner' })
        .expect(403);
      expect((refused.body as ErrorResponse).code).toBe('ROLE_NOT_ALLOWED');

      // Role change takes effect on the very next request with the same token.
      await http(api)
        .put(`/api/v1/organizations/${owner.organizationId}/members/${assessor.userId}/role`)
        .set('authorization', bearer(owner))
        .send({ role: 'viewer' })
        .expect(200);
      const me = (await http(api).get('/api/v1/me').set('authorization', bearer(assessor)).expect(200)).body as MeResponse;
      expect(me.activeOrganization?.role).toBe('viewer');
      const members = (await http(api).get(`/api/v1/organizations/${owner.organizationId}/members`).set('authorization', bearer(owner)).expect(200))
        .body as MemberResponse[];
      expect(members.map((m) => m.role).sort()).toEqual(['approver', 'owner', 'viewer']);

      // The last owner can be neither demoted nor removed.
      const last = await http(api)
        .put(`/api/v1/organizations/${owner.organizationId}/members/${owner.userId}/role`)
        .set('authorization', bearer(owner))
        .send({ role: 'viewer' });
      expect([403, 409]).toContain(last.status);
    });

    it('refuses a reused, expired or malformed invitation token with 400', async () => {
      const owner = await signUp(api, 'tokens-inv');
      const email = uniqueEmail('guest');
      const res = await http(api)
        .post(`/api/v1/organizations/${owner.organizationId}/invitations`)
        .set('authorization', bearer(owner))
        .send({ email, role: 'viewer' })
        .expect(201);
      const invitation = res.body as InvitationResponse;
      expect(invitation.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      const [stored] = await admin.query<{ token_hash: string }[]>(`SELECT token_hash FROM invitations WHERE id = $1`, [invitation.id]);
      expect(stored!.token_hash).not.toContain(invitation.token);
      await http(api).post(`/api/v1/invitations/${invitation.token}/accept`).send({ name: 'Guest', password: STRONG_PASSWORD }).expect(200);
      const reused = await http(api).post(`/api/v1/invitations/${invitation.token}/accept`).send({ name: 'Guest', password: STRONG_PASSWORD }).expect(400);
      expect((reused.body as ErrorResponse).code).toBe('INVALID_INVITATION');

      const expiring = (await http(api)
        .post(`/api/v1/organizations/${owner.organizationId}/invitations`)
        .set('authorization', bearer(owner))
        .send({ email: uniqueEmail('late'), role: 'viewer' })
        .expect(201)).body as InvitationResponse;
      await admin.query(`UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE id = $1`, [expiring.id]);
      await http(api).post(`/api/v1/invitations/${expiring.token}/accept`).send({ name: 'Late', password: STRONG_PASSWORD }).expect(400);
      await http(api).get('/api/v1/invitations/not-a-token').expect(400);
    });

    it('lets the platform admin create a regulator and invite its first lead only', async () => {
      const email = uniqueEmail('operator');
      const ds = createDataSource({ url: process.env['DATABASE_OWNER_URL']!, poolSize: 1 });
      await ds.initialize();
      await ensurePlatformAdmin(ds, { email, name: 'Operator', password: STRONG_PASSWORD });
      await ds.destroy();
      const login = (await http(api).post('/api/v1/auth/login').send({ email, password: STRONG_PASSWORD }).expect(200)).body as AuthResponse;
      const operator = `Bearer ${login.accessToken}`;
      const regulator = (await http(api).post('/api/v1/organizations').set('authorization', operator).send({ name: 'Online Safety Regulator', type: 'regulator' }).expect(201))
        .body as { id: string };
      await http(api).post(`/api/v1/organizations/${regulator.id}/invitations`).set('authorization', operator).send({ email: uniqueEmail('lead'), role: 'lead' }).expect(201);
      // The regulator has a (pending) first member: the operator may not add more.
      await http(api).post(`/api/v1/organizations/${regulator.id}/invitations`).set('authorization', operator).send({ email: uniqueEmail('lead2'), role: 'lead' }).expect(403);
      // And the operator reads no tenant data.
      const company = await signUp(api, 'tenant');
      await http(api).get(`/api/v1/organizations/${company.organizationId}/members`).set('authorization', operator).expect(404);
    });
  });

  describe('several organizations', () => {
    it('switches the active organization; permissions follow the role there', async () => {
      const first = await signUp(api, 'multi-a');
      const second = await signUp(api, 'multi-b');
      // The owner of B invites the owner of A as a viewer; A, who has an account, accepts signed in.
      const invitation = (await http(api)
        .post(`/api/v1/organizations/${second.organizationId}/invitations`)
        .set('authorization', bearer(second))
        .send({ email: first.email, role: 'viewer' })
        .expect(201)).body as InvitationResponse;
      const accepted = await http(api)
        .post(`/api/v1/me/invitations/${invitation.token}/accept`)
        .set('authorization', bearer(first))
        .set('cookie', first.refreshCookie)
        .expect(200);
      const joined = accepted.body as AuthResponse;
      expect(joined.me.activeOrganization).toMatchObject({ organizationId: second.organizationId, role: 'viewer' });
      expect(joined.me.memberships).toHaveLength(2);
      expect(joined.me.permissions).not.toContain('members:invite');
      // As a viewer of B: reading B's members is allowed, inviting is not; A's members are out of reach with this token.
      const token = `Bearer ${joined.accessToken}`;
      await http(api).get(`/api/v1/organizations/${second.organizationId}/members`).set('authorization', token).expect(200);
      await http(api).post(`/api/v1/organizations/${second.organizationId}/invitations`).set('authorization', token).send({ email: uniqueEmail('y'), role: 'viewer' }).expect(403);
      await http(api).get(`/api/v1/organizations/${first.organizationId}/members`).set('authorization', token).expect(404);

      // Back to A, where A's owner may invite again.
      const switched = (await http(api)
        .post('/api/v1/auth/switch-organization')
        .set('authorization', token)
        .set('cookie', refreshCookieOf(accepted.headers['set-cookie']))
        .send({ organizationId: first.organizationId })
        .expect(200)).body as AuthResponse;
      expect(switched.me.activeOrganization).toMatchObject({ organizationId: first.organizationId, role: 'owner' });
      expect(switched.me.permissions).toContain('members:invite');
      // An organization one is not a member of cannot be switched to.
      const stranger = await signUp(api, 'multi-c');
      await http(api)
        .post('/api/v1/auth/switch-organization')
        .set('authorization', `Bearer ${switched.accessToken}`)
        .send({ organizationId: stranger.organizationId })
        .expect(404);
    });
  });

  describe('audit log', () => {
    it('records the events, and editing one row in the database breaks the chain at that row', async () => {
      const owner = await signUp(api, 'audited');
      await addMember(api, owner, 'viewer');
      const verify = async () => (await http(api).get('/api/v1/audit/verify').set('authorization', bearer(owner)).expect(200)).body as AuditVerifyResponse;
      const before = await verify();
      expect(before).toMatchObject({ valid: true, firstBrokenEventId: null });
      expect(before.checked).toBeGreaterThanOrEqual(3);

      const events = await admin.query<{
        id: string;
        action: string;
      }[]>(`SELECT id, action FROM audit_events WHERE organization_id = $1 ORDER BY id`, [owner.organizationId]);
      expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.registered', 'invitation.created', 'invitation.accepted']));
      const victim = events[1]!;
      await admin.query(`UPDATE audit_events SET action = 'nothing.happened' WHERE id = $1`, [victim.id]);
      expect(await verify()).toMatchObject({ valid: false, firstBrokenEventId: String(victim.id) });
    });

    it('is append-only for the application role', async () => {
      const app = createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 1 });
      await app.initialize();
      try {
        await expect(app.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(/permission denied/);
        await expect(app.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      } finally {
        await app.destroy();
      }
    });
  });

  describe('while Redis is down', () => {
    let privateRedis: PrivateRedis;
    let outageApi: INestApplication;

    beforeAll(async () => {
      privateRedis = new PrivateRedis(await freePort());
      await privateRedis.start();
      outageApi = await startApi({ REDIS_URL: privateRedis.url, QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-login-outage` });
    });
    afterAll(async () => {
      await outageApi.close();
      await privateRedis.stop();
    });

    it('refuses sign-in with 503 and Retry-After (the attempt counters cannot be checked), and signs in once Redis is back', async () => {
      const owner = await signUp(outageApi, 'outage');
      const credentials = { email: owner.email, password: STRONG_PASSWORD };
      await privateRedis.stop();

      const refused = await http(outageApi).post('/api/v1/auth/login').send(credentials).expect(503);
      expect((refused.body as ErrorResponse).code).toBe('SIGN_IN_UNAVAILABLE');
      expect(refused.headers['retry-after']).toBe('5');

      await privateRedis.start();
      await waitFor(async () => (await http(outageApi).post('/api/v1/auth/login').send(credentials)).status === 200 || undefined, 20000, 'sign-in after Redis returned');
    });
  });
});
