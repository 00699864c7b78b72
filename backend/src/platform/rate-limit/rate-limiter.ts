import { Injectable } from '@nestjs/common';
import type { Redis } from 'ioredis';
import { once } from 'node:events';
import { AppConfig } from '../config/app-config';
import { QueueProducer, withTimeout } from '../queue/queue-producer';

/** One counter: at most `limit` counts per fixed window of `windowSeconds` (the window starts at the first count). */
export interface RateBucket {
  /** Names the counter within the deployment's Redis prefix, e.g. `login:ip:203.0.113.7`. */
  key: string;
  limit: number;
  windowSeconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** Redis could not be asked in time: callers fail closed (503 with Retry-After) rather than guess. */
export class RateLimitUnavailableError extends Error {
  constructor(cause: unknown) {
    super('The rate-limit counters cannot be reached', { cause });
    this.name = 'RateLimitUnavailableError';
  }
}

const REDIS_TIMEOUT_MS = 1000;

/**
 * Check and count in one step: if any bucket is at its limit, nothing is counted and the reply is
 * the longest wait (seconds); otherwise every bucket counts one and the reply is 0. Being one
 * script, it runs atomically: concurrent callers cannot all pass a check before any counts.
 * KEYS: the buckets; ARGV: limit and window of each bucket, in order.
 */
const CONSUME = `
local wait = 0
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[2 * i - 1]) then
    local ttl = redis.call('TTL', key)
    if ttl < 1 then ttl = tonumber(ARGV[2 * i]) end
    if ttl > wait then wait = ttl end
  end
end
if wait > 0 then return wait end
for i, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[2 * i], 'NX')
end
return 0`;

/** Takes back one count from each bucket (never below zero; an emptied counter is deleted). */
const RELEASE = `
for _, key in ipairs(KEYS) do
  local count = tonumber(redis.call('GET', key) or '0')
  if count > 1 then redis.call('DECR', key) elseif count == 1 then redis.call('DEL', key) end
end
return 0`;

/**
 * Fixed-window counters in Redis, shared by every API process. A caller counts an attempt with
 * `consume` before doing the work, and gives the count back with `release` when the attempt
 * turns out not to be one the limit is about (e.g. a successful sign-in), so the limit holds
 * under any concurrency.
 */
@Injectable()
export class RateLimiter {
  private readiness?: Promise<void>;

  constructor(
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
  ) {}

  /** Counts one in every bucket, unless one is at its limit (then counts nothing). */
  async consume(buckets: readonly RateBucket[]): Promise<RateDecision> {
    const args = buckets.flatMap((b) => [b.limit, b.windowSeconds]);
    const wait = Number(await this.run(CONSUME, buckets, args));
    return wait > 0 ? { allowed: false, retryAfterSeconds: wait } : { allowed: true };
  }

  async release(buckets: readonly RateBucket[]): Promise<void> {
    await this.run(RELEASE, buckets, []);
  }

  /** Forgets the counters (e.g. an account's failures from one address after it signed in there). */
  async reset(buckets: readonly RateBucket[]): Promise<void> {
    if (buckets.length === 0) return;
    await this.guard((redis) => redis.del(buckets.map((b) => this.redisKey(b))));
  }

  private run(script: string, buckets: readonly RateBucket[], args: number[]): Promise<unknown> {
    const keys = buckets.map((b) => this.redisKey(b));
    return this.guard((redis) => redis.eval(script, keys.length, ...keys, ...args));
  }

  private redisKey(bucket: RateBucket): string {
    return `${this.config.redis.prefix}:rate:${bucket.key}`;
  }

  /** Runs `operation` once the connection is ready (it queues nothing offline), within the time limit. */
  private async guard<T>(operation: (redis: Redis) => Promise<T>): Promise<T> {
    const redis = this.producer.connection;
    try {
      return await withTimeout(
        this.ready(redis).then(() => operation(redis)),
        REDIS_TIMEOUT_MS,
        'asking Redis for rate-limit counters',
      );
    } catch (error) {
      throw new RateLimitUnavailableError(error);
    }
  }

  /**
   * Resolves when the connection is ready; rejects at its next error (Redis unreachable). Callers
   * share one wait, so a burst while Redis is down adds one listener, not one per request.
   */
  private ready(redis: Redis): Promise<void> {
    if (redis.status === 'ready') return Promise.resolve();
    this.readiness ??= once(redis, 'ready')
      .then(() => undefined)
      .finally(() => (this.readiness = undefined));
    return this.readiness;
  }
}
