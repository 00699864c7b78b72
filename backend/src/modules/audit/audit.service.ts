import { Injectable } from '@nestjs/common';
import { canonicalJson } from '@beacon/domain';
import type { AuditBreakReason, AuditBrokenEvent, AuditVerifyResponse } from '@beacon/contracts';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { toStorableText } from '../../platform/database/storable-text';
import type { SecurityEvent, SecurityEvents } from '../../platform/auth/security-events';
import { currentCorrelationId } from '../../platform/logging/request-context';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditEventEntity } from './entities/audit-event.entity';

/** An event to record: what happened, to what, by whom (the platform's security events have the same shape). */
export type AuditEntry = SecurityEvent;

type Chained = Omit<AuditEventEntity, 'id' | 'hash' | 'previousHash'>;

/** The part of a row the hash covers, in a canonical form. */
function canonicalRow(row: Chained): string {
  return canonicalJson({
    organizationId: row.organizationId,
    actorUserId: row.actorUserId,
    action: row.action,
    targetType: row.targetType,
    targetId: row.targetId,
    correlationId: row.correlationId,
    clientAddress: row.clientAddress,
    details: row.details,
    occurredAt: row.occurredAt.toISOString(),
  });
}

/** A JSON value as `jsonb` keeps it: what JSON drops is dropped, unstorable text replaced. */
function storableJson(value: unknown): unknown {
  if (typeof value === 'string') return toStorableText(value);
  if (Array.isArray(value)) return value.map(storableJson);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [toStorableText(k), storableJson(v)]));
  }
  return value;
}

const storableOrNull = (text: string | null): string | null => (text === null ? null : toStorableText(text));

/**
 * The row exactly as PostgreSQL will store it and give it back: text without U+0000 or lone
 * surrogates (U+FFFD in their place, as the driver sends lone surrogates) and details as a JSON
 * round trip. The hash is computed on this form and this form is inserted, so verification — which
 * reads the stored row — recomputes the same hash.
 */
export function storedForm(row: Chained): Chained {
  return {
    organizationId: row.organizationId,
    actorUserId: row.actorUserId,
    action: toStorableText(row.action),
    targetType: storableOrNull(row.targetType),
    targetId: storableOrNull(row.targetId),
    correlationId: storableOrNull(row.correlationId),
    clientAddress: storableOrNull(row.clientAddress),
    details: row.details === null ? null : (storableJson(JSON.parse(JSON.stringify(row.details))) as Record<string, unknown>),
    occurredAt: row.occurredAt,
  };
}

export function chainHash(previousHash: string | null, row: Chained): string {
  return createHash('sha256')
    .update(previousHash ?? '')
    .update('\n')
    .update(canonicalRow(row))
    .digest('hex');
}

/**
 * The append-only audit log. Each organization's events form one hash chain (platform events, with
 * no organization, another); writers of one chain are serialised by an advisory lock.
 */
@Injectable()
export class AuditService implements SecurityEvents {
  constructor(private readonly db: TenantDatabase) {}

  /** Records an event in the current transaction (or a new one), in the event's organization chain. */
  async record(entry: AuditEntry): Promise<void> {
    const write = async (manager: EntityManager) => {
      const chain = entry.organizationId ?? 'platform';
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('audit:' || $1))`, [chain]);
      const last: { hash: string }[] = await manager.query(
        `SELECT hash FROM audit_events WHERE organization_id IS NOT DISTINCT FROM $1 ORDER BY id DESC LIMIT 1`,
        [entry.organizationId],
      );
      const row = storedForm({
        organizationId: entry.organizationId,
        actorUserId: entry.actorUserId,
        action: entry.action,
        targetType: entry.targetType ?? null,
        targetId: entry.targetId ?? null,
        correlationId: currentCorrelationId() ?? null,
        clientAddress: entry.clientAddress ?? null,
        details: entry.details ?? null,
        occurredAt: new Date(),
      });
      const previousHash = last[0]?.hash ?? null;
      await manager.query(
        `INSERT INTO audit_events (organization_id, actor_user_id, action, target_type, target_id, correlation_id,
                                   client_address, details, occurred_at, previous_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          row.organizationId,
          row.actorUserId,
          row.action,
          row.targetType,
          row.targetId,
          row.correlationId,
          row.clientAddress,
          row.details === null ? null : JSON.stringify(row.details),
          row.occurredAt,
          previousHash,
          chainHash(previousHash, row),
        ],
      );
    };
    // The event's organization must be the transaction's (RLS checks it); platform events read
    // the platform chain through the audit-writer scope.
    const scope = { organizationId: entry.organizationId, userId: this.db.current()?.userId ?? null, scope: 'audit-writer' };
    await this.db.withScope(scope, write);
  }

  /**
   * Records an event in a transaction of its own, so it stays even when the request that caused it
   * fails (failed sign-ins, refused permissions, reused refresh tokens). Inside a request or job it
   * is written once that transaction has released its connection (never two at once).
   */
  async recordIndependently(entry: AuditEntry): Promise<void> {
    await this.db.independently({ organizationId: entry.organizationId, userId: entry.actorUserId }, () => this.record(entry));
  }

  /**
   * Recomputes every visible chain and reports every event whose hash or link does not match, not
   * only the first: one broken row must not hide later tampering.
   */
  async verify(): Promise<AuditVerifyResponse> {
    const events = await this.db.manager().getRepository(AuditEventEntity).find({ order: { id: 'ASC' } });
    const lastHashOfChain = new Map<string, string>();
    const brokenEvents: AuditBrokenEvent[] = [];
    for (const event of events) {
      const chain = event.organizationId ?? 'platform';
      const reasons: AuditBreakReason[] = [];
      if (chainHash(event.previousHash, event) !== event.hash) reasons.push('content-altered');
      // The first event of a chain links to nothing; every other one to its predecessor's stored hash.
      if (event.previousHash !== (lastHashOfChain.get(chain) ?? null)) reasons.push('link-broken');
      if (reasons.length > 0) brokenEvents.push({ eventId: event.id, reasons });
      lastHashOfChain.set(chain, event.hash);
    }
    return { valid: brokenEvents.length === 0, checked: events.length, firstBrokenEventId: brokenEvents[0]?.eventId ?? null, brokenEvents };
  }
}
