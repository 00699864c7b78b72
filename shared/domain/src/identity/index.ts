export {
  ORGANIZATION_TYPES,
  OWNER_ROLE_BY_ORGANIZATION_TYPE,
  ROLES,
  ROLES_BY_ORGANIZATION_TYPE,
  isOrganizationType,
  isRole,
  isRoleOf,
  organizationTypeOf,
  roleLevel,
} from './roles';
export type {
  CompanyRole,
  NgoRole,
  OrganizationType,
  PlatformRole,
  RegulatorRole,
  Role,
  RoleOf,
} from './roles';
export {
  PERMISSIONS,
  PLATFORM_ONLY_PERMISSIONS,
  ROLE_PERMISSIONS,
  hasPermission,
  isPermission,
  permissionsOf,
} from './permissions';
export type { Permission } from './permissions';
export {
  BOOTSTRAP_ROLES,
  INVITABLE_ROLES,
  canChangeRole,
  canRemoveMember,
  isLastOwnerChange,
  rolesAssignableBy,
} from './membership-rules';
export type { InvitationTarget, MemberRoleSummary } from './membership-rules';
export {
  PASSWORD_CONTEXT_MIN_LENGTH,
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  PASSWORD_RULES,
  checkPassword,
  passwordLength,
} from './password-policy';
export type {
  PasswordCheckOptions,
  PasswordCheckResult,
  PasswordProblem,
  PasswordRule,
} from './password-policy';
export { PASSWORD_MESSAGES, passwordMessage } from './password-messages';
export { parseCommonPasswords } from './common-passwords';
