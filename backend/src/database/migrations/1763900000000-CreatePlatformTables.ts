import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreatePlatformTables1763900000000 implements MigrationInterface {
  name = 'CreatePlatformTables1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "outbox_messages" (
        "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
        "job_id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "queue" text NOT NULL,
        "job_name" text NOT NULL,
        "payload" jsonb NOT NULL,
        "organization_id" uuid,
        "correlation_id" text,
        "status" text NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        "available_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "relayed_at" TIMESTAMP WITH TIME ZONE,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "PK_outbox_messages" PRIMARY KEY ("id"),
        CONSTRAINT "UQ_outbox_messages_job_id" UNIQUE ("job_id"),
        CONSTRAINT "CHK_outbox_messages_status" CHECK ("status" IN ('pending', 'relayed', 'completed', 'failed'))
      )`);
    await q.query(
      `CREATE INDEX "IDX_outbox_messages_pending" ON "outbox_messages" ("available_at", "id") WHERE "status" = 'pending'`,
    );
    await q.query(
      `CREATE INDEX "IDX_outbox_messages_relayed" ON "outbox_messages" ("relayed_at") WHERE "status" = 'relayed'`,
    );
    // Wake the relay as soon as a transaction that wrote outbox rows commits.
    await q.query(`
      CREATE FUNCTION "outbox_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM pg_notify('outbox', '');
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE TRIGGER "TRG_outbox_messages_notify" AFTER INSERT ON "outbox_messages" FOR EACH STATEMENT EXECUTE FUNCTION "outbox_notify"()`,
    );
    await q.query(`
      CREATE TABLE "worker_heartbeats" (
        "worker_id" text NOT NULL,
        "hostname" text NOT NULL,
        "queues" text array NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "last_seen_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "PK_worker_heartbeats" PRIMARY KEY ("worker_id")
      )`);
    await q.query(`
      CREATE TABLE "status_probes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "correlation_id" text,
        CONSTRAINT "PK_status_probes" PRIMARY KEY ("id")
      )`);
    await q.query(`
      CREATE TABLE "status_probe_answers" (
        "probe_id" uuid NOT NULL,
        "queue" text NOT NULL,
        "worker_id" text NOT NULL,
        "answered_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "PK_status_probe_answers" PRIMARY KEY ("probe_id", "queue"),
        CONSTRAINT "FK_status_probe_answers_probe" FOREIGN KEY ("probe_id") REFERENCES "status_probes" ("id") ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "status_probe_answers"`);
    await q.query(`DROP TABLE "status_probes"`);
    await q.query(`DROP TABLE "worker_heartbeats"`);
    await q.query(`DROP TRIGGER "TRG_outbox_messages_notify" ON "outbox_messages"`);
    await q.query(`DROP FUNCTION "outbox_notify"()`);
    await q.query(`DROP TABLE "outbox_messages"`);
  }
}
