import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';

export class HealthException extends AppException {}

/** The health context's error codes. */
export const healthError = defineErrors(HealthException, {
  PROBE_NOT_FOUND: 'not-found',
});
