import { Inject, Injectable } from '@nestjs/common';
import type { AuditEventResponse } from '@beacon/contracts';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { ACTOR_DIRECTORY, type ActorDirectory } from './actor-directory';
import { AuditEventEntity } from './entities/audit-event.entity';

/** The audit log as people read it: events with the e-mail address of whoever acted. */
@Injectable()
export class AuditLog {
  constructor(
    private readonly db: TenantDatabase,
    @Inject(ACTOR_DIRECTORY) private readonly actors: ActorDirectory,
  ) {}

  /** Events visible in the current transaction (own organization, or all for the platform audit), newest first. */
  async list(limit = 200): Promise<AuditEventResponse[]> {
    const events = await this.db.manager().find(AuditEventEntity, { order: { id: 'DESC' }, take: limit });
    const actors = [...new Set(events.flatMap((e) => (e.actorUserId ? [e.actorUserId] : [])))];
    const emails = actors.length > 0 ? await this.actors.emailsOf(actors) : new Map<string, string>();
    return events.map((e) => ({
      id: String(e.id),
      occurredAt: e.occurredAt.toISOString(),
      organizationId: e.organizationId,
      actorUserId: e.actorUserId,
      actorEmail: e.actorUserId ? (emails.get(e.actorUserId) ?? null) : null,
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      correlationId: e.correlationId,
      clientAddress: e.clientAddress,
      details: e.details,
      hash: e.hash,
    }));
  }
}
