import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';

export class IdentityException extends AppException {}

/** The identity context's error codes. */
export const identityError = defineErrors(IdentityException, {
  WEAK_PASSWORD: 'validation',
  INVALID_INVITATION: 'validation',
  /** Wrong email or password at sign-in; a wrong current password is a refused field (`invalid`). */
  INVALID_CREDENTIALS: 'unauthorized',
  INVALID_REFRESH_TOKEN: 'unauthorized',
  ROLE_NOT_ALLOWED: 'forbidden',
  INVITATION_FOR_ANOTHER_ACCOUNT: 'forbidden',
  /** Not a member of the organization the caller switches to. */
  NOT_A_MEMBER: 'not-found',
  ORGANIZATION_NOT_FOUND: 'not-found',
  MEMBER_NOT_FOUND: 'not-found',
  EMAIL_TAKEN: 'conflict',
  ALREADY_MEMBER: 'conflict',
  LAST_OWNER: 'conflict',
  /** Sent with the seconds to wait (`Retry-After`). */
  TOO_MANY_ATTEMPTS: 'rate-limited',
  /** The sign-in attempt counters cannot be read or written (Redis unreachable). */
  SIGN_IN_UNAVAILABLE: 'unavailable',
});
