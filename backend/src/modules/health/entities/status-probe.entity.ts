import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A round trip through the whole job pipeline (API → outbox → relay → BullMQ → worker →
 * PostgreSQL), requested from the status page to prove that every queue is consumed.
 */
@Entity({ name: 'status_probes' })
export class StatusProbeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ type: 'text', nullable: true })
  correlationId!: string | null;
}
