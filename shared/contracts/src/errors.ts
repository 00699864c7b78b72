/** The body of every error answer of the API. */
export interface ErrorResponse {
  /** Stable, machine-readable code, e.g. `VALIDATION_FAILED`, `NOT_FOUND`, `STALE_VERSION`. */
  code: string;
  /** A sentence a person can read. */
  message: string;
  /** Per-field problems or other structured detail. */
  details?: unknown;
  /** Echo of the `x-correlation-id` header: quote it when reporting a problem. */
  correlationId: string;
}

/** One rejected field of a request body or query. */
export interface FieldProblem {
  field: string;
  reasons: string[];
}

/**
 * A field refused by a domain rule (an answer, a requirement status, a password). The reason is
 * written in the caller's language (`Accept-Language`: English or French); `code` and `params`
 * say the same as data, for clients that write their own message.
 */
export interface DomainFieldProblem extends FieldProblem {
  /** The rule broken, broadly: e.g. `range`, `length`, `too-short`. */
  rule: string;
  /** Exactly why: e.g. `NUMBER_TOO_SMALL`, `JUSTIFICATION_TOO_SHORT`, `PASSWORD_COMMON`. */
  code: string;
  /** What the reason names: e.g. `{ value: -1, min: 0, unit: "hours" }`. */
  params: Record<string, unknown>;
  /** The question of a refused answer. */
  questionKey?: string;
  /** The requirement of a refused requirement status. */
  requirementKey?: string;
}

export const COMMON_ERROR_CODES = {
  validationFailed: 'VALIDATION_FAILED',
  malformedJson: 'MALFORMED_JSON',
  payloadTooLarge: 'PAYLOAD_TOO_LARGE',
  notFound: 'NOT_FOUND',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  conflict: 'CONFLICT',
  rateLimited: 'RATE_LIMITED',
  unavailable: 'SERVICE_UNAVAILABLE',
  requestTimeout: 'REQUEST_TIMEOUT',
  internal: 'INTERNAL_ERROR',
} as const;
