import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCollaborationTables1763960000000 implements MigrationInterface {
  name = 'CreateCollaborationTables1763960000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "requirement_assignments" (
        "assessment_id" uuid NOT NULL,
        "requirement_key" text NOT NULL,
        "organization_id" uuid NOT NULL,
        "assignee_user_id" uuid NOT NULL,
        "assigned_by" uuid NOT NULL,
        "assigned_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_requirement_assignments" PRIMARY KEY ("assessment_id", "requirement_key"),
        CONSTRAINT "FK_requirement_assignments_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "requirement_comments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "requirement_key" text NOT NULL,
        "author_user_id" uuid NOT NULL,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_requirement_comments" PRIMARY KEY ("id"),
        CONSTRAINT "FK_requirement_comments_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_requirement_comments_requirement" ON "requirement_comments" ("assessment_id", "requirement_key", "created_at")`);
    for (const table of ['requirement_assignments', 'requirement_comments']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY "${table}_tenant" ON "${table}"
          USING ("organization_id" = app_organization_id())
          WITH CHECK ("organization_id" = app_organization_id())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "requirement_comments"`);
    await q.query(`DROP TABLE "requirement_assignments"`);
  }
}
