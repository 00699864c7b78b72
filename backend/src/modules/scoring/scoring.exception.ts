import { AppException } from '../../platform/errors/app.exception';

export const SCORING_ERRORS = {
  /** No such assessment in the caller's organization (also another organization's id). */
  notFound: 'ASSESSMENT_NOT_FOUND',
  /** `GET /assessments/:id/score` on a draft that was never submitted: there is nothing to score yet. */
  notSubmitted: 'NOT_SUBMITTED',
} as const;

export class ScoringException extends AppException {}
