import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence attached to an assessment's requirements: uploaded files (bytes kept by the evidence
 * storage, never in a served folder; the row holds the key, type, size and SHA-256) and links.
 */
export class CreateEvidenceTables1763940000000 implements MigrationInterface {
  name = 'CreateEvidenceTables1763940000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "evidence" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "requirement_key" text NOT NULL,
        "kind" text NOT NULL,
        "file_name" text,
        "media_type" text,
        "size_bytes" bigint,
        "sha256" character(64),
        "storage_key" text,
        "url" text,
        "title" text,
        "created_by" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_evidence" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_evidence_storage_key" UNIQUE ("storage_key"),
        CONSTRAINT "CHK_evidence_kind" CHECK ("kind" IN ('file', 'link')),
        CONSTRAINT "CHK_evidence_shape" CHECK (("kind" = 'file' AND "file_name" IS NOT NULL AND "media_type" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL AND "storage_key" IS NOT NULL AND "url" IS NULL) OR ("kind" = 'link' AND "url" IS NOT NULL AND "storage_key" IS NULL)),
        CONSTRAINT "FK_evidence_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_evidence_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_evidence_assessment" ON "evidence" ("assessment_id", "requirement_key", "created_at")`);
    await q.query(`CREATE INDEX "IDX_evidence_organization" ON "evidence" ("organization_id")`);
    await q.query(`ALTER TABLE "evidence" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "evidence" FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY "evidence_tenant" ON "evidence"
        USING ("organization_id" = app_organization_id())
        WITH CHECK ("organization_id" = app_organization_id())`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "evidence"`);
  }
}
