import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { AppConfig } from '../../platform/config/app-config';
import { RateLimiter, RateLimitUnavailableError } from '../../platform/rate-limit/rate-limiter';
import { reportError } from './reports.exception';

const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/**
 * The public report verification, limited per client address (counters shared through Redis by
 * every API process). A guard runs before the interceptors, so a refused request is answered
 * before its upload is read, and it holds no database connection. Without Redis the limit cannot
 * be checked: 503 with Retry-After rather than an unlimited public upload.
 */
@Injectable()
export class ReportVerifyRateLimit implements CanActivate {
  constructor(
    private readonly limiter: RateLimiter,
    private readonly config: AppConfig,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const { perIp, windowSeconds } = this.config.reports.verifyLimit;
    let decision;
    try {
      decision = await this.limiter.consume([{ key: `report-verify:ip:${ip}`, limit: perIp, windowSeconds }]);
    } catch (error) {
      if (!(error instanceof RateLimitUnavailableError)) throw error;
      throw reportError(
        'VERIFICATION_UNAVAILABLE',
        'Report verification is briefly unavailable. Try again in a few seconds.',
        undefined,
        UNAVAILABLE_RETRY_AFTER_SECONDS,
      );
    }
    if (!decision.allowed) {
      const seconds = decision.retryAfterSeconds;
      throw reportError(
        'TOO_MANY_VERIFICATIONS',
        `Too many report verifications from your address. Try again in ${seconds} seconds.`,
        { limit: perIp, windowSeconds },
        seconds,
      );
    }
    return true;
  }
}
