import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { type RateBucket, RateLimiter, RateLimitUnavailableError } from '../../platform/rate-limit/rate-limiter';
import { SignInUnavailableException, TooManyAttemptsException } from './identity.exception';

/** A counted attempt: what `succeeded` gives back once the attempt turned out fine. */
export interface CountedAttempt {
  readonly buckets: readonly RateBucket[];
  /** The account+address counter, forgotten after a successful sign-in from there. */
  readonly accountAndIp?: RateBucket;
}

/**
 * Failed password checks, counted in Redis (shared by every API process) as OWASP's
 * authentication cheat sheet recommends: per account and client address (5: a guesser is stopped
 * quickly), per account from anywhere (50: slower, so one place's guesses do not lock the owner
 * out elsewhere) and per client address over every account (20). The per-address counter also
 * takes the other answers that reveal whether an e-mail has an account (sign-up refused as taken).
 *
 * Each attempt is counted before the password is checked and given back when it succeeds, in one
 * atomic step, so concurrent guesses cannot slip past the limit. Without Redis the counters cannot
 * be checked, so these routes fail closed with 503 and Retry-After rather than guess.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  /** Counts a password check for `email` from `ip`; 429 (counting nothing) when a limit is reached. */
  async countPasswordCheck(email: string, ip: string): Promise<CountedAttempt> {
    const { perAccountAndIp, perAccount, perIp, windowSeconds } = this.config.loginLimits;
    const account = encodeURIComponent(email);
    const accountAndIp: RateBucket = { key: `login:account-ip:${account}:${ip}`, limit: perAccountAndIp, windowSeconds };
    const buckets = [accountAndIp, { key: `login:account:${account}`, limit: perAccount, windowSeconds }, this.ipBucket(ip, perIp, windowSeconds)];
    await this.consume(buckets);
    return { buckets, accountAndIp };
  }

  /** Counts an attempt that may reveal whether an e-mail has an account (per client address only). */
  async countAccountProbe(ip: string): Promise<CountedAttempt> {
    const { perIp, windowSeconds } = this.config.loginLimits;
    const buckets = [this.ipBucket(ip, perIp, windowSeconds)];
    await this.consume(buckets);
    return { buckets };
  }

  /**
   * The attempt succeeded: it is not a failure, and the account's failures from this address are
   * forgotten. Best effort: if Redis is gone by now, the attempt simply stays counted.
   */
  async succeeded(attempt: CountedAttempt): Promise<void> {
    try {
      await this.limiter.release(attempt.buckets.filter((b) => b !== attempt.accountAndIp));
      if (attempt.accountAndIp) await this.limiter.reset([attempt.accountAndIp]);
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
      if (error instanceof RateLimitUnavailableError) throw new SignInUnavailableException();
      throw error;
    }
    if (!decision.allowed) throw new TooManyAttemptsException(decision.retryAfterSeconds);
  }
}
