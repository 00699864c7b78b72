import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `app_begin_request(user, organization, session)`: as the two-argument version, and also reports
 * whether the access token's session (its refresh-token family, the `sid` claim) was revoked by a
 * logout, a reused refresh token or a password change, so that the token stops working at once
 * instead of at its expiry, still in one round trip.
 *
 * The two-argument version stays, so API processes of the previous release keep working while
 * this one rolls out (expand now, drop it in a later release).
 */
export class CheckSessionRevocationOnRequestBegin1796399247909 implements MigrationInterface {
  name = 'CheckSessionRevocationOnRequestBegin1796399247909';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION "app_begin_request"(p_user uuid, p_organization uuid, p_session uuid)
      RETURNS TABLE (session_version integer, disabled_at timestamptz, role text, type text, session_revoked boolean)
      LANGUAGE plpgsql VOLATILE SECURITY INVOKER AS $$
      BEGIN
        PERFORM set_config('app.organization_id', coalesce(p_organization::text, ''), true),
                set_config('app.user_id', p_user::text, true),
                set_config('app.scope', '', true);
        RETURN QUERY
          SELECT u.session_version, u.disabled_at, m.role, o.type,
                 EXISTS (SELECT 1 FROM refresh_tokens t
                          WHERE t.family_id = p_session AND t.user_id = p_user AND t.revoked_at IS NOT NULL)
            FROM users u
            LEFT JOIN memberships m ON m.user_id = u.id AND m.organization_id = p_organization
            LEFT JOIN organizations o ON o.id = m.organization_id
           WHERE u.id = p_user;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "app_begin_request"(uuid, uuid, uuid)`);
  }
}
