import type { INestApplication } from '@nestjs/common';
import type { ErrorResponse } from '@beacon/contracts';
import type { DataSource } from 'typeorm';
import { type Session, signUp, STRONG_PASSWORD, uniqueEmail } from '../../../test/identity-fixtures';
import { adminDataSource, http, startApi } from '../../../test/harness';

/**
 * Password guessing and account probing: the sign-in limiter (atomic; per account+address, per
 * account, per address), behind proxies, on the password change, and through sign-up. Each test
 * speaks from its own client address (`X-Forwarded-For`, believed from loopback by default), so
 * counters never mix.
 */
const WRONG = 'certainly not the password';
const bearer = (s: Session) => `Bearer ${s.accessToken}`;
let lastOctet = 0;
/** A client address (TEST-NET-3) no other test uses. */
const newAddress = () => `203.0.113.${++lastOctet}`;
const prefix = (name: string) => `${process.env['QUEUE_PREFIX']}-${name}`;

describe('sign-in limits (real PostgreSQL and Redis)', () => {
  /** Default limits (5 per account+address, 20 per address) but 8 per account, to reach it quickly. */
  let api: INestApplication;
  /** 3 failures per client address. */
  let tight: INestApplication;
  let admin: DataSource;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix('limits'), LOGIN_MAX_FAILURES_PER_ACCOUNT: '8' });
    tight = await startApi({ QUEUE_PREFIX: prefix('limits-tight'), LOGIN_MAX_FAILURES_PER_IP: '3' });
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
    await tight.close();
    await api.close();
  });

  const login = (app: INestApplication, address: string, email: string, password: string) =>
    http(app).post('/api/v1/auth/login').set('x-forwarded-for', address).send({ email, password });
  const auditCount = async (action: string, targetId: string) =>
    (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2`, [action, targetId]))[0]!.n;

  describe('sign-in limiter', () => {
    it('evaluates at most 5 of 12 concurrent wrong guesses (check and count are one atomic step); the rest get 429', async () => {
      const owner = await signUp(api, 'race');
      const address = newAddress();
      const answers = await Promise.all(Array.from({ length: 12 }, () => login(api, address, owner.email, WRONG)));
      const statuses = answers.map((a) => a.status);
      expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
      expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(7);
      expect(await auditCount('auth.login-failed', owner.email)).toBeLessThanOrEqual(5);
    });

    it('locks one account+address after 5 failures, not the owner elsewhere; the slower per-account limit stops guesses spread over addresses', async () => {
      const owner = await signUp(api, 'owasp');
      const [guesser, home, second, third] = [newAddress(), newAddress(), newAddress(), newAddress()];
      for (let i = 0; i < 5; i++) expect((await login(api, guesser, owner.email, WRONG)).status).toBe(401);
      const locked = await login(api, guesser, owner.email, STRONG_PASSWORD);
      expect(locked.status).toBe(429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      expect((locked.body as ErrorResponse).code).toBe('TOO_MANY_ATTEMPTS');

      // The owner, from home, still signs in; the audit names the guesser's address (from X-Forwarded-For).
      expect((await login(api, home, owner.email, STRONG_PASSWORD)).status).toBe(200);
      const addresses = await admin.query<{ client_address: string }[]>(
        `SELECT DISTINCT client_address FROM audit_events WHERE action = 'auth.login-failed' AND target_id = $1`,
        [owner.email],
      );
      expect(addresses.map((a) => a.client_address)).toEqual([guesser]);

      // 8 failures per account from anywhere: 3 more from another address reach it, then every address waits.
      for (let i = 0; i < 3; i++) expect((await login(api, second, owner.email, WRONG)).status).toBe(401);
      expect((await login(api, third, owner.email, STRONG_PASSWORD)).status).toBe(429);
    });

    it('limits failures per client address over every account', async () => {
      const address = newAddress();
      for (let i = 0; i < 3; i++) expect((await login(tight, address, uniqueEmail('nobody'), WRONG)).status).toBe(401);
      expect((await login(tight, address, uniqueEmail('nobody'), WRONG)).status).toBe(429);
      expect((await login(tight, newAddress(), uniqueEmail('nobody'), WRONG)).status).toBe(401);
    });

    it('believes X-Forwarded-For only from TRUSTED_PROXIES: an untrusted peer cannot pose as many clients', async () => {
      const untrusting = await startApi({ QUEUE_PREFIX: prefix('limits-untrusted'), TRUSTED_PROXIES: '192.0.2.254', LOGIN_MAX_FAILURES_PER_IP: '3' });
      try {
        for (let i = 0; i < 3; i++) expect((await login(untrusting, newAddress(), uniqueEmail('spoof'), WRONG)).status).toBe(401);
        // Every request came from loopback, whatever the header claimed: the address's limit is reached.
        expect((await login(untrusting, newAddress(), uniqueEmail('spoof'), WRONG)).status).toBe(429);
      } finally {
        await untrusting.close();
      }
    });

    it('counts wrong current passwords on PUT /me/password like failed sign-ins, and audits them', async () => {
      const owner = await signUp(api, 'change');
      const address = newAddress();
      const change = (currentPassword: string) =>
        http(api)
          .put('/api/v1/me/password')
          .set('authorization', bearer(owner))
          .set('x-forwarded-for', address)
          .send({ currentPassword, newPassword: 'a brand new passphrase 2026' });
      for (let i = 0; i < 5; i++) expect((await change(WRONG)).status).toBe(400);
      const limited = await change(STRONG_PASSWORD);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(await auditCount('auth.password-change-failed', owner.userId)).toBe(5);
      // The same account's sign-in from that address waits too.
      expect((await login(api, address, owner.email, STRONG_PASSWORD)).status).toBe(429);
    });
  });

  describe('account probing', () => {
    it('counts sign-ups refused for a taken e-mail against the client address (409, then 429); sign-ups that succeed do not count', async () => {
      const taken = await signUp(tight, 'taken');
      const address = newAddress();
      const register = (email: string) =>
        http(tight)
          .post('/api/v1/auth/register')
          .set('x-forwarded-for', address)
          .send({ email, password: STRONG_PASSWORD, name: 'Probe', organizationName: 'Probe Co' });
      for (let i = 0; i < 4; i++) expect((await register(uniqueEmail('fresh'))).status).toBe(201);
      for (let i = 0; i < 3; i++) expect((await register(taken.email)).status).toBe(409);
      const limited = await register(taken.email);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    });
  });
});
