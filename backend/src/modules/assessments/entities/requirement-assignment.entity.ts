import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AssessmentEntity } from './assessment.entity';

/** Who answers a requirement (one assignee per requirement). */
@Entity({ name: 'requirement_assignments' })
export class RequirementAssignmentEntity {
  @PrimaryColumn({ type: 'uuid' })
  assessmentId!: string;

  @PrimaryColumn({ type: 'text' })
  requirementKey!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_requirement_assignments_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assigneeUserId!: string;

  @Column({ type: 'uuid' })
  assignedBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  assignedAt!: Date;
}
