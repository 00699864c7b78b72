import type { INestApplication } from '@nestjs/common';
import type {
  AssessmentResponse,
  AssessmentSnapshotContent,
  ErrorResponse,
  EvidenceResponse,
  FrameworkVersionResponse,
  MissingAnswersDetails,
  RequirementStatusResponse,
  StaleRequirementStatusDetails,
  SubmissionResponse,
} from '@beacon/contracts';
import { canonicalJson, emptyServiceFeatures, type QuestionDefinition, type ServiceProfile } from '@beacon/domain';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { adminDataSource, http, startApi, importShippedCatalog } from '../../../test/harness';
import { sampleAnswer } from '../../../test/answer-samples';
import { addMember, type Session, signUp } from '../../../test/identity-fixtures';
import { directoryUrl } from '../evidence/evidence-settings';

const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true },
  sizeBand: 'medium',
  jurisdictions: ['FR', 'CA'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
const MSM = { slug: 'ncmec-minimum-safety-measures', version: '1.0.0' };
/** Positions first: its VD-1 covers MSM-1 through the shipped `subset` mapping MSM-1 → VD-1. */
const POSITIONS = { slug: 'ncmec-platform-positions', version: '1.0.0' };
const NOT_APPLICABLE = { kind: 'not-applicable', justification: 'We host no user media: uploads are disabled on every surface.' };
const ALTERNATIVE = { kind: 'alternative', justification: 'A vendor classifier reviews every upload before it is published.' };
const ATTESTATION = { name: 'Ada Owner', title: 'Head of Trust & Safety', statement: 'I attest these answers are accurate and complete.' };

/** A valid answer for any catalogue question. */

describe('requirement statuses and the submission snapshot (real PostgreSQL)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;
  let storageDir: string;

  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });
  const statusUrl = (assessmentId: string, requirementKey: string) => `/api/v1/assessments/${assessmentId}/requirements/${requirementKey}/status`;
  const putStatus = (session: Session, assessmentId: string, requirementKey: string, body: object) =>
    http(api).put(statusUrl(assessmentId, requirementKey)).set(as(session)).send(body);
  const listStatuses = async (session: Session, assessmentId: string) =>
    (await http(api).get(`/api/v1/assessments/${assessmentId}/requirement-statuses`).set(as(session)).expect(200)).body as RequirementStatusResponse[];
  const storedStatuses = (assessmentId: string) =>
    admin.query<{ requirement_key: string; kind: string; justification: string; version: number }[]>(
      `SELECT requirement_key, kind, justification, version FROM requirement_statuses WHERE assessment_id = $1 ORDER BY requirement_key`,
      [assessmentId],
    );
  const auditActions = async (assessmentId: string) =>
    (
      await admin.query<{ action: string; target_id: string; details: unknown }[]>(
        `SELECT action, target_id, details FROM audit_events WHERE action LIKE 'requirement-status.%' AND target_id LIKE $1 ORDER BY id`,
        [`${assessmentId}/%`],
      )
    ).map((e) => ({ action: e.action, target: e.target_id, details: e.details }));

  async function create(frameworks = [MSM], session = owner): Promise<AssessmentResponse> {
    return (await http(api).post('/api/v1/assessments').set(as(session)).send({ title: 'Annual review', frameworks, profile: PROFILE }).expect(201))
      .body as AssessmentResponse;
  }

  async function questionsOf(ref: { slug: string; version: string }): Promise<{ requirementKey: string; question: QuestionDefinition }[]> {
    const tree = (await http(api).get(`/api/v1/frameworks/${ref.slug}/versions/${ref.version}`).expect(200)).body as FrameworkVersionResponse;
    return tree.framework.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions.map((question) => ({ requirementKey: r.key, question }))));
  }

  async function answerAll(assessmentId: string, refs: { slug: string; version: string }[]): Promise<void> {
    for (const ref of refs) {
      for (const { question } of await questionsOf(ref)) {
        await http(api)
          .put(`/api/v1/assessments/${assessmentId}/answers/${question.key}`)
          .set(as(owner))
          .send({ value: sampleAnswer(question), expectedVersion: 0 })
          .expect(200);
      }
    }
  }

  beforeAll(async () => {
    await importShippedCatalog();
    storageDir = mkdtempSync(join(tmpdir(), 'beacon-statuses-'));
    api = await startApi({ EVIDENCE_STORAGE_URL: directoryUrl(storageDir) });
    admin = await adminDataSource();
    owner = await signUp(api, 'status-co');
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
    rmSync(storageDir, { recursive: true, force: true });
  });

  it('declares, changes and lists a requirement status with optimistic locking; a stale write gets 409 with the stored status; all audited', async () => {
    const assessment = await create();
    const assessor = await addMember(api, owner, 'assessor');
    const first = (await putStatus(assessor, assessment.id, 'MSM-1', { ...ALTERNATIVE, justification: `  ${ALTERNATIVE.justification}\n`, expectedVersion: 0 }).expect(200))
      .body as RequirementStatusResponse;
    expect(first).toEqual({
      requirementKey: 'MSM-1',
      kind: 'alternative',
      justification: ALTERNATIVE.justification,
      version: 1,
      updatedAt: expect.any(String) as string,
      updatedBy: assessor.userId,
    });

    // A second first declaration, and a write based on version 1 after it moved on, change nothing.
    const again = await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(409);
    expect((again.body as ErrorResponse).code).toBe('STALE_VERSION');
    expect(((again.body as ErrorResponse).details as StaleRequirementStatusDetails).current).toEqual(first);
    const second = (await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 1 }).expect(200)).body as RequirementStatusResponse;
    expect(second).toMatchObject({ kind: 'not-applicable', justification: NOT_APPLICABLE.justification, version: 2, updatedBy: owner.userId });
    const stale = await putStatus(assessor, assessment.id, 'MSM-1', { ...ALTERNATIVE, expectedVersion: 1 }).expect(409);
    expect(((stale.body as ErrorResponse).details as StaleRequirementStatusDetails).current).toEqual(second);

    await putStatus(owner, assessment.id, 'MSM-5', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(200);
    const viewer = await addMember(api, owner, 'viewer');
    expect((await listStatuses(viewer, assessment.id)).map((s) => [s.requirementKey, s.kind, s.version])).toEqual([
      ['MSM-1', 'not-applicable', 2],
      ['MSM-5', 'not-applicable', 1],
    ]);
    expect(await storedStatuses(assessment.id)).toEqual([
      { requirement_key: 'MSM-1', kind: 'not-applicable', justification: NOT_APPLICABLE.justification, version: 2 },
      { requirement_key: 'MSM-5', kind: 'not-applicable', justification: NOT_APPLICABLE.justification, version: 1 },
    ]);
    expect(await auditActions(assessment.id)).toEqual([
      { action: 'requirement-status.set', target: `${assessment.id}/MSM-1`, details: { kind: 'alternative', version: 1 } },
      { action: 'requirement-status.set', target: `${assessment.id}/MSM-1`, details: { kind: 'not-applicable', version: 2 } },
      { action: 'requirement-status.set', target: `${assessment.id}/MSM-5`, details: { kind: 'not-applicable', version: 1 } },
    ]);
  });

  it('gives exactly one of 20 concurrent first declarations a 200; the others get 409 with the stored status', async () => {
    const assessment = await create();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        putStatus(owner, assessment.id, 'MSM-2', { kind: i % 2 ? 'alternative' : 'not-applicable', justification: `Writer number ${i} explains why.`, expectedVersion: 0 }),
      ),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(19);
    const winner = winners[0]!.body as RequirementStatusResponse;
    for (const loser of losers) expect(((loser.body as ErrorResponse).details as StaleRequirementStatusDetails).current).toEqual(winner);
    expect(await storedStatuses(assessment.id)).toEqual([{ requirement_key: 'MSM-2', kind: winner.kind, justification: winner.justification, version: 1 }]);
  });

  it.each([
    ['an unknown kind', 'MSM-1', { kind: 'partially', justification: NOT_APPLICABLE.justification, expectedVersion: 0 }, 'kind', 'kind', { code: 'STATUS_KIND_UNKNOWN', params: { got: { literal: '"partially"' } } }],
    ['a justification under 10 characters once trimmed', 'MSM-1', { kind: 'not-applicable', justification: '   too short   ', expectedVersion: 0 }, 'justification', 'length', { code: 'JUSTIFICATION_TOO_SHORT', params: { length: 9, min: 10 } }],
    ['a justification over 5,000 characters', 'MSM-1', { kind: 'not-applicable', justification: 'x'.repeat(5001), expectedVersion: 0 }, 'justification', 'length', { code: 'JUSTIFICATION_TOO_LONG', params: { length: 5001, max: 5000 } }],
    ['an alternative where the requirement allows none', 'MSM-5', { ...ALTERNATIVE, expectedVersion: 0 }, 'kind', 'not-allowed', { code: 'ALTERNATIVE_NOT_ALLOWED', params: {} }],
  ])('refuses %s with 400 naming the field, the rule and the domain code, and changes nothing', async (_label, requirementKey, body, field, rule, problem) => {
    const assessment = await create();
    const res = await putStatus(owner, assessment.id, requirementKey, body).expect(400);
    const error = res.body as ErrorResponse;
    expect(error.code).toBe('INVALID_REQUIREMENT_STATUS');
    expect(error.message).toContain(requirementKey);
    expect(error.details).toEqual([{ field, rule, requirementKey, ...problem, reasons: [error.message] }]);
    expect(await storedStatuses(assessment.id)).toEqual([]);
    expect(await auditActions(assessment.id)).toEqual([]);
  });

  it('refuses a malformed body or query with 400 naming the field', async () => {
    const assessment = await create();
    const noVersion = await putStatus(owner, assessment.id, 'MSM-1', { kind: 'not-applicable', justification: NOT_APPLICABLE.justification }).expect(400);
    expect((noVersion.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['expectedVersion']);
    const numberKind = await putStatus(owner, assessment.id, 'MSM-1', { kind: 3, justification: NOT_APPLICABLE.justification, expectedVersion: 0 }).expect(400);
    expect((numberKind.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['kind']);
    await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 0, extra: true }).expect(400);
    // A version beyond PostgreSQL's integer is refused by validation, not by the database (500).
    const hugeVersion = await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 3_000_000_000 }).expect(400);
    expect((hugeVersion.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['expectedVersion']);
    for (const query of ['', '?expectedVersion=abc', '?expectedVersion=0', '?expectedVersion=3000000000']) {
      const res = await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}${query}`).set(as(owner)).expect(400);
      expect((res.body as { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['expectedVersion']);
    }
    expect(await storedStatuses(assessment.id)).toEqual([]);
  });

  it('answers 404 for an unknown requirement or another organization’s assessment, 403 to a viewer, and changes nothing', async () => {
    const assessment = await create();
    await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(200);
    const unknown = await putStatus(owner, assessment.id, 'VD-1', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(404);
    expect((unknown.body as ErrorResponse).code).toBe('REQUIREMENT_NOT_FOUND');
    await http(api).delete(`${statusUrl(assessment.id, 'NOPE-1')}?expectedVersion=1`).set(as(owner)).expect(404);

    const viewer = await addMember(api, owner, 'viewer');
    await putStatus(viewer, assessment.id, 'MSM-1', { ...ALTERNATIVE, expectedVersion: 1 }).expect(403);
    await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}?expectedVersion=1`).set(as(viewer)).expect(403);

    const stranger = await signUp(api, 'status-stranger');
    const foreign = await putStatus(stranger, assessment.id, 'MSM-1', { ...ALTERNATIVE, expectedVersion: 1 }).expect(404);
    expect((foreign.body as ErrorResponse).code).toBe('ASSESSMENT_NOT_FOUND');
    await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}?expectedVersion=1`).set(as(stranger)).expect(404);
    await http(api).get(`/api/v1/assessments/${assessment.id}/requirement-statuses`).set(as(stranger)).expect(404);
    expect(await storedStatuses(assessment.id)).toEqual([{ requirement_key: 'MSM-1', kind: 'not-applicable', justification: NOT_APPLICABLE.justification, version: 1 }]);
    expect((await auditActions(assessment.id)).map((a) => a.action)).toEqual(['requirement-status.set']);
  });

  it('clears a status with its current version (204, audited); a stale version gets 409 with the stored status', async () => {
    const assessment = await create();
    await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(200);
    const changed = (await putStatus(owner, assessment.id, 'MSM-1', { ...ALTERNATIVE, expectedVersion: 1 }).expect(200)).body as RequirementStatusResponse;
    const stale = await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}?expectedVersion=1`).set(as(owner)).expect(409);
    expect(((stale.body as ErrorResponse).details as StaleRequirementStatusDetails).current).toEqual(changed);
    expect(await storedStatuses(assessment.id)).toHaveLength(1);

    await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}?expectedVersion=2`).set(as(owner)).expect(204);
    expect(await listStatuses(owner, assessment.id)).toEqual([]);
    const gone = await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}?expectedVersion=2`).set(as(owner)).expect(409);
    expect(((gone.body as ErrorResponse).details as StaleRequirementStatusDetails).current).toBeNull();
    expect((await auditActions(assessment.id)).at(-1)).toEqual({
      action: 'requirement-status.cleared',
      target: `${assessment.id}/MSM-1`,
      details: { kind: 'alternative', version: 2 },
    });
    // Declared again from scratch after the clear.
    await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(200);
  });

  describe('submission', () => {
    const submit = (assessmentId: string) => http(api).post(`/api/v1/assessments/${assessmentId}/submit`).set(as(owner)).send({ attestation: ATTESTATION });
    const missingOf = async (assessmentId: string) => ((await submit(assessmentId).expect(422)).body as { details: MissingAnswersDetails }).details.missing;

    it('asks no question of a requirement covered by an earlier framework (shipped subset mapping) or declared not applicable, in submission and progress', async () => {
      // MSM alone asks MSM-1's questions.
      const alone = await create([MSM]);
      expect((await missingOf(alone.id)).filter((m) => m.requirementKey === 'MSM-1').length).toBeGreaterThan(0);

      // After the positions, VD-1 answers for MSM-1 (MSM-1 is a subset of VD-1): only VD-1 is asked.
      const assessment = await create([POSITIONS, MSM]);
      const before = await missingOf(assessment.id);
      expect(before.filter((m) => m.requirementKey === 'MSM-1')).toEqual([]);
      expect(before.filter((m) => m.requirementKey === 'VD-1').length).toBeGreaterThan(0);
      const msm5 = before.filter((m) => m.requirementKey === 'MSM-5').map((m) => m.questionKey);
      expect(msm5).toEqual(['MSM-5-q1', 'MSM-5-q2', 'MSM-5-q3', 'MSM-5-q4']);
      const draft = (await http(api).get(`/api/v1/assessments/${assessment.id}`).set(as(owner)).expect(200)).body as AssessmentResponse;
      expect(draft.progress.requiredMissing).toBe(before.length);

      // MSM-5 declared not applicable: its required questions are no longer missing.
      await putStatus(owner, assessment.id, 'MSM-5', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(200);
      const after = await missingOf(assessment.id);
      expect(after).toEqual(before.filter((m) => m.requirementKey !== 'MSM-5'));
      const declared = (await http(api).get(`/api/v1/assessments/${assessment.id}`).set(as(owner)).expect(200)).body as AssessmentResponse;
      expect(declared.progress.requiredMissing).toBe(after.length);
      const sections = declared.progress.sections ?? [];
      expect(new Set(sections.map((s) => s.framework))).toEqual(new Set([POSITIONS.slug, MSM.slug]));
      expect(sections.reduce((n, s) => n + s.requiredMissing, 0)).toBe(after.length);
      expect(sections.reduce((n, s) => n + s.visibleQuestions, 0)).toBe(declared.progress.visibleQuestions);
      const response = sections.find((s) => s.framework === MSM.slug && s.sectionKey === 'response')!;
      expect(response).toMatchObject({ visibleQuestions: 0, requiredMissing: 0 });
      const list = (await http(api).get('/api/v1/assessments').set(as(owner)).expect(200)).body as AssessmentResponse[];
      expect(list.find((a) => a.id === assessment.id)!.progress).toEqual({ ...declared.progress, sections: undefined });

      // Answering only what is asked is enough to submit: MSM-1 and MSM-5 have no answer of their own.
      const questions = new Map([...(await questionsOf(POSITIONS)), ...(await questionsOf(MSM))].map((q) => [q.question.key, q.question]));
      for (let round = 0; round < 5; round += 1) {
        const res = await submit(assessment.id);
        if (res.status === 201) break;
        expect(res.status).toBe(422);
        for (const { questionKey } of ((res.body as { details: MissingAnswersDetails }).details).missing) {
          await http(api)
            .put(`/api/v1/assessments/${assessment.id}/answers/${questionKey}`)
            .set(as(owner))
            .send({ value: sampleAnswer(questions.get(questionKey)!), expectedVersion: 0 })
            .expect(200);
        }
      }
      const submitted = (await http(api).get(`/api/v1/assessments/${assessment.id}`).set(as(owner)).expect(200)).body as AssessmentResponse;
      expect(submitted.status).toBe('submitted');
      const answered = await admin.query<{ question_key: string }[]>(`SELECT question_key FROM answers WHERE assessment_id = $1`, [assessment.id]);
      expect(answered.filter((a) => /^MSM-[15]-/.test(a.question_key))).toEqual([]);
      expect(answered.filter((a) => a.question_key.startsWith('VD-1-')).length).toBeGreaterThan(0);
    });

    it('freezes statuses, evidence with its hashes, assignees and mapping sets in a snapshot whose hash is stable; then refuses status edits (409); a new cycle copies the statuses', async () => {
      const assessment = await create([POSITIONS, MSM]);
      await answerAll(assessment.id, [POSITIONS, MSM]);
      await putStatus(owner, assessment.id, 'MSM-5', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(200);
      await putStatus(owner, assessment.id, 'MSM-1', { ...ALTERNATIVE, expectedVersion: 0 }).expect(200);
      const fileBytes = Buffer.from('Hash-matching runbook, reviewed every quarter by the safety lead.\n');
      const file = (await http(api)
        .post(`/api/v1/assessments/${assessment.id}/evidence`)
        .set(as(owner))
        .field('requirementKey', 'MSM-2')
        .attach('file', fileBytes, { filename: 'runbook.txt', contentType: 'text/plain' })
        .expect(201)).body as EvidenceResponse;
      const link = (await http(api)
        .post(`/api/v1/assessments/${assessment.id}/evidence/links`)
        .set(as(owner))
        .send({ requirementKey: 'MSM-1', url: 'https://example.org/classifier', title: 'Classifier vendor contract' })
        .expect(201)).body as EvidenceResponse;
      const assessor = await addMember(api, owner, 'assessor');
      await http(api).put(`/api/v1/assessments/${assessment.id}/requirements/MSM-1/assignee`).set(as(owner)).send({ userId: assessor.userId }).expect(200);

      const submitted = (await http(api).post(`/api/v1/assessments/${assessment.id}/submit`).set(as(owner)).send({ attestation: ATTESTATION }).expect(201))
        .body as SubmissionResponse;
      const [row] = await admin.query<{ content: AssessmentSnapshotContent; content_hash: string }[]>(
        `SELECT content, content_hash FROM assessment_snapshots WHERE id = $1`,
        [submitted.snapshotId],
      );
      const content = row!.content;
      expect(Object.keys(content).sort()).toEqual(
        ['answers', 'assessmentId', 'assignments', 'attestation', 'evidence', 'frameworks', 'mappingSets', 'profile', 'requirementStatuses', 'revision', 'title'].sort(),
      );
      expect(content.frameworks.map((f) => f.slug)).toEqual([POSITIONS.slug, MSM.slug]);
      const [mappingSet] = await admin.query<{ content_hash: string }[]>(`SELECT content_hash FROM mapping_sets WHERE slug = $1 AND version = '1.0.0'`, [
        'ncmec-minimum-safety-measures--ncmec-platform-positions',
      ]);
      expect(content.mappingSets).toEqual([{ slug: 'ncmec-minimum-safety-measures--ncmec-platform-positions', version: '1.0.0', contentHash: mappingSet!.content_hash }]);
      expect(content.requirementStatuses).toEqual([
        { requirementKey: 'MSM-1', kind: 'alternative', justification: ALTERNATIVE.justification },
        { requirementKey: 'MSM-5', kind: 'not-applicable', justification: NOT_APPLICABLE.justification },
      ]);
      expect(content.evidence).toEqual([
        { id: link.id, requirementKey: 'MSM-1', kind: 'link', name: 'Classifier vendor contract', sha256: null, url: 'https://example.org/classifier' },
        { id: file.id, requirementKey: 'MSM-2', kind: 'file', name: 'runbook.txt', sha256: createHash('sha256').update(fileBytes).digest('hex'), url: null },
      ]);
      expect(content.assignments).toEqual([{ requirementKey: 'MSM-1', userId: assessor.userId, name: 'A assessor' }]);
      expect(content.answers.map((a) => a.questionKey)).toEqual([...content.answers.map((a) => a.questionKey)].sort());
      expect(content.attestation).toMatchObject({ ...ATTESTATION, userId: owner.userId });
      // The stored content hashes to the stored hash: anyone can verify it later.
      expect(row!.content_hash).toBe(submitted.contentHash);
      expect(createHash('sha256').update(canonicalJson(content)).digest('hex')).toBe(submitted.contentHash);

      const frozen = await putStatus(owner, assessment.id, 'MSM-3', { ...NOT_APPLICABLE, expectedVersion: 0 }).expect(409);
      expect((frozen.body as ErrorResponse).code).toBe('ALREADY_SUBMITTED');
      await putStatus(owner, assessment.id, 'MSM-1', { ...NOT_APPLICABLE, expectedVersion: 1 }).expect(409);
      await http(api).delete(`${statusUrl(assessment.id, 'MSM-1')}?expectedVersion=1`).set(as(owner)).expect(409);
      expect((await storedStatuses(assessment.id)).map((s) => [s.requirement_key, s.version])).toEqual([
        ['MSM-1', 1],
        ['MSM-5', 1],
      ]);

      const next = (await http(api).post(`/api/v1/assessments/${assessment.id}/new-cycle`).set(as(owner)).expect(201)).body as AssessmentResponse;
      expect((await listStatuses(owner, next.id)).map((s) => ({ requirementKey: s.requirementKey, kind: s.kind, justification: s.justification, version: s.version }))).toEqual([
        { requirementKey: 'MSM-1', kind: 'alternative', justification: ALTERNATIVE.justification, version: 1 },
        { requirementKey: 'MSM-5', kind: 'not-applicable', justification: NOT_APPLICABLE.justification, version: 1 },
      ]);
    });
  });
});
