import { hasPermission } from './permissions';
import {
  OWNER_ROLE_BY_ORGANIZATION_TYPE,
  isRoleOf,
  organizationTypeOf,
  roleLevel,
  type OrganizationType,
  type Role,
} from './roles';

const roles = (...list: Role[]): readonly Role[] => Object.freeze(list);

/**
 * The roles a member may grant when inviting into their OWN organization, as data. An inviter
 * grants only roles within their own rights:
 * - company `owner`: any company role (including a co-owner);
 * - company `approver`: `assessor` and `viewer` only;
 * - company `assessor`, `viewer`, regulator `reviewer`: nobody;
 * - regulator `lead`: `lead` or `reviewer`;
 * - ngo `analyst`: `analyst` (the NGO's only role);
 * - platform `admin`: fellow `admin`s of the platform organization.
 */
export const INVITABLE_ROLES: Readonly<Record<Role, readonly Role[]>> = Object.freeze({
  owner: roles('owner', 'approver', 'assessor', 'viewer'),
  approver: roles('assessor', 'viewer'),
  assessor: roles(),
  viewer: roles(),
  lead: roles('lead', 'reviewer'),
  reviewer: roles(),
  analyst: roles('analyst'),
  admin: roles('admin'),
});

/**
 * The role a platform `admin` may grant to the FIRST member of an organization of another type.
 * Companies are absent on purpose: they sign up themselves (`POST /auth/register` makes the owner).
 */
export const BOOTSTRAP_ROLES: Readonly<Partial<Record<OrganizationType, readonly Role[]>>> = Object.freeze({
  regulator: roles('lead'),
  ngo: roles('analyst'),
});

/** What the caller knows about the organization being invited into. */
export interface InvitationTarget {
  /** Current number of members of the target organization (pending invitations included). */
  readonly memberCount: number;
}

/**
 * The roles an inviter may grant in an organization of type `targetOrganizationType`.
 *
 * Rules (deny by default — anything not listed returns `[]`):
 * 1. `inviterRole` must be a role of `inviterOrganizationType` and hold `members:invite`.
 * 2. Inviting into an organization of the inviter's own type: the roles of {@link INVITABLE_ROLES}
 *    (an inviter never grants more than their own rights). The CALLER must make sure that the
 *    inviter is a member of that very organization with `inviterRole` — this function sees types,
 *    not organizations.
 * 3. Across types, only the platform `admin` may invite, and only the FIRST member of a regulator
 *    (`lead`) or NGO (`analyst`) organization: `target.memberCount` must be given and be 0. After
 *    that, the organization's own lead/analyst invites the others, so an operator can never grant
 *    themselves access to a tenant's data later on. Companies are never bootstrapped this way.
 */
export function rolesAssignableBy(
  inviterRole: Role,
  targetOrganizationType: OrganizationType,
  inviterOrganizationType: OrganizationType,
  target?: InvitationTarget,
): readonly Role[] {
  if (!isRoleOf(inviterOrganizationType, inviterRole)) return [];
  if (!hasPermission(inviterRole, 'members:invite')) return [];
  if (targetOrganizationType === inviterOrganizationType) return INVITABLE_ROLES[inviterRole];
  if (inviterRole !== 'admin' || target?.memberCount !== 0) return [];
  return BOOTSTRAP_ROLES[targetOrganizationType] ?? [];
}

/**
 * Whether a member with `actorRole` may change another member's role from `fromRole` to `toRole`
 * in their own organization. Nobody acts above their own level: the actor must hold
 * `members:change-role`, all three roles must belong to the same organization type, and neither
 * the current nor the new role may rank above the actor's ({@link roleLevel}). A no-op
 * (`fromRole === toRole`) is not a change and returns false. Keeping at least one owner is checked
 * separately with {@link isLastOwnerChange}, which needs the member list.
 */
export function canChangeRole(actorRole: Role, fromRole: Role, toRole: Role): boolean {
  if (fromRole === toRole) return false;
  if (!hasPermission(actorRole, 'members:change-role')) return false;
  const type = organizationTypeOf(actorRole);
  if (!isRoleOf(type, fromRole) || !isRoleOf(type, toRole)) return false;
  const actorLevel = roleLevel(actorRole);
  return roleLevel(fromRole) <= actorLevel && roleLevel(toRole) <= actorLevel;
}

/**
 * Whether a member with `actorRole` may remove a member holding `memberRole` from their own
 * organization: the actor must hold `members:remove` and the member may not rank above the actor.
 * Removing the last owner is refused separately by {@link isLastOwnerChange} (with `null`).
 */
export function canRemoveMember(actorRole: Role, memberRole: Role): boolean {
  if (!hasPermission(actorRole, 'members:remove')) return false;
  const type = organizationTypeOf(actorRole);
  return isRoleOf(type, memberRole) && roleLevel(memberRole) <= roleLevel(actorRole);
}

/** The part of a membership the owner rule needs. */
export interface MemberRoleSummary {
  readonly id: string;
  readonly role: Role;
}

/**
 * Whether giving member `memberId` the role `newRole` (or removing them, `newRole === null`) would
 * leave the organization without an owner — the company `owner`, or the top role of the other
 * organization types ({@link OWNER_ROLE_BY_ORGANIZATION_TYPE}). Such a change must be refused.
 * Returns false when `memberId` is not in `members` (nothing changes).
 */
export function isLastOwnerChange(
  members: readonly MemberRoleSummary[],
  memberId: string,
  newRole: Role | null,
): boolean {
  const member = members.find((candidate) => candidate.id === memberId);
  if (member === undefined) return false;
  const ownerRole: Role = OWNER_ROLE_BY_ORGANIZATION_TYPE[organizationTypeOf(member.role)];
  if (member.role !== ownerRole || newRole === ownerRole) return false;
  return !members.some((other) => other.id !== memberId && other.role === ownerRole);
}
