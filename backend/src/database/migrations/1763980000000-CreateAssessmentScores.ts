import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateAssessmentScores1763980000000 implements MigrationInterface {
  name = 'CreateAssessmentScores1763980000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "assessment_scores" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "snapshot_id" uuid NOT NULL,
        "content_hash" character(64) NOT NULL,
        "status" text NOT NULL,
        "result" jsonb,
        "engine_version" text NOT NULL,
        "failure_reason" text,
        "computed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_assessment_scores" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_assessment_scores_assessment_content" UNIQUE ("assessment_id", "content_hash"),
        CONSTRAINT "CHK_assessment_scores_status" CHECK ("status" IN ('scored', 'failed')),
        CONSTRAINT "CHK_assessment_scores_outcome"
          CHECK (("status" = 'scored' AND "result" IS NOT NULL) OR ("status" = 'failed' AND "failure_reason" IS NOT NULL)),
        CONSTRAINT "FK_assessment_scores_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_assessment_scores_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "assessment_snapshots" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_assessment_scores_snapshot" ON "assessment_scores" ("snapshot_id")`);
    await q.query(`ALTER TABLE "assessment_scores" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "assessment_scores" FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY "assessment_scores_tenant" ON "assessment_scores"
        USING ("organization_id" = app_organization_id())
        WITH CHECK ("organization_id" = app_organization_id())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "assessment_scores"`);
  }
}
