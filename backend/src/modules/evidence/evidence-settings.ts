import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArchiveLimits } from './ooxml';

export const MIB = 1024 * 1024;

/**
 * Limits and storage location of evidence files.
 *
 * Defaults (used until the maintainer wires these into `environment.ts` / `AppConfig`, the only
 * place that may read the environment):
 * - `maxBytes` 20 MiB (EVIDENCE_MAX_BYTES): largest single file, enforced while receiving (413);
 * - `quotaBytes` 500 MiB (EVIDENCE_QUOTA_BYTES): total of one organization's files (413);
 * - `storageUrl` `file://<cwd>/tmp/evidence` (EVIDENCE_STORAGE_URL): `file:///abs/dir` for a local
 *   directory, `s3://bucket?endpoint=…` for S3-compatible storage (refused at start-up for now,
 *   see `evidence-storage.ts`).
 * - `archive`: what a DOCX or XLSX may expand to — at most 1,000 entries and
 *   `maxUncompressedBytes` 100 MiB (EVIDENCE_MAX_UNCOMPRESSED_BYTES) of inflated content (415).
 */
export class EvidenceSettings {
  constructor(
    readonly maxBytes: number,
    readonly quotaBytes: number,
    readonly storageUrl: string,
    readonly archive: ArchiveLimits = { maxEntries: EvidenceSettings.DEFAULT_MAX_ARCHIVE_ENTRIES, maxUncompressedBytes: EvidenceSettings.DEFAULT_MAX_UNCOMPRESSED_BYTES },
  ) {
    if (!Number.isSafeInteger(maxBytes) || maxBytes < 1) throw new Error(`EVIDENCE_MAX_BYTES must be a positive integer, got ${maxBytes}`);
    if (!Number.isSafeInteger(quotaBytes) || quotaBytes < maxBytes) {
      throw new Error(`EVIDENCE_QUOTA_BYTES must be an integer of at least EVIDENCE_MAX_BYTES (${maxBytes}), got ${quotaBytes}`);
    }
    if (!Number.isSafeInteger(archive.maxUncompressedBytes) || archive.maxUncompressedBytes < 1) {
      throw new Error(`EVIDENCE_MAX_UNCOMPRESSED_BYTES must be a positive integer, got ${archive.maxUncompressedBytes}`);
    }
    if (!Number.isSafeInteger(archive.maxEntries) || archive.maxEntries < 1) throw new Error(`The most entries of an office file must be a positive integer, got ${archive.maxEntries}`);
  }

  static readonly DEFAULT_MAX_BYTES = 20 * MIB;
  static readonly DEFAULT_QUOTA_BYTES = 500 * MIB;
  static readonly DEFAULT_DIRECTORY = 'tmp/evidence';
  static readonly DEFAULT_MAX_ARCHIVE_ENTRIES = 1000;
  static readonly DEFAULT_MAX_UNCOMPRESSED_BYTES = 100 * MIB;

  /** Settings from optional values (e.g. parsed environment variables), defaults for the rest. */
  static from(values: { maxBytes?: number; quotaBytes?: number; storageUrl?: string; maxUncompressedBytes?: number } = {}): EvidenceSettings {
    return new EvidenceSettings(
      values.maxBytes ?? EvidenceSettings.DEFAULT_MAX_BYTES,
      values.quotaBytes ?? EvidenceSettings.DEFAULT_QUOTA_BYTES,
      values.storageUrl ?? directoryUrl(EvidenceSettings.DEFAULT_DIRECTORY),
      {
        maxEntries: EvidenceSettings.DEFAULT_MAX_ARCHIVE_ENTRIES,
        maxUncompressedBytes: values.maxUncompressedBytes ?? EvidenceSettings.DEFAULT_MAX_UNCOMPRESSED_BYTES,
      },
    );
  }
}

/** A `file://` URL for a directory, relative ones resolved against the working directory. */
export function directoryUrl(directory: string): string {
  return pathToFileURL(isAbsolute(directory) ? directory : resolve(process.cwd(), directory)).href;
}
