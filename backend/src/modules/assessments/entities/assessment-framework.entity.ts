import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { FrameworkVersionEntity } from '../../catalog/entities';
import { AssessmentEntity } from './assessment.entity';

/** A framework version an assessment is made against. */
@Entity({ name: 'assessment_frameworks' })
export class AssessmentFrameworkEntity {
  @PrimaryColumn({ type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'uuid' })
  frameworkVersionId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_assessment_frameworks_assessment' })
  assessment?: AssessmentEntity;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'framework_version_id', foreignKeyConstraintName: 'FK_assessment_frameworks_version' })
  frameworkVersion?: FrameworkVersionEntity;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'integer' })
  position!: number;
}
