import type { ScoringResult } from '@beacon/domain';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AssessmentEntity, AssessmentSnapshotEntity } from '../../assessments/entities';

export type AssessmentScoreStatus = 'scored' | 'failed';

/**
 * The score of one submission, computed by the worker from the frozen snapshot. Keyed by the
 * assessment and the snapshot's content hash: scoring the same submission again keeps one row
 * (a `failed` row may later become `scored`, a `scored` one never changes).
 */
@Entity({ name: 'assessment_scores' })
@Unique('UQ_assessment_scores_assessment_content', ['assessmentId', 'contentHash'])
@Check('CHK_assessment_scores_status', `"status" IN ('scored', 'failed')`)
@Check('CHK_assessment_scores_outcome', `("status" = 'scored' AND "result" IS NOT NULL) OR ("status" = 'failed' AND "failure_reason" IS NOT NULL)`)
@Index('IDX_assessment_scores_snapshot', ['snapshotId'])
export class AssessmentScoreEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_assessment_scores_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'uuid' })
  snapshotId!: string;

  @ManyToOne(() => AssessmentSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'FK_assessment_scores_snapshot' })
  snapshot?: AssessmentSnapshotEntity;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'text' })
  status!: AssessmentScoreStatus;

  /** The engine's output; null when scoring failed. */
  @Column({ type: 'jsonb', nullable: true })
  result!: ScoringResult | null;

  @Column({ type: 'text' })
  engineVersion!: string;

  /** Why scoring failed, in one sentence; null once scored. */
  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  @Column({ type: 'timestamptz' })
  computedAt!: Date;
}
