import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessmentSnapshots1763950000000 implements MigrationInterface {
  name = 'CreateAssessmentSnapshots1763950000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "assessment_snapshots" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "revision" integer NOT NULL,
        "content" jsonb NOT NULL,
        "content_hash" character(64) NOT NULL,
        "submitted_by" uuid NOT NULL,
        "submitted_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_assessment_snapshots" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_assessment_snapshots_revision" UNIQUE ("assessment_id", "revision"),
        CONSTRAINT "FK_assessment_snapshots_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE RESTRICT
      )`);
    await q.query(`ALTER TABLE "assessment_snapshots" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "assessment_snapshots" FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY "assessment_snapshots_tenant" ON "assessment_snapshots"
        USING ("organization_id" = app_organization_id())
        WITH CHECK ("organization_id" = app_organization_id())`);
    // A snapshot is immutable: the application may insert and read it, never change it.
    await q.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_name = 'assessment_snapshots' AND g.grantee <> current_user
        LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON "assessment_snapshots" FROM %I', grantee);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assessment_snapshots"`);
  }
}
