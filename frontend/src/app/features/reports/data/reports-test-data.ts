import type { ReportResponse } from '@beacon/contracts';

/** The assessment the report fixtures belong to. */
export const ASSESSMENT_ID = 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa';
/** The submission the reports of {@link report} are made of. */
export const SNAPSHOT = 'cccccccc-cccc-4ccc-8ccc-cccccccccccc';
export const SHA = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08';
export const KEY = '2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae';

/** A PDF report in English of {@link SNAPSHOT}, made automatically, in the given status. */
export function report(
  id: string,
  status: ReportResponse['status'],
  overrides: Partial<ReportResponse> = {},
): ReportResponse {
  const ready = status === 'ready';
  return {
    id,
    assessmentId: ASSESSMENT_ID,
    snapshotId: SNAPSHOT,
    contentHash: 'a'.repeat(64),
    format: 'pdf',
    locale: 'en',
    status,
    progress: ready ? 100 : status === 'rendering' ? 40 : 0,
    sha256: ready ? SHA : null,
    signature: ready ? 'c2lnbmF0dXJl' : null,
    keyId: ready ? KEY : null,
    contentDigest: ready ? 'b'.repeat(64) : null,
    sizeBytes: ready ? 48_213 : null,
    requestedBy: null,
    createdAt: '2026-03-02T10:00:00Z',
    completedAt: ready ? '2026-03-02T10:00:05Z' : null,
    failureReason: status === 'failed' ? 'The renderer ran out of memory.' : null,
    ...overrides,
  };
}
