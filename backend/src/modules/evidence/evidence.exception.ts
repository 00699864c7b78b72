import { AppException } from '../../platform/errors/app.exception';

export const EVIDENCE_ERRORS = {
  assessmentNotFound: 'ASSESSMENT_NOT_FOUND',
  evidenceNotFound: 'EVIDENCE_NOT_FOUND',
  requirementNotFound: 'REQUIREMENT_NOT_FOUND',
  alreadySubmitted: 'ALREADY_SUBMITTED',
  fileMissing: 'EVIDENCE_FILE_MISSING',
  emptyFile: 'EVIDENCE_FILE_EMPTY',
  malformedUpload: 'EVIDENCE_UPLOAD_MALFORMED',
  fileTooLarge: 'EVIDENCE_FILE_TOO_LARGE',
  quotaExceeded: 'EVIDENCE_QUOTA_EXCEEDED',
  unsupportedType: 'EVIDENCE_UNSUPPORTED_TYPE',
} as const;

export class EvidenceException extends AppException {}
