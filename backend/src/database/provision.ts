import { Client } from 'pg';
import { APP_ROLE_GRANTS } from './grants';

export interface ProvisionSettings {
  /** A superuser connection (e.g. `postgres://postgres@127.0.0.1:5432/postgres`). */
  adminUrl: string;
  /** The application role's URL: its user and database are created when missing. */
  appUrl: string;
  /** The owner role's URL: it owns the database and runs migrations. */
  ownerUrl: string;
}

const IDENT = /^[a-z_][a-z0-9_]{0,62}$/;

function parts(url: string): { user: string; password: string; database: string } {
  const parsed = new URL(url);
  const user = decodeURIComponent(parsed.username);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, ''));
  for (const [what, value] of [['user', user], ['database', database]] as const) {
    if (!IDENT.test(value)) throw new Error(`Database ${what} "${value}" must be a lower-case identifier`);
  }
  return { user, password: decodeURIComponent(parsed.password), database };
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function withClient<T>(url: string, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url, application_name: 'beacon-provision' });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function ensureRole(client: Client, role: string, password: string, extra: string): Promise<void> {
  const { rowCount } = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1', [role]);
  const pass = password ? ` PASSWORD ${client.escapeLiteral(password)}` : '';
  if (!rowCount) await client.query(`CREATE ROLE ${role} LOGIN ${extra}${pass}`);
  else await client.query(`ALTER ROLE ${role} LOGIN ${extra}${pass}`);
}

/**
 * Creates, when missing, the two roles and the database. Tables the owner creates later give the
 * application role plain data access by default (migrations revoke what a table must not allow);
 * tables that exist get exactly the privileges of `APP_ROLE_GRANTS`. The application role owns
 * nothing and never bypasses row-level security; the owner runs migrations. Idempotent.
 */
export async function provisionDatabase(settings: ProvisionSettings): Promise<void> {
  const app = parts(settings.appUrl);
  const owner = parts(settings.ownerUrl);
  if (app.database !== owner.database) throw new Error('DATABASE_URL and DATABASE_OWNER_URL must name the same database');
  if (app.user === owner.user) throw new Error('The application role must differ from the owner role');

  await withClient(settings.adminUrl, async (admin) => {
    await ensureRole(admin, owner.user, owner.password, 'NOSUPERUSER NOCREATEROLE');
    await ensureRole(admin, app.user, app.password, 'NOSUPERUSER NOCREATEROLE NOCREATEDB NOBYPASSRLS');
    // Backstops for any client of the application role (the API sets its own configured values
    // per connection): no statement runs away, no session sits in an open transaction for long.
    await admin.query(`ALTER ROLE ${app.user} SET statement_timeout = '30s'`);
    await admin.query(`ALTER ROLE ${app.user} SET idle_in_transaction_session_timeout = '60s'`);
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [app.database]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${app.database} OWNER ${owner.user} ENCODING 'UTF8' TEMPLATE template0`);
  });
  await withClient(withDatabase(settings.adminUrl, app.database), async (admin) => {
    await admin.query(`ALTER SCHEMA public OWNER TO ${owner.user}`);
    await admin.query(`REVOKE CREATE ON SCHEMA public FROM PUBLIC`);
    await admin.query(`GRANT CONNECT, TEMPORARY ON DATABASE ${app.database} TO ${app.user}`);
    await admin.query(`GRANT USAGE ON SCHEMA public TO ${app.user}`);
    await admin.query(
      `ALTER DEFAULT PRIVILEGES FOR ROLE ${owner.user} IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app.user}`,
    );
    await admin.query(`ALTER DEFAULT PRIVILEGES FOR ROLE ${owner.user} IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO ${app.user}`);
    await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app.user}`);
    await applyTableGrants(admin, app.user);
  });
}

/**
 * Gives the application role exactly the privileges `APP_ROLE_GRANTS` declares on every existing
 * table (none before the first migration), revoking anything else, in one transaction. Provisioning
 * runs at every start, after earlier migrations: it must never hand back what a migration revoked
 * (UPDATE on the audit log…), so it grants table by table from the declaration, never in bulk. A
 * table missing from the declaration stops it.
 */
async function applyTableGrants(admin: Client, role: string): Promise<void> {
  const { rows } = await admin.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
  const undeclared = rows.map((t) => t.name).filter((name) => !Object.hasOwn(APP_ROLE_GRANTS, name));
  if (undeclared.length > 0) {
    throw new Error(`No grants are declared for table ${undeclared.join(', ')}: add it to APP_ROLE_GRANTS (backend/src/database/grants.ts)`);
  }
  await admin.query('BEGIN');
  try {
    for (const { name } of rows) {
      const table = `public.${admin.escapeIdentifier(name)}`;
      const privileges: readonly string[] = APP_ROLE_GRANTS[name as keyof typeof APP_ROLE_GRANTS];
      await admin.query(`REVOKE ALL ON TABLE ${table} FROM ${role}`);
      if (privileges.length > 0) await admin.query(`GRANT ${privileges.join(', ')} ON TABLE ${table} TO ${role}`);
    }
    await admin.query('COMMIT');
  } catch (error) {
    await admin.query('ROLLBACK');
    throw error;
  }
}

/** Drops a database, disconnecting its sessions (test runs clean up after themselves). */
export async function dropDatabase(adminUrl: string, database: string): Promise<void> {
  if (!IDENT.test(database)) throw new Error(`Refusing to drop "${database}"`);
  await withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`));
}
