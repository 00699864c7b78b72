import { IsString, IsUrl, Length, Matches } from 'class-validator';

/** A requirement key as the catalogue writes it (`MSM-1`, `SBD-N-2`). */
const REQUIREMENT_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** The text fields of `POST /assessments/:id/evidence` (multipart, next to the `file` part). */
export class UploadEvidenceDto {
  @IsString()
  @Matches(REQUIREMENT_KEY, { message: 'requirementKey must be a requirement key such as MSM-1' })
  requirementKey!: string;
}

/** `POST /assessments/:id/evidence/links`. */
export class AddEvidenceLinkDto {
  @IsString()
  @Matches(REQUIREMENT_KEY, { message: 'requirementKey must be a requirement key such as MSM-1' })
  requirementKey!: string;

  /** http(s) only, at most 2,000 characters. */
  @IsUrl({ protocols: ['http', 'https'], require_protocol: true, require_tld: false }, { message: 'url must be an http(s) URL' })
  @Length(1, 2000)
  url!: string;

  @IsString()
  @Length(1, 200)
  title!: string;
}

export type EvidenceKind = 'file' | 'link';

/** The content types evidence files may have (decided from the bytes, never the name or the client). */
export type EvidenceMediaType =
  | 'application/pdf'
  | 'image/png'
  | 'image/jpeg'
  | 'text/plain'
  | 'text/csv'
  | 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  | 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface EvidenceResponse {
  id: string;
  assessmentId: string;
  requirementKey: string;
  kind: EvidenceKind;
  /** Files: the uploaded name; links: null. */
  fileName: string | null;
  mediaType: EvidenceMediaType | null;
  sizeBytes: number | null;
  /** Hex SHA-256 of the stored bytes (files only). */
  sha256: string | null;
  /** Links only. */
  url: string | null;
  /** Links only. */
  title: string | null;
  createdBy: string;
  createdAt: string;
}

/** What downloading a link answers instead of bytes. */
export interface EvidenceLinkTarget {
  kind: 'link';
  url: string;
  title: string | null;
}
