import type { INestApplication } from '@nestjs/common';
import type { AuthResponse, InvitationResponse } from '@beacon/contracts';
import type { Role } from '@beacon/domain';
import { randomUUID } from 'node:crypto';
import { createDataSource } from '../src/database/data-source';
import { ensurePlatformAdmin } from '../src/modules/identity/platform-admin';
import { http } from './harness';

export const STRONG_PASSWORD = 'quiet lantern harbour 1987';

export interface Session {
  accessToken: string;
  refreshCookie: string;
  userId: string;
  organizationId: string;
  email: string;
}

export function refreshCookieOf(setCookie: string[] | string | undefined): string {
  const cookies = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const cookie = cookies.find((c) => c.startsWith('beacon_refresh='));
  if (!cookie) throw new Error('no refresh cookie set');
  return cookie.split(';')[0]!;
}

function toSession(body: AuthResponse, setCookie: string[] | string | undefined): Session {
  return {
    accessToken: body.accessToken,
    refreshCookie: refreshCookieOf(setCookie),
    userId: body.me.user.id,
    organizationId: body.me.activeOrganization?.organizationId ?? '',
    email: body.me.user.email,
  };
}

export const uniqueEmail = (label: string) => `${label}-${randomUUID().slice(0, 8)}@example.test`;

/** A new company with its owner. */
export async function signUp(api: INestApplication, label = 'owner'): Promise<Session> {
  const res = await http(api)
    .post('/api/v1/auth/register')
    .send({ email: uniqueEmail(label), password: STRONG_PASSWORD, name: 'Test Owner', organizationName: `Company ${label}` })
    .expect(201);
  return toSession(res.body as AuthResponse, res.headers['set-cookie']);
}

/** Invites a new user into the inviter's organization with `role` and accepts as them. */
export async function addMember(api: INestApplication, inviter: Session, role: Role, organizationId = inviter.organizationId): Promise<Session> {
  const email = uniqueEmail(role);
  const invitation = await http(api)
    .post(`/api/v1/organizations/${organizationId}/invitations`)
    .set('authorization', `Bearer ${inviter.accessToken}`)
    .send({ email, role })
    .expect(201);
  const token = (invitation.body as InvitationResponse).token!;
  const accepted = await http(api).post(`/api/v1/invitations/${token}/accept`).send({ name: `A ${role}`, password: STRONG_PASSWORD }).expect(200);
  return toSession(accepted.body as AuthResponse, accepted.headers['set-cookie']);
}

/** A new platform operator (role `admin`), created the way the CLI does, signed in. */
export async function signInOperator(api: INestApplication): Promise<Session> {
  const email = uniqueEmail('operator');
  const owner = createDataSource({ url: process.env['DATABASE_OWNER_URL']!, poolSize: 1 });
  await owner.initialize();
  try {
    await ensurePlatformAdmin(owner, { email, name: 'Operator', password: STRONG_PASSWORD });
  } finally {
    await owner.destroy();
  }
  const res = await http(api).post('/api/v1/auth/login').send({ email, password: STRONG_PASSWORD }).expect(200);
  return toSession(res.body as AuthResponse, res.headers['set-cookie']);
}
