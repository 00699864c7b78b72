import { AppException } from '../../platform/errors/app.exception';

export const IDENTITY_ERRORS = {
  weakPassword: 'WEAK_PASSWORD',
  emailTaken: 'EMAIL_TAKEN',
  invalidCredentials: 'INVALID_CREDENTIALS',
  tooManyAttempts: 'TOO_MANY_ATTEMPTS',
  invalidRefreshToken: 'INVALID_REFRESH_TOKEN',
  invalidInvitation: 'INVALID_INVITATION',
  invitationForAnotherAccount: 'INVITATION_FOR_ANOTHER_ACCOUNT',
  notAMember: 'NOT_A_MEMBER',
  organizationNotFound: 'ORGANIZATION_NOT_FOUND',
  memberNotFound: 'MEMBER_NOT_FOUND',
  roleNotAllowed: 'ROLE_NOT_ALLOWED',
  lastOwner: 'LAST_OWNER',
  alreadyMember: 'ALREADY_MEMBER',
  signInUnavailable: 'SIGN_IN_UNAVAILABLE',
} as const;

export class IdentityException extends AppException {}

/** 429 with the number of seconds to wait (sent as `Retry-After`). */
export class TooManyAttemptsException extends IdentityException {
  constructor(retryAfterSeconds: number) {
    super(
      'rate-limited',
      IDENTITY_ERRORS.tooManyAttempts,
      `Too many failed attempts. Try again in ${retryAfterSeconds} seconds.`,
      undefined,
      retryAfterSeconds,
    );
  }
}

/** 503 while the sign-in attempt counters cannot be read or written (Redis unreachable). */
export class SignInUnavailableException extends IdentityException {
  static readonly RETRY_AFTER_SECONDS = 5;

  constructor() {
    super(
      'unavailable',
      IDENTITY_ERRORS.signInUnavailable,
      'Sign-in is briefly unavailable. Try again in a few seconds.',
      undefined,
      SignInUnavailableException.RETRY_AFTER_SECONDS,
    );
  }
}
