import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Requirement-level answers: "not applicable" or "equivalent alternative measure", each justified. */
export class CreateRequirementStatuses1763970000000 implements MigrationInterface {
  name = 'CreateRequirementStatuses1763970000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "requirement_statuses" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "requirement_key" text NOT NULL,
        "kind" text NOT NULL,
        "justification" text NOT NULL,
        "version" integer NOT NULL,
        "updated_by" uuid,
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_requirement_statuses" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_requirement_statuses_assessment_requirement" UNIQUE ("assessment_id", "requirement_key"),
        CONSTRAINT "CHK_requirement_statuses_kind" CHECK ("kind" IN ('not-applicable', 'alternative')),
        CONSTRAINT "FK_requirement_statuses_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE
      )`);
    await q.query(`ALTER TABLE "requirement_statuses" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "requirement_statuses" FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY "requirement_statuses_tenant" ON "requirement_statuses"
        USING ("organization_id" = app_organization_id())
        WITH CHECK ("organization_id" = app_organization_id())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "requirement_statuses"`);
  }
}
