import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type {
  AssessmentResponse,
  AssessmentSnapshotContent,
  ErrorResponse,
  FrameworkVersionResponse,
  PreviewScoreResponse,
  ScoreResponse,
  SubmissionResponse,
} from '@beacon/contracts';
import {
  emptyServiceFeatures,
  type FrameworkDefinition,
  type MappingSetDefinition,
  type QuestionDefinition,
  SCORING_ENGINE_VERSION,
  scoreAssessment,
  type ScoringResult,
  type ServiceProfile,
} from '@beacon/domain';
import { type Job } from 'bullmq';
import { type ChildProcess, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DataSource, QueryRunner } from 'typeorm';
import { adminDataSource, freePort, http, PrivateRedis, startApi, startWorker, waitFor, importShippedCatalog } from '../../../test/harness';
import { addMember, type Session, signUp } from '../../../test/identity-fixtures';
import { JOBS } from '../../jobs';
import { JobCatalog } from '../../platform/queue/jobs';
import type { ScoreAssessmentJob } from './jobs/scoring.jobs';
import { QueueProducer } from '../../platform/queue/queue-producer';

const ROOT = resolve(__dirname, '../../../..');
const FRAMEWORKS = [
  { slug: 'ncmec-minimum-safety-measures', version: '1.0.0' },
  { slug: 'c3p-changing-the-paradigm', version: '1.0.0' },
];
const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true, livestreaming: true },
  sizeBand: 'medium',
  jurisdictions: ['FR', 'CA'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
const ATTESTATION = { name: 'Ada Owner', title: 'Head of Trust & Safety', statement: 'I attest these answers are accurate and complete.' };
/** A requirement the fixtures declare not applicable, so the stored score must reflect requirement statuses. */
const DECLARED_NOT_APPLICABLE = 'MSM-4';

const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });

/** Varied but valid answers, so the scores are not trivially 100. */
function sampleValue(q: QuestionDefinition, i: number): unknown {
  switch (q.type) {
    case 'yes-partial-no':
      return (['yes', 'partial', 'no'] as const)[i % 3];
    case 'maturity':
      return i % 5;
    case 'single-choice':
      return q.options[i % q.options.length]!.value;
    case 'multiple-choice':
      return [q.options.find((o) => !o.exclusive)?.value ?? q.options[0]!.value];
    case 'number':
    case 'duration':
      return q.min ?? 1;
    case 'percentage':
      return q.max ?? 100;
    case 'date':
      return '2026-01-15';
    case 'text':
      return 'Documented in our child-safety policy.';
    case 'url':
      return 'https://example.org/policy';
  }
}

/** Test fixtures over one API instance: drafts fully answered, submissions, expected engine results. */
class Fixtures {
  private questionsCache?: QuestionDefinition[];

  constructor(
    private readonly api: () => INestApplication,
    private readonly admin: () => DataSource,
  ) {}

  private async questions(): Promise<QuestionDefinition[]> {
    if (!this.questionsCache) {
      const trees = await Promise.all(
        FRAMEWORKS.map(
          async (f) => (await http(this.api()).get(`/api/v1/frameworks/${f.slug}/versions/${f.version}`).expect(200)).body as FrameworkVersionResponse,
        ),
      );
      this.questionsCache = trees.flatMap((t) => t.framework.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions)));
    }
    return this.questionsCache;
  }

  /** A draft with every question answered and one requirement declared not applicable. */
  async draft(session: Session): Promise<string> {
    const created = (await http(this.api()).post('/api/v1/assessments').set(as(session)).send({ title: 'Annual review', frameworks: FRAMEWORKS, profile: PROFILE }).expect(201))
      .body as AssessmentResponse;
    const questions = await this.questions();
    for (const [i, question] of questions.entries()) {
      await http(this.api())
        .put(`/api/v1/assessments/${created.id}/answers/${question.key}`)
        .set(as(session))
        .send({ value: sampleValue(question, i), expectedVersion: 0 })
        .expect(200);
    }
    await http(this.api())
      .put(`/api/v1/assessments/${created.id}/requirements/${DECLARED_NOT_APPLICABLE}/status`)
      .set(as(session))
      .send({ kind: 'not-applicable', justification: 'Our service offers no feature this requirement is about.', expectedVersion: 0 })
      .expect(200);
    return created.id;
  }

  async submit(session: Session, assessmentId: string): Promise<SubmissionResponse> {
    const res = await http(this.api()).post(`/api/v1/assessments/${assessmentId}/submit`).set(as(session)).send({ attestation: ATTESTATION }).expect(201);
    return res.body as SubmissionResponse;
  }

  /** What `scoreAssessment` gives for a snapshot, with the input built here from the raw rows. */
  async expectedResult(snapshotId: string): Promise<ScoringResult> {
    const [row] = await this.admin().query<{ content: AssessmentSnapshotContent }[]>(`SELECT content FROM assessment_snapshots WHERE id = $1`, [snapshotId]);
    const content = row!.content;
    const frameworks: FrameworkDefinition[] = [];
    for (const ref of content.frameworks) {
      const [f] = await this.admin().query<{ document: FrameworkDefinition }[]>(`SELECT document FROM framework_versions WHERE slug = $1 AND version = $2`, [
        ref.slug,
        ref.version,
      ]);
      frameworks.push(f!.document);
    }
    const mappingSets: MappingSetDefinition[] = [];
    for (const ref of content.mappingSets ?? []) {
      const [m] = await this.admin().query<{ document: MappingSetDefinition }[]>(`SELECT document FROM mapping_sets WHERE slug = $1 AND version = $2`, [
        ref.slug,
        ref.version,
      ]);
      mappingSets.push(m!.document);
    }
    return scoreAssessment({
      frameworks,
      mappingSets,
      profile: content.profile,
      answers: Object.fromEntries(content.answers.map((a) => [a.questionKey, a.value as string])),
      requirementStatuses: Object.fromEntries((content.requirementStatuses ?? []).map((s) => [s.requirementKey, { kind: s.kind, justification: s.justification }])),
    });
  }

  async scoreRows(assessmentId: string): Promise<{ id: string; status: string; snapshot_id: string; computed_at: Date; failure_reason: string | null }[]> {
    return this.admin().query(`SELECT id, status, snapshot_id, computed_at, failure_reason FROM assessment_scores WHERE assessment_id = $1`, [assessmentId]);
  }

  async reportRows(snapshotId: string): Promise<{ format: string; locale: string; status: string }[]> {
    return this.admin().query(`SELECT format, locale, status FROM reports WHERE snapshot_id = $1 ORDER BY format, locale`, [snapshotId]);
  }

  async outboxRow(snapshotId: string): Promise<{ job_id: string; status: string; attempts: number; last_error: string | null } | undefined> {
    const rows = await this.admin().query<{ job_id: string; status: string; attempts: number; last_error: string | null }[]>(
      `SELECT job_id, status, attempts, last_error FROM outbox_messages WHERE job_name = 'scoring.score-assessment' AND payload->>'snapshotId' = $1`,
      [snapshotId],
    );
    return rows[0];
  }

  async auditCount(assessmentId: string, action: string): Promise<number> {
    const [row] = await this.admin().query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events WHERE target_id = $1 AND action = $2`, [assessmentId, action]);
    return row!.n;
  }
}

async function jobState(producer: QueueProducer, jobId: string): Promise<{ state: string; job: Job } | undefined> {
  const job = await producer.queue('scoring').getJob(jobId);
  if (!job) return undefined;
  return { state: await job.getState(), job };
}

describe('scoring (real PostgreSQL and Redis)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  const fixtures = new Fixtures(
    () => api,
    () => admin,
  );

  // Queues of their own on the shared Redis, emptied at the end, so other suites of the run start clean.
  const queueEnv = { QUEUE_PREFIX: `${process.env['QUEUE_PREFIX']}-scoring` };

  beforeAll(async () => {
    await importShippedCatalog();
    api = await startApi(queueEnv);
    admin = await adminDataSource();
    owner = await signUp(api, 'scoring-co');
  });
  afterAll(async () => {
    const producer = api.get(QueueProducer);
    for (const queue of new JobCatalog(JOBS).queues) await producer.queue(queue).obliterate({ force: true });
    await admin.destroy();
    await api.close();
  });

  describe('API', () => {
    it('answers 409 NOT_SUBMITTED for the score of a draft, and 404 to another organization on both routes', async () => {
      const id = await fixtures.draft(owner);
      const refused = await http(api).get(`/api/v1/assessments/${id}/score`).set(as(owner)).expect(409);
      expect((refused.body as ErrorResponse).code).toBe('NOT_SUBMITTED');
      const stranger = await signUp(api, 'stranger-co');
      for (const path of ['score', 'preview-score']) {
        const res = await http(api).get(`/api/v1/assessments/${id}/${path}`).set(as(stranger)).expect(404);
        expect((res.body as ErrorResponse).code).toBe('ASSESSMENT_NOT_FOUND');
      }
      await http(api).get(`/api/v1/assessments/not-a-uuid/score`).set(as(owner)).expect(400);
      await http(api).get(`/api/v1/assessments/${id}/score`).expect(401);
    });

    it('previews the draft as it stands with the engine, for any reader, and stores nothing', async () => {
      const id = await fixtures.draft(owner);
      const viewer = await addMember(api, owner, 'viewer');
      const preview = (await http(api).get(`/api/v1/assessments/${id}/preview-score`).set(as(viewer)).expect(200)).body as PreviewScoreResponse;
      expect(preview).toMatchObject({ assessmentId: id, preview: true, engineVersion: SCORING_ENGINE_VERSION });
      expect(preview.result.frameworks.map((f) => f.slug)).toEqual(FRAMEWORKS.map((f) => f.slug));
      // The same engine on the same data, built independently from the tables.
      const answers = await admin.query<{ question_key: string; value: string }[]>(`SELECT question_key, value FROM answers WHERE assessment_id = $1`, [id]);
      const documents = await Promise.all(
        FRAMEWORKS.map(async (f) => (await admin.query<{ document: FrameworkDefinition }[]>(`SELECT document FROM framework_versions WHERE slug = $1 AND version = $2`, [f.slug, f.version]))[0]!.document),
      );
      const sets = await admin.query<{ document: MappingSetDefinition }[]>(
        `SELECT m.document FROM mapping_sets m JOIN framework_versions s ON s.id = m.source_version_id JOIN framework_versions t ON t.id = m.target_version_id
          WHERE s.slug = ANY($1) AND t.slug = ANY($1) ORDER BY m.slug`,
        [FRAMEWORKS.map((f) => f.slug)],
      );
      const expected = scoreAssessment({
        frameworks: documents,
        mappingSets: sets.map((s) => s.document),
        profile: PROFILE,
        answers: Object.fromEntries(answers.map((a) => [a.question_key, a.value])),
        requirementStatuses: { [DECLARED_NOT_APPLICABLE]: { kind: 'not-applicable', justification: 'Our service offers no feature this requirement is about.' } },
      });
      expect(preview.result).toEqual(expected);
      const declared = preview.result.frameworks[0]!.requirements.find((r) => r.key === DECLARED_NOT_APPLICABLE);
      expect(declared).toMatchObject({ basis: 'declared-not-applicable', outcome: 'not-applicable' });

      // The preview follows the draft: answering "no" everywhere lowers the first framework's score.
      const before = preview.result.frameworks[0]!.score!;
      const stored = await admin.query<{ question_key: string; version: number }[]>(
        `SELECT a.question_key, a.version FROM answers a WHERE a.assessment_id = $1 AND a.value = '"yes"'::jsonb AND a.question_key LIKE 'MSM-%'`,
        [id],
      );
      expect(stored.length).toBeGreaterThan(0);
      for (const answer of stored) {
        await http(api)
          .put(`/api/v1/assessments/${id}/answers/${answer.question_key}`)
          .set(as(owner))
          .send({ value: 'no', expectedVersion: answer.version })
          .expect(200);
      }
      const after = (await http(api).get(`/api/v1/assessments/${id}/preview-score`).set(as(owner)).expect(200)).body as PreviewScoreResponse;
      expect(after.result.frameworks[0]!.score!).toBeLessThan(before);
      expect(await fixtures.scoreRows(id)).toEqual([]);
    });
  });

  describe('the scoring job (worker in this process, shared Redis)', () => {
    let worker: INestApplicationContext | undefined;
    let producer: QueueProducer;

    beforeAll(() => {
      producer = api.get(QueueProducer);
    });
    afterAll(async () => {
      await worker?.close();
    });

    async function ensureWorker(): Promise<void> {
      worker ??= await startWorker(queueEnv);
    }

    it('scores a submission: pending first, then the engine result stored once, audited, the outbox row completed', async () => {
      const id = await fixtures.draft(owner);
      const submitted = await fixtures.submit(owner, id);
      // Submitted in the same transaction: the job waits in the outbox.
      expect(await fixtures.outboxRow(submitted.snapshotId)).toMatchObject({ status: 'pending' });
      const pending = (await http(api).get(`/api/v1/assessments/${id}/score`).set(as(owner)).expect(200)).body as ScoreResponse;
      expect(pending).toEqual({
        assessmentId: id,
        status: 'pending',
        snapshotId: submitted.snapshotId,
        revision: 1,
        contentHash: submitted.contentHash,
        result: null,
        computedAt: null,
        engineVersion: null,
        failureReason: null,
      });

      await ensureWorker();
      const scored = await waitFor(
        async () => {
          const body = (await http(api).get(`/api/v1/assessments/${id}/score`).set(as(owner)).expect(200)).body as ScoreResponse;
          return body.status === 'pending' ? undefined : body;
        },
        30000,
        'the score',
      );
      expect(scored).toMatchObject({ status: 'scored', snapshotId: submitted.snapshotId, engineVersion: SCORING_ENGINE_VERSION, failureReason: null });
      expect(Date.parse(scored.computedAt!)).not.toBeNaN();
      const expected = await fixtures.expectedResult(submitted.snapshotId);
      expect(scored.result).toEqual(expected);
      expect(expected.frameworks[0]!.score).not.toBeNull();
      expect(expected.frameworks[0]!.requirements.find((r) => r.key === DECLARED_NOT_APPLICABLE)?.basis).toBe('declared-not-applicable');

      expect(await fixtures.scoreRows(id)).toHaveLength(1);
      await waitFor(async () => (await fixtures.outboxRow(submitted.snapshotId))?.status === 'completed', 10000, 'outbox row completed');
      expect(await fixtures.auditCount(id, 'assessment.scored')).toBe(1);

      // The stored score asked for the default reports in the same transaction: PDF and JSON in the
      // organization's language, rendered by the worker.
      const reports = await waitFor(
        async () => {
          const rows = await fixtures.reportRows(submitted.snapshotId);
          return rows.length === 2 && rows.every((r) => r.status === 'ready') ? rows : undefined;
        },
        30000,
        'the default reports',
      );
      expect(reports.map((r) => [r.format, r.locale])).toEqual([
        ['json', 'en'],
        ['pdf', 'en'],
      ]);
    });

    it('stores exactly one result when the same submission is scored again, even concurrently', async () => {
      await ensureWorker();
      const id = await fixtures.draft(owner);
      const submitted = await fixtures.submit(owner, id);
      await waitFor(async () => (await fixtures.scoreRows(id)).length === 1, 30000, 'the first score');
      const [first] = await fixtures.scoreRows(id);
      const data: ScoreAssessmentJob = { correlationId: 'again', organizationId: owner.organizationId, assessmentId: id, snapshotId: submitted.snapshotId };
      const ids = [1, 2, 3].map((n) => `again-${submitted.snapshotId}-${n}`);
      await Promise.all(ids.map((jobId) => producer.add({ name: 'scoring.score-assessment', data }, jobId)));
      for (const jobId of ids) await waitFor(async () => (await jobState(producer, jobId))?.state === 'completed', 15000, `job ${jobId} completed`);
      const rows = await fixtures.scoreRows(id);
      expect(rows).toEqual([first]);
      expect(await fixtures.auditCount(id, 'assessment.scored')).toBe(1);
      // Scoring again asks for no second set of reports.
      expect((await fixtures.reportRows(submitted.snapshotId)).map((r) => r.format)).toEqual(['json', 'pdf']);
    });

    it('fails a malformed payload, or a snapshot of another organization, at once without retries, and stores nothing', async () => {
      await ensureWorker();
      const id = await fixtures.draft(owner);
      const submitted = await fixtures.submit(owner, id);
      await waitFor(async () => (await fixtures.scoreRows(id)).length === 1, 30000, 'the regular score');
      const before = await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM assessment_scores`);
      const stranger = await signUp(api, 'other-tenant');
      const cases: { jobId: string; data: unknown; reason: RegExp }[] = [
        {
          jobId: `malformed-${submitted.snapshotId}`,
          data: { correlationId: 'bad', organizationId: 'nope', assessmentId: id, snapshotId: 42 },
          reason: /organizationId must be a UUID; snapshotId must be a UUID/,
        },
        {
          jobId: `foreign-${submitted.snapshotId}`,
          // Well-formed, but the snapshot belongs to another organization: row-level security hides it.
          data: { correlationId: 'foreign', organizationId: stranger.organizationId, assessmentId: id, snapshotId: submitted.snapshotId },
          reason: /No snapshot/,
        },
      ];
      for (const c of cases) {
        await producer.add({ name: 'scoring.score-assessment', data: c.data as ScoreAssessmentJob }, c.jobId);
        const failed = await waitFor(async () => {
          const found = await jobState(producer, c.jobId);
          return found?.state === 'failed' ? found.job : undefined;
        }, 15000, `job ${c.jobId} failed`);
        expect(failed.attemptsMade).toBe(1);
        expect(failed.failedReason).toMatch(c.reason);
      }
      expect(await admin.query(`SELECT count(*)::int AS n FROM assessment_scores`)).toEqual(before);
    });

    it('retries with backoff after a database error, and scores once the database accepts the write again', async () => {
      await ensureWorker();
      const id = await fixtures.draft(owner);
      // A transient fault: the application role may not write scores for a moment.
      await admin.query(`REVOKE INSERT ON assessment_scores FROM beacon_app`);
      let revoked = true;
      try {
        const submitted = await fixtures.submit(owner, id);
        await waitFor(async () => (await fixtures.outboxRow(submitted.snapshotId))?.status === 'relayed', 15000, 'the job relayed');
        const jobId = `outbox-${(await fixtures.outboxRow(submitted.snapshotId))!.job_id}`;
        const retrying = await waitFor(async () => {
          const found = await jobState(producer, jobId);
          return found && found.job.attemptsMade >= 1 && found.state === 'delayed' ? found.job : undefined;
        }, 15000, 'a failed attempt waiting for its retry');
        expect(retrying.failedReason).toMatch(/permission denied/);
        expect(await fixtures.scoreRows(id)).toEqual([]);

        await admin.query(`GRANT INSERT ON assessment_scores TO beacon_app`);
        revoked = false;
        const done = await waitFor(async () => {
          const found = await jobState(producer, jobId);
          return found?.state === 'completed' ? found.job : undefined;
        }, 30000, 'the retried job completed');
        expect(done.attemptsMade).toBeGreaterThanOrEqual(2);
        expect((await fixtures.scoreRows(id)).map((r) => r.status)).toEqual(['scored']);
        await waitFor(async () => (await fixtures.outboxRow(submitted.snapshotId))?.status === 'completed', 10000, 'outbox row completed');
      } finally {
        if (revoked) await admin.query(`GRANT INSERT ON assessment_scores TO beacon_app`);
      }
    });

    it('stores "failed" with the reason when a submission cannot be scored, and a later success replaces it', async () => {
      await ensureWorker();
      // A submission frozen against a framework version that has changed since (its hash differs),
      // and one whose profile makes the engine throw: both are stored as failed, not retried.
      const broken: { assessmentId: string; snapshotId: string; reason: RegExp }[] = [];
      for (const [label, patch, reason] of [
        ['changed framework', { frameworks: [{ ...FRAMEWORKS[0]!, contentHash: '0'.repeat(64) }] }, /framework version ncmec-minimum-safety-measures@1\.0\.0 changed since the submission/],
        ['engine error', { profile: {} }, /The scoring engine failed: TypeError/],
      ] as const) {
        const id = await fixtures.draft(owner);
        const real = await fixtures.submit(owner, id);
        await waitFor(async () => (await fixtures.scoreRows(id)).length === 1, 30000, `the score of the ${label} case`);
        const [row] = await admin.query<{ content: AssessmentSnapshotContent }[]>(`SELECT content FROM assessment_snapshots WHERE id = $1`, [real.snapshotId]);
        const content = { ...row!.content, ...patch, revision: 2 };
        const [snapshot] = await admin.query<{ id: string }[]>(
          `INSERT INTO assessment_snapshots (organization_id, assessment_id, revision, content, content_hash, submitted_by, submitted_at)
           VALUES ($1, $2, 2, $3::jsonb, $4, $5, now()) RETURNING id`,
          [owner.organizationId, id, JSON.stringify(content), label === 'engine error' ? 'e'.repeat(64) : 'f'.repeat(64), owner.userId],
        );
        await producer.add(
          { name: 'scoring.score-assessment', data: { correlationId: `broken-${label.replace(' ', '-')}`, organizationId: owner.organizationId, assessmentId: id, snapshotId: snapshot!.id } },
          `broken-${snapshot!.id}`,
        );
        broken.push({ assessmentId: id, snapshotId: snapshot!.id, reason });
      }
      for (const b of broken) {
        const score = await waitFor(
          async () => {
            const body = (await http(api).get(`/api/v1/assessments/${b.assessmentId}/score`).set(as(owner)).expect(200)).body as ScoreResponse;
            return body.status === 'pending' ? undefined : body;
          },
          30000,
          'the failed score',
        );
        expect(score).toMatchObject({ status: 'failed', snapshotId: b.snapshotId, revision: 2, result: null, engineVersion: SCORING_ENGINE_VERSION });
        expect(score.failureReason).toMatch(b.reason);
        const job = await jobState(producer, `broken-${b.snapshotId}`);
        expect(job?.state).toBe('completed');
        expect(await fixtures.auditCount(b.assessmentId, 'assessment.scoring-failed')).toBe(1);
      }

      // failed → scored: a failure recorded for a valid submission is replaced when scoring succeeds.
      const id = await fixtures.draft(owner);
      const submitted = await fixtures.submit(owner, id);
      await waitFor(async () => (await fixtures.scoreRows(id)).length === 1, 30000, 'the score');
      await admin.query(`UPDATE assessment_scores SET status = 'failed', result = NULL, failure_reason = 'database was unreachable' WHERE assessment_id = $1`, [id]);
      await producer.add(
        { name: 'scoring.score-assessment', data: { correlationId: 'retry', organizationId: owner.organizationId, assessmentId: id, snapshotId: submitted.snapshotId } },
        `rescore-${submitted.snapshotId}`,
      );
      await waitFor(async () => (await fixtures.scoreRows(id))[0]?.status === 'scored', 15000, 'failed replaced by scored');
      const rows = await fixtures.scoreRows(id);
      expect(rows).toHaveLength(1);
      expect(rows[0]!.failure_reason).toBeNull();
      const score = (await http(api).get(`/api/v1/assessments/${id}/score`).set(as(owner)).expect(200)).body as ScoreResponse;
      expect(score.result).toEqual(await fixtures.expectedResult(submitted.snapshotId));
    });
  });

  /**
   * Real worker processes (the built `main.worker.js`, copied aside so a concurrent rebuild cannot
   * pull it away mid-test) on a private Redis that the tests stop and start. A job is held in the
   * middle of its work by a transaction of the test that has inserted, without committing, the row
   * the job is about to write: the job's upsert waits on that row lock. Nothing test-specific runs
   * in the worker.
   */
  describe('worker processes: crash, shutdown and Redis outage', () => {
    let redis: PrivateRedis;
    let processApi: INestApplication;
    let producer: QueueProducer;
    let workerDir: string;
    const prefix = `${process.env['QUEUE_PREFIX']}-processes`;
    const running: WorkerProcess[] = [];
    const local = new Fixtures(
      () => processApi,
      () => admin,
    );

    interface WorkerProcess {
      child: ChildProcess;
      output: string[];
      exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    }

    async function spawnWorker(extraEnv: Record<string, string> = {}): Promise<WorkerProcess> {
      const child = spawn(process.execPath, [join(workerDir, 'backend/src/main.worker.js')], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          PATH: process.env['PATH'],
          NODE_ENV: 'test',
          DATABASE_URL: process.env['DATABASE_URL'],
          JWT_SECRET: process.env['JWT_SECRET'],
          REPORT_SIGNING_KEY: process.env['REPORT_SIGNING_KEY'],
          REDIS_URL: redis.url,
          QUEUE_PREFIX: prefix,
          LOG_LEVEL: 'info',
          JOB_LOCK_DURATION_MS: '2000',
          OUTBOX_POLL_INTERVAL_MS: '200',
          WORKER_HEARTBEAT_INTERVAL_MS: '1000',
          ...extraEnv,
        },
      });
      const output: string[] = [];
      child.stdout.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
      child.stderr.on('data', (chunk: Buffer) => output.push(...chunk.toString().split('\n').filter(Boolean)));
      const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
      const worker = { child, output, exit };
      running.push(worker);
      await waitFor(
        () => {
          if (child.exitCode !== null) return Promise.reject(new Error(`the worker exited at start-up:\n${output.join('\n')}`));
          return Promise.resolve(output.some((line) => line.includes('"worker.started"')));
        },
        30000,
        'the worker process to start',
      );
      return worker;
    }

    /** Opens a transaction holding the score row a job for this submission will write. */
    async function holdScoreRow(submission: SubmissionResponse): Promise<QueryRunner> {
      const runner = admin.createQueryRunner();
      await runner.connect();
      await runner.startTransaction();
      await runner.query(
        `INSERT INTO assessment_scores (organization_id, assessment_id, snapshot_id, content_hash, status, engine_version, failure_reason, computed_at)
         VALUES ($1, $2, $3, $4, 'failed', 'held', 'held by the test', now())`,
        [owner.organizationId, submission.assessmentId, submission.snapshotId, submission.contentHash],
      );
      return runner;
    }

    /** True once a worker's upsert waits on the held row: the job is in the middle of its work. */
    async function jobIsHeld(): Promise<boolean> {
      const [row] = await admin.query<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND wait_event_type = 'Lock'
            AND query LIKE '%INSERT INTO assessment_scores%'`,
      );
      return row!.n > 0;
    }

    async function release(runner: QueryRunner): Promise<void> {
      await runner.rollbackTransaction();
      await runner.release();
    }

    beforeAll(async () => {
      const built = join(ROOT, 'dist/backend');
      // `nx run backend:integration` builds first; the handler must be in that build.
      expect(existsSync(join(built, 'backend/src/modules/scoring/jobs/score-assessment.handler.js'))).toBe(true);
      workerDir = mkdtempSync(join(ROOT, 'tmp', 'scoring-worker-'));
      cpSync(built, workerDir, { recursive: true });
      redis = new PrivateRedis(await freePort());
      await redis.start();
      processApi = await startApi({ REDIS_URL: redis.url, QUEUE_PREFIX: prefix });
      producer = processApi.get(QueueProducer);
    });
    beforeEach(async () => {
      // Jobs of the tests above that nobody ran are not for these workers.
      await admin.query(`UPDATE outbox_messages SET status = 'completed' WHERE status IN ('pending', 'relayed')`);
    });
    afterEach(async () => {
      for (const worker of running.splice(0)) {
        if (worker.child.exitCode === null && worker.child.signalCode === null) {
          worker.child.kill('SIGKILL');
          await worker.exit;
        }
      }
    });
    afterAll(async () => {
      await processApi.close();
      await redis.stop();
      rmSync(workerDir, { recursive: true, force: true });
    });

    it('hands a job over to another worker when its worker is killed mid-job, and stores one result', async () => {
      const id = await local.draft(owner);
      const submitted = await local.submit(owner, id);
      const held = await holdScoreRow(submitted);
      let heldOpen = true;
      try {
        const first = await spawnWorker();
        await waitFor(jobIsHeld, 30000, 'the job to reach its write');
        const outbox = await local.outboxRow(submitted.snapshotId);
        const jobId = `outbox-${outbox!.job_id}`;
        expect((await jobState(producer, jobId))?.state).toBe('active');

        first.child.kill('SIGKILL');
        expect(await first.exit).toEqual({ code: null, signal: 'SIGKILL' });
        await release(held);
        heldOpen = false;

        // The lock (2 s) is no longer renewed; the next worker's stalled-job check takes the job over.
        await spawnWorker();
        const done = await waitFor(async () => {
          const found = await jobState(producer, jobId);
          return found?.state === 'completed' ? found.job : undefined;
        }, 30000, 'the job completed by the second worker');
        expect(done.stalledCounter).toBeGreaterThanOrEqual(1);
        const rows = await local.scoreRows(id);
        expect(rows).toHaveLength(1);
        expect(rows[0]!.status).toBe('scored');
        await waitFor(async () => (await local.outboxRow(submitted.snapshotId))?.status === 'completed', 10000, 'outbox row completed');
        expect(((await http(processApi).get(`/api/v1/assessments/${id}/score`).set(as(owner)).expect(200)).body as ScoreResponse).result).toEqual(
          await local.expectedResult(submitted.snapshotId),
        );
      } finally {
        if (heldOpen) await release(held);
      }
    }, 120000);

    it('on SIGTERM finishes the job in hand, takes no new one, and exits with code 0', async () => {
      const firstId = await local.draft(owner);
      const secondId = await local.draft(owner);
      const first = await local.submit(owner, firstId);
      const held = await holdScoreRow(first);
      let heldOpen = true;
      try {
        // One job at a time, so the second waits in the queue while the first is in hand.
        const worker = await spawnWorker({ WORKER_CONCURRENCY: '1' });
        await waitFor(jobIsHeld, 30000, 'the first job to reach its write');
        const second = await local.submit(owner, secondId);
        await waitFor(async () => (await local.outboxRow(second.snapshotId))?.status === 'relayed', 15000, 'the second job queued');
        const secondJobId = `outbox-${(await local.outboxRow(second.snapshotId))!.job_id}`;
        expect((await jobState(producer, secondJobId))?.state).toBe('waiting');
        expect(await producer.queue('scoring').getWorkersCount()).toBe(1);

        worker.child.kill('SIGTERM');
        // Closing starts by leaving the queue (its blocking connection goes), before the job ends.
        await waitFor(async () => (await producer.queue('scoring').getWorkersCount()) === 0, 15000, 'the worker to stop taking jobs');
        expect(worker.child.exitCode).toBeNull();
        await release(held);
        heldOpen = false;

        expect(await worker.exit).toEqual({ code: 0, signal: null });
        expect(worker.output.some((line) => line.includes('"worker.stopped"'))).toBe(true);
        expect((await local.scoreRows(firstId)).map((r) => r.status)).toEqual(['scored']);
        expect((await jobState(producer, secondJobId))?.state).toBe('waiting');
        expect(await local.scoreRows(secondId)).toEqual([]);

        // The job it left is intact: the next worker runs it.
        await spawnWorker();
        await waitFor(async () => (await local.scoreRows(secondId))[0]?.status === 'scored', 30000, 'the second job run by the next worker');
      } finally {
        if (heldOpen) await release(held);
      }
    }, 120000);

    it('accepts a submission while Redis is down and scores it once Redis is back', async () => {
      await spawnWorker();
      const id = await local.draft(owner);
      await redis.stop();
      let redisDown = true;
      try {
        const submitted = await local.submit(owner, id);
        // The relay tries, fails fast, and keeps the job in the outbox with the error.
        await waitFor(async () => {
          const row = await local.outboxRow(submitted.snapshotId);
          return row !== undefined && row.attempts > 0 && row.last_error !== null;
        }, 20000, 'a failed relay attempt');
        expect(await local.outboxRow(submitted.snapshotId)).toMatchObject({ status: 'pending' });
        expect(await local.scoreRows(id)).toEqual([]);
        const pending = (await http(processApi).get(`/api/v1/assessments/${id}/score`).set(as(owner)).expect(200)).body as ScoreResponse;
        expect(pending.status).toBe('pending');

        await redis.start();
        redisDown = false;
        await waitFor(async () => (await local.scoreRows(id))[0]?.status === 'scored', 60000, 'the score after Redis came back');
        await waitFor(async () => (await local.outboxRow(submitted.snapshotId))?.status === 'completed', 10000, 'outbox row completed');
        expect(await local.scoreRows(id)).toHaveLength(1);
      } finally {
        if (redisDown) await redis.start();
      }
    }, 120000);
  });
});
