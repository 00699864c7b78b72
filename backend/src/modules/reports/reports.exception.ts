import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';
import { assessmentError } from '../assessments';

export class ReportsException extends AppException {}

/** The reports context's error codes. */
export const reportError = defineErrors(ReportsException, {
  ...assessmentError.pick('ASSESSMENT_NOT_FOUND', 'NOT_SUBMITTED'),
  NOT_SCORED: 'conflict',
  REPORT_NOT_FOUND: 'not-found',
  REPORT_NOT_READY: 'conflict',
  REPORT_FILE_MISSING: 'validation',
  REPORT_UPLOAD_MALFORMED: 'validation',
  REPORT_FILE_TOO_LARGE: 'payload-too-large',
  /** Sent with the seconds to wait (`Retry-After`). */
  TOO_MANY_VERIFICATIONS: 'rate-limited',
  VERIFICATION_UNAVAILABLE: 'unavailable',
});
