import type { ApplicabilityExpression } from '@beacon/domain';
import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkVersionEntity } from './framework-version.entity';

/** A requirement of a framework version, indexed for queries (the text stays in the document). */
@Entity({ name: 'framework_requirements' })
@Unique('UQ_framework_requirements_version_key', ['frameworkVersionId', 'key'])
export class FrameworkRequirementEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  frameworkVersionId!: string;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'framework_version_id', foreignKeyConstraintName: 'FK_framework_requirements_version' })
  frameworkVersion?: FrameworkVersionEntity;

  @Column({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  sectionKey!: string;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'boolean' })
  critical!: boolean;

  @Column({ type: 'integer' })
  weight!: number;

  @Column({ type: 'jsonb', nullable: true })
  applicability!: ApplicabilityExpression | null;
}
