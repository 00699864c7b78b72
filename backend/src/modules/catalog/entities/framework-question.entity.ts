import type { QuestionType } from '@beacon/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkVersionEntity } from './framework-version.entity';

/** A question of a framework version, indexed for queries (the text stays in the document). */
@Entity({ name: 'framework_questions' })
@Unique('UQ_framework_questions_version_key', ['frameworkVersionId', 'key'])
export class FrameworkQuestionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  frameworkVersionId!: string;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_version_id', foreignKeyConstraintName: 'FK_framework_questions_version' })
  frameworkVersion?: FrameworkVersionEntity;

  @Column({ type: 'text' })
  requirementKey!: string;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  type!: QuestionType;

  @Column({ type: 'boolean' })
  required!: boolean;

  @Column({ type: 'integer' })
  position!: number;
}
