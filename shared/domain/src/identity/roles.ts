/**
 * Organization types and the roles each of them offers (PRODUCT.md, "Who uses it").
 *
 * A role only ever exists inside one organization type: `owner` is a company role, `lead` a
 * regulator role, and so on. A user may belong to several organizations with a role in each.
 */
export const ORGANIZATION_TYPES = ['company', 'regulator', 'ngo', 'platform'] as const;
export type OrganizationType = (typeof ORGANIZATION_TYPES)[number];

/**
 * The roles of each organization type, from the most to the least powerful. The order is
 * meaningful: it defines {@link roleLevel} (used by the role-change rules).
 */
export const ROLES_BY_ORGANIZATION_TYPE = {
  company: ['owner', 'approver', 'assessor', 'viewer'],
  regulator: ['lead', 'reviewer'],
  ngo: ['analyst'],
  platform: ['admin'],
} as const satisfies Record<OrganizationType, readonly string[]>;

/** The roles of one organization type. */
export type RoleOf<T extends OrganizationType> = (typeof ROLES_BY_ORGANIZATION_TYPE)[T][number];
export type CompanyRole = RoleOf<'company'>;
export type RegulatorRole = RoleOf<'regulator'>;
export type NgoRole = RoleOf<'ngo'>;
export type PlatformRole = RoleOf<'platform'>;
/** Every role of every organization type. */
export type Role = RoleOf<OrganizationType>;

/** Every role, grouped by organization type in {@link ORGANIZATION_TYPES} order. */
export const ROLES: readonly Role[] = ORGANIZATION_TYPES.flatMap(
  (type): readonly Role[] => ROLES_BY_ORGANIZATION_TYPE[type],
);

/**
 * The role that holds the organization together: an organization must always keep at least one
 * member with it (the company `owner`; for the other types, their single top role).
 */
export const OWNER_ROLE_BY_ORGANIZATION_TYPE = {
  company: 'owner',
  regulator: 'lead',
  ngo: 'analyst',
  platform: 'admin',
} as const satisfies { [T in OrganizationType]: RoleOf<T> };

export function isOrganizationType(value: unknown): value is OrganizationType {
  return typeof value === 'string' && (ORGANIZATION_TYPES as readonly string[]).includes(value);
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` is one of the roles of organization type `type` (safe on untrusted input). */
export function isRoleOf<T extends OrganizationType>(type: T, role: unknown): role is RoleOf<T> {
  if (!isOrganizationType(type) || typeof role !== 'string') return false;
  return (ROLES_BY_ORGANIZATION_TYPE[type] as readonly string[]).includes(role);
}

/** The organization type a role belongs to (each role belongs to exactly one). */
export function organizationTypeOf(role: Role): OrganizationType {
  const type = ORGANIZATION_TYPES.find((candidate) => isRoleOf(candidate, role));
  if (type === undefined) throw new Error(`Unknown role: ${String(role)}`);
  return type;
}

/**
 * The rank of a role inside its organization type: 1 for the least powerful role, higher is more
 * powerful (company: viewer 1, assessor 2, approver 3, owner 4; regulator: reviewer 1, lead 2;
 * ngo analyst 1; platform admin 1). Ranks of different organization types are not comparable.
 */
export function roleLevel(role: Role): number {
  const roles: readonly Role[] = ROLES_BY_ORGANIZATION_TYPE[organizationTypeOf(role)];
  return roles.length - roles.indexOf(role);
}
