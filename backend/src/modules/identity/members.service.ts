import { Injectable } from '@nestjs/common';
import type { InvitationPreviewResponse, InvitationResponse, MemberResponse, OrganizationResponse } from '@beacon/contracts';
import {
  canChangeRole,
  canRemoveMember,
  isLastOwnerChange,
  isRoleOf,
  type OrganizationType,
  type Role,
  rolesAssignableBy,
} from '@beacon/domain';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { commonError } from '../../platform/errors/common-error';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit';
import { type IssuedSession, AuthService, normalizeEmail } from './auth.service';
import { InvitationEntity, MembershipEntity, OrganizationEntity, UserEntity } from './entities';
import { identityError, IdentityException } from './identity.exception';
import { Passwords } from './passwords';
import { hashToken, newOpaqueToken } from './tokens';

const INVITATION_DAYS = 7;

interface MemberRow {
  user_id: string;
  email: string;
  name: string;
  role: Role;
  created_at: Date;
  disabled_at: Date | null;
}

function toMember(r: MemberRow): MemberResponse {
  return { userId: r.user_id, email: r.email, name: r.name, role: r.role, joinedAt: r.created_at.toISOString(), disabled: r.disabled_at !== null };
}

function toInvitation(i: InvitationEntity, token?: string): InvitationResponse {
  return { id: i.id, organizationId: i.organizationId, email: i.email, role: i.role, expiresAt: i.expiresAt.toISOString(), ...(token ? { token } : {}) };
}

/**
 * Members and invitations of the caller's active organization. The organization id in the path
 * must be the active one: any other id answers 404, whatever it is (row-level security would
 * hide it anyway). The one exception is the platform admin inviting the first member of a
 * regulator or NGO organization.
 */
@Injectable()
export class MembersService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly passwords: Passwords,
    private readonly auth: AuthService,
  ) {}

  async list(auth: AuthContext, organizationId: string): Promise<MemberResponse[]> {
    this.assertActive(auth, organizationId);
    return (await this.memberRows(this.db.manager())).map(toMember);
  }

  async pendingInvitations(auth: AuthContext, organizationId: string): Promise<InvitationResponse[]> {
    this.assertActive(auth, organizationId);
    const rows = await this.db
      .manager()
      .createQueryBuilder(InvitationEntity, 'i')
      .where('i.accepted_at IS NULL AND i.expires_at > now()')
      .orderBy('i.created_at', 'DESC')
      .getMany();
    return rows.map((i) => toInvitation(i));
  }

  async invite(auth: AuthContext, organizationId: string, emailInput: string, role: Role): Promise<InvitationResponse> {
    const manager = this.db.manager();
    const target = await this.invitationTarget(auth, organizationId);
    const memberCount = await this.countMembersAndInvitations(manager);
    const allowed = rolesAssignableBy(auth.role!, target.type, auth.organizationType!, { memberCount });
    if (!allowed.includes(role)) {
      throw identityError('ROLE_NOT_ALLOWED', `You may not grant the role ${role} here.`, {
        allowed,
      });
    }
    const email = normalizeEmail(emailInput);
    const { token, hash } = newOpaqueToken();
    const invitation = await manager.save(
      manager.create(InvitationEntity, {
        organizationId: target.id,
        email,
        role,
        tokenHash: hash,
        invitedBy: auth.userId,
        expiresAt: new Date(Date.now() + INVITATION_DAYS * 24 * 3600 * 1000),
      }),
    );
    await this.audit.record({
      organizationId: target.id,
      actorUserId: auth.userId,
      action: 'invitation.created',
      targetType: 'invitation',
      targetId: invitation.id,
      details: { email, role },
    });
    return toInvitation(invitation, token);
  }

  async changeRole(auth: AuthContext, organizationId: string, userId: string, role: Role): Promise<MemberResponse> {
    this.assertActive(auth, organizationId);
    const manager = this.db.manager();
    const rows = await this.memberRows(manager);
    const member = rows.find((r) => r.user_id === userId);
    if (!member) throw identityError('MEMBER_NOT_FOUND', 'No such member.');
    if (!isRoleOf(auth.organizationType!, role) || !canChangeRole(auth.role!, member.role, role)) {
      throw identityError('ROLE_NOT_ALLOWED', `You may not change this member to ${role}.`);
    }
    this.assertNotLastOwner(rows, userId, role);
    await manager.update(MembershipEntity, { organizationId, userId }, { role });
    await this.audit.record({
      organizationId,
      actorUserId: auth.userId,
      action: 'member.role-changed',
      targetType: 'user',
      targetId: userId,
      details: { from: member.role, to: role },
    });
    return toMember({ ...member, role });
  }

  async remove(auth: AuthContext, organizationId: string, userId: string): Promise<void> {
    this.assertActive(auth, organizationId);
    const manager = this.db.manager();
    const rows = await this.memberRows(manager);
    const member = rows.find((r) => r.user_id === userId);
    if (!member) throw identityError('MEMBER_NOT_FOUND', 'No such member.');
    if (!canRemoveMember(auth.role!, member.role)) {
      throw identityError('ROLE_NOT_ALLOWED', 'You may not remove this member.');
    }
    this.assertNotLastOwner(rows, userId, null);
    await manager.delete(MembershipEntity, { organizationId, userId });
    // Their sessions in this organization end at the next request (the guard reads the membership).
    await this.audit.record({ organizationId, actorUserId: auth.userId, action: 'member.removed', targetType: 'user', targetId: userId });
  }

  /**
   * Public: what an invitation link offers, without using it. The same answer whether or not the
   * address has an account: the page offers both signing in and creating a password.
   */
  async preview(token: string): Promise<InvitationPreviewResponse> {
    const { invitation, organization } = await this.openInvitation(token);
    return {
      organizationName: organization.name,
      organizationType: organization.type,
      role: invitation.role,
      email: invitation.email,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  }

  /**
   * Public: someone without an account accepts by creating one (name and password): a sign-up.
   * No password is ever checked here; an address that has an account gets 409 (sign in, then
   * accept with `acceptAsSignedIn`), counted against the client address like a failed sign-in.
   */
  async acceptWithNewAccount(token: string, input: { name: string; password: string }, clientAddress: string): Promise<IssuedSession> {
    const manager = this.db.manager();
    const { invitation } = await this.openInvitation(token);
    const name = input.name.trim();
    if (!name) {
      throw commonError('VALIDATION_FAILED', 'A name is needed to create your account.', [{ field: 'name', reasons: ['must not be blank'] }]);
    }
    this.passwords.assertAcceptable(input.password, [invitation.email, invitation.email.split('@')[0] ?? '', ...name.split(/\s+/)]);
    try {
      await this.auth.assertEmailFree(manager, invitation.email, clientAddress, 'An account with this email already exists: sign in to accept the invitation.');
    } catch (error) {
      if (error instanceof IdentityException) {
        await this.audit.recordIndependently({
          organizationId: null,
          actorUserId: null,
          action: 'invitation.sign-up-refused',
          targetType: 'invitation',
          targetId: invitation.id,
          clientAddress,
          details: { reason: error.code },
        });
      }
      throw error;
    }
    const user = await manager.save(
      manager.create(UserEntity, { email: invitation.email, name, passwordHash: await this.passwords.hash(input.password) }),
    );
    await this.join(invitation, user.id, clientAddress);
    return this.auth.startSession(manager, user, invitation.organizationId);
  }

  /**
   * The signed-in user accepts an invitation addressed to their own e-mail; the invited
   * organization becomes the active one, in a new session that replaces the caller's.
   */
  async acceptAsSignedIn(auth: AuthContext, token: string, refreshToken: string | undefined, clientAddress: string): Promise<IssuedSession> {
    const manager = this.db.manager();
    const { invitation } = await this.openInvitation(token);
    const user = await manager.findOneByOrFail(UserEntity, { id: auth.userId });
    if (user.email !== invitation.email) {
      throw identityError('INVITATION_FOR_ANOTHER_ACCOUNT', `This invitation is for ${invitation.email}: sign in with that account to accept it.`, {
        email: invitation.email,
      });
    }
    await this.join(invitation, user.id, clientAddress);
    await this.auth.logout(refreshToken);
    return this.auth.startSession(manager, user, invitation.organizationId);
  }
  /** Platform admin: a regulator or NGO organization (its first member is then invited). */
  async createOrganization(auth: AuthContext, name: string, type: 'regulator' | 'ngo'): Promise<OrganizationResponse> {
    const manager = this.db.manager();
    const organization = await manager.save(manager.create(OrganizationEntity, { name: name.trim(), type }));
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: 'organization.created',
      targetType: 'organization',
      targetId: organization.id,
      details: { name: organization.name, type },
    });
    return { id: organization.id, name: organization.name, type: organization.type, createdAt: organization.createdAt.toISOString() };
  }

  async listOrganizations(): Promise<OrganizationResponse[]> {
    const rows = await this.db.manager().find(OrganizationEntity, { order: { createdAt: 'ASC' } });
    return rows.map((o) => ({ id: o.id, name: o.name, type: o.type, createdAt: o.createdAt.toISOString() }));
  }

  private assertActive(auth: AuthContext, organizationId: string): void {
    if (!auth.organizationId || auth.organizationId !== organizationId) {
      throw identityError('ORGANIZATION_NOT_FOUND', 'No such organization.');
    }
  }

  /** The organization an invitation goes to: the active one, or (platform admin) an empty regulator/NGO. */
  private async invitationTarget(auth: AuthContext, organizationId: string): Promise<{ id: string; type: OrganizationType }> {
    if (auth.organizationId === organizationId) return { id: organizationId, type: auth.organizationType! };
    if (auth.organizationType === 'platform') {
      const organization = await this.db.manager().findOneBy(OrganizationEntity, { id: organizationId });
      if (organization && (organization.type === 'regulator' || organization.type === 'ngo')) {
        // The narrow bootstrap path: the rest of this transaction works in the target organization.
        await this.db.switchScope({ organizationId, userId: auth.userId });
        return { id: organization.id, type: organization.type };
      }
    }
    throw identityError('ORGANIZATION_NOT_FOUND', 'No such organization.');
  }

  /** Makes the user a member with the invitation's role, and uses the invitation up. */
  private async join(invitation: InvitationEntity, userId: string, clientAddress: string): Promise<void> {
    const manager = this.db.manager();
    await this.db.switchScope({ organizationId: invitation.organizationId, userId });
    if (await manager.findOneBy(MembershipEntity, { organizationId: invitation.organizationId, userId })) {
      throw identityError('ALREADY_MEMBER', 'You are already a member of this organization.');
    }
    await manager.insert(MembershipEntity, { organizationId: invitation.organizationId, userId, role: invitation.role });
    await manager.update(InvitationEntity, { id: invitation.id }, { acceptedAt: new Date() });
    await this.audit.record({
      organizationId: invitation.organizationId,
      actorUserId: userId,
      action: 'invitation.accepted',
      targetType: 'invitation',
      targetId: invitation.id,
      clientAddress,
      details: { role: invitation.role },
    });
  }

  private async openInvitation(token: string): Promise<{ invitation: InvitationEntity; organization: OrganizationEntity }> {
    const manager = this.db.manager();
    const invalid = () => identityError('INVALID_INVITATION', 'This invitation is not valid: it may have expired or been used.');
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw invalid();
    const hash = hashToken(token);
    await manager.query(`SELECT set_config('app.invitation_token_hash', $1, true)`, [hash]);
    const invitation = await this.db.withScope({ scope: 'invitation' }, (m) => m.findOneBy(InvitationEntity, { tokenHash: hash }));
    if (!invitation || invitation.acceptedAt || invitation.expiresAt.getTime() <= Date.now()) throw invalid();
    const organization = await manager.findOneByOrFail(OrganizationEntity, { id: invitation.organizationId });
    return { invitation, organization };
  }

  private async memberRows(manager: EntityManager): Promise<MemberRow[]> {
    return manager.query(
      `SELECT m.user_id, u.email, u.name, m.role, m.created_at, u.disabled_at
         FROM memberships m JOIN users u ON u.id = m.user_id
        WHERE m.organization_id = app_organization_id() ORDER BY m.created_at`,
    );
  }

  private async countMembersAndInvitations(manager: EntityManager): Promise<number> {
    const rows: { n: number }[] = await manager.query(
      `SELECT (SELECT count(*) FROM memberships WHERE organization_id = app_organization_id())::int
            + (SELECT count(*) FROM invitations WHERE organization_id = app_organization_id() AND accepted_at IS NULL AND expires_at > now())::int AS n`,
    );
    return rows[0]?.n ?? 0;
  }

  private assertNotLastOwner(rows: MemberRow[], userId: string, newRole: Role | null): void {
    const members = rows.map((r) => ({ id: r.user_id, role: r.role }));
    if (isLastOwnerChange(members, userId, newRole)) {
      throw identityError('LAST_OWNER', 'An organization must keep at least one member with its top role.');
    }
  }
}
