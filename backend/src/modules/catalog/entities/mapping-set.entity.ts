import type { MappingSetDefinition } from '@beacon/domain';
import { Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { FrameworkVersionEntity } from './framework-version.entity';

/** A versioned crosswalk between two framework versions; immutable like them. */
@Entity({ name: 'mapping_sets' })
@Unique('UQ_mapping_sets_slug_version', ['slug', 'version'])
export class MappingSetEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'uuid' })
  sourceVersionId!: string;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_version_id', foreignKeyConstraintName: 'FK_mapping_sets_source' })
  sourceVersion?: FrameworkVersionEntity;

  @Column({ type: 'uuid' })
  targetVersionId!: string;

  @ManyToOne(() => FrameworkVersionEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'target_version_id', foreignKeyConstraintName: 'FK_mapping_sets_target' })
  targetVersion?: FrameworkVersionEntity;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  document!: MappingSetDefinition;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}
