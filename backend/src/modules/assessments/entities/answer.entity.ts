import type { AnswerValue } from '@beacon/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique, UpdateDateColumn } from 'typeorm';
import { AssessmentEntity } from './assessment.entity';

/**
 * One question's answer. `version` guards every write: the UPDATE itself carries
 * `WHERE version = expected`, so a stale write changes nothing.
 */
@Entity({ name: 'answers' })
@Unique('UQ_answers_assessment_question', ['assessmentId', 'questionKey'])
export class AnswerEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_answers_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'text' })
  questionKey!: string;

  @Column({ type: 'jsonb' })
  value!: AnswerValue;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'uuid', nullable: true })
  updatedBy!: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
