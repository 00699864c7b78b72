import { Redis } from 'ioredis';
import { dropDatabase } from '../src/database/provision';
import { ADMIN_URL } from './test-env';

/** Drops this run's database and deletes its Redis keys. */
export default async function globalTeardown(): Promise<void> {
  const database = process.env['BEACON_TEST_DATABASE'];
  if (database && process.env['BEACON_KEEP_TEST_DATABASE'] !== '1') await dropDatabase(ADMIN_URL, database);
  const prefix = process.env['QUEUE_PREFIX'];
  if (prefix?.startsWith('beacon-it-')) {
    const redis = new Redis(process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379');
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await redis.del(...keys);
    } while (cursor !== '0');
    redis.disconnect();
  }
}
