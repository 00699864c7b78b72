import { Injectable } from '@nestjs/common';
import type { AuthResponse, MembershipSummary, MeResponse } from '@beacon/contracts';
import { permissionsOf } from '@beacon/domain';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { signAccessToken } from '../../platform/auth/jwt';
import { AppConfig } from '../../platform/config/app-config';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit';
import { MembershipEntity, OrganizationEntity, RefreshTokenEntity, UserEntity } from './entities';
import { identityError } from './identity.exception';
import { LoginRateLimiter } from './login-rate-limiter';
import { Passwords } from './passwords';
import { hashToken, newOpaqueToken } from './tokens';

/** What the controller needs to answer and to set the refresh cookie. */
export interface IssuedSession {
  response: AuthResponse;
  refreshToken: string;
  refreshExpiresAt: Date;
}

export interface RegisterInput {
  email: string;
  password: string;
  name: string;
  organizationName: string;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function emailContext(email: string, name?: string): string[] {
  return [email, email.split('@')[0] ?? '', ...(name ? name.split(/\s+/) : [])];
}

@Injectable()
export class AuthService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly passwords: Passwords,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** Company sign-up: a user, a company organization and the owner membership, in one transaction. */
  async register(input: RegisterInput, clientAddress: string): Promise<IssuedSession> {
    const email = normalizeEmail(input.email);
    this.passwords.assertAcceptable(input.password, emailContext(email, input.name));
    const manager = this.db.manager();
    await this.assertEmailFree(manager, email, clientAddress, 'An account with this email already exists. Sign in instead.');
    const passwordHash = await this.passwords.hash(input.password);
    const user = await manager.save(manager.create(UserEntity, { email, name: input.name.trim(), passwordHash }));
    const organization = await manager.save(manager.create(OrganizationEntity, { name: input.organizationName.trim(), type: 'company' }));
    await this.db.switchScope({ organizationId: organization.id, userId: user.id });
    await manager.insert(MembershipEntity, { organizationId: organization.id, userId: user.id, role: 'owner' });
    await this.audit.record({
      organizationId: organization.id,
      actorUserId: user.id,
      action: 'user.registered',
      targetType: 'organization',
      targetId: organization.id,
      clientAddress,
    });
    return this.issue(manager, user, organization.id, randomUUID());
  }

  /** Same answer for an unknown account and a wrong password; failures are rate-limited in Redis. */
  async login(emailInput: string, password: string, clientAddress: string): Promise<IssuedSession> {
    const email = normalizeEmail(emailInput);
    const manager = this.db.manager();
    const { user, valid } = await this.limiter.passwordCheck(email, clientAddress, async () => {
      const found = await manager.findOneBy(UserEntity, { email });
      const matches = await this.passwords.verify(found?.passwordHash ?? null, password);
      return { user: found, valid: matches && found !== null && !found.disabledAt };
    });
    if (!user || !valid) {
      await this.audit.recordIndependently({
        organizationId: null,
        actorUserId: user?.id ?? null,
        action: 'auth.login-failed',
        targetType: 'user',
        targetId: email,
        clientAddress,
      });
      throw identityError('INVALID_CREDENTIALS', 'The email or the password is not right.');
    }
    await this.db.switchScope({ userId: user.id });
    const organizationId = (await this.memberships(manager))[0]?.organizationId ?? null;
    await this.db.switchScope({ organizationId, userId: user.id });
    await this.audit.record({ organizationId, actorUserId: user.id, action: 'auth.login', targetType: 'user', targetId: user.id, clientAddress });
    return this.issue(manager, user, organizationId, randomUUID());
  }

  /**
   * Rotates the refresh token. A token used twice means it was stolen: the whole family is
   * revoked and both the thief and the user must sign in again.
   */
  async refresh(refreshToken: string | undefined, clientAddress: string): Promise<IssuedSession> {
    const invalid = () => identityError('INVALID_REFRESH_TOKEN', 'Your session has ended. Sign in again.');
    if (!refreshToken) throw invalid();
    const manager = this.db.manager();
    const stored = await manager.findOneBy(RefreshTokenEntity, { tokenHash: hashToken(refreshToken) });
    if (!stored || stored.revokedAt || stored.expiresAt.getTime() <= Date.now()) throw invalid();
    // Claim the token atomically: exactly one caller may use it.
    const claim = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ usedAt: () => 'now()' })
      .where('id = :id AND used_at IS NULL AND revoked_at IS NULL', { id: stored.id })
      .execute();
    if (claim.affected !== 1) {
      // Used before: it was stolen (or replayed). End the whole family in a transaction of its
      // own, so the revocation and its audit survive the 401.
      await this.db.independently({}, (m) => this.revokeFamily(m, stored.familyId));
      await this.audit.recordIndependently({
        organizationId: null,
        actorUserId: stored.userId,
        action: 'auth.refresh-token-reused',
        targetType: 'session',
        targetId: stored.familyId,
        clientAddress,
      });
      throw invalid();
    }
    const user = await manager.findOneBy(UserEntity, { id: stored.userId });
    if (!user || user.disabledAt) throw invalid();
    await this.db.switchScope({ userId: user.id });
    const memberships = await this.memberships(manager);
    const organizationId =
      memberships.find((m) => m.organizationId === stored.activeOrganizationId)?.organizationId ?? memberships[0]?.organizationId ?? null;
    return this.issue(manager, user, organizationId, stored.familyId);
  }

  async logout(refreshToken: string | undefined): Promise<void> {
    if (!refreshToken) return;
    const manager = this.db.manager();
    const stored = await manager.findOneBy(RefreshTokenEntity, { tokenHash: hashToken(refreshToken) });
    if (stored) await this.revokeFamily(manager, stored.familyId);
  }

  async switchOrganization(auth: AuthContext, organizationId: string, refreshToken: string | undefined): Promise<IssuedSession> {
    const manager = this.db.manager();
    const membership = (await this.memberships(manager)).find((m) => m.organizationId === organizationId);
    if (!membership) throw identityError('NOT_A_MEMBER', 'You are not a member of that organization.');
    await this.logout(refreshToken);
    const user = await manager.findOneByOrFail(UserEntity, { id: auth.userId });
    await this.db.switchScope({ organizationId, userId: auth.userId });
    await this.audit.record({ organizationId, actorUserId: auth.userId, action: 'auth.organization-switched', targetType: 'organization', targetId: organizationId });
    return this.issue(manager, user, organizationId, randomUUID());
  }

  /**
   * Changing the password ends every session of the user at once (session version + refresh
   * tokens). A wrong current password counts as a failed sign-in of the account (a stolen access
   * token must not become a way to guess the password).
   */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string, clientAddress: string): Promise<IssuedSession> {
    const manager = this.db.manager();
    const user = await manager.findOneByOrFail(UserEntity, { id: auth.userId });
    const { valid } = await this.limiter.passwordCheck(user.email, clientAddress, async () => ({
      valid: await this.passwords.verify(user.passwordHash, currentPassword),
    }));
    if (!valid) {
      await this.audit.recordIndependently({
        organizationId: null,
        actorUserId: user.id,
        action: 'auth.password-change-failed',
        targetType: 'user',
        targetId: user.id,
        clientAddress,
      });
      throw identityError.invalid('INVALID_CREDENTIALS', 'The current password is not right.', [
        { field: 'currentPassword', reasons: ['does not match'] },
      ]);
    }
    this.passwords.assertAcceptable(newPassword, emailContext(user.email, user.name), 'newPassword');
    user.passwordHash = await this.passwords.hash(newPassword);
    user.sessionVersion += 1;
    await manager.update(UserEntity, { id: user.id }, { passwordHash: user.passwordHash, sessionVersion: user.sessionVersion });
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL`, [user.id]);
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: user.id,
      action: 'user.password-changed',
      targetType: 'user',
      targetId: user.id,
      clientAddress,
    });
    return this.issue(manager, user, auth.organizationId, randomUUID());
  }

  async me(auth: AuthContext): Promise<MeResponse> {
    const manager = this.db.manager();
    const user = await manager.findOneByOrFail(UserEntity, { id: auth.userId });
    return this.describe(manager, user, auth.organizationId);
  }

  /** A new session (new refresh-token family) for a user who just proved who they are. */
  startSession(manager: EntityManager, user: UserEntity, organizationId: string | null): Promise<IssuedSession> {
    return this.issue(manager, user, organizationId, randomUUID());
  }

  /**
   * 409 when an account already has this e-mail. A truly uniform answer needs e-mail verification
   * (not sent yet), so the refusal is counted against the client address like a failed sign-in:
   * finding out which addresses have accounts is throttled as much as guessing passwords.
   */
  async assertEmailFree(manager: EntityManager, email: string, clientAddress: string, message: string): Promise<void> {
    if (await this.limiter.accountProbe(clientAddress, async () => (await manager.findOneBy(UserEntity, { email })) !== null)) {
      throw identityError('EMAIL_TAKEN', message, [{ field: 'email', reasons: ['already registered'] }]);
    }
  }

  /** The caller's memberships, through the row-level-security path for a user's own rows. */
  private async memberships(manager: EntityManager): Promise<MembershipSummary[]> {
    const rows: { organization_id: string; name: string; type: MembershipSummary['organizationType']; role: MembershipSummary['role'] }[] =
      await manager.query(
        `SELECT m.organization_id, o.name, o.type, m.role FROM memberships m JOIN organizations o ON o.id = m.organization_id
          WHERE m.user_id = app_user_id() ORDER BY m.created_at, o.name`,
      );
    return rows.map((r) => ({ organizationId: r.organization_id, organizationName: r.name, organizationType: r.type, role: r.role }));
  }

  private async describe(manager: EntityManager, user: UserEntity, organizationId: string | null): Promise<MeResponse> {
    const memberships = await this.memberships(manager);
    const active = memberships.find((m) => m.organizationId === organizationId) ?? null;
    return {
      user: { id: user.id, email: user.email, name: user.name },
      activeOrganization: active,
      memberships,
      permissions: active ? [...permissionsOf(active.role)] : [],
    };
  }

  private async issue(manager: EntityManager, user: UserEntity, organizationId: string | null, familyId: string): Promise<IssuedSession> {
    const { token, hash } = newOpaqueToken();
    const jwt = this.config.jwt;
    const refreshExpiresAt = new Date(Date.now() + jwt.refreshTtlDays * 24 * 3600 * 1000);
    await manager.insert(RefreshTokenEntity, {
      userId: user.id,
      familyId,
      tokenHash: hash,
      activeOrganizationId: organizationId,
      expiresAt: refreshExpiresAt,
    });
    const accessToken = signAccessToken({ sub: user.id, org: organizationId, ver: user.sessionVersion, sid: familyId }, jwt);
    await this.db.switchScope({ organizationId, userId: user.id });
    return {
      response: { accessToken, expiresIn: jwt.ttlSeconds, me: await this.describe(manager, user, organizationId) },
      refreshToken: token,
      refreshExpiresAt,
    };
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.query(`UPDATE refresh_tokens SET revoked_at = now() WHERE family_id = $1 AND revoked_at IS NULL`, [familyId]);
  }
}
