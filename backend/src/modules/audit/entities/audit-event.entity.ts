import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An append-only, hash-chained record of a state change or security event. Each organization's
 * events (and the platform's, with no organization) form one chain:
 * `hash = sha256(previousHash ‖ canonical row)`.
 */
@Entity({ name: 'audit_events' })
@Index('IDX_audit_events_organization', ['organizationId', 'id'])
export class AuditEventEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'uuid', nullable: true })
  actorUserId!: string | null;

  @Column({ type: 'text' })
  action!: string;

  @Column({ type: 'text', nullable: true })
  targetType!: string | null;

  @Column({ type: 'text', nullable: true })
  targetId!: string | null;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'text', nullable: true })
  clientAddress!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ type: 'char', length: 64, nullable: true })
  previousHash!: string | null;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
