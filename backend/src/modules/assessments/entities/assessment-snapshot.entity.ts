import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AssessmentEntity } from './assessment.entity';

/**
 * The frozen content of a submission: framework versions (with their hashes), profile, answers and
 * attestation, with the SHA-256 of its canonical JSON. Insert-only for the application role.
 */
@Entity({ name: 'assessment_snapshots' })
@Unique('UQ_assessment_snapshots_revision', ['assessmentId', 'revision'])
export class AssessmentSnapshotEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_assessment_snapshots_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'integer' })
  revision!: number;

  @Column({ type: 'jsonb' })
  content!: Record<string, unknown>;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'uuid' })
  submittedBy!: string;

  @Column({ type: 'timestamptz' })
  submittedAt!: Date;
}
