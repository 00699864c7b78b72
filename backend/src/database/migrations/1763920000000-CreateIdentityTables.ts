import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Organizations, users, memberships, invitations, refresh tokens and the audit log, with
 * row-level security FORCEd on every table that carries an organization id. The organization of a
 * transaction is `app.organization_id`; a few explicit, narrow paths (a user's own memberships,
 * an invitation looked up by its token hash, the outbox relay, the platform audit) use other
 * transaction-local settings, set only by the code paths that need them.
 */
export class CreateIdentityTables1763920000000 implements MigrationInterface {
  name = 'CreateIdentityTables1763920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE FUNCTION "app_organization_id"() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.organization_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION "app_user_id"() RETURNS uuid LANGUAGE sql STABLE AS
      $$ SELECT nullif(current_setting('app.user_id', true), '')::uuid $$`);
    await q.query(`
      CREATE FUNCTION "app_scope"() RETURNS text LANGUAGE sql STABLE AS
      $$ SELECT coalesce(current_setting('app.scope', true), '') $$`);

    await q.query(`
      CREATE TABLE "organizations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "type" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_organizations" PRIMARY KEY ("id"),
        CONSTRAINT "CHK_organizations_type" CHECK ("type" IN ('company', 'regulator', 'ngo', 'platform'))
      )`);
    await q.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "name" text NOT NULL,
        "password_hash" text NOT NULL,
        "session_version" integer NOT NULL DEFAULT 0,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_users" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_users_email" UNIQUE ("email")
      )`);
    await q.query(`
      CREATE TABLE "memberships" (
        "organization_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_memberships" PRIMARY KEY ("organization_id", "user_id"),
        CONSTRAINT "FK_memberships_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE,
        CONSTRAINT "FK_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_memberships_user" ON "memberships" ("user_id")`);
    await q.query(`
      CREATE TABLE "invitations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "organization_id" uuid NOT NULL,
        "email" text NOT NULL,
        "role" text NOT NULL,
        "token_hash" character(64) NOT NULL,
        "invited_by" uuid NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "accepted_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_invitations" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_invitations_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "FK_invitations_organization" FOREIGN KEY ("organization_id") REFERENCES "organizations" ("id") ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" character(64) NOT NULL,
        "active_organization_id" uuid,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_refresh_tokens_token_hash" UNIQUE ("token_hash"),
        CONSTRAINT "FK_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX "IDX_refresh_tokens_family" ON "refresh_tokens" ("family_id")`);
    await q.query(`
      CREATE TABLE "audit_events" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "organization_id" uuid,
        "actor_user_id" uuid,
        "action" text NOT NULL,
        "target_type" text,
        "target_id" text,
        "correlation_id" text,
        "client_address" text,
        "details" jsonb,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "previous_hash" character(64),
        "hash" character(64) NOT NULL,
        CONSTRAINT "PK_audit_events" PRIMARY KEY ("id")
      )`);
    await q.query(`CREATE INDEX "IDX_audit_events_organization" ON "audit_events" ("organization_id", "id")`);

    // Row-level security, forced (the owner is subject to it too).
    for (const table of ['memberships', 'invitations', 'audit_events', 'outbox_messages']) {
      await q.query(`ALTER TABLE "${table}" ENABLE ROW LEVEL SECURITY`);
      await q.query(`ALTER TABLE "${table}" FORCE ROW LEVEL SECURITY`);
    }
    await q.query(`
      CREATE POLICY "memberships_tenant" ON "memberships"
        USING ("organization_id" = app_organization_id() OR "user_id" = app_user_id())
        WITH CHECK ("organization_id" = app_organization_id())`);
    await q.query(`
      CREATE POLICY "invitations_tenant" ON "invitations"
        USING ("organization_id" = app_organization_id()
               OR (app_scope() = 'invitation' AND "token_hash" = current_setting('app.invitation_token_hash', true)))
        WITH CHECK ("organization_id" = app_organization_id())`);
    // Audit: read your organization's events (the platform audit reads all); insert only.
    await q.query(`
      CREATE POLICY "audit_events_read" ON "audit_events" FOR SELECT
        USING ("organization_id" = app_organization_id()
               OR app_scope() = 'platform-audit'
               OR ("organization_id" IS NULL AND app_scope() = 'audit-writer'))`);
    await q.query(`
      CREATE POLICY "audit_events_insert" ON "audit_events" FOR INSERT
        WITH CHECK ("organization_id" IS NULL OR "organization_id" = app_organization_id())`);
    // Outbox: a tenant writes its own (or platform) rows; only the relay reads them all.
    await q.query(`
      CREATE POLICY "outbox_messages_read" ON "outbox_messages" FOR SELECT
        USING ("organization_id" = app_organization_id() OR app_scope() = 'outbox-relay')`);
    await q.query(`
      CREATE POLICY "outbox_messages_insert" ON "outbox_messages" FOR INSERT
        WITH CHECK ("organization_id" IS NULL OR "organization_id" = app_organization_id())`);
    await q.query(`
      CREATE POLICY "outbox_messages_update" ON "outbox_messages" FOR UPDATE
        USING (app_scope() = 'outbox-relay')`);

    // The audit log is append-only for everyone but the owner: no UPDATE or DELETE grants.
    await q.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
           WHERE g.table_name = 'audit_events' AND g.grantee <> current_user
        LOOP
          EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON "audit_events" FROM %I', grantee);
        END LOOP;
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const policy of [
      ['outbox_messages_update', 'outbox_messages'],
      ['outbox_messages_insert', 'outbox_messages'],
      ['outbox_messages_read', 'outbox_messages'],
    ]) {
      await q.query(`DROP POLICY "${policy[0]}" ON "${policy[1]}"`);
    }
    await q.query(`ALTER TABLE "outbox_messages" NO FORCE ROW LEVEL SECURITY`);
    await q.query(`ALTER TABLE "outbox_messages" DISABLE ROW LEVEL SECURITY`);
    await q.query(`DROP TABLE "audit_events"`);
    await q.query(`DROP TABLE "refresh_tokens"`);
    await q.query(`DROP TABLE "invitations"`);
    await q.query(`DROP TABLE "memberships"`);
    await q.query(`DROP TABLE "users"`);
    await q.query(`DROP TABLE "organizations"`);
    await q.query(`DROP FUNCTION "app_scope"()`);
    await q.query(`DROP FUNCTION "app_user_id"()`);
    await q.query(`DROP FUNCTION "app_organization_id"()`);
  }
}
