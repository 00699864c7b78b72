import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessmentTables1763930000000 implements MigrationInterface {
  name = 'CreateAssessmentTables1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "assessments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "title" text NOT NULL,
        "status" text NOT NULL DEFAULT 'draft',
        "profile" jsonb NOT NULL,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_assessments" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_assessments_status" CHECK ("status" IN ('draft', 'submitted')),
        CONSTRAINT "FK_assessments_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_assessments_organization" ON "assessments" ("organization_id", "created_at")`);
    await q.query(`
      CREATE TABLE "assessment_frameworks" (
        "assessment_id" uuid NOT NULL,
        "framework_version_id" uuid NOT NULL,
        "organization_id" uuid NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "PK_assessment_frameworks" PRIMARY KEY ("assessment_id", "framework_version_id"),
        CONSTRAINT "FK_assessment_frameworks_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_assessment_frameworks_version" FOREIGN KEY ("framework_version_id") REFERENCES "framework_versions" ("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE "answers" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "question_key" text NOT NULL,
        "value" jsonb NOT NULL,
        "note" text,
        "version" integer NOT NULL,
        "updated_by" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_answers" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_answers_assessment_question" UNIQUE ("assessment_id", "question_key"),
        CONSTRAINT "FK_answers_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE
      )`);
    for (const table of ['assessments', 'assessment_frameworks', 'answers']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
      await q.query(`
        CREATE POLICY "${table}_tenant" ON "${table}"
          USING ("organization_id" = app_organization_id())
          WITH CHECK ("organization_id" = app_organization_id())`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "answers"`);
    await q.query(`DROP TABLE "assessment_frameworks"`);
    await q.query(`DROP TABLE "assessments"`);
  }
}
