import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { StatusProbeEntity } from './status-probe.entity';

/** One queue's worker answering a status probe; (probe, queue) is unique, so duplicates store once. */
@Entity({ name: 'status_probe_answers' })
export class StatusProbeAnswerEntity {
  @PrimaryColumn({ type: 'uuid' })
  probeId!: string;

  @ManyToOne(() => StatusProbeEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'probe_id', foreignKeyConstraintName: 'FK_status_probe_answers_probe' })
  probe?: StatusProbeEntity;

  @PrimaryColumn({ type: 'text' })
  queue!: string;

  @Column({ type: 'text' })
  workerId!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  answeredAt!: Date;
}
