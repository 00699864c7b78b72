import type { EvidenceKind, EvidenceMediaType } from '@beacon/contracts';
import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AssessmentEntity } from '../../assessments/entities';
import { OrganizationEntity } from '../../identity/entities';

/**
 * A file or a link offered as evidence for one requirement of an assessment. A file's bytes live
 * in the evidence storage under `storageKey`; the row keeps what was checked (type from the
 * content, size, SHA-256).
 */
@Entity({ name: 'evidence' })
@Unique('UQ_evidence_storage_key', ['storageKey'])
@Check('CHK_evidence_kind', `"kind" IN ('file', 'link')`)
@Check(
  'CHK_evidence_shape',
  `("kind" = 'file' AND "file_name" IS NOT NULL AND "media_type" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL AND "storage_key" IS NOT NULL AND "url" IS NULL) OR ("kind" = 'link' AND "url" IS NOT NULL AND "storage_key" IS NULL)`,
)
@Index('IDX_evidence_assessment', ['assessmentId', 'requirementKey', 'createdAt'])
@Index('IDX_evidence_organization', ['organizationId'])
export class EvidenceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_evidence_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_evidence_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'text' })
  requirementKey!: string;

  @Column({ type: 'text' })
  kind!: EvidenceKind;

  @Column({ type: 'text', nullable: true })
  fileName!: string | null;

  @Column({ type: 'text', nullable: true })
  mediaType!: EvidenceMediaType | null;

  /** bigint: the driver returns it as a string. */
  @Column({ type: 'bigint', nullable: true })
  sizeBytes!: string | null;

  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  @Column({ type: 'text', nullable: true })
  storageKey!: string | null;

  @Column({ type: 'text', nullable: true })
  url!: string | null;

  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Column({ type: 'uuid' })
  createdBy!: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;
}
