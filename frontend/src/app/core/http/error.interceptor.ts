import {
  HttpContextToken,
  HttpErrorResponse,
  type HttpInterceptorFn,
  type HttpRequest,
} from '@angular/common/http';
import { inject } from '@angular/core';
import { type ErrorResponse } from '@beacon/contracts';
import { catchError, throwError } from 'rxjs';
import { I18n } from '../i18n/i18n';
import { API_BASE_URL, isApiUrl } from './api-url';
import { CORRELATION_ID_HEADER } from './correlation-id.interceptor';
import { ErrorNotifier } from './error-notifier';

/**
 * Set on a request whose caller shows its own error state (e.g. the status page's background
 * refresh), so a failing call does not also raise a snack bar every few seconds.
 */
export const SILENT_ERRORS = new HttpContextToken<boolean>(() => false);

/** Shows a failed API call's message, with its correlation id, in a snack bar, then rethrows. */
export const errorInterceptor: HttpInterceptorFn = (req, next) => {
  const notifier = inject(ErrorNotifier);
  const i18n = inject(I18n);
  const baseUrl = inject(API_BASE_URL);
  return next(req).pipe(
    catchError((error: unknown) => {
      if (
        error instanceof HttpErrorResponse &&
        // 401s are the auth interceptor's business (refresh, or the sign-in page) or shown in place.
        error.status !== 401 &&
        isApiUrl(req.url, baseUrl) &&
        !req.context.get(SILENT_ERRORS)
      ) {
        notifier.show(describeHttpError(error, req, i18n), i18n.t('errors.dismiss'));
      }
      return throwError(() => error);
    }),
  );
};

/** The sentence to show for a failed call: the API's own message when it sent one. */
export function describeHttpError(error: HttpErrorResponse, req: HttpRequest<unknown>, i18n: I18n): string {
  const body: unknown = error.error;
  const apiError = isErrorResponse(body) ? body : undefined;
  const message = apiError
    ? apiError.message
    : error.status === 0
      ? i18n.t('errors.network')
      : i18n.t('errors.unexpected', { status: error.status });
  const correlationId = apiError?.correlationId ?? req.headers.get(CORRELATION_ID_HEADER) ?? undefined;
  return correlationId ? `${message} — ${i18n.t('errors.reference', { id: correlationId })}` : message;
}

/** Whether an error body has the API's `ErrorResponse` shape. */
export function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null) return false;
  const candidate = body as Partial<Record<keyof ErrorResponse, unknown>>;
  return (
    typeof candidate.code === 'string' &&
    typeof candidate.message === 'string' &&
    candidate.message !== '' &&
    (candidate.correlationId === undefined || typeof candidate.correlationId === 'string')
  );
}
