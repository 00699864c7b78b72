import type { RequirementStatusKind } from '@beacon/domain';
import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { AssessmentEntity } from './assessment.entity';

/**
 * A requirement-level answer: the requirement does not apply (`not-applicable`) or an equivalent
 * alternative measure is in place (`alternative`), with a justification. Written like answers: the
 * statement itself carries `WHERE version = expected`.
 */
@Entity({ name: 'requirement_statuses' })
@Unique('UQ_requirement_statuses_assessment_requirement', ['assessmentId', 'requirementKey'])
@Check('CHK_requirement_statuses_kind', `"kind" IN ('not-applicable', 'alternative')`)
export class RequirementStatusEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_requirement_statuses_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'text' })
  requirementKey!: string;

  @Column({ type: 'text' })
  kind!: RequirementStatusKind;

  @Column({ type: 'text' })
  justification!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
