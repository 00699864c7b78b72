import type { DataSource } from 'typeorm';
import { adminDataSource } from '../../test/harness';
import { ADMIN_URL } from '../../test/test-env';
import { createDataSource } from './data-source';
import { APP_ROLE_GRANTS, TABLE_PRIVILEGES } from './grants';
import { provisionDatabase } from './provision';

const appUrl = () => process.env['DATABASE_URL']!;
const appRole = () => decodeURIComponent(new URL(appUrl()).username);
const provision = () => provisionDatabase({ adminUrl: ADMIN_URL, appUrl: appUrl(), ownerUrl: process.env['DATABASE_OWNER_URL']! });

/** Every table of the public schema → the privileges the application role holds on it (sorted). */
async function privilegesOnEveryTable(admin: DataSource): Promise<Record<string, string[]>> {
  const rows = await admin.query<{ name: string; privilege: string | null }[]>(
    `SELECT t.tablename AS name, p.privilege
       FROM pg_tables t
       LEFT JOIN unnest($2::text[]) AS p(privilege) ON has_table_privilege($1, format('public.%I', t.tablename), p.privilege)
      WHERE t.schemaname = 'public'`,
    [appRole(), [...TABLE_PRIVILEGES]],
  );
  const granted: Record<string, string[]> = {};
  for (const { name, privilege } of rows) {
    granted[name] ??= [];
    if (privilege) granted[name].push(privilege);
  }
  return Object.fromEntries(Object.entries(granted).map(([name, privileges]) => [name, privileges.sort()]));
}

const declared = (): Record<string, string[]> =>
  Object.fromEntries(Object.entries(APP_ROLE_GRANTS).map(([name, privileges]) => [name, [...privileges].sort()]));

describe('the application role grants (real PostgreSQL)', () => {
  let admin: DataSource;
  beforeAll(async () => {
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
  });

  it('after provision and the migrations, match the declaration on every table, and no table is undeclared', async () => {
    expect(await privilegesOnEveryTable(admin)).toEqual(declared());
  });

  it('stay as declared when provision runs again (every start), so UPDATE and DELETE on immutable tables stay refused', async () => {
    await provision();
    expect(await privilegesOnEveryTable(admin)).toEqual(declared());

    const app = createDataSource({ url: appUrl(), poolSize: 1 });
    await app.initialize();
    try {
      for (const statement of [
        `UPDATE audit_events SET action = action`,
        `DELETE FROM audit_events`,
        `UPDATE assessment_snapshots SET revision = revision`,
        `DELETE FROM reports`,
        `INSERT INTO schema_migrations ("timestamp", name) VALUES (9999999999999, 'Skipped9999999999999')`,
      ]) {
        await expect(app.query(statement)).rejects.toThrow(/permission denied/);
      }
    } finally {
      await app.destroy();
    }
  });

  it('refuses to provision a table that has no declared grants', async () => {
    await admin.query(`CREATE TABLE undeclared_table (id int)`);
    try {
      await expect(provision()).rejects.toThrow(/No grants are declared for table undeclared_table/);
    } finally {
      await admin.query(`DROP TABLE undeclared_table`);
    }
    expect(await privilegesOnEveryTable(admin)).toEqual(declared());
  });
});
