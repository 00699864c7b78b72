import type { COMMON_ERROR_CODES } from '@beacon/contracts';
import { AppException, type ErrorKind } from './app.exception';
import { defineErrors } from './define-errors';

type CommonErrorCode = (typeof COMMON_ERROR_CODES)[keyof typeof COMMON_ERROR_CODES];

/** The codes any route may answer (`COMMON_ERROR_CODES`) that the platform throws. */
export const commonError = defineErrors(AppException, {
  VALIDATION_FAILED: 'validation',
  UNAUTHORIZED: 'unauthorized',
  FORBIDDEN: 'forbidden',
  REQUEST_TIMEOUT: 'timeout',
  SERVICE_UNAVAILABLE: 'unavailable',
} satisfies Partial<Record<CommonErrorCode, ErrorKind>>);
