import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { AssessmentResponse, AssessmentSnapshotContent, ErrorResponse } from '@beacon/contracts';
import { canonicalJson, emptyServiceFeatures, scoreAssessment, type FrameworkDefinition, type ServiceProfile } from '@beacon/domain';
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, startWorker, startApi, waitFor, importShippedCatalog } from '../../../test/harness';
import { addMember, type Session, signUp } from '../../../test/identity-fixtures';
import { createDataSource } from '../../database/data-source';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import type { PublicReportVerificationResponse, ReportIntegrityResponse, ReportRequestedResponse, ReportResponse } from '@beacon/contracts';
import { ReportsService } from './reports.service';
import { fixtureSubmission, HOSTILE_NOTE } from './reports.test-fixtures';

const SLUG = 'ncmec-minimum-safety-measures';
const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true, livestreaming: true },
  sizeBand: 'medium',
  jurisdictions: ['FR'],
  languages: ['fr', 'en'],
  sector: 'social-media',
};
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('reports (real PostgreSQL, Redis and worker)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  let framework: FrameworkDefinition;
  let frameworkHash: string;

  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });
  const status = async (s: Session, id: string) => (await http(api).get(`/api/v1/reports/${id}`).set(as(s)).expect(200)).body as ReportResponse;
  const ready = (s: Session, id: string, timeoutMs = 30000) =>
    waitFor(async () => {
      const report = await status(s, id);
      if (report.status === 'failed') throw new Error(`report failed: ${report.failureReason}`);
      return report.status === 'ready' ? report : undefined;
    }, timeoutMs, `report ${id} ready`);
  const download = (s: Session, id: string) => http(api).get(`/api/v1/reports/${id}/file`).set(as(s)).buffer(true).parse(binary).expect(200);
  const publicVerify = (bytes: Buffer, filename = 'report.pdf') =>
    http(api).post('/api/v1/reports/verify').attach('file', bytes, { filename, contentType: 'application/octet-stream' });
  const count = async (sql: string, params: unknown[] = []) => (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;

  /** An assessment of the session's company, created through the API. */
  async function newAssessment(s: Session, title = 'Revue annuelle — sécurité des enfants'): Promise<string> {
    const res = await http(api).post('/api/v1/assessments').set(as(s)).send({ title, frameworks: [{ slug: SLUG, version: '1.0.0' }], profile: PROFILE }).expect(201);
    return (res.body as AssessmentResponse).id;
  }

  /** A submission frozen as the submit flow does (snapshot with its content hash); returns its id. */
  async function submit(s: Session, assessmentId: string): Promise<{ snapshotId: string; contentHash: string }> {
    const submission = fixtureSubmission({ frameworks: [framework], profile: PROFILE });
    const content = { ...submission.content, assessmentId, revision: 1, frameworks: [{ slug: SLUG, version: '1.0.0', contentHash: frameworkHash }], mappingSets: [] };
    const contentHash = sha256(canonicalJson(content));
    const [row] = await admin.query<{ id: string }[]>(
      `INSERT INTO assessment_snapshots (organization_id, assessment_id, revision, content, content_hash, submitted_by, submitted_at)
       VALUES ($1, $2, 1, $3, $4, $5, $6) RETURNING id`,
      [s.organizationId, assessmentId, JSON.stringify(content), contentHash, s.userId, content.attestation.attestedAt],
    );
    await admin.query(`UPDATE assessments SET status = 'submitted' WHERE id = $1`, [assessmentId]);
    return { snapshotId: row!.id, contentHash };
  }

  /** The score the scoring job would store, computed with the engine. */
  async function score(s: Session, assessmentId: string, snapshot: { snapshotId: string; contentHash: string }): Promise<void> {
    const [row] = await admin.query<{ content: AssessmentSnapshotContent }[]>(`SELECT content FROM assessment_snapshots WHERE id = $1`, [snapshot.snapshotId]);
    const content = row!.content;
    const result = scoreAssessment({
      frameworks: [framework],
      profile: PROFILE,
      answers: Object.fromEntries(content.answers.map((a) => [a.questionKey, a.value as never])),
      requirementStatuses: Object.fromEntries(content.requirementStatuses.map((r) => [r.requirementKey, { kind: r.kind, justification: r.justification }])),
    });
    await admin.query(
      `INSERT INTO assessment_scores (organization_id, assessment_id, snapshot_id, content_hash, status, result, engine_version, computed_at)
       VALUES ($1, $2, $3, $4, 'scored', $5, $6, now())`,
      [s.organizationId, assessmentId, snapshot.snapshotId, snapshot.contentHash, JSON.stringify(result), result.engineVersion],
    );
  }

  async function scoredAssessment(s: Session): Promise<{ assessmentId: string; snapshotId: string; contentHash: string }> {
    const assessmentId = await newAssessment(s);
    const snapshot = await submit(s, assessmentId);
    await score(s, assessmentId, snapshot);
    return { assessmentId, ...snapshot };
  }

  const requestReport = async (s: Session, assessmentId: string, body: object, expected = 202) =>
    http(api).post(`/api/v1/assessments/${assessmentId}/reports`).set(as(s)).send(body).expect(expected);

  beforeAll(async () => {
    await importShippedCatalog();
    api = await startApi();
    admin = await adminDataSource();
    const [version] = await admin.query<{ document: FrameworkDefinition; content_hash: string }[]>(
      `SELECT document, content_hash FROM framework_versions WHERE slug = $1 AND version = '1.0.0'`,
      [SLUG],
    );
    framework = version!.document;
    frameworkHash = version!.content_hash;
    owner = await signUp(api, 'reports-co');
    await admin.query(`UPDATE organizations SET name = 'Société Œuvre & Çà' WHERE id = $1`, [owner.organizationId]);
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  describe('asking for a report', () => {
    it('answers 400 naming the field for an unknown format or locale, 404 for an unknown assessment, and changes nothing', async () => {
      const assessmentId = await newAssessment(owner);
      const before = await count('reports');
      const format = (await requestReport(owner, assessmentId, { format: 'docx', locale: 'en' }, 400)).body as ErrorResponse;
      expect(format.details).toEqual([{ field: 'format', reasons: ['format must be one of pdf, json, csv, oscal'] }]);
      const locale = (await requestReport(owner, assessmentId, { format: 'pdf', locale: 'de' }, 400)).body as ErrorResponse;
      expect(locale.details).toEqual([{ field: 'locale', reasons: ['locale must be one of en, fr'] }]);
      await requestReport(owner, assessmentId, { format: 'pdf', locale: 'en', extra: 1 }, 400);
      await requestReport(owner, '7d0c2b4e-8a59-4f7e-9f51-0d1d9f9b8a11', { format: 'pdf', locale: 'en' }, 404);
      expect(await count('reports')).toBe(before);
    });

    it('answers 409 before the submission and before its score, 202 once scored', async () => {
      const assessmentId = await newAssessment(owner);
      expect(((await requestReport(owner, assessmentId, { format: 'pdf', locale: 'en' }, 409)).body as ErrorResponse).code).toBe('NOT_SUBMITTED');
      const snapshot = await submit(owner, assessmentId);
      expect(((await requestReport(owner, assessmentId, { format: 'pdf', locale: 'en' }, 409)).body as ErrorResponse).code).toBe('NOT_SCORED');
      expect(await count('reports WHERE assessment_id = $1', [assessmentId])).toBe(0);
      await score(owner, assessmentId, snapshot);
      const body = (await requestReport(owner, assessmentId, { format: 'pdf', locale: 'en' })).body as ReportRequestedResponse;
      expect(body.status).toBe('queued');
      expect(body.reportId).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('is idempotent: the same snapshot, format and locale give the same id, one row and one job; and it is audited', async () => {
      const { assessmentId, snapshotId } = await scoredAssessment(owner);
      const first = (await requestReport(owner, assessmentId, { format: 'csv', locale: 'fr' })).body as ReportRequestedResponse;
      const second = (await requestReport(owner, assessmentId, { format: 'csv', locale: 'fr' })).body as ReportRequestedResponse;
      expect(second.reportId).toBe(first.reportId);
      expect(await count(`reports WHERE snapshot_id = $1 AND format = 'csv' AND locale = 'fr'`, [snapshotId])).toBe(1);
      expect(await count(`outbox_messages WHERE job_name = 'reports.render' AND payload->>'reportId' = $1`, [first.reportId])).toBe(1);
      expect(await count(`audit_events WHERE action = 'report.requested' AND target_id = $1`, [first.reportId])).toBe(2);
      const other = (await requestReport(owner, assessmentId, { format: 'csv', locale: 'en' })).body as ReportRequestedResponse;
      expect(other.reportId).not.toBe(first.reportId);
      const list = (await http(api).get(`/api/v1/assessments/${assessmentId}/reports`).set(as(owner)).expect(200)).body as ReportResponse[];
      expect(list.map((r) => r.id).sort()).toEqual([first.reportId, other.reportId].sort());
    });

    it('is refused to roles without reports:generate', async () => {
      const { assessmentId } = await scoredAssessment(owner);
      const viewer = await addMember(api, owner, 'viewer');
      await requestReport(viewer, assessmentId, { format: 'pdf', locale: 'en' }, 403);
      await http(api).get(`/api/v1/assessments/${assessmentId}/reports`).set(as(viewer)).expect(200);
    });
  });

  describe('rendering, download and verification', () => {
    let worker: INestApplicationContext;
    let assessmentId: string;
    let snapshotId: string;
    let contentHash: string;
    let pdfId: string;
    let pdf: Buffer;

    beforeAll(async () => {
      ({ assessmentId, snapshotId, contentHash } = await scoredAssessment(owner));
      worker = await startWorker();
    });
    afterAll(async () => {
      await worker.close();
    });

    it('renders a queued report to ready, with its digest, signature and key id, and audits it', async () => {
      pdfId = ((await requestReport(owner, assessmentId, { format: 'pdf', locale: 'fr' })).body as ReportRequestedResponse).reportId;
      const report = await ready(owner, pdfId);
      expect(report).toMatchObject({ id: pdfId, assessmentId, snapshotId, contentHash, format: 'pdf', locale: 'fr', progress: 100, failureReason: null });
      expect(report.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(report.contentDigest).toMatch(/^[0-9a-f]{64}$/);
      expect(report.keyId).toMatch(/^[0-9a-f]{64}$/);
      expect(Buffer.from(report.signature!, 'base64')).toHaveLength(64);
      expect(await count(`audit_events WHERE action = 'report.ready' AND target_id = $1`, [pdfId])).toBe(1);
    });

    it('downloads the file as an attachment with its type and nosniff; GET verify says valid', async () => {
      const res = await download(owner, pdfId);
      pdf = res.body as Buffer;
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="beacon-report-.+\.pdf"$/);
      expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
      const report = await status(owner, pdfId);
      expect(sha256(pdf)).toBe(report.sha256);
      const verify = (await http(api).get(`/api/v1/reports/${pdfId}/verify`).set(as(owner)).expect(200)).body as ReportIntegrityResponse;
      expect(verify).toEqual({ reportId: pdfId, valid: true, sha256: report.sha256, sha256Matches: true, signatureValid: true, keyId: report.keyId, keyKnown: true });
    });

    it('verifies the downloaded bytes publicly, with the organization and snapshot; a changed byte or a random file is not valid', async () => {
      const body = (await publicVerify(pdf).expect(200)).body as PublicReportVerificationResponse;
      expect(body).toMatchObject({ valid: true, reportId: pdfId, organizationName: 'Société Œuvre & Çà', assessmentId, snapshotId, contentHash, format: 'pdf', locale: 'fr' });
      expect(body.issuedAt).toEqual(expect.any(String));
      const changed = Buffer.from(pdf);
      changed[Math.floor(changed.length / 2)] = changed[Math.floor(changed.length / 2)]! ^ 0x01;
      expect((await publicVerify(changed).expect(200)).body).toEqual({ valid: false });
      expect((await publicVerify(randomBytes(2048), 'random.bin').expect(200)).body).toEqual({ valid: false });
      expect((await publicVerify(Buffer.from('not a report'), 'notes.txt').expect(200)).body).toEqual({ valid: false });
      const missing = (await http(api).post('/api/v1/reports/verify').field('note', 'no file').expect(400)).body as ErrorResponse;
      expect(missing.code).toBe('REPORT_FILE_MISSING');
    });

    it('refuses a verification upload over REPORT_VERIFY_MAX_BYTES with 413, and two files with 400 naming the part', async () => {
      const tooLarge = (await publicVerify(Buffer.alloc(10 * 1024 * 1024 + 1, 'a'), 'big.pdf').expect(413)).body as ErrorResponse;
      expect(tooLarge.code).toBe('REPORT_FILE_TOO_LARGE');
      const twoFiles = await http(api)
        .post('/api/v1/reports/verify')
        .attach('file', Buffer.from('one'), 'one.pdf')
        .attach('file', Buffer.from('two'), 'two.pdf')
        .expect(400);
      expect(twoFiles.body).toMatchObject({ code: 'REPORT_UPLOAD_MALFORMED', details: [{ field: 'file', reasons: ['LIMIT_FILE_COUNT'] }] });
    });

    it('renders JSON whose SHA-256 is its content digest, and CSV with the hostile note neutralised', async () => {
      const jsonId = ((await requestReport(owner, assessmentId, { format: 'json', locale: 'en' })).body as ReportRequestedResponse).reportId;
      const csvId = ((await requestReport(owner, assessmentId, { format: 'csv', locale: 'en' })).body as ReportRequestedResponse).reportId;
      const oscalId = ((await requestReport(owner, assessmentId, { format: 'oscal', locale: 'en' })).body as ReportRequestedResponse).reportId;
      const json = await ready(owner, jsonId);
      expect(json.sha256).toBe(json.contentDigest);
      const jsonFile = await download(owner, jsonId);
      expect(jsonFile.headers['content-type']).toMatch(/^application\/json/);
      const parsed = JSON.parse((jsonFile.body as Buffer).toString('utf8')) as { report: { id: string }; assessment: { snapshotId: string } };
      expect(parsed.report.id).toBe(jsonId);
      expect(parsed.assessment.snapshotId).toBe(snapshotId);
      await ready(owner, csvId);
      const csvFile = await download(owner, csvId);
      expect(csvFile.headers['content-type']).toBe('text/csv; charset=utf-8');
      const csv = csvFile.body as Buffer;
      expect(csv.toString('utf8')).toContain(HOSTILE_NOTE.replace(/"/g, '""'));
      expect(csv.toString('utf8')).not.toMatch(/(^|,)"?=HYPERLINK/m);
      await ready(owner, oscalId);
      const oscal = JSON.parse(((await download(owner, oscalId)).body as Buffer).toString('utf8')) as { 'assessment-results': unknown };
      expect(oscal['assessment-results']).toBeDefined();
    });

    it('keeps a ready report sealed: the application role can neither change nor delete it', async () => {
      const app = createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 1 });
      await app.initialize();
      try {
        const asTenant = (sql: string): Promise<unknown> =>
          app.transaction(async (m) => {
            await m.query(`SELECT set_config('app.organization_id', $1, true)`, [owner.organizationId]);
            return (await m.query(sql, [pdfId])) as unknown;
          });
        await expect(asTenant(`UPDATE reports SET content = 'tampered'::bytea WHERE id = $1`)).rejects.toThrow(/sealed and cannot change/);
        await expect(asTenant(`UPDATE reports SET status = 'failed' WHERE id = $1`)).rejects.toThrow(/sealed and cannot change/);
        await expect(asTenant(`DELETE FROM reports WHERE id = $1`)).rejects.toThrow(/permission denied/);
        // The verification scope opens nothing to the application role: only the owner's function reads across tenants.
        const visible = await app.transaction(async (m) => {
          await m.query(`SELECT set_config('app.scope', 'report-verification', true)`);
          return m.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM reports`);
        });
        expect(visible[0]!.n).toBe(0);
      } finally {
        await app.destroy();
      }
      const verify = (await http(api).get(`/api/v1/reports/${pdfId}/verify`).set(as(owner)).expect(200)).body as ReportIntegrityResponse;
      expect(verify.valid).toBe(true);
    });

    it("answers 404 on every report route to another organization, and never shows another tenant's report", async () => {
      const intruder = await signUp(api, 'reports-intruder');
      await http(api).get(`/api/v1/reports/${pdfId}`).set(as(intruder)).expect(404);
      await http(api).get(`/api/v1/reports/${pdfId}/file`).set(as(intruder)).expect(404);
      await http(api).get(`/api/v1/reports/${pdfId}/verify`).set(as(intruder)).expect(404);
      await http(api).get(`/api/v1/assessments/${assessmentId}/reports`).set(as(intruder)).expect(404);
      await requestReport(intruder, assessmentId, { format: 'pdf', locale: 'en' }, 404);
      const theirs = await scoredAssessment(intruder);
      const list = (await http(api).get(`/api/v1/assessments/${theirs.assessmentId}/reports`).set(as(intruder)).expect(200)).body as ReportResponse[];
      expect(list).toEqual([]);
    });

    it('queues the default reports in the organization language inside the caller transaction, once', async () => {
      const company = await signUp(api, 'reports-default');
      await admin.query(`UPDATE organizations SET default_locale = 'fr' WHERE id = $1`, [company.organizationId]);
      const scored = await scoredAssessment(company);
      const db = api.get(TenantDatabase);
      const service = api.get(ReportsService);
      const request = { organizationId: company.organizationId, assessmentId: scored.assessmentId, snapshotId: scored.snapshotId, correlationId: 'scoring-test' };
      const ids = await db.transaction({ organizationId: company.organizationId }, (m) => service.enqueueDefaultReports(m, request));
      const again = await db.transaction({ organizationId: company.organizationId }, (m) => service.enqueueDefaultReports(m, request));
      expect(again).toEqual(ids);
      const rows = await admin.query<{ format: string; locale: string }[]>(`SELECT format, locale FROM reports WHERE snapshot_id = $1 ORDER BY format`, [scored.snapshotId]);
      expect(rows).toEqual([
        { format: 'json', locale: 'fr' },
        { format: 'pdf', locale: 'fr' },
      ]);
      expect(await count(`outbox_messages WHERE job_name = 'reports.render' AND organization_id = $1`, [company.organizationId])).toBe(2);
      for (const id of ids) await ready(company, id);
      // Rolled back with the caller: nothing is left behind.
      const other = await scoredAssessment(company);
      await expect(
        db.transaction({ organizationId: company.organizationId }, async (m) => {
          await service.enqueueDefaultReports(m, { ...request, assessmentId: other.assessmentId, snapshotId: other.snapshotId });
          throw new Error('scoring failed after');
        }),
      ).rejects.toThrow('scoring failed after');
      expect(await count('reports WHERE snapshot_id = $1', [other.snapshotId])).toBe(0);
    });
  });

  describe('a worker killed while rendering', () => {
    const workerScript = resolve(__dirname, '../../../../dist/backend/backend/src/main.worker.js');
    let child: ChildProcess | undefined;
    afterEach(() => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
    });

    it('still yields exactly one stored report once another worker takes the job over', async () => {
      expect(existsSync(workerScript)).toBe(true);
      const { assessmentId, snapshotId } = await scoredAssessment(owner);
      const env = { JOB_LOCK_DURATION_MS: '2000' };
      child = spawn(process.execPath, [workerScript], {
        env: { ...process.env, ...env, REPORT_RENDER_DELAY_MS: '60000', LOG_LEVEL: 'error' },
        stdio: 'ignore',
      });
      const id = ((await requestReport(owner, assessmentId, { format: 'pdf', locale: 'en' })).body as ReportRequestedResponse).reportId;
      await waitFor(async () => (await status(owner, id)).status === 'rendering', 30000, 'the first worker rendering');
      child.kill('SIGKILL');
      await new Promise((r) => child!.once('exit', r));
      expect((await status(owner, id)).status).toBe('rendering');

      const second = await startWorker(env);
      try {
        const report = await ready(owner, id, 45000);
        expect(await count(`reports WHERE snapshot_id = $1 AND format = 'pdf' AND locale = 'en'`, [snapshotId])).toBe(1);
        const file = (await download(owner, id)).body as Buffer;
        expect(sha256(file)).toBe(report.sha256);
        expect(((await publicVerify(file).expect(200)).body as PublicReportVerificationResponse).valid).toBe(true);
        expect(await count(`audit_events WHERE action = 'report.ready' AND target_id = $1`, [id])).toBe(1);
      } finally {
        await second.close();
      }
    });
  });
});

describe('public report verification under slow uploads (real PostgreSQL)', () => {
  let api: INestApplication;
  let server: import('node:http').Server;
  const stalled: import('node:http').ClientRequest[] = [];

  beforeAll(async () => {
    // One database connection: an upload that held it while its bytes trickle in would stop every other request.
    api = await startApi({ DATABASE_POOL_SIZE: '1' });
    server = api.getHttpServer() as import('node:http').Server;
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  });
  afterAll(async () => {
    for (const req of stalled) req.destroy();
    await api.close();
  });

  it('holds no database connection while an anonymous upload is still arriving', async () => {
    const { port } = server.address() as import('node:net').AddressInfo;
    const boundary = 'stalled-boundary';
    const req = (await import('node:http')).request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/v1/reports/verify',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(1024 * 1024) },
    });
    req.on('error', () => undefined);
    stalled.push(req);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="slow.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7 `);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const answered = await http(api).post('/api/v1/reports/verify').attach('file', Buffer.from('not a report'), 'other.pdf').timeout(5000).expect(200);
    expect(answered.body as PublicReportVerificationResponse).toEqual({ valid: false });
  });
});
