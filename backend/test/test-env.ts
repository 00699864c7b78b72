/** Names of this test run's database and Redis prefix, derived once in global setup. */
export const ADMIN_URL = process.env['DATABASE_ADMIN_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrl(role: 'beacon_app' | 'beacon_owner', database: string): string {
  const url = new URL(ADMIN_URL);
  url.username = role;
  url.password = '';
  url.pathname = `/${database}`;
  return url.toString();
}
