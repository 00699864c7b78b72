import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_begin_request(user, organization)`: the first statement of every authenticated request. It
 * sets the transaction's scope (as `set_config(…, true)` does elsewhere) and returns the caller's
 * user and membership, so the scope and the caller check cost one round trip instead of two. It
 * runs with the caller's rights (SECURITY INVOKER): row-level security applies as usual.
 */
export class CreateRequestBeginFunction1764000000000 implements MigrationInterface {
  name = 'CreateRequestBeginFunction1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION "app_begin_request"(p_user uuid, p_organization uuid)
      RETURNS TABLE (session_version integer, disabled_at timestamptz, role text, type text)
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      BEGIN
        PERFORM set_config('app.organization_id', coalesce(p_organization::text, ''), true),
                set_config('app.user_id', p_user::text, true),
                set_config('app.scope', '', true);
        RETURN QUERY
          SELECT u.session_version, u.disabled_at, m.role, o.type
            FROM users u
            LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = p_organization
            LEFT JOIN organizations o ON o.id = m.organization_id
           WHERE u.id = p_user;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "app_begin_request"(uuid, uuid)`);
  }
}
