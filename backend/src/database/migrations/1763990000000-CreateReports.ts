import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports rendered from a scored submission (PDF, JSON, CSV, OSCAL), one per snapshot, format and
 * locale. The file bytes live in the row (bytea): they commit atomically with the `ready` status,
 * row-level security covers them, and a database backup holds reports and their metadata together.
 *
 * - A `ready` report is sealed: a trigger refuses every UPDATE of it, whoever runs it, and the
 *   application role has no DELETE or TRUNCATE grant.
 * - `report_verification(sha256)` is the one cross-tenant path: the public verification endpoint
 *   finds a report by the SHA-256 of an uploaded file and learns only its metadata. The function
 *   runs as the owner, and the owner's read policy holds only inside it (the function sets
 *   `app.scope` for its own query and puts it back; the policy is granted to the owner role alone,
 *   never to the application role, whatever scope that one sets).
 * - Organizations get a default report language (`en` or `fr`) for the reports made automatically.
 */
export class CreateReports1763990000000 implements MigrationInterface {
  name = 'CreateReports1763990000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "organizations" ADD "default_locale" text NOT NULL DEFAULT 'en'`);
    await q.query(`ALTER TABLE "organizations" ADD CONSTRAINT "CHK_organizations_default_locale" CHECK ("default_locale" IN ('en', 'fr'))`);

    await q.query(`
      CREATE TABLE "reports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "assessment_id" uuid NOT NULL,
        "snapshot_id" uuid NOT NULL,
        "content_hash" character(64) NOT NULL,
        "format" text NOT NULL,
        "locale" text NOT NULL,
        "status" text NOT NULL DEFAULT 'queued',
        "progress" integer NOT NULL DEFAULT 0,
        "requested_by" uuid,
        "content" bytea,
        "size_bytes" integer,
        "sha256" character(64),
        "signature" text,
        "key_id" character(64),
        "content_digest" character(64),
        "failure_reason" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_reports" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_reports_snapshot_format_locale" UNIQUE ("snapshot_id", "format", "locale"),
        CONSTRAINT "CHK_reports_format" CHECK ("format" IN ('pdf', 'json', 'csv', 'oscal')),
        CONSTRAINT "CHK_reports_locale" CHECK ("locale" IN ('en', 'fr')),
        CONSTRAINT "CHK_reports_status" CHECK ("status" IN ('queued', 'rendering', 'ready', 'failed')),
        CONSTRAINT "CHK_reports_progress" CHECK ("progress" BETWEEN 0 AND 100),
        CONSTRAINT "CHK_reports_sealed" CHECK ("status" <> 'ready' OR ("content" IS NOT NULL AND "size_bytes" IS NOT NULL AND "sha256" IS NOT NULL AND "signature" IS NOT NULL AND "key_id" IS NOT NULL AND "content_digest" IS NOT NULL AND "completed_at" IS NOT NULL AND "progress" = 100)),
        CONSTRAINT "FK_reports_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_reports_assessment" FOREIGN KEY ("assessment_id") REFERENCES "assessments" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_reports_snapshot" FOREIGN KEY ("snapshot_id") REFERENCES "assessment_snapshots" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_reports_assessment" ON "reports" ("assessment_id", "created_at")`);
    await q.query(`CREATE INDEX "IDX_reports_sha256" ON "reports" ("sha256") WHERE "sha256" IS NOT NULL`);

    await q.query(`ALTER TABLE "reports" ENABLE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "reports" FORCE ROW LEVEL SECURITY`);
    await q.query(`
      CREATE POLICY "reports_tenant" ON "reports"
        USING ("organization_id" = app_organization_id())
        WITH CHECK ("organization_id" = app_organization_id())`);
    // The owner (the role running this migration) reads every report only inside the
    // verification function below, which sets the scope for its own duration.
    await q.query(`
      DO $$
      BEGIN
        EXECUTE format('CREATE POLICY "reports_verification" ON "reports" FOR SELECT TO %I USING (app_scope() = %L)', current_user, 'report-verification');
      END $$`);
    await q.query(`
      CREATE FUNCTION "report_verification"(p_sha256 text)
      RETURNS TABLE (
        report_id uuid, organization_name text, assessment_id uuid, snapshot_id uuid, content_hash text,
        format text, locale text, issued_at timestamptz, completed_at timestamptz, signature text, key_id text
      )
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER
      SET search_path = pg_catalog, public
      AS $$
      DECLARE previous text := current_setting('app.scope', true);
      BEGIN
        PERFORM set_config('app.scope', 'report-verification', true);
        RETURN QUERY
          SELECT r.id, o.name, r.assessment_id, r.snapshot_id, r.content_hash::text, r.format, r.locale,
                 r.created_at, r.completed_at, r.signature, r.key_id::text
            FROM reports r JOIN organizations o ON o.id = r.organization_id
           WHERE r.status = 'ready' AND r.sha256 = p_sha256
           LIMIT 1;
        PERFORM set_config('app.scope', coalesce(previous, ''), true);
      END $$`);

    // Sealed means sealed: once ready, no UPDATE goes through (not even the owner's).
    await q.query(`
      CREATE FUNCTION "reports_refuse_sealed_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'ready' THEN
          RAISE EXCEPTION 'report % is sealed and cannot change', OLD.id USING ERRCODE = 'check_violation';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(
      `CREATE TRIGGER "TRG_reports_sealed" BEFORE UPDATE ON "reports" FOR EACH ROW EXECUTE FUNCTION "reports_refuse_sealed_change"()`,
    );
    await q.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_name = 'reports' AND g.grantee <> current_user
        LOOP
          EXECUTE format('REVOKE DELETE, TRUNCATE ON "reports" FROM %I', grantee);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION "report_verification"(text)`);
    await q.query(`DROP TABLE "reports"`);
    await q.query(`DROP FUNCTION "reports_refuse_sealed_change"()`);
    await q.query(`ALTER TABLE "organizations" DROP CONSTRAINT "CHK_organizations_default_locale"`);
    await q.query(`ALTER TABLE "organizations" DROP COLUMN "default_locale"`);
  }
}
