import type { QueryRunner } from 'typeorm';
import type { TablePrivilege } from './grants';

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

function identifier(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`Not a plain SQL identifier: ${name}`);
  return `"${name}"`;
}

/**
 * The statements that put a table under row-level security with the one tenant rule: a row is
 * visible and writable only in a transaction scoped to its organization (`app_organization_id()`,
 * set by `app_begin_request`). Forced, so the table's owner obeys it too. `readers` adds SELECT-only
 * policies for the narrow cross-organization paths (e.g. a regulator reading what was filed with
 * it), each with its own condition.
 */
export function tenantTableStatements(
  table: string,
  options: { column?: string; readers?: readonly { name: string; using: string }[] } = {},
): string[] {
  const t = identifier(table);
  const column = identifier(options.column ?? 'organization_id');
  return [
    `ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`,
    `CREATE POLICY ${identifier(`${table}_tenant`)} ON ${t} USING (${column} = app_organization_id()) WITH CHECK (${column} = app_organization_id())`,
    ...(options.readers ?? []).map((r) => `CREATE POLICY ${identifier(`${table}_${r.name}`)} ON ${t} FOR SELECT USING (${r.using})`),
  ];
}

/**
 * The statement that takes `privileges` on `table` away from every role the migration's role
 * granted it to (the application role among them), so that a migration agrees with the grants
 * declaration (`APP_ROLE_GRANTS`) whatever roles a deployment created.
 */
export function revokeFromGranteesStatement(table: string, privileges: readonly TablePrivilege[]): string {
  const t = identifier(table);
  if (privileges.length === 0) throw new Error('Nothing to revoke');
  return `
    DO $$
    DECLARE grantee text;
    BEGIN
      FOR grantee IN
        SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
         WHERE g.table_schema = 'public' AND g.table_name = '${table}' AND g.grantee <> current_user
      LOOP
        EXECUTE format('REVOKE ${privileges.join(', ')} ON ${t} FROM %I', grantee);
      END LOOP;
    END $$`;
}

/** Runs `tenantTableStatements` in a migration. */
export async function tenantTable(q: QueryRunner, table: string, options?: Parameters<typeof tenantTableStatements>[1]): Promise<void> {
  for (const statement of tenantTableStatements(table, options)) await q.query(statement);
}

/** Runs `revokeFromGranteesStatement` in a migration. */
export async function revokeFromGrantees(q: QueryRunner, table: string, privileges: readonly TablePrivilege[]): Promise<void> {
  await q.query(revokeFromGranteesStatement(table, privileges));
}
