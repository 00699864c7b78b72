import { AppException } from '../../platform/errors/app.exception';

export const ASSESSMENT_ERRORS = {
  notFound: 'ASSESSMENT_NOT_FOUND',
  frameworkNotFound: 'FRAMEWORK_NOT_FOUND',
  invalidProfile: 'INVALID_PROFILE',
  questionNotFound: 'QUESTION_NOT_FOUND',
  invalidAnswer: 'INVALID_ANSWER',
  staleVersion: 'STALE_VERSION',
  alreadySubmitted: 'ALREADY_SUBMITTED',
  missingAnswers: 'MISSING_ANSWERS',
  notSubmitted: 'NOT_SUBMITTED',
  requirementNotFound: 'REQUIREMENT_NOT_FOUND',
  notAMember: 'NOT_A_MEMBER',
  invalidRequirementStatus: 'INVALID_REQUIREMENT_STATUS',
} as const;

export class AssessmentsException extends AppException {}
