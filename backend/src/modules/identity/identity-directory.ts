import { Global, Injectable, Module } from '@nestjs/common';
import { In } from 'typeorm';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { ACTOR_DIRECTORY, type ActorDirectory } from '../audit';
import { MembershipEntity, OrganizationEntity, UserEntity } from './entities';

/** What other contexts may know about an organization. */
export interface OrganizationProfile {
  id: string;
  name: string;
  defaultLocale: 'en' | 'fr';
}

/**
 * Identity's read port: organizations, members and people as other contexts may see them. Every
 * read runs in the caller's transaction, so row-level security scopes it a second time.
 */
@Injectable()
export class IdentityDirectory implements ActorDirectory {
  constructor(private readonly db: TenantDatabase) {}

  /** The organization's name and default language, or null when it is not visible. */
  async organization(organizationId: string): Promise<OrganizationProfile | null> {
    const found = await this.db.manager().findOne(OrganizationEntity, {
      select: { id: true, name: true, defaultLocale: true },
      where: { id: organizationId },
    });
    return found ? { id: found.id, name: found.name, defaultLocale: found.defaultLocale } : null;
  }

  /** A member of the organization with their display name, or null when they are not one. */
  async member(organizationId: string, userId: string): Promise<{ userId: string; name: string } | null> {
    const membership = await this.db.manager().findOne(MembershipEntity, { select: { userId: true }, where: { organizationId, userId } });
    if (!membership) return null;
    const names = await this.namesOf([userId]);
    const name = names.get(userId);
    return name === undefined ? null : { userId, name };
  }

  /** Display names of the given users, by id. */
  namesOf(userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.users(userIds, 'name');
  }

  /** E-mail addresses of the given users, by id. */
  emailsOf(userIds: readonly string[]): Promise<ReadonlyMap<string, string>> {
    return this.users(userIds, 'email');
  }

  private async users(userIds: readonly string[], field: 'name' | 'email'): Promise<ReadonlyMap<string, string>> {
    if (userIds.length === 0) return new Map();
    const rows = await this.db.manager().find(UserEntity, { select: { id: true, [field]: true }, where: { id: In([...new Set(userIds)]) } });
    return new Map(rows.map((u) => [u.id, u[field]]));
  }
}

/** The directory for every context of the process (API and worker), and the audit log's view of actors. */
@Global()
@Module({
  providers: [IdentityDirectory, { provide: ACTOR_DIRECTORY, useExisting: IdentityDirectory }],
  exports: [IdentityDirectory, ACTOR_DIRECTORY],
})
export class IdentityDirectoryModule {}
