import { ROLES, type Role } from './roles';

/**
 * Every permission of the product, as `<resource>:<action>`. The API guard
 * (`@RequirePermission(...)`) checks one of these on every authenticated route, and the UI uses the
 * same strings to show or hide actions.
 *
 * A permission says what a role may do *inside the organization it is a member of*; row-level rules
 * ("a regulator reads only the submissions addressed to it", "an NGO sees only consenting companies")
 * are enforced by the services on top of it.
 */
export const PERMISSIONS = [
  // Identity (GET /organizations/:id/members, POST /organizations/:id/invitations, …)
  'organization:read',
  'members:read',
  'members:invite',
  'members:change-role',
  'members:remove',
  // Catalogue (GET /frameworks…) and its publication by operators
  'frameworks:read',
  'frameworks:publish',
  // Assessments of the member's own company (POST/GET /assessments, PUT …/profile, …)
  'assessments:read',
  'assessments:create',
  'assessments:edit-profile',
  'answers:write',
  'evidence:read',
  'evidence:upload',
  'comments:write',
  'assignments:manage',
  'assessments:submit',
  // Scores and reports (GET /assessments/:id/score, POST/GET …/reports, GET /reports/:id…)
  'scores:read',
  'reports:read',
  'reports:generate',
  // Regulator review (POST/GET /submissions, …/comments, …/decision)
  'submissions:share',
  'submissions:read',
  'submissions:review',
  'submissions:decide',
  // Benchmarks (GET /assessments/:id/peer-position, GET /benchmarks/…, export.csv, consent)
  'peer-position:read',
  'benchmarks:read',
  'benchmarks:export',
  'benchmarks:consent',
  // Audit log (GET /audit, GET /audit/verify): own organization, or every organization
  'audit:read',
  'audit:read-all',
  // Platform operations
  'organizations:read',
  'organizations:create',
  'queues:monitor',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/**
 * Permissions that only the platform operator holds: they act across tenants on the platform
 * itself, never on a tenant's data.
 */
export const PLATFORM_ONLY_PERMISSIONS = [
  'frameworks:publish',
  'audit:read-all',
  'organizations:read',
  'organizations:create',
  'queues:monitor',
] as const satisfies readonly Permission[];

/** What any member of any organization may read about their own organization and the catalogue. */
const MEMBER_BASICS = ['organization:read', 'members:read', 'frameworks:read'] as const satisfies readonly Permission[];

/** Company `viewer`: reads everything of the company's assessments, changes nothing. */
const COMPANY_VIEWER = [
  ...MEMBER_BASICS,
  'assessments:read',
  'evidence:read',
  'scores:read',
  'reports:read',
  'submissions:read',
  'peer-position:read',
] as const satisfies readonly Permission[];

/** Company `assessor`: the viewer's reads, plus answering, attaching evidence and commenting. */
const COMPANY_ASSESSOR = [
  ...COMPANY_VIEWER,
  'answers:write',
  'evidence:upload',
  'comments:write',
] as const satisfies readonly Permission[];

/**
 * Company `approver`: the assessor's work, plus attesting and submitting, sharing a submitted
 * report with a regulator, and inviting assessors and viewers (see `rolesAssignableBy`).
 */
const COMPANY_APPROVER = [
  ...COMPANY_ASSESSOR,
  'assessments:submit',
  'submissions:share',
  'members:invite',
] as const satisfies readonly Permission[];

/**
 * Company `owner`: everything a company can do — member management, starting and scoping
 * assessments, assigning work, generating reports, benchmark consent and the company's audit log.
 */
const COMPANY_OWNER = [
  ...COMPANY_APPROVER,
  'members:change-role',
  'members:remove',
  'assessments:create',
  'assessments:edit-profile',
  'assignments:manage',
  'reports:generate',
  'benchmarks:consent',
  'audit:read',
] as const satisfies readonly Permission[];

/**
 * Regulator `reviewer`: reads the submissions addressed to the regulator (and their reports) and
 * comments on them; the services restrict both to submissions addressed to the reviewer's regulator.
 */
const REGULATOR_REVIEWER = [
  ...MEMBER_BASICS,
  'submissions:read',
  'reports:read',
  'submissions:review',
] as const satisfies readonly Permission[];

/** Regulator `lead`: the reviewer's work, plus decisions, member management and the audit log. */
const REGULATOR_LEAD = [
  ...REGULATOR_REVIEWER,
  'submissions:decide',
  'members:invite',
  'members:change-role',
  'members:remove',
  'audit:read',
] as const satisfies readonly Permission[];

/**
 * NGO `analyst`: reads and exports the (k-anonymous) benchmarks. As the NGO's only role, analysts
 * also invite and off-board fellow analysts (the platform admin invites only the first one).
 */
const NGO_ANALYST = [
  ...MEMBER_BASICS,
  'benchmarks:read',
  'benchmarks:export',
  'members:invite',
  'members:remove',
] as const satisfies readonly Permission[];

/**
 * Platform `admin` (operator): creates organizations and invites their first members, publishes
 * framework versions, reads the whole audit chain, watches the queues, manages fellow operators.
 * Deliberately NO tenant data: no assessments, answers, evidence, reports, submissions or benchmarks.
 */
const PLATFORM_ADMIN = [
  ...MEMBER_BASICS,
  'members:invite',
  'members:remove',
  'organizations:read',
  'organizations:create',
  'frameworks:publish',
  'audit:read-all',
  'queues:monitor',
] as const satisfies readonly Permission[];

/**
 * Roles → permissions, as data. Deny by default: a role has exactly the permissions listed here
 * and nothing is implied (`audit:read-all` does not grant `audit:read`, `members:invite` does not
 * grant `members:read`, …).
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = Object.freeze({
  owner: Object.freeze([...COMPANY_OWNER]),
  approver: Object.freeze([...COMPANY_APPROVER]),
  assessor: Object.freeze([...COMPANY_ASSESSOR]),
  viewer: Object.freeze([...COMPANY_VIEWER]),
  lead: Object.freeze([...REGULATOR_LEAD]),
  reviewer: Object.freeze([...REGULATOR_REVIEWER]),
  analyst: Object.freeze([...NGO_ANALYST]),
  admin: Object.freeze([...PLATFORM_ADMIN]),
});

const PERMISSION_SETS: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  ROLES.map((role) => [role, new Set<string>(ROLE_PERMISSIONS[role])]),
);

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * Whether `role` holds `permission`. Deny by default: an unknown role or permission (e.g. from an
 * untrusted token) is never granted anything.
 */
export function hasPermission(role: Role, permission: Permission): boolean {
  return PERMISSION_SETS.get(role)?.has(permission) ?? false;
}

/** The permissions of a role, in {@link PERMISSIONS} order (empty for an unknown role). */
export function permissionsOf(role: Role): readonly Permission[] {
  const granted = PERMISSION_SETS.get(role);
  if (granted === undefined) return [];
  return PERMISSIONS.filter((permission) => granted.has(permission));
}
