import { HttpErrorResponse } from '@angular/common/http';
import { isErrorResponse } from './error.interceptor';

/** The API's sentence for a failed call, or the browser's. */
export function failureMessage(error: unknown): string {
  if (error instanceof HttpErrorResponse && isErrorResponse(error.error)) return error.error.message;
  return error instanceof Error ? error.message : String(error);
}
