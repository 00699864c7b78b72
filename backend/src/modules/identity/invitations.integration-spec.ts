import type { INestApplication } from '@nestjs/common';
import type { AuthResponse, ErrorResponse, InvitationPreviewResponse, InvitationResponse } from '@beacon/contracts';
import type { DataSource } from 'typeorm';
import { refreshCookieOf, type Session, signUp, STRONG_PASSWORD, uniqueEmail } from '../../../test/identity-fixtures';
import { adminDataSource, http, startApi } from '../../../test/harness';

const bearer = (s: Session | string) => `Bearer ${typeof s === 'string' ? s : s.accessToken}`;
let lastOctet = 0;
/** A client address (TEST-NET-3, believed from loopback through X-Forwarded-For) no other test uses. */
const newAddress = () => `203.0.113.${++lastOctet}`;
const prefix = (name: string) => `${process.env['QUEUE_PREFIX']}-${name}`;

/**
 * Invitations are no way to guess a password: an existing account accepts signed in, the public
 * accept is a sign-up that checks no password, refusals are counted per client address and
 * audited, and the preview does not tell whether the address has an account.
 */
describe('invitations and existing accounts (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  /** 3 failures per client address. */
  let tight: INestApplication;
  let admin: DataSource;

  beforeAll(async () => {
    api = await startApi({ QUEUE_PREFIX: prefix('invitations') });
    tight = await startApi({ QUEUE_PREFIX: prefix('invitations-tight'), LOGIN_MAX_FAILURES_PER_IP: '3' });
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
    await tight.close();
    await api.close();
  });

  const auditCount = async (action: string, targetId: string) =>
    (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events WHERE action = $1 AND target_id = $2`, [action, targetId]))[0]!.n;
  async function invite(inviter: Session, email: string): Promise<string> {
    const res = await http(api)
      .post(`/api/v1/organizations/${inviter.organizationId}/invitations`)
      .set('authorization', bearer(inviter))
      .send({ email, role: 'viewer' })
      .expect(201);
    return (res.body as InvitationResponse).token!;
  }
  const memberships = async (userId: string) => (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM memberships WHERE user_id = $1`, [userId]))[0]!.n;

  it('never checks a password for an existing account: even the right one gets 409 and no tokens; the refusal is audited', async () => {
    const attacker = await signUp(api, 'attacker');
    const victim = await signUp(api, 'victim');
    const token = await invite(attacker, victim.email);
    const res = await http(api)
      .post(`/api/v1/invitations/${token}/accept`)
      .set('x-forwarded-for', newAddress())
      .send({ name: 'Victim', password: STRONG_PASSWORD })
      .expect(409);
    expect(res.body).not.toHaveProperty('accessToken');
    expect(res.headers['set-cookie']).toBeUndefined();
    expect((res.body as ErrorResponse).code).toBe('EMAIL_TAKEN');
    expect(await memberships(victim.userId)).toBe(1);
    const [invitation] = await admin.query<{ id: string; accepted_at: Date | null }[]>(`SELECT id, accepted_at FROM invitations WHERE email = $1`, [victim.email]);
    expect(invitation!.accepted_at).toBeNull();
    expect(await auditCount('invitation.sign-up-refused', invitation!.id)).toBe(1);
  });

  it('counts refused invitation sign-ups against the client address', async () => {
    const inviter = await signUp(tight, 'inviter');
    const existing = await signUp(tight, 'existing');
    const address = newAddress();
    const tokens: string[] = [];
    for (let i = 0; i < 4; i++) {
      const res = await http(tight)
        .post(`/api/v1/organizations/${inviter.organizationId}/invitations`)
        .set('authorization', bearer(inviter))
        .send({ email: existing.email, role: 'viewer' })
        .expect(201);
      tokens.push((res.body as InvitationResponse).token!);
    }
    const accept = (token: string) => http(tight).post(`/api/v1/invitations/${token}/accept`).set('x-forwarded-for', address).send({ name: 'X', password: STRONG_PASSWORD });
    for (const token of tokens.slice(0, 3)) expect((await accept(token)).status).toBe(409);
    expect((await accept(tokens[3]!)).status).toBe(429);
  });

  it('is accepted by the invited account signed in (no password); its previous session ends at once', async () => {
    const inviter = await signUp(api, 'host');
    const guest = await signUp(api, 'guest');
    const token = await invite(inviter, guest.email);
    await http(api).post(`/api/v1/me/invitations/${token}/accept`).expect(401);
    const res = await http(api)
      .post(`/api/v1/me/invitations/${token}/accept`)
      .set('authorization', bearer(guest))
      .set('cookie', guest.refreshCookie)
      .expect(200);
    const joined = res.body as AuthResponse;
    expect(joined.me.activeOrganization).toMatchObject({ organizationId: inviter.organizationId, role: 'viewer' });
    expect(joined.me.memberships).toHaveLength(2);
    await http(api).get('/api/v1/me').set('authorization', bearer(joined.accessToken)).expect(200);
    await http(api).get('/api/v1/me').set('authorization', bearer(guest)).expect(401);
    await http(api).post('/api/v1/auth/refresh').set('cookie', guest.refreshCookie).expect(401);
    await http(api).post('/api/v1/auth/refresh').set('cookie', refreshCookieOf(res.headers['set-cookie'])).expect(200);
    // Used up.
    await http(api).post(`/api/v1/me/invitations/${token}/accept`).set('authorization', bearer(joined.accessToken)).expect(400);
  });

  it('refuses another signed-in account with 403 and changes nothing', async () => {
    const inviter = await signUp(api, 'host2');
    const invited = uniqueEmail('invited');
    const other = await signUp(api, 'other');
    const token = await invite(inviter, invited);
    const res = await http(api).post(`/api/v1/me/invitations/${token}/accept`).set('authorization', bearer(other)).expect(403);
    expect((res.body as ErrorResponse).code).toBe('INVITATION_FOR_ANOTHER_ACCOUNT');
    expect(await memberships(other.userId)).toBe(1);
    await http(api).get('/api/v1/me').set('authorization', bearer(other)).expect(200);
    // The invited address can still create its account with it.
    await http(api).post(`/api/v1/invitations/${token}/accept`).send({ name: 'Invited', password: STRONG_PASSWORD }).expect(200);
  });

  it('previews the same way whether or not the address has an account', async () => {
    const inviter = await signUp(api, 'host3');
    const existing = await signUp(api, 'known');
    const previews = await Promise.all(
      [existing.email, uniqueEmail('unknown')].map(async (email) => {
        const token = await invite(inviter, email);
        return (await http(api).get(`/api/v1/invitations/${token}`).expect(200)).body as InvitationPreviewResponse;
      }),
    );
    for (const preview of previews) expect(Object.keys(preview).sort()).toEqual(['email', 'expiresAt', 'organizationName', 'organizationType', 'role']);
    const [known, unknown] = previews.map(({ organizationName, organizationType, role }) => ({ organizationName, organizationType, role }));
    expect(known).toEqual(unknown);
  });
});
