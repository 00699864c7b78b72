import { IsIn } from 'class-validator';

export const REPORT_FORMATS = ['pdf', 'json', 'csv', 'oscal'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_LOCALES = ['en', 'fr'] as const;
export type ReportLocale = (typeof REPORT_LOCALES)[number];

/** queued → rendering → ready (sealed, immutable) | failed (asking again queues it again). */
export const REPORT_STATUSES = ['queued', 'rendering', 'ready', 'failed'] as const;
export type ReportStatus = (typeof REPORT_STATUSES)[number];

/** `POST /assessments/:id/reports`: a report of the latest scored submission. */
export class CreateReportDto {
  @IsIn(REPORT_FORMATS, { message: `format must be one of ${REPORT_FORMATS.join(', ')}` })
  format!: ReportFormat;

  @IsIn(REPORT_LOCALES, { message: `locale must be one of ${REPORT_LOCALES.join(', ')}` })
  locale!: ReportLocale;
}

/** 202 to `POST /assessments/:id/reports`: the same id for the same snapshot, format and locale. */
export interface ReportRequestedResponse {
  reportId: string;
  status: ReportStatus;
}

/** `GET /reports/:id` and the items of `GET /assessments/:id/reports`. */
export interface ReportResponse {
  id: string;
  assessmentId: string;
  snapshotId: string;
  /** The submission's content hash. */
  contentHash: string;
  format: ReportFormat;
  locale: ReportLocale;
  status: ReportStatus;
  /** 0..100 */
  progress: number;
  /** SHA-256 (hex) of the file, once ready. */
  sha256: string | null;
  /** Ed25519 signature of the file (base64), once ready. */
  signature: string | null;
  /** SHA-256 of the signing public key (see `GET /reports/signing-keys`). */
  keyId: string | null;
  /** SHA-256 of the report content's canonical JSON (printed in the PDF footer). */
  contentDigest: string | null;
  sizeBytes: number | null;
  /** Who asked for it; null for the reports made automatically after scoring. */
  requestedBy: string | null;
  createdAt: string;
  completedAt: string | null;
  failureReason: string | null;
}

/** `GET /reports/:id/verify`: the stored file checked again against its digest and signature. */
export interface ReportIntegrityResponse {
  reportId: string;
  valid: boolean;
  sha256: string;
  sha256Matches: boolean;
  signatureValid: boolean;
  keyId: string;
  keyKnown: boolean;
}

/** `POST /reports/verify` (public): whether Beacon issued the uploaded file, unchanged. */
export interface PublicReportVerificationResponse {
  valid: boolean;
  reportId?: string;
  organizationName?: string;
  assessmentId?: string;
  snapshotId?: string;
  contentHash?: string;
  issuedAt?: string;
  format?: ReportFormat;
  locale?: ReportLocale;
  sha256?: string;
  keyId?: string;
}

/** `GET /reports/signing-keys` (public): the keys report signatures verify with. */
export interface SigningKeyResponse {
  keyId: string;
  current: boolean;
  publicKeyPem: string;
}
