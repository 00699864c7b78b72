import { Redis, type RedisOptions } from 'ioredis';

/**
 * Producers must fail fast while Redis is down (the outbox keeps the work), so their connection
 * has no offline queue; workers block on Redis and need `maxRetriesPerRequest: null`.
 */
export function createProducerConnection(url: string): Redis {
  return new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  } satisfies RedisOptions);
}

export function createWorkerConnection(url: string): Redis {
  return new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2000),
  } satisfies RedisOptions);
}
