import type { MembershipSummary } from '@beacon/contracts';
import type { Role } from '@beacon/domain';
import { type TranslationKey } from '../../../core/i18n/translations';

/**
 * The roles a member may grant in their own organization (mirrors `INVITABLE_ROLES` of
 * `@beacon/domain`, kept here as plain data so the domain package stays out of the bundle; the
 * API enforces the rule anyway).
 */
const GRANTABLE: Readonly<Record<Role, readonly Role[]>> = {
  owner: ['owner', 'approver', 'assessor', 'viewer'],
  approver: ['assessor', 'viewer'],
  assessor: [],
  viewer: [],
  lead: ['lead', 'reviewer'],
  reviewer: [],
  analyst: ['analyst'],
  admin: ['admin'],
};

/** The roles the active membership may grant (invite with, or change a member to). */
export function grantableRoles(membership: MembershipSummary | null): readonly Role[] {
  return membership ? (GRANTABLE[membership.role] ?? []) : [];
}

export const roleKey = (role: Role): TranslationKey => `identity.roles.${role}`;
