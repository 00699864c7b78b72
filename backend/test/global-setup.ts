import 'reflect-metadata';
import { createDataSource } from '../src/database/data-source';
import { provisionDatabase } from '../src/database/provision';
import { generateSecret } from '../src/platform/config/installation-secrets';
import { ADMIN_URL, databaseUrl } from './test-env';

/**
 * One fresh database per test run, built by the production provisioning code and the
 * migrations, one BullMQ key prefix and one pair of secrets (JWT, report signing) per run: there is
 * no built-in secret. Test workers inherit these variables.
 */
export default async function globalSetup(): Promise<void> {
  const runId = `${Date.now().toString(36)}_${process.pid}`;
  const database = `beacon_it_${runId}`;
  const appUrl = databaseUrl('beacon_app', database);
  const ownerUrl = databaseUrl('beacon_owner', database);
  await provisionDatabase({ adminUrl: ADMIN_URL, appUrl, ownerUrl });
  const owner = createDataSource({ url: ownerUrl, poolSize: 1 });
  await owner.initialize();
  await owner.runMigrations({ transaction: 'each' });
  await owner.destroy();

  Object.assign(process.env, {
    NODE_ENV: 'test',
    DATABASE_URL: appUrl,
    DATABASE_OWNER_URL: ownerUrl,
    DATABASE_ADMIN_URL: ADMIN_URL,
    REDIS_URL: process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `beacon-it-${runId}`,
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
    OUTBOX_POLL_INTERVAL_MS: '200',
    WORKER_HEARTBEAT_INTERVAL_MS: '1000',
    BEACON_TEST_DATABASE: database,
    // Every test client is 127.0.0.1: per-address limits would let one spec's failed sign-ins (or
    // the fuzzer's) refuse the next spec's sign-ups. The specs of those limits set their own.
    LOGIN_MAX_FAILURES_PER_IP: '1000000',
    REPORT_VERIFY_MAX_PER_IP: '1000000',
    JWT_SECRET: generateSecret('JWT_SECRET'),
    REPORT_SIGNING_KEY: generateSecret('REPORT_SIGNING_KEY'),
  });
}
