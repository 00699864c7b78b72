import type { MappingRelationship } from '@beacon/domain';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { MappingSetEntity } from './mapping-set.entity';

/** One mapping of a set: source requirement → target requirement, with its relationship. */
@Entity({ name: 'framework_mappings' })
@Unique('UQ_framework_mappings_pair', ['mappingSetId', 'sourceKey', 'targetKey'])
@Index('IDX_framework_mappings_target', ['targetKey'])
export class FrameworkMappingEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  mappingSetId!: string;

  @ManyToOne(() => MappingSetEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mapping_set_id', foreignKeyConstraintName: 'FK_framework_mappings_set' })
  mappingSet?: MappingSetEntity;

  @Column({ type: 'text' })
  sourceKey!: string;

  @Column({ type: 'text' })
  targetKey!: string;

  @Column({ type: 'text' })
  relationship!: MappingRelationship;

  @Column({ type: 'integer' })
  strength!: number;
}
