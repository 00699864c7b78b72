import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';
import { assessmentError } from '../assessments';

export class EvidenceException extends AppException {}

/** The evidence context's error codes. */
export const evidenceError = defineErrors(EvidenceException, {
  ...assessmentError.pick('ASSESSMENT_NOT_FOUND', 'REQUIREMENT_NOT_FOUND', 'ALREADY_SUBMITTED'),
  EVIDENCE_NOT_FOUND: 'not-found',
  EVIDENCE_FILE_MISSING: 'validation',
  EVIDENCE_FILE_EMPTY: 'validation',
  EVIDENCE_UPLOAD_MALFORMED: 'validation',
  EVIDENCE_FILE_TOO_LARGE: 'payload-too-large',
  EVIDENCE_QUOTA_EXCEEDED: 'payload-too-large',
  EVIDENCE_UNSUPPORTED_TYPE: 'unsupported-media-type',
});
