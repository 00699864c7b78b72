import {
  PERMISSIONS,
  PLATFORM_ONLY_PERMISSIONS,
  ROLE_PERMISSIONS,
  hasPermission,
  isPermission,
  permissionsOf,
  type Permission,
} from './permissions';
import { ROLES, type Role } from './roles';

/**
 * The specification: every role's permissions, written out in full. Changing a role's rights
 * means changing this table on purpose.
 */
const EXPECTED: Record<Role, readonly Permission[]> = {
  viewer: [
    'organization:read', 'members:read', 'frameworks:read', 'assessments:read', 'evidence:read',
    'scores:read', 'reports:read', 'submissions:read', 'peer-position:read',
  ],
  assessor: [
    'organization:read', 'members:read', 'frameworks:read', 'assessments:read', 'evidence:read',
    'scores:read', 'reports:read', 'submissions:read', 'peer-position:read',
    'answers:write', 'evidence:upload', 'comments:write',
  ],
  approver: [
    'organization:read', 'members:read', 'frameworks:read', 'assessments:read', 'evidence:read',
    'scores:read', 'reports:read', 'submissions:read', 'peer-position:read',
    'answers:write', 'evidence:upload', 'comments:write',
    'assessments:submit', 'submissions:share', 'members:invite',
  ],
  owner: [
    'organization:read', 'members:read', 'frameworks:read', 'assessments:read', 'evidence:read',
    'scores:read', 'reports:read', 'submissions:read', 'peer-position:read',
    'answers:write', 'evidence:upload', 'comments:write',
    'assessments:submit', 'submissions:share', 'members:invite',
    'members:change-role', 'members:remove', 'assessments:create', 'assessments:edit-profile',
    'assignments:manage', 'reports:generate', 'benchmarks:consent', 'audit:read',
  ],
  reviewer: [
    'organization:read', 'members:read', 'frameworks:read', 'submissions:read', 'reports:read',
    'submissions:review',
  ],
  lead: [
    'organization:read', 'members:read', 'frameworks:read', 'submissions:read', 'reports:read',
    'submissions:review', 'submissions:decide', 'members:invite', 'members:change-role',
    'members:remove', 'audit:read',
  ],
  analyst: [
    'organization:read', 'members:read', 'frameworks:read', 'benchmarks:read', 'benchmarks:export',
    'members:invite', 'members:remove',
  ],
  admin: [
    'organization:read', 'members:read', 'frameworks:read', 'members:invite', 'members:remove',
    'organizations:read', 'organizations:create', 'frameworks:publish', 'audit:read-all',
    'queues:monitor',
  ],
};

const sorted = (permissions: readonly string[]): string[] => [...permissions].sort();

describe('ROLE_PERMISSIONS', () => {
  it('covers every role and nothing else', () => {
    expect(sorted(Object.keys(ROLE_PERMISSIONS))).toEqual(sorted(ROLES));
  });

  it.each(ROLES)('gives %s exactly the permissions of the specification', (role) => {
    expect(sorted(ROLE_PERMISSIONS[role])).toEqual(sorted(EXPECTED[role]));
    expect(sorted(permissionsOf(role))).toEqual(sorted(EXPECTED[role]));
  });

  it.each(ROLES)('agrees with hasPermission for every permission of %s (deny by default)', (role) => {
    for (const permission of PERMISSIONS) {
      expect([permission, hasPermission(role, permission)]).toEqual([permission, EXPECTED[role].includes(permission)]);
    }
  });

  it.each(ROLES)('lists no permission twice for %s', (role) => {
    expect(new Set(ROLE_PERMISSIONS[role]).size).toBe(ROLE_PERMISSIONS[role].length);
  });

  it('is frozen', () => {
    expect(Object.isFrozen(ROLE_PERMISSIONS)).toBe(true);
    expect(Object.isFrozen(ROLE_PERMISSIONS.viewer)).toBe(true);
  });
});

describe('least privilege', () => {
  it('gives the viewer read permissions only', () => {
    expect(permissionsOf('viewer').every((permission) => permission.endsWith(':read'))).toBe(true);
  });

  it.each<[Role, Permission, boolean]>([
    ['viewer', 'answers:write', false],
    ['viewer', 'comments:write', false],
    ['assessor', 'answers:write', true],
    ['assessor', 'evidence:upload', true],
    ['assessor', 'comments:write', true],
    ['assessor', 'assessments:submit', false],
    ['assessor', 'members:invite', false],
    ['assessor', 'submissions:share', false],
    ['approver', 'assessments:submit', true],
    ['approver', 'submissions:share', true],
    ['approver', 'members:invite', true],
    ['approver', 'members:change-role', false],
    ['approver', 'members:remove', false],
    ['approver', 'benchmarks:consent', false],
    ['owner', 'members:change-role', true],
    ['owner', 'benchmarks:consent', true],
    ['owner', 'audit:read', true],
    ['owner', 'audit:read-all', false],
    ['owner', 'benchmarks:export', false],
    ['owner', 'submissions:decide', false],
    ['reviewer', 'submissions:review', true],
    ['reviewer', 'submissions:decide', false],
    ['reviewer', 'members:invite', false],
    ['reviewer', 'assessments:read', false],
    ['reviewer', 'answers:write', false],
    ['lead', 'submissions:decide', true],
    ['lead', 'members:invite', true],
    ['lead', 'evidence:read', false],
    ['analyst', 'benchmarks:read', true],
    ['analyst', 'benchmarks:export', true],
    ['analyst', 'assessments:read', false],
    ['analyst', 'submissions:read', false],
    ['analyst', 'benchmarks:consent', false],
    ['admin', 'organizations:create', true],
    ['admin', 'frameworks:publish', true],
    ['admin', 'queues:monitor', true],
    ['admin', 'audit:read-all', true],
    ['admin', 'answers:write', false],
    ['admin', 'assessments:read', false],
    ['admin', 'evidence:read', false],
    ['admin', 'reports:read', false],
    ['admin', 'submissions:read', false],
    ['admin', 'benchmarks:read', false],
  ])('%s → %s: %s', (role, permission, expected) => {
    expect(hasPermission(role, permission)).toBe(expected);
  });

  it('builds each company role on the one below it', () => {
    const [owner, approver, assessor, viewer] = (['owner', 'approver', 'assessor', 'viewer'] as const).map(
      (role) => new Set(permissionsOf(role)),
    );
    expect([...viewer!].every((p) => assessor!.has(p))).toBe(true);
    expect([...assessor!].every((p) => approver!.has(p))).toBe(true);
    expect([...approver!].every((p) => owner!.has(p))).toBe(true);
    expect([...permissionsOf('reviewer')].every((p) => hasPermission('lead', p))).toBe(true);
  });

  it('grants platform-only permissions to the platform admin alone', () => {
    for (const permission of PLATFORM_ONLY_PERMISSIONS) {
      expect([permission, ROLES.filter((role) => hasPermission(role, permission))]).toEqual([permission, ['admin']]);
    }
  });

  it('gives the platform admin no tenant data', () => {
    const tenantData = PERMISSIONS.filter((p) =>
      /^(assessments|answers|evidence|comments|assignments|scores|reports|submissions|peer-position|benchmarks):/.test(p),
    );
    expect(tenantData.filter((permission) => hasPermission('admin', permission))).toEqual([]);
  });
});

describe('PERMISSIONS', () => {
  it('are unique `<resource>:<action>` strings', () => {
    expect(new Set(PERMISSIONS).size).toBe(PERMISSIONS.length);
    for (const permission of PERMISSIONS) expect(permission).toMatch(/^[a-z]+(-[a-z]+)*:[a-z]+(-[a-z]+)*$/);
  });

  it('are each granted to at least one role (platform-only ones to the admin)', () => {
    const unused = PERMISSIONS.filter((permission) => !ROLES.some((role) => hasPermission(role, permission)));
    expect(unused).toEqual([]);
  });

  it('include every permission the issue names', () => {
    expect(PERMISSIONS).toEqual(
      expect.arrayContaining([
        'organization:read', 'members:read', 'members:invite', 'members:change-role', 'members:remove',
        'assessments:read', 'assessments:create', 'assessments:edit-profile', 'answers:write',
        'evidence:upload', 'evidence:read', 'comments:write', 'assignments:manage', 'assessments:submit',
        'scores:read', 'reports:read', 'reports:generate', 'submissions:share', 'submissions:read',
        'submissions:review', 'submissions:decide', 'benchmarks:read', 'benchmarks:export',
        'benchmarks:consent', 'audit:read', 'audit:read-all', 'organizations:create', 'frameworks:publish',
        'queues:monitor',
      ]),
    );
  });

  it('lists the platform-only permissions among them', () => {
    expect(PLATFORM_ONLY_PERMISSIONS.every((permission) => isPermission(permission))).toBe(true);
  });
});

describe('hasPermission / permissionsOf on untrusted input', () => {
  it.each(['superuser', 'constructor', '__proto__', 'toString', ''])('deny everything to role %p', (role) => {
    expect(hasPermission(role as Role, 'organization:read')).toBe(false);
    expect(permissionsOf(role as Role)).toEqual([]);
  });

  it('denies an unknown permission', () => {
    expect(hasPermission('owner', 'everything:all' as Permission)).toBe(false);
    expect(isPermission('everything:all')).toBe(false);
    expect(isPermission('answers:write')).toBe(true);
  });

  it('returns permissions in PERMISSIONS order', () => {
    const owner = permissionsOf('owner');
    expect(owner).toEqual(PERMISSIONS.filter((permission) => owner.includes(permission)));
  });
});
