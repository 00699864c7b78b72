import { HttpErrorResponse } from '@angular/common/http';
import { isErrorResponse } from '../../../core/http/error.interceptor';

/** The API error's code, if the failure is an API error. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof HttpErrorResponse && isErrorResponse(error.error) ? error.error.code : undefined;
}

/** The API's own message, if any (e.g. why a password was refused). */
export function errorMessage(error: unknown): string | undefined {
  return error instanceof HttpErrorResponse && isErrorResponse(error.error) ? error.error.message : undefined;
}

/** Whether the API refused a field (`details: [{ field, reasons }]`), e.g. the password policy. */
export function fieldRefused(error: unknown, field: string): boolean {
  if (!(error instanceof HttpErrorResponse) || !isErrorResponse(error.error)) return false;
  const details: unknown = error.error.details;
  return (
    Array.isArray(details) &&
    details.some(
      (detail: unknown) =>
        typeof detail === 'object' && detail !== null && (detail as { field?: unknown }).field === field,
    )
  );
}
