import {
  ORGANIZATION_TYPES,
  OWNER_ROLE_BY_ORGANIZATION_TYPE,
  ROLES,
  ROLES_BY_ORGANIZATION_TYPE,
  isOrganizationType,
  isRole,
  isRoleOf,
  organizationTypeOf,
  roleLevel,
  type OrganizationType,
  type Role,
} from './roles';

describe('roles', () => {
  it('lists the organization types and their roles of the product specification', () => {
    expect(ORGANIZATION_TYPES).toEqual(['company', 'regulator', 'ngo', 'platform']);
    expect(ROLES_BY_ORGANIZATION_TYPE).toEqual({
      company: ['owner', 'approver', 'assessor', 'viewer'],
      regulator: ['lead', 'reviewer'],
      ngo: ['analyst'],
      platform: ['admin'],
    });
    expect(ROLES).toEqual(['owner', 'approver', 'assessor', 'viewer', 'lead', 'reviewer', 'analyst', 'admin']);
  });

  it.each<[Role, OrganizationType]>([
    ['owner', 'company'],
    ['approver', 'company'],
    ['assessor', 'company'],
    ['viewer', 'company'],
    ['lead', 'regulator'],
    ['reviewer', 'regulator'],
    ['analyst', 'ngo'],
    ['admin', 'platform'],
  ])('%s belongs to exactly one organization type: %s', (role, type) => {
    expect(ORGANIZATION_TYPES.filter((candidate) => isRoleOf(candidate, role))).toEqual([type]);
    expect(organizationTypeOf(role)).toBe(type);
  });

  it('has no role name shared by two organization types', () => {
    expect(new Set(ROLES).size).toBe(ROLES.length);
  });

  it.each<[OrganizationType, unknown, boolean]>([
    ['company', 'owner', true],
    ['company', 'lead', false],
    ['regulator', 'lead', true],
    ['regulator', 'viewer', false],
    ['ngo', 'analyst', true],
    ['platform', 'admin', true],
    ['platform', 'owner', false],
    ['company', 'toString', false],
    ['company', 'constructor', false],
    ['company', undefined, false],
    ['company', 42, false],
  ])('isRoleOf(%s, %p) is %s', (type, role, expected) => {
    expect(isRoleOf(type, role)).toBe(expected);
  });

  it('rejects unknown values in the type guards', () => {
    expect(isRoleOf('bank' as OrganizationType, 'owner')).toBe(false);
    expect(isOrganizationType('company')).toBe(true);
    expect(isOrganizationType('Company')).toBe(false);
    expect(isOrganizationType(null)).toBe(false);
    expect(isRole('reviewer')).toBe(true);
    expect(isRole('superuser')).toBe(false);
    expect(() => organizationTypeOf('superuser' as Role)).toThrow('Unknown role');
  });

  it.each<[Role, number]>([
    ['owner', 4],
    ['approver', 3],
    ['assessor', 2],
    ['viewer', 1],
    ['lead', 2],
    ['reviewer', 1],
    ['analyst', 1],
    ['admin', 1],
  ])('ranks %s at level %i inside its organization type', (role, level) => {
    expect(roleLevel(role)).toBe(level);
  });

  it.each(ORGANIZATION_TYPES)('names a top role of %s as its owner role', (type) => {
    const owner = OWNER_ROLE_BY_ORGANIZATION_TYPE[type];
    expect(isRoleOf(type, owner)).toBe(true);
    expect(roleLevel(owner)).toBe(ROLES_BY_ORGANIZATION_TYPE[type].length);
  });
});
