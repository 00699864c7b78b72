import type { DataSource } from 'typeorm';
import { MIGRATIONS } from '../src/database/migrations';
import { adminDataSource } from './harness';

describe('database schema', () => {
  let owner: DataSource;
  beforeAll(async () => {
    owner = await adminDataSource();
  });
  afterAll(async () => {
    await owner.destroy();
  });

  it('matches the entities exactly after the migrations ran (no drift)', async () => {
    const { upQueries } = await owner.driver.createSchemaBuilder().log();
    expect(upQueries.map((q) => q.query)).toEqual([]);
  });

  it('has applied every migration, each named <unix-ms>-<PascalCaseVerbPhrase>', async () => {
    const applied: { name: string }[] = await owner.query('SELECT name FROM schema_migrations ORDER BY id');
    expect(applied.map((m) => m.name)).toEqual(MIGRATIONS.map((m) => m.name));
    for (const { name } of applied) expect(name).toMatch(/^[A-Z][A-Za-z]+\d{13}$/);
  });

  it('gives the application role data access only: it owns nothing and cannot create tables', async () => {
    const owned: { n: number }[] = await owner.query(
      `SELECT count(*)::int AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = 'beacon_app'`,
    );
    expect(owned[0]!.n).toBe(0);
    const rights: { can_create: boolean; bypass: boolean }[] = await owner.query(
      `SELECT has_schema_privilege('beacon_app', 'public', 'CREATE') AS can_create,
              (SELECT rolbypassrls FROM pg_roles WHERE rolname = 'beacon_app') AS bypass`,
    );
    expect(rights[0]).toEqual({ can_create: false, bypass: false });
  });
});
