import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus } from '@nestjs/common';
import { COMMON_ERROR_CODES, type ErrorResponse } from '@beacon/contracts';
import type { Locale } from '@beacon/domain';
import type { Request, Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { preferredLocale } from '../http/accept-language';
import { CORRELATION_HEADER } from '../logging/correlation.middleware';
import { JsonLogger } from '../logging/json-logger';
import { acceptCorrelationId } from '../logging/request-context';
import { isDatabaseUnavailable } from '../database/connection-rules';
import { AppException, HTTP_STATUS_OF } from './app.exception';
import { commonError } from './common-error';

const CODE_OF_STATUS: Record<number, string> = {
  400: COMMON_ERROR_CODES.validationFailed,
  401: COMMON_ERROR_CODES.unauthorized,
  403: COMMON_ERROR_CODES.forbidden,
  404: COMMON_ERROR_CODES.notFound,
  409: COMMON_ERROR_CODES.conflict,
  413: COMMON_ERROR_CODES.payloadTooLarge,
  429: COMMON_ERROR_CODES.rateLimited,
};

interface BodyParserError {
  type: string;
  status: number;
}

/** PostgreSQL's `unique_violation`: two requests raced to create the same thing. */
const UNIQUE_VIOLATION = '23505';

interface PgError {
  code?: string;
  constraint?: string;
}

function isUniqueViolation(e: unknown): e is QueryFailedError<Error & PgError> {
  return e instanceof QueryFailedError && (e.driverError as PgError).code === UNIQUE_VIOLATION;
}

function isBodyParserError(e: unknown): e is BodyParserError {
  return typeof e === 'object' && e !== null && typeof (e as BodyParserError).type === 'string' && typeof (e as BodyParserError).status === 'number';
}

/**
 * Maps every error to `{ code, message, details?, correlationId }` with the right status. Messages
 * written in each language are sent in the caller's (`Accept-Language`), the others as they are.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  constructor(private readonly logger: JsonLogger) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    // A database that cannot serve now (pool exhausted past its acquire timeout, server down or
    // restarting, a statement or idle-transaction timeout) is the service's state, not a fault of
    // the request: 503 with Retry-After, so clients and load balancers back off and come back.
    const unavailable = isDatabaseUnavailable(thrown);
    const exception = unavailable
      ? commonError('SERVICE_UNAVAILABLE', 'The service is busy. Try again in a moment.', undefined, 2)
      : thrown;
    const http = host.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const correlationId =
      (res.getHeader(CORRELATION_HEADER) as string | undefined) ?? acceptCorrelationId(req.header(CORRELATION_HEADER));
    res.setHeader(CORRELATION_HEADER, correlationId);
    if (unavailable) {
      this.logger.event('warn', 'http.database-unavailable', { correlationId, path: req.originalUrl, error: String((thrown as { message?: unknown }).message) });
    }

    const { status, body } = this.describe(exception, preferredLocale(req.header('accept-language')));
    if (exception instanceof AppException && exception.retryAfterSeconds !== undefined) {
      res.setHeader('Retry-After', String(exception.retryAfterSeconds));
    }
    if (isUniqueViolation(exception)) {
      // The constraint is for operators only; the answer names no table or constraint.
      this.logger.event('warn', 'http.unique-violation', { correlationId, path: req.originalUrl, constraint: exception.driverError.constraint });
    }
    if (status >= 500 && !unavailable) {
      this.logger.event('error', 'http.unhandled', {
        correlationId,
        path: req.originalUrl,
        error: exception instanceof Error ? { name: exception.name, message: exception.message, stack: exception.stack } : String(exception),
      });
    }
    res.status(status).json({ ...body, correlationId } satisfies ErrorResponse);
  }

  private describe(exception: unknown, locale: Locale): { status: number; body: Omit<ErrorResponse, 'correlationId'> } {
    if (exception instanceof AppException) {
      const details = exception.detailsIn(locale);
      return {
        status: HTTP_STATUS_OF[exception.kind],
        body: { code: exception.code, message: exception.messageIn(locale), ...(details === undefined ? {} : { details }) },
      };
    }
    // Express's adapter wraps body-parser errors (bad JSON, body too large) in an HttpException.
    const bodyError = exception instanceof HttpException ? exception.cause : exception;
    if (isBodyParserError(bodyError)) {
      const mapped = describeBodyParserError(bodyError);
      if (mapped) return mapped;
    }
    // A service checks before it writes, but a concurrent request can still win between the two: the
    // loser gets the 409 a later request would get, without the table or constraint names.
    if (isUniqueViolation(exception)) {
      return {
        status: HttpStatus.CONFLICT,
        body: { code: COMMON_ERROR_CODES.conflict, message: 'This conflicts with a change made at the same time: it already exists. Reload and try again.' },
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const payload = typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const code = typeof payload['code'] === 'string' ? payload['code'] : (CODE_OF_STATUS[status] ?? `HTTP_${status}`);
      const message = typeof payload['message'] === 'string' ? payload['message'] : exception.message;
      const details = payload['details'];
      return { status, body: { code, message, ...(details === undefined ? {} : { details }) } };
    }
    return {
      status: HttpStatus.INTERNAL_SERVER_ERROR,
      body: { code: COMMON_ERROR_CODES.internal, message: 'Something went wrong on our side. Quote the correlation id when reporting it.' },
    };
  }
}

function describeBodyParserError(error: BodyParserError): { status: number; body: Omit<ErrorResponse, 'correlationId'> } | undefined {
  if (error.type === 'entity.parse.failed') {
    return { status: 400, body: { code: COMMON_ERROR_CODES.malformedJson, message: 'The request body is not valid JSON.' } };
  }
  if (error.type === 'entity.too.large') {
    return { status: 413, body: { code: COMMON_ERROR_CODES.payloadTooLarge, message: 'The request body is larger than the accepted limit.' } };
  }
  return undefined;
}
