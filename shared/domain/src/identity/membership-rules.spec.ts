import {
  canChangeRole,
  canRemoveMember,
  isLastOwnerChange,
  rolesAssignableBy,
  type InvitationTarget,
  type MemberRoleSummary,
} from './membership-rules';
import { hasPermission, permissionsOf } from './permissions';
import { ROLES, organizationTypeOf, roleLevel, type OrganizationType, type Role } from './roles';

describe('rolesAssignableBy', () => {
  it.each<[Role, OrganizationType, OrganizationType, InvitationTarget | undefined, Role[]]>([
    // company
    ['owner', 'company', 'company', undefined, ['owner', 'approver', 'assessor', 'viewer']],
    ['approver', 'company', 'company', undefined, ['assessor', 'viewer']],
    ['assessor', 'company', 'company', undefined, []],
    ['viewer', 'company', 'company', undefined, []],
    // regulator
    ['lead', 'regulator', 'regulator', undefined, ['lead', 'reviewer']],
    ['reviewer', 'regulator', 'regulator', undefined, []],
    // ngo
    ['analyst', 'ngo', 'ngo', undefined, ['analyst']],
    // platform: fellow operators, and the first member of a regulator or an NGO
    ['admin', 'platform', 'platform', undefined, ['admin']],
    ['admin', 'regulator', 'platform', { memberCount: 0 }, ['lead']],
    ['admin', 'ngo', 'platform', { memberCount: 0 }, ['analyst']],
    ['admin', 'regulator', 'platform', { memberCount: 1 }, []],
    ['admin', 'ngo', 'platform', { memberCount: 3 }, []],
    ['admin', 'regulator', 'platform', undefined, []],
    ['admin', 'company', 'platform', { memberCount: 0 }, []],
    // never across tenants
    ['owner', 'regulator', 'company', { memberCount: 0 }, []],
    ['owner', 'ngo', 'company', undefined, []],
    ['lead', 'company', 'regulator', undefined, []],
    ['analyst', 'regulator', 'ngo', { memberCount: 0 }, []],
    // a role that does not belong to the inviter's organization type
    ['owner', 'company', 'regulator', undefined, []],
    ['admin', 'regulator', 'regulator', { memberCount: 0 }, []],
  ])('%s of a %s inviting into a %s (%j) may grant %j', (inviter, targetType, inviterType, target, expected) => {
    expect(rolesAssignableBy(inviter, targetType, inviterType, target)).toEqual(expected);
  });

  it.each(ROLES)('never lets %s grant, inside its own organization type, a permission it lacks', (inviter) => {
    const type = organizationTypeOf(inviter);
    for (const role of rolesAssignableBy(inviter, type, type)) {
      expect(organizationTypeOf(role)).toBe(type);
      expect(roleLevel(role)).toBeLessThanOrEqual(roleLevel(inviter));
      expect(permissionsOf(role).filter((permission) => !hasPermission(inviter, permission))).toEqual([]);
    }
  });
});

describe('canChangeRole', () => {
  it.each<[Role, Role, Role, boolean]>([
    ['owner', 'viewer', 'assessor', true],
    ['owner', 'assessor', 'approver', true],
    ['owner', 'approver', 'owner', true],
    ['owner', 'owner', 'viewer', true],
    ['owner', 'viewer', 'viewer', false],
    ['owner', 'viewer', 'reviewer', false],
    ['owner', 'lead', 'viewer', false],
    ['approver', 'viewer', 'assessor', false],
    ['approver', 'assessor', 'viewer', false],
    ['approver', 'owner', 'viewer', false],
    ['assessor', 'viewer', 'assessor', false],
    ['viewer', 'viewer', 'assessor', false],
    ['lead', 'reviewer', 'lead', true],
    ['lead', 'lead', 'reviewer', true],
    ['lead', 'reviewer', 'owner', false],
    ['reviewer', 'reviewer', 'lead', false],
    ['analyst', 'analyst', 'analyst', false],
    ['admin', 'viewer', 'owner', false],
    ['admin', 'admin', 'admin', false],
  ])('%s changing %s → %s: %s', (actor, from, to, expected) => {
    expect(canChangeRole(actor, from, to)).toBe(expected);
  });

  it('never allows promoting to or demoting from above the actor’s own level', () => {
    for (const actor of ROLES) {
      for (const from of ROLES) {
        for (const to of ROLES) {
          if (!canChangeRole(actor, from, to)) continue;
          expect(hasPermission(actor, 'members:change-role')).toBe(true);
          expect(organizationTypeOf(from)).toBe(organizationTypeOf(actor));
          expect(organizationTypeOf(to)).toBe(organizationTypeOf(actor));
          expect(roleLevel(from)).toBeLessThanOrEqual(roleLevel(actor));
          expect(roleLevel(to)).toBeLessThanOrEqual(roleLevel(actor));
        }
      }
    }
  });
});

describe('canRemoveMember', () => {
  it.each<[Role, Role, boolean]>([
    ['owner', 'owner', true],
    ['owner', 'viewer', true],
    ['owner', 'reviewer', false],
    ['approver', 'viewer', false],
    ['assessor', 'viewer', false],
    ['lead', 'reviewer', true],
    ['lead', 'lead', true],
    ['reviewer', 'reviewer', false],
    ['analyst', 'analyst', true],
    ['admin', 'admin', true],
    ['admin', 'owner', false],
  ])('%s removing a %s: %s', (actor, member, expected) => {
    expect(canRemoveMember(actor, member)).toBe(expected);
  });
});

describe('isLastOwnerChange', () => {
  const alone: MemberRoleSummary[] = [
    { id: 'ann', role: 'owner' },
    { id: 'bob', role: 'approver' },
    { id: 'cat', role: 'viewer' },
  ];
  const twoOwners: MemberRoleSummary[] = [...alone, { id: 'dan', role: 'owner' }];
  const regulator: MemberRoleSummary[] = [
    { id: 'lea', role: 'lead' },
    { id: 'rex', role: 'reviewer' },
  ];

  it.each<[string, MemberRoleSummary[], string, Role | null, boolean]>([
    ['demoting the only owner', alone, 'ann', 'approver', true],
    ['removing the only owner', alone, 'ann', null, true],
    ['keeping the only owner an owner', alone, 'ann', 'owner', false],
    ['demoting one of two owners', twoOwners, 'ann', 'viewer', false],
    ['removing one of two owners', twoOwners, 'dan', null, false],
    ['promoting a non-owner', alone, 'bob', 'owner', false],
    ['demoting a non-owner', alone, 'bob', 'viewer', false],
    ['removing a non-owner', alone, 'cat', null, false],
    ['an unknown member', alone, 'zoe', 'viewer', false],
    ['an empty organization', [], 'ann', null, false],
    ['demoting the only regulator lead', regulator, 'lea', 'reviewer', true],
    ['removing the only regulator lead', regulator, 'lea', null, true],
    ['removing a reviewer', regulator, 'rex', null, false],
    ['removing the only NGO analyst', [{ id: 'nia', role: 'analyst' }], 'nia', null, true],
    ['removing one of two platform admins', [{ id: 'a1', role: 'admin' }, { id: 'a2', role: 'admin' }], 'a1', null, false],
  ])('%s → %s', (_label, members, memberId, newRole, expected) => {
    expect(isLastOwnerChange(members, memberId, newRole)).toBe(expected);
  });
});

describe('rule data', () => {
  it('cannot be mutated through a returned list', () => {
    const granted = rolesAssignableBy('approver', 'company', 'company') as Role[];
    expect(() => granted.push('owner')).toThrow(TypeError);
    expect(rolesAssignableBy('approver', 'company', 'company')).toEqual(['assessor', 'viewer']);
    const bootstrap = rolesAssignableBy('admin', 'regulator', 'platform', { memberCount: 0 }) as Role[];
    expect(() => bootstrap.push('reviewer')).toThrow(TypeError);
  });
});
