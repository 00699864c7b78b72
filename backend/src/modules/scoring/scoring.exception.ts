import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';
import { assessmentError } from '../assessments';

export class ScoringException extends AppException {}

/**
 * The scoring context's error codes: an assessment that is not there (also another
 * organization's), and `GET /assessments/:id/score` on a draft never submitted (nothing to score
 * yet).
 */
export const scoringError = defineErrors(ScoringException, {
  ...assessmentError.pick('ASSESSMENT_NOT_FOUND', 'NOT_SUBMITTED'),
});
