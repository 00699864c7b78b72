import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';
import { catalogError } from '../catalog';
import { identityError } from '../identity';

export class AssessmentsException extends AppException {}

/**
 * The assessments context's error codes. `ASSESSMENT_NOT_FOUND`, `REQUIREMENT_NOT_FOUND`,
 * `ALREADY_SUBMITTED` and `NOT_SUBMITTED` are this context's: the contexts that answer them too
 * (evidence, scoring, reports) take them from here with `assessmentError.pick(…)`.
 */
export const assessmentError = defineErrors(AssessmentsException, {
  /** No such assessment in the caller's organization (also another organization's id). */
  ASSESSMENT_NOT_FOUND: 'not-found',
  REQUIREMENT_NOT_FOUND: 'not-found',
  QUESTION_NOT_FOUND: 'not-found',
  INVALID_PROFILE: 'validation',
  INVALID_ANSWER: 'validation',
  INVALID_REQUIREMENT_STATUS: 'validation',
  STALE_VERSION: 'conflict',
  ALREADY_SUBMITTED: 'conflict',
  /** A draft never submitted has no snapshot: nothing to score, report on or start a cycle from. */
  NOT_SUBMITTED: 'conflict',
  MISSING_ANSWERS: 'unprocessable',
  /** Refused fields here (`invalid`): a new assessment's unknown framework, an assignee from elsewhere. */
  ...catalogError.pick('FRAMEWORK_NOT_FOUND'),
  ...identityError.pick('NOT_A_MEMBER'),
});
