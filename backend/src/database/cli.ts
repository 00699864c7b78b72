import 'reflect-metadata';
import { loadEnvironment } from '../platform/config/environment';
import { createDataSource } from './data-source';
import { ensurePlatformAdmin } from '../modules/identity';
import { DEMO_LOGIN, ensureDemoCompany } from './seeds/demo';
import { dropDatabase, provisionDatabase } from './provision';
import { SEEDERS } from './seeds';

/**
 * Database commands, run as the owner role: `provision` (roles and database, as a superuser), `drop`, `migrate`, `revert`, `check` (fails when the entities
 * and the migrations disagree), `seed` (idempotent reference and demo data) and `create-admin`
 * (the platform administrator from PLATFORM_ADMIN_*).
 */
async function main(command: string | undefined): Promise<void> {
  const env = loadEnvironment();
  const ownerUrl = env.DATABASE_OWNER_URL ?? env.DATABASE_URL;
  if (command === 'provision') {
    if (!env.DATABASE_ADMIN_URL) throw new Error('DATABASE_ADMIN_URL is required to provision the database');
    await provisionDatabase({ adminUrl: env.DATABASE_ADMIN_URL, appUrl: env.DATABASE_URL, ownerUrl });
    console.log('Database and roles are in place.');
    return;
  }
  if (command === 'drop') {
    if (!env.DATABASE_ADMIN_URL) throw new Error('DATABASE_ADMIN_URL is required to drop the database');
    const database = new URL(env.DATABASE_URL).pathname.slice(1);
    await dropDatabase(env.DATABASE_ADMIN_URL, database);
    console.log(`Dropped database ${database}.`);
    return;
  }
  const dataSource = createDataSource({ url: ownerUrl, poolSize: 2, applicationName: 'beacon-cli' });
  await dataSource.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await dataSource.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `Applied ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date.');
        break;
      }
      case 'revert':
        await dataSource.undoLastMigration({ transaction: 'each' });
        console.log('Reverted the last migration.');
        break;
      case 'check': {
        const { upQueries } = await dataSource.driver.createSchemaBuilder().log();
        if (upQueries.length > 0) {
          console.error('Entities and migrations have drifted; a migration is missing for:');
          for (const q of upQueries) console.error(`  ${q.query}`);
          process.exitCode = 1;
        } else {
          console.log('Entities match the migrations.');
        }
        break;
      }
      case 'create-admin': {
        const { PLATFORM_ADMIN_EMAIL: email, PLATFORM_ADMIN_NAME: name, PLATFORM_ADMIN_PASSWORD: password } = env;
        if (!email || !password) throw new Error('Set PLATFORM_ADMIN_EMAIL and PLATFORM_ADMIN_PASSWORD (and PLATFORM_ADMIN_NAME)');
        const result = await ensurePlatformAdmin(dataSource, { email, password, name: name ?? 'Platform administrator' });
        console.log(result.created ? `Created the platform administrator ${email}.` : `The platform administrator ${email} exists.`);
        break;
      }
      case 'seed-demo': {
        if (env.NODE_ENV === 'production') throw new Error('Demo data is for development only');
        const created = await ensureDemoCompany(dataSource, DEMO_LOGIN);
        console.log(created ? `Created the demo company (${DEMO_LOGIN.email}).` : `The demo company (${DEMO_LOGIN.email}) exists.`);
        break;
      }
      case 'seed':
        for (const seeder of SEEDERS) {
          const summary = await seeder.run(dataSource);
          console.log(`${seeder.name}: ${summary}`);
        }
        break;
      default:
        console.error('Usage: cli <provision|drop|migrate|revert|check|seed|seed-demo|create-admin>');
        process.exitCode = 2;
    }
  } finally {
    await dataSource.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
