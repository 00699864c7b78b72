import { randomUUID } from 'node:crypto';
import type { DataSource, QueryRunner } from 'typeorm';
import { adminDataSource } from '../../test/harness';
import { revokeFromGrantees, tenantTable } from './migration-helpers';

const appRole = () => decodeURIComponent(new URL(process.env['DATABASE_URL']!).username);

/**
 * The helpers new migrations use for row-level security and revokes, applied to a scratch table in
 * a transaction that is rolled back: the table ends up tenant-scoped (for its owner too) and the
 * application role loses exactly the revoked privileges.
 */
describe('migration helpers (real PostgreSQL)', () => {
  let admin: DataSource;
  let q: QueryRunner;
  const table = `scratch_${process.pid}`;
  const mine = randomUUID();
  const theirs = randomUUID();

  beforeAll(async () => {
    admin = await adminDataSource();
  });
  afterAll(async () => {
    await admin.destroy();
  });
  beforeEach(async () => {
    q = admin.createQueryRunner();
    await q.startTransaction();
    await q.query(`CREATE TABLE "${table}" (id serial PRIMARY KEY, organization_id uuid NOT NULL, note text)`);
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON "${table}" TO "${appRole()}"`);
    await q.query(`GRANT USAGE ON SEQUENCE "${table}_id_seq" TO "${appRole()}"`);
    await q.query(`INSERT INTO "${table}" (organization_id, note) VALUES ($1, 'mine'), ($2, 'theirs')`, [mine, theirs]);
  });
  afterEach(async () => {
    await q.rollbackTransaction();
    await q.release();
  });

  /** Runs `sql` as the application role, in the organization `organizationId`. */
  async function asApp<T>(organizationId: string, sql: string, parameters: unknown[] = []): Promise<T> {
    await q.query(`SAVEPOINT as_app`);
    try {
      await q.query(`SET LOCAL ROLE "${appRole()}"`);
      await q.query(`SELECT set_config('app.organization_id', $1, true)`, [organizationId]);
      const result = (await q.query(sql, parameters)) as T;
      await q.query(`RELEASE SAVEPOINT as_app`);
      return result;
    } catch (error) {
      await q.query(`ROLLBACK TO SAVEPOINT as_app`);
      throw error;
    } finally {
      await q.query(`RESET ROLE`);
    }
  }

  it('tenantTable: forced row-level security with the tenant policy', async () => {
    await tenantTable(q, table);
    const [flags] = (await q.query(`SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE relname = $1`, [table])) as { relrowsecurity: boolean }[];
    expect(flags).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
    expect(await asApp(mine, `SELECT note FROM "${table}"`)).toEqual([{ note: 'mine' }]);
    await expect(asApp(mine, `INSERT INTO "${table}" (organization_id, note) VALUES ($1, 'planted')`, [theirs])).rejects.toThrow(/row-level security/);
    expect(await asApp(theirs, `SELECT note FROM "${table}"`)).toEqual([{ note: 'theirs' }]);
  });

  it('tenantTable: a reader policy opens SELECT, and only SELECT, on its own condition', async () => {
    await tenantTable(q, table, { readers: [{ name: 'shared_notes', using: `note = 'theirs'` }] });
    expect(await asApp<{ note: string }[]>(mine, `SELECT note FROM "${table}" ORDER BY note`)).toEqual([{ note: 'mine' }, { note: 'theirs' }]);
    const updated = await asApp<[unknown[], number]>(mine, `UPDATE "${table}" SET note = 'changed' WHERE note = 'theirs'`);
    expect(updated[1]).toBe(0);
  });

  it('revokeFromGrantees: the application role keeps only what was not revoked', async () => {
    await revokeFromGrantees(q, table, ['UPDATE', 'DELETE']);
    const [rights] = (await q.query(
      `SELECT has_table_privilege($1, $2, 'SELECT') AS s, has_table_privilege($1, $2, 'INSERT') AS i,
              has_table_privilege($1, $2, 'UPDATE') AS u, has_table_privilege($1, $2, 'DELETE') AS d`,
      [appRole(), table],
    )) as Record<string, boolean>[];
    expect(rights).toEqual({ s: true, i: true, u: false, d: false });
  });

  it('refuses a table name that is not a plain identifier', async () => {
    await expect(tenantTable(q, 'x"; DROP TABLE users; --')).rejects.toThrow(/plain SQL identifier/);
  });
});
