import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { QueueProducer } from '../../platform/queue/queue-producer';
import { AppException } from '../../platform/errors/app.exception';
import { SignInUnavailableException, TooManyAttemptsException } from './identity.exception';

/**
 * Failed sign-ins counted in Redis per account and per client address, so every API process
 * shares the counters. A success clears the account's counter. Without Redis the counters cannot
 * be checked, so sign-in fails closed with 503 and Retry-After rather than guessing.
 */
@Injectable()
export class LoginRateLimiter {
  constructor(
    private readonly producer: QueueProducer,
    private readonly config: AppConfig,
  ) {}

  private keys(email: string, ip: string): [string, string] {
    const prefix = `${this.config.redis.prefix}:login-failures`;
    return [`${prefix}:account:${email}`, `${prefix}:ip:${ip}`];
  }

  /** Throws 429 when either counter is at its limit. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    const [accountKey, ipKey] = this.keys(email, ip);
    const redis = this.producer.connection;
    const results = (await counters(() => redis.multi().get(accountKey).get(ipKey).ttl(accountKey).ttl(ipKey).exec())) ?? [];
    const [account, byIp, accountTtl, ipTtl] = results.map(([, value]) => value);
    const { perAccount, perIp, windowSeconds } = this.config.loginLimits;
    const blocked: number[] = [];
    if (Number(account ?? 0) >= perAccount) blocked.push(Number(accountTtl) > 0 ? Number(accountTtl) : windowSeconds);
    if (Number(byIp ?? 0) >= perIp) blocked.push(Number(ipTtl) > 0 ? Number(ipTtl) : windowSeconds);
    if (blocked.length > 0) throw new TooManyAttemptsException(Math.max(...blocked));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    const { windowSeconds } = this.config.loginLimits;
    const redis = this.producer.connection;
    const multi = redis.multi();
    for (const key of this.keys(email, ip)) multi.incr(key).expire(key, windowSeconds, 'NX');
    await counters(() => multi.exec());
  }

  async recordSuccess(email: string, ip: string): Promise<void> {
    await counters(() => this.producer.connection.del(this.keys(email, ip)[0]));
  }
}

async function counters<T>(operation: () => Promise<T>): Promise<T> {
  try {
    return await operation();
  } catch (error) {
    if (error instanceof AppException) throw error;
    throw new SignInUnavailableException();
  }
}
