// The identity context's front door: what other contexts and the application may use.
export { IDENTITY_ENTITIES } from './entities';
export { IdentityDirectory, IdentityDirectoryModule, type OrganizationProfile } from './identity-directory';
export { IdentityModule } from './identity.module';
export { ARGON2_OPTIONS, Passwords } from './passwords';
export { ensurePlatformAdmin, type PlatformAdminSettings } from './platform-admin';
export { identityError } from './identity.exception';
