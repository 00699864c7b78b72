import { Module } from '@nestjs/common';
import { RateLimiter } from './rate-limiter';

/** Atomic, Redis-shared attempt counters (sign-in, public uploads…); each context names its buckets. */
@Module({ providers: [RateLimiter], exports: [RateLimiter] })
export class RateLimitModule {}
