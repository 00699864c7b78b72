import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { type RateBucket, RateLimiter, RateLimitUnavailableError } from '../../platform/rate-limit/rate-limiter';
import { identityError } from './identity.exception';

/** How long to wait (`Retry-After`) when the attempt counters cannot be reached. */
const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * Failed password checks, counted in Redis (shared by every API process) as OWASP's
 * authentication cheat sheet recommends: per account and client address (5: a guesser is stopped
 * quickly), per account from anywhere (50: slower, so one place's guesses do not lock the owner
 * out elsewhere) and per client address over every account (20). The per-address counter also
 * takes the other answers that reveal whether an e-mail has an account (sign-up refused as taken).
 *
 * Each attempt is checked and counted in one atomic step before the password is checked, and given
 * back when it succeeds, so concurrent guesses cannot slip past the limit. Without Redis the
 * counters cannot be checked, so these routes fail closed with 503 and Retry-After rather than guess.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /**
   * Runs a password check for `email` from `ip` as a counted attempt: 429 (nothing counted, nothing
   * checked) when a limit is reached; a wrong password (`valid: false`) stays counted; a right one
   * gives its count back and forgets the account's failures from this address; a check that could
   * not answer (it threw, e.g. the database is unavailable) gives its count back too.
   */
  async passwordCheck<T extends { valid: boolean }>(email: string, ip: string, check: () => Promise<T>): Promise<T> {
    const { perAccountAndIp, perAccount, perIp, windowSeconds } = this.config.loginLimits;
    const account = encodeURIComponent(email);
    const accountAndIp: RateBucket = { key: `login:account-ip:${account}:${ip}`, limit: perAccountAndIp, windowSeconds };
    const others = [{ key: `login:account:${account}`, limit: perAccount, windowSeconds }, this.ipBucket(ip, perIp, windowSeconds)];
    const result = await this.counted([accountAndIp, ...others], check, (r) => r.valid, others);
    if (result.valid) await this.bestEffort(() => this.limiter.reset([accountAndIp]));
    return result;
  }

  /**
   * Runs a look-up whose answer reveals whether an e-mail has an account (`isTaken`), counted per
   * client address when it says yes; 429 before looking when the address is at its limit.
   */
  async accountProbe(ip: string, isTaken: () => Promise<boolean>): Promise<boolean> {
    const { perIp, windowSeconds } = this.config.loginLimits;
    const buckets = [this.ipBucket(ip, perIp, windowSeconds)];
    return this.counted(buckets, isTaken, (taken) => !taken, buckets);
  }

  /**
   * Counts one in every bucket and runs `work`: if it throws, every count is given back; if its
   * result is `fine`, the counts of `giveBack` are.
   */
  private async counted<T>(buckets: RateBucket[], work: () => Promise<T>, fine: (result: T) => boolean, giveBack: RateBucket[]): Promise<T> {
    await this.consume(buckets);
    let result: T;
    try {
      result = await work();
    } catch (error) {
      await this.bestEffort(() => this.limiter.release(buckets));
      throw error;
    }
    if (fine(result)) await this.bestEffort(() => this.limiter.release(giveBack));
    return result;
  }

  /** Giving counts back is bookkeeping: if Redis is gone by now, the attempt simply stays counted. */
  private async bestEffort(operation: () => Promise<void>): Promise<void> {
    try {
      await operation();
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
    }
  }

  private ipBucket(ip: string, limit: number, windowSeconds: number): RateBucket {
    return { key: `login:ip:${ip}`, limit, windowSeconds };
  }

  private async consume(buckets: RateBucket[]): Promise<void> {
    let decision;
    try {
      decision = await this.limiter.consume(buckets);
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      throw identityError('SIGN_IN_UNAVAILABLE', 'Sign-in is briefly unavailable. Try again in a few seconds.', undefined, UNAVAILABLE_RETRY_AFTER_SECONDS);
    }
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      throw identityError('TOO_MANY_ATTEMPTS', `Too many failed attempts. Try again in ${seconds} seconds.`, undefined, seconds);
    }
  }
}
