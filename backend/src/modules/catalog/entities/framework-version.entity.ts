import type { FrameworkDefinition, LocalizedText } from '@beacon/domain';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';

/**
 * One published version of a framework. Immutable once imported: the whole document is kept with
 * the SHA-256 of its canonical JSON, and a changed file under the same version is refused.
 */
@Entity({ name: 'framework_versions' })
@Unique('UQ_framework_versions_slug_version', ['slug', 'version'])
export class FrameworkVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  slug!: string;

  @Column({ type: 'text' })
  version!: string;

  @Column({ type: 'jsonb' })
  title!: LocalizedText;

  @Column({ type: 'text' })
  publisher!: string;

  @Column({ type: 'text' })
  sourceUrl!: string;

  @Column({ type: 'date' })
  publishedOn!: string;

  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'jsonb' })
  document!: FrameworkDefinition;

  @CreateDateColumn({ type: 'timestamptz' })
  importedAt!: Date;
}
