import { AppException } from '../../platform/errors/app.exception';

export const IDENTITY_ERRORS = {
  weakPassword: 'WEAK_PASSWORD',
  emailTaken: 'EMAIL_TAKEN',
  invalidCredentials: 'INVALID_CREDENTIALS',
  tooManyAttempts: 'TOO_MANY_ATTEMPTS',
  invalidRefreshToken: 'INVALID_REFRESH_TOKEN',
  invalidInvitation: 'INVALID_INVITATION',
  notAMember: 'NOT_A_MEMBER',
  organizationNotFound: 'ORGANIZATION_NOT_FOUND',
  memberNotFound: 'MEMBER_NOT_FOUND',
  roleNotAllowed: 'ROLE_NOT_ALLOWED',
  lastOwner: 'LAST_OWNER',
  alreadyMember: 'ALREADY_MEMBER',
} as const;

export class IdentityException extends AppException {}

/** 429 with the number of seconds to wait (sent as `Retry-After`). */
export class TooManyAttemptsException extends IdentityException {
  constructor(retryAfterSeconds: number) {
    super(
      'rate-limited',
      IDENTITY_ERRORS.tooManyAttempts,
      `Too many failed sign-in attempts. Try again in ${retryAfterSeconds} seconds.`,
      undefined,
      retryAfterSeconds,
    );
  }
}
