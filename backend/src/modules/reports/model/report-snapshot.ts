import type { AssessmentSnapshotContent } from '@beacon/contracts';
import { readSnapshot, SnapshotShapeError } from '@beacon/domain';

/** The submission cannot be reported as it stands: permanent, retrying changes nothing. */
export class ReportInputError extends Error {
  override readonly name = 'ReportInputError';
}

/**
 * Reads `assessment_snapshots.content` through the one snapshot reader (`readSnapshot`): lists
 * that older snapshots lack count as empty, so such a submission is still reported (without them);
 * a snapshot of the wrong shape is a permanent report failure.
 */
export function readReportSnapshot(content: unknown): AssessmentSnapshotContent {
  try {
    return readSnapshot(content);
  } catch (error) {
    if (error instanceof SnapshotShapeError) throw new ReportInputError(error.message);
    throw error;
  }
}
