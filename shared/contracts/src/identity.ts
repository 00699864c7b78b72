import type { OrganizationType, Permission, Role } from '@beacon/domain';
import { IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength, MinLength } from 'class-validator';

const ROLE_VALUES = ['owner', 'approver', 'assessor', 'viewer', 'lead', 'reviewer', 'analyst', 'admin'] as const;

/** Company sign-up: a user and a company organization of which they are the owner. */
export class RegisterDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  /** Checked against the password policy (12–128 characters, not a common password). */
  @IsString()
  @MaxLength(1024)
  password!: string;

  @IsString()
  @Length(1, 120)
  name!: string;

  @IsString()
  @Length(2, 160)
  organizationName!: string;
}

export class LoginDto {
  @IsString()
  @MaxLength(254)
  email!: string;

  @IsString()
  @MaxLength(1024)
  password!: string;
}

/** Makes another of the user's organizations the active one (a new access token is issued). */
export class SwitchOrganizationDto {
  @IsUUID('4')
  organizationId!: string;
}

export class ChangePasswordDto {
  @IsString()
  @MaxLength(1024)
  currentPassword!: string;

  @IsString()
  @MaxLength(1024)
  newPassword!: string;
}

export class CreateInvitationDto {
  @IsEmail({}, { message: 'email must be an email address' })
  @MaxLength(254)
  email!: string;

  @IsIn(ROLE_VALUES, { message: `role must be one of: ${ROLE_VALUES.join(', ')}` })
  role!: Role;
}

/**
 * Accepting an invitation by creating an account (`POST /invitations/:token/accept`): a name and a
 * password. Someone who already has an account signs in and uses `POST /me/invitations/:token/accept`.
 */
export class AcceptInvitationDto {
  @IsString()
  @Length(1, 120)
  name!: string;

  /** Checked against the password policy (12–128 characters, not a common password). */
  @IsString()
  @MaxLength(1024)
  password!: string;
}

export class ChangeRoleDto {
  @IsIn(ROLE_VALUES, { message: `role must be one of: ${ROLE_VALUES.join(', ')}` })
  role!: Role;
}

/** Platform admin: a regulator or NGO organization. */
export class CreateOrganizationDto {
  @IsString()
  @Length(2, 160)
  name!: string;

  @IsIn(['regulator', 'ngo'], { message: 'type must be one of: regulator, ngo' })
  type!: 'regulator' | 'ngo';
}

export class AuditQueryDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  action?: string;
}

export interface UserSummary {
  id: string;
  email: string;
  name: string;
}

export interface MembershipSummary {
  organizationId: string;
  organizationName: string;
  organizationType: OrganizationType;
  role: Role;
}

/** `GET /me`: who is signed in, the active organization and what they may do in it. */
export interface MeResponse {
  user: UserSummary;
  activeOrganization: MembershipSummary | null;
  memberships: MembershipSummary[];
  permissions: Permission[];
}

/** `POST /auth/login`, `/auth/register`, `/auth/refresh`, `/auth/switch-organization` (refresh token in an httpOnly cookie). */
export interface AuthResponse {
  accessToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
  me: MeResponse;
}

export interface OrganizationResponse {
  id: string;
  name: string;
  type: OrganizationType;
  createdAt: string;
}

export interface MemberResponse {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
  disabled: boolean;
}

export interface InvitationResponse {
  id: string;
  organizationId: string;
  email: string;
  role: Role;
  expiresAt: string;
  /** Only in the answer to the creation: the link to hand to the invitee (`/invitations/<token>`). */
  token?: string;
}

/** `GET /invitations/:token` (public): what accepting it would do. */
export interface InvitationPreviewResponse {
  organizationName: string;
  organizationType: OrganizationType;
  role: Role;
  email: string;
  expiresAt: string;
}

export interface AuditEventResponse {
  id: string;
  occurredAt: string;
  organizationId: string | null;
  actorUserId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  correlationId: string | null;
  clientAddress: string | null;
  details: Record<string, unknown> | null;
  hash: string;
}

/**
 * Why an audit event fails verification: `content-altered` — its hash does not match its content
 * (the row was edited); `link-broken` — it does not link to the event before it in its chain (an
 * event was removed, inserted or re-hashed before it).
 */
export type AuditBreakReason = 'content-altered' | 'link-broken';

export interface AuditBrokenEvent {
  eventId: string;
  reasons: AuditBreakReason[];
}

export interface AuditVerifyResponse {
  valid: boolean;
  checked: number;
  /** The first event whose hash does not match its content and predecessor. */
  firstBrokenEventId: string | null;
  /** Every event that fails verification, oldest first (the check goes on past the first). */
  brokenEvents: AuditBrokenEvent[];
}
