import { Check, Column, CreateDateColumn, Entity, Generated, Index, PrimaryGeneratedColumn, Unique } from 'typeorm';

/** pending → relayed (in BullMQ) → completed | failed (the handler's outcome). */
export type OutboxStatus = 'pending' | 'relayed' | 'completed' | 'failed';

/**
 * A job that a state change asked for, written in the same transaction as that change. The
 * worker's relay moves pending rows to BullMQ; PostgreSQL stays the source of truth.
 */
@Entity({ name: 'outbox_messages' })
@Unique('UQ_outbox_messages_job_id', ['jobId'])
@Check('CHK_outbox_messages_status', `"status" IN ('pending', 'relayed', 'completed', 'failed')`)
@Index('IDX_outbox_messages_relayed', ['relayedAt'], { where: `"status" = 'relayed'` })
@Index('IDX_outbox_messages_pending', ['availableAt', 'id'], { where: `"status" = 'pending'` })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id!: string;

  /**
   * The BullMQ job id is derived from this (`outbox-<jobId>`): stable for the row, so relaying it
   * twice keeps one job, and unique across databases, so a restored or reset database never
   * collides with jobs Redis still remembers.
   */
  @Column({ type: 'uuid' })
  @Generated('uuid')
  jobId!: string;

  @Column({ type: 'text' })
  queue!: string;

  @Column({ type: 'text' })
  jobName!: string;

  @Column({ type: 'jsonb' })
  payload!: Record<string, unknown>;

  @Column({ type: 'uuid', nullable: true })
  organizationId!: string | null;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;

  @Column({ type: 'text', default: 'pending' })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @Column({ type: 'text', nullable: true })
  lastError!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  availableAt!: Date;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  relayedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
