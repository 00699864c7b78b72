import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { AssessmentEntity, AssessmentSnapshotEntity } from '../../assessments/entities';
import { OrganizationEntity } from '../../identity/entities';

// The formats, locales and statuses are part of the API contract (`REPORT_FORMATS`… in
// @beacon/contracts). Types only here: entities are also loaded where that alias does not resolve.
import type { ReportFormat, ReportLocale, ReportStatus } from '@beacon/contracts';

export type { ReportFormat, ReportLocale, ReportStatus };

/**
 * One rendered report of one submission (snapshot) in one format and locale — stored once: asking
 * again for the same snapshot, format and locale returns the same report. Once `ready` it carries
 * its bytes, their SHA-256 and an Ed25519 signature, and the database refuses any change to it.
 */
@Entity({ name: 'reports' })
@Unique('UQ_reports_snapshot_format_locale', ['snapshotId', 'format', 'locale'])
@Check('CHK_reports_format', `"format" IN ('pdf', 'json', 'csv', 'oscal')`)
@Check('CHK_reports_locale', `"locale" IN ('en', 'fr')`)
@Check('CHK_reports_status', `"status" IN ('queued', 'rendering', 'ready', 'failed')`)
@Check('CHK_reports_progress', `"progress" BETWEEN 0 AND 100`)
@Check(
  'CHK_reports_sealed',
  `"status" <> 'ready' OR ("content" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL AND "signature" IS NOT NULL AND "key_id" IS NOT NULL AND "content_digest" IS NOT NULL AND "completed_at" IS NOT NULL AND "progress" = 100)`,
)
@Index('IDX_reports_assessment', ['assessmentId', 'createdAt'])
@Index('IDX_reports_sha256', ['sha256'], { where: `"sha256" IS NOT NULL` })
export class ReportEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  organizationId!: string;

  @ManyToOne(() => OrganizationEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organization_id', foreignKeyConstraintName: 'FK_reports_organization' })
  organization?: OrganizationEntity;

  @Column({ type: 'uuid' })
  assessmentId!: string;

  @ManyToOne(() => AssessmentEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'assessment_id', foreignKeyConstraintName: 'FK_reports_assessment' })
  assessment?: AssessmentEntity;

  @Column({ type: 'uuid' })
  snapshotId!: string;

  @ManyToOne(() => AssessmentSnapshotEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'snapshot_id', foreignKeyConstraintName: 'FK_reports_snapshot' })
  snapshot?: AssessmentSnapshotEntity;

  /** The snapshot's content hash (what was submitted). */
  @Column({ type: 'char', length: 64 })
  contentHash!: string;

  @Column({ type: 'text' })
  format!: ReportFormat;

  @Column({ type: 'text' })
  locale!: ReportLocale;

  @Column({ type: 'text', default: 'queued' })
  status!: ReportStatus;

  /** 0..100 */
  @Column({ type: 'integer', default: 0 })
  progress!: number;

  /** Who asked for it; null for the reports made automatically after scoring. */
  @Column({ type: 'uuid', nullable: true })
  requestedBy!: string | null;

  /** The file; read only where the bytes are needed. */
  @Column({ type: 'bytea', nullable: true, select: false })
  content?: Buffer | null;

  @Column({ type: 'integer', nullable: true })
  sizeBytes!: number | null;

  /** SHA-256 (hex) of the file. */
  @Column({ type: 'char', length: 64, nullable: true })
  sha256!: string | null;

  /** Ed25519 signature of the file's bytes, base64. */
  @Column({ type: 'text', nullable: true })
  signature!: string | null;

  /** SHA-256 (hex) of the signing public key (SPKI DER), so rotated keys still verify. */
  @Column({ type: 'char', length: 64, nullable: true })
  keyId!: string | null;

  /** SHA-256 (hex) of the report model's canonical JSON: the "content digest" printed in the PDF. */
  @Column({ type: 'char', length: 64, nullable: true })
  contentDigest!: string | null;

  @Column({ type: 'text', nullable: true })
  failureReason!: string | null;

  /** Also the report's issue date printed in it, so a re-rendered report is byte-identical. */
  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz', nullable: true })
  completedAt!: Date | null;
}
