import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCatalogTables1763910000000 implements MigrationInterface {
  name = 'CreateCatalogTables1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "framework_versions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" text NOT NULL,
        "version" text NOT NULL,
        "title" jsonb NOT NULL,
        "publisher" text NOT NULL,
        "source_url" text NOT NULL,
        "published_on" date NOT NULL,
        "content_hash" character(64) NOT NULL,
        "document" jsonb NOT NULL,
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_framework_versions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_framework_versions_slug_version" UNIQUE ("slug", "version")
      )`);
    await q.query(`
      CREATE TABLE "framework_requirements" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "framework_version_id" uuid NOT NULL,
        "key" text NOT NULL,
        "section_key" text NOT NULL,
        "position" integer NOT NULL,
        "critical" boolean NOT NULL,
        "weight" integer NOT NULL,
        "applicability" jsonb,
        CONSTRAINT "PK_framework_requirements" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_framework_requirements_version_key" UNIQUE ("framework_version_id", "key"),
        CONSTRAINT "FK_framework_requirements_version" FOREIGN KEY ("framework_version_id") REFERENCES "framework_versions" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "framework_questions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "framework_version_id" uuid NOT NULL,
        "requirement_key" text NOT NULL,
        "key" text NOT NULL,
        "type" text NOT NULL,
        "required" boolean NOT NULL,
        "position" integer NOT NULL,
        CONSTRAINT "PK_framework_questions" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_framework_questions_version_key" UNIQUE ("framework_version_id", "key"),
        CONSTRAINT "FK_framework_questions_version" FOREIGN KEY ("framework_version_id") REFERENCES "framework_versions" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "mapping_sets" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "slug" text NOT NULL,
        "version" text NOT NULL,
        "source_version_id" uuid NOT NULL,
        "target_version_id" uuid NOT NULL,
        "content_hash" character(64) NOT NULL,
        "document" jsonb NOT NULL,
        "imported_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_mapping_sets" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_mapping_sets_slug_version" UNIQUE ("slug", "version"),
        CONSTRAINT "FK_mapping_sets_source" FOREIGN KEY ("source_version_id") REFERENCES "framework_versions" ("id") ON DELETE RESTRICT,
        CONSTRAINT "FK_mapping_sets_target" FOREIGN KEY ("target_version_id") REFERENCES "framework_versions" ("id") ON DELETE RESTRICT
      )`);
    await q.query(`
      CREATE TABLE "framework_mappings" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "mapping_set_id" uuid NOT NULL,
        "source_key" text NOT NULL,
        "target_key" text NOT NULL,
        "relationship" text NOT NULL,
        "strength" integer NOT NULL,
        CONSTRAINT "PK_framework_mappings" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_framework_mappings_pair" UNIQUE ("mapping_set_id", "source_key", "target_key"),
        CONSTRAINT "FK_framework_mappings_set" FOREIGN KEY ("mapping_set_id") REFERENCES "mapping_sets" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_framework_mappings_target" ON "framework_mappings" ("target_key")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "framework_mappings"`);
    await q.query(`DROP TABLE "mapping_sets"`);
    await q.query(`DROP TABLE "framework_questions"`);
    await q.query(`DROP TABLE "framework_requirements"`);
    await q.query(`DROP TABLE "framework_versions"`);
  }
}
