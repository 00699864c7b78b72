import { AppException } from '../../platform/errors/app.exception';

export const REPORT_ERRORS = {
  assessmentNotFound: 'ASSESSMENT_NOT_FOUND',
  notSubmitted: 'NOT_SUBMITTED',
  notScored: 'NOT_SCORED',
  reportNotFound: 'REPORT_NOT_FOUND',
  notReady: 'REPORT_NOT_READY',
  fileMissing: 'REPORT_FILE_MISSING',
  fileTooLarge: 'REPORT_FILE_TOO_LARGE',
  malformedUpload: 'REPORT_UPLOAD_MALFORMED',
  tooManyVerifications: 'TOO_MANY_VERIFICATIONS',
  verificationUnavailable: 'VERIFICATION_UNAVAILABLE',
} as const;

export class ReportsException extends AppException {}
