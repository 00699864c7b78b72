import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * TypeORM creates `schema_migrations` as the owner, so the default privileges gave the application
 * role read and write access to it: a role that can add a row there can make a later migration be
 * skipped. The migration history is the owner's alone (see `APP_ROLE_GRANTS`).
 */
export class RevokeMigrationHistoryFromApplication1764100000000 implements MigrationInterface {
  name = 'RevokeMigrationHistoryFromApplication1764100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_schema = 'public' AND g.table_name = 'schema_migrations' AND g.grantee <> current_user
        LOOP
          EXECUTE format('REVOKE ALL ON "schema_migrations" FROM %I', grantee);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The grant the default privileges gave before, to whichever roles they name.
    await q.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT r.rolname FROM pg_default_acl d
            CROSS JOIN LATERAL aclexplode(d.defaclacl) a
            JOIN pg_roles r ON r.oid = a.grantee
           WHERE d.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user) AND d.defaclobjtype = 'r'
        LOOP
          EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON "schema_migrations" TO %I', grantee);
        END LOOP;
      END $$`);
  }
}
