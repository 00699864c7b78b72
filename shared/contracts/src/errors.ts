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
