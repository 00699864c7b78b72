import type { ScoringResult } from '@beacon/domain';

export type ScoreStatus = 'pending' | 'scored' | 'failed';

/** `GET /assessments/:id/score`: the score of the latest submission. */
export interface ScoreResponse {
  assessmentId: string;
  status: ScoreStatus;
  /** The submission scored (latest revision); null while the assessment is a draft never submitted. */
  snapshotId: string | null;
  revision: number | null;
  contentHash: string | null;
  /** Present when `status` is `scored`. */
  result: ScoringResult | null;
  computedAt: string | null;
  engineVersion: string | null;
  /** When `status` is `failed`: why, in one sentence. */
  failureReason: string | null;
}

/** `GET /assessments/:id/preview-score`: the same engine on the current draft, computed on request. */
export interface PreviewScoreResponse {
  assessmentId: string;
  preview: true;
  engineVersion: string;
  result: ScoringResult;
}
