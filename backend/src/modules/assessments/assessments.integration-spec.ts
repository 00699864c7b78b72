import type { INestApplication } from '@nestjs/common';
import type { AnswerResponse, AssignmentResponse, AssessmentResponse, CommentResponse, ErrorResponse, FrameworkVersionResponse, MissingAnswersDetails, StaleAnswerDetails, SubmissionResponse } from '@beacon/contracts';
import { canonicalJson, emptyServiceFeatures, type ServiceProfile } from '@beacon/domain';
import { createHash } from 'node:crypto';
import { DataSource as DataSourceClass, type DataSource } from 'typeorm';
import { adminDataSource, http, startApi, importShippedCatalog } from '../../../test/harness';
import { sampleAnswer } from '../../../test/answer-samples';
import { addMember, type Session, signUp } from '../../../test/identity-fixtures';
import { createDataSource } from '../../database/data-source';
import { DEMO_LOGIN, ensureDemoCompany } from '../../database/seeds/demo';

export const PROFILE: ServiceProfile = {
  features: { ...emptyServiceFeatures(), userMedia: true, messaging: true, under18Accounts: true },
  sizeBand: 'medium',
  jurisdictions: ['FR', 'CA'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
const FRAMEWORKS = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];

describe('assessments (real PostgreSQL)', () => {
  let api: INestApplication;
  let admin: DataSource;
  let owner: Session;

  const as = (s: Session) => ({ authorization: `Bearer ${s.accessToken}` });

  beforeAll(async () => {
    await importShippedCatalog();
    api = await startApi();
    admin = await adminDataSource();
    owner = await signUp(api, 'assessor-co');
  });
  afterAll(async () => {
    await admin.destroy();
    await api.close();
  });

  async function create(session = owner, profile: ServiceProfile = PROFILE): Promise<AssessmentResponse> {
    const res = await http(api).post('/api/v1/assessments').set(as(session)).send({ title: 'Annual review', frameworks: FRAMEWORKS, profile }).expect(201);
    return res.body as AssessmentResponse;
  }

  it('creates an assessment whose applicable requirements come from the profile', async () => {
    const assessment = await create();
    expect(assessment.status).toBe('draft');
    expect(assessment.progress.applicableRequirements).toBeGreaterThan(0);
    const narrow = await create(owner, { ...PROFILE, features: emptyServiceFeatures() });
    expect(narrow.progress.applicableRequirements).toBeLessThan(assessment.progress.applicableRequirements);
  });

  it('refuses a bad profile or an unknown framework with 400 naming the field, and creates nothing', async () => {
    const before = await admin.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM assessments`);
    const badProfile = await http(api)
      .post('/api/v1/assessments')
      .set(as(owner))
      .send({ title: 'x y', frameworks: FRAMEWORKS, profile: { ...PROFILE, sizeBand: 'gigantic' } })
      .expect(400);
    expect((badProfile.body as ErrorResponse & { details: { field: string }[] }).details[0]!.field).toContain('sizeBand');
    await http(api)
      .post('/api/v1/assessments')
      .set(as(owner))
      .send({ title: 'x y', frameworks: [{ slug: 'no-such-framework', version: '1.0.0' }], profile: PROFILE })
      .expect(400);
    expect(await admin.query(`SELECT count(*)::int AS n FROM assessments`)).toEqual(before);
  });

  it('validates answers against the question: type, options, ranges (400), unknown question (404)', async () => {
    const assessment = await create();
    const put = (key: string, value: unknown) =>
      http(api).put(`/api/v1/assessments/${assessment.id}/answers/${key}`).set(as(owner)).send({ value, expectedVersion: 0 });
    await put('MSM-1-q1', 'yes').expect(200);
    const wrongOption = await put('MSM-2-q1', 'perhaps').expect(400);
    expect((wrongOption.body as ErrorResponse).message).toContain('MSM-2-q1');
    await put('MSM-1-q1-nope', 'yes').expect(404);
    await http(api).put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q1`).set(as(owner)).send({ value: 'yes' }).expect(400);
    // A version beyond PostgreSQL's integer is refused by validation, not by the database (500).
    const huge = await http(api).put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q1`).set(as(owner)).send({ value: 'no', expectedVersion: 3_000_000_000 }).expect(400);
    expect((huge.body as ErrorResponse & { details: { field: string }[] }).details.map((d) => d.field)).toEqual(['expectedVersion']);
  });

  it('explains a refused answer in the language the caller accepts, with the same code and the domain code and parameters', async () => {
    const assessment = await create();
    const put = async (acceptLanguage?: string): Promise<ErrorResponse> => {
      const language = acceptLanguage === undefined ? {} : { 'accept-language': acceptLanguage };
      const res = await http(api).put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q4`).set(as(owner)).set(language).send({ value: 120, expectedVersion: 0 }).expect(400);
      return res.body as ErrorResponse;
    };
    const refused = { field: 'value', rule: 'range', questionKey: 'MSM-1-q4', code: 'NUMBER_TOO_LARGE', params: { value: 120, max: 100, unit: 'percent' } };

    const french = await put('fr-CA,fr;q=0.9,en;q=0.5');
    expect(french.code).toBe('INVALID_ANSWER');
    expect(french.message).toBe('MSM-1-q4 : 120 est supérieur au maximum de 100 (%)');
    expect(french.details).toEqual([{ ...refused, reasons: [french.message] }]);

    const english = await put('en-GB,en;q=0.9,fr;q=0.1');
    expect(english.code).toBe('INVALID_ANSWER');
    expect(english.message).toBe('MSM-1-q4: 120 is above the maximum of 100 (percent)');
    expect(english.details).toEqual([{ ...refused, reasons: [english.message] }]);

    // No language the API has, or none asked: English.
    expect((await put('de-DE')).message).toBe(english.message);
    expect((await put()).message).toBe(english.message);
    expect(await admin.query(`SELECT 1 FROM answers WHERE assessment_id = $1`, [assessment.id])).toEqual([]);
  });

  it('gives exactly one of 50 concurrent writes with the same expectedVersion a 200; the others get 409 with the stored answer', async () => {
    const assessment = await create();
    const key = 'MSM-1-q1';
    const url = `/api/v1/assessments/${assessment.id}/answers/${key}`;
    await http(api).put(url).set(as(owner)).send({ value: 'no', expectedVersion: 0 }).expect(200);
    const values = ['yes', 'partial', 'no'];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => http(api).put(url).set(as(owner)).send({ value: values[i % 3], note: `writer ${i}`, expectedVersion: 1 })),
    );
    const winners = results.filter((r) => r.status === 200);
    const losers = results.filter((r) => r.status === 409);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(49);
    const winner = winners[0]!.body as AnswerResponse;
    expect(winner.version).toBe(2);
    const stored = await admin.query<{ note: string; version: number }[]>(`SELECT note, version FROM answers WHERE assessment_id = $1 AND question_key = $2`, [assessment.id, key]);
    expect(stored).toEqual([{ note: winner.note, version: 2 }]);
    for (const loser of losers) expect(((loser.body as ErrorResponse).details as StaleAnswerDetails).current).toMatchObject({ note: winner.note, version: 2 });
  });

  it('keeps answers when the profile changes, and they count again when the requirement applies again', async () => {
    const assessment = await create();
    await http(api).put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q1`).set(as(owner)).send({ value: 'yes', expectedVersion: 0 }).expect(200);
    const narrowed = (await http(api).put(`/api/v1/assessments/${assessment.id}/profile`).set(as(owner)).send({ profile: { ...PROFILE, features: emptyServiceFeatures() } }).expect(200))
      .body as AssessmentResponse;
    expect(narrowed.progress.answeredQuestions).toBe(0);
    const answers = (await http(api).get(`/api/v1/assessments/${assessment.id}/answers`).set(as(owner)).expect(200)).body as AnswerResponse[];
    expect(answers.map((a) => a.questionKey)).toEqual(['MSM-1-q1']);
    const restored = (await http(api).put(`/api/v1/assessments/${assessment.id}/profile`).set(as(owner)).send({ profile: PROFILE }).expect(200)).body as AssessmentResponse;
    expect(restored.progress.answeredQuestions).toBe(1);
  });

  it('lists assessments with the same progress as each one alone, in a number of queries that does not grow with them', async () => {
    const company = await signUp(api, 'list-co');
    const two = [FRAMEWORKS[0]!, { slug: 'ncmec-platform-positions', version: '1.0.0' }];
    const createWith = async (frameworks: typeof FRAMEWORKS) =>
      ((await http(api).post('/api/v1/assessments').set(as(company)).send({ title: 'Listed', frameworks, profile: PROFILE }).expect(201)).body as AssessmentResponse).id;
    const answer = (id: string) => http(api).put(`/api/v1/assessments/${id}/answers/MSM-1-q1`).set(as(company)).send({ value: 'yes', expectedVersion: 0 }).expect(200);
    const first = await createWith(FRAMEWORKS);
    await answer(first);

    const dataSource = api.get(DataSourceClass);
    const logger = dataSource.logger;
    let statements = 0;
    const counted = async (): Promise<AssessmentResponse[]> => {
      statements = 0;
      const logQuery: typeof logger.logQuery = (...args) => {
        statements += 1;
        logger.logQuery(...args);
      };
      Object.assign(dataSource, { logger: Object.assign(Object.create(logger) as typeof logger, { logQuery }) });
      try {
        return (await http(api).get('/api/v1/assessments').set(as(company)).expect(200)).body as AssessmentResponse[];
      } finally {
        Object.assign(dataSource, { logger });
      }
    };
    await counted();
    const withOne = statements;

    for (const frameworks of [two, FRAMEWORKS, two]) await answer(await createWith(frameworks));
    const listed = await counted();
    expect(listed).toHaveLength(4);
    expect(statements).toBe(withOne);
    for (const item of listed) {
      const { sections, ...totals } = ((await http(api).get(`/api/v1/assessments/${item.id}`).set(as(company)).expect(200)).body as AssessmentResponse).progress;
      expect(sections?.length).toBeGreaterThan(0);
      expect(item.progress).toEqual(totals);
    }
    // Answers count: each single-framework assessment has its one answer (a second framework may cover MSM-1).
    expect(listed.filter((item) => item.frameworks.length === 1).map((item) => item.progress.answeredQuestions)).toEqual([1, 1]);
  });

  it('lets a viewer read but not answer, and hides other organizations’ assessments (404)', async () => {
    const assessment = await create();
    const viewer = await addMember(api, owner, 'viewer');
    await http(api).get(`/api/v1/assessments/${assessment.id}`).set(as(viewer)).expect(200);
    await http(api).put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q1`).set(as(viewer)).send({ value: 'yes', expectedVersion: 0 }).expect(403);
    const stranger = await signUp(api, 'stranger-co');
    await http(api).get(`/api/v1/assessments/${assessment.id}`).set(as(stranger)).expect(404);
    const list = (await http(api).get('/api/v1/assessments').set(as(stranger)).expect(200)).body as AssessmentResponse[];
    expect(list).toEqual([]);
  });

  describe('submission', () => {

    it('refuses with 422 listing missing answers, then freezes a snapshot whose hash is stable; edits then answer 409', async () => {
      const assessment = await create();
      const submit = () =>
        http(api)
          .post(`/api/v1/assessments/${assessment.id}/submit`)
          .set(as(owner))
          .send({ attestation: { name: 'Ada Owner', title: 'Head of Trust & Safety', statement: 'I attest these answers are accurate and complete.' } });
      const refused = await submit().expect(422);
      const missing = ((refused.body as ErrorResponse).details as MissingAnswersDetails).missing;
      expect(missing.length).toBeGreaterThan(0);
      expect(missing[0]).toEqual({ requirementKey: expect.any(String) as string, questionKey: expect.stringMatching(/^MSM-/) as string });

      const tree = (await http(api).get('/api/v1/frameworks/ncmec-minimum-safety-measures/versions/1.0.0').expect(200)).body as FrameworkVersionResponse;
      for (const question of tree.framework.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions))) {
        await http(api)
          .put(`/api/v1/assessments/${assessment.id}/answers/${question.key}`)
          .set(as(owner))
          .send({ value: sampleAnswer(question), expectedVersion: 0 })
          .expect(200);
      }
      const submitted = (await submit().expect(201)).body as SubmissionResponse;
      expect(submitted.revision).toBe(1);
      const [row] = await admin.query<{ content: unknown; content_hash: string }[]>(`SELECT content, content_hash FROM assessment_snapshots WHERE id = $1`, [
        submitted.snapshotId,
      ]);
      expect(row!.content_hash).toBe(submitted.contentHash);
      expect(createHash('sha256').update(canonicalJson(row!.content)).digest('hex')).toBe(submitted.contentHash);

      await submit().expect(409);
      await http(api).put(`/api/v1/assessments/${assessment.id}/answers/MSM-1-q1`).set(as(owner)).send({ value: 'no', expectedVersion: 1 }).expect(409);
      await http(api).put(`/api/v1/assessments/${assessment.id}/profile`).set(as(owner)).send({ profile: PROFILE }).expect(409);
      expect(((await http(api).get(`/api/v1/assessments/${assessment.id}`).set(as(owner)).expect(200)).body as AssessmentResponse).status).toBe('submitted');

      // The next cycle starts from the submission: a new draft with the same answers.
      const next = (await http(api).post(`/api/v1/assessments/${assessment.id}/new-cycle`).set(as(owner)).expect(201)).body as AssessmentResponse;
      expect(next.id).not.toBe(assessment.id);
      expect(next.status).toBe('draft');
      expect(next.progress.requiredMissing).toBe(0);
      const copied = (await http(api).get(`/api/v1/assessments/${next.id}/answers`).set(as(owner)).expect(200)).body as AnswerResponse[];
      expect(copied.length).toBe(tree.framework.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions)).length);
      expect(copied.every((a) => a.version === 1)).toBe(true);

      const appRole = createDataSource({ url: process.env['DATABASE_URL']!, poolSize: 1 });
      await appRole.initialize();
      try {
        await expect(appRole.query(`UPDATE assessment_snapshots SET content_hash = 'x'`)).rejects.toThrow(/permission denied/);
      } finally {
        await appRole.destroy();
      }
    });

    it('lets only an approver or owner submit, and refuses a new cycle of a draft', async () => {
      const assessment = await create();
      await http(api).post(`/api/v1/assessments/${assessment.id}/new-cycle`).set(as(owner)).expect(409);
      const assessor = await addMember(api, owner, 'assessor');
      await http(api)
        .post(`/api/v1/assessments/${assessment.id}/submit`)
        .set(as(assessor))
        .send({ attestation: { name: 'A', title: 'B C', statement: 'I attest these answers are accurate.' } })
        .expect(403);
    });
  });

  describe('collaboration', () => {
    it('assigns requirements to members only, and keeps comments per requirement, all audited', async () => {
      const assessment = await create();
      const assessor = await addMember(api, owner, 'assessor');
      const base = `/api/v1/assessments/${assessment.id}/requirements`;
      const assigned = (await http(api).put(`${base}/MSM-1/assignee`).set(as(owner)).send({ userId: assessor.userId }).expect(200)).body as AssignmentResponse;
      expect(assigned).toMatchObject({ requirementKey: 'MSM-1', assigneeUserId: assessor.userId });
      const stranger = await signUp(api, 'not-a-member');
      await http(api).put(`${base}/MSM-2/assignee`).set(as(owner)).send({ userId: stranger.userId }).expect(400);
      await http(api).put(`${base}/NOPE-1/assignee`).set(as(owner)).send({ userId: assessor.userId }).expect(404);
      await http(api).put(`${base}/MSM-2/assignee`).set(as(assessor)).send({ userId: assessor.userId }).expect(403);
      const list = (await http(api).get(`/api/v1/assessments/${assessment.id}/assignments`).set(as(assessor)).expect(200)).body as AssignmentResponse[];
      expect(list.map((a) => a.requirementKey)).toEqual(['MSM-1']);

      await http(api).post(`${base}/MSM-1/comments`).set(as(assessor)).send({ body: 'Our hash lists cover uploads and DMs.' }).expect(201);
      await http(api).post(`${base}/MSM-1/comments`).set(as(owner)).send({ body: 'Add the backup path too.' }).expect(201);
      await http(api).post(`${base}/MSM-1/comments`).set(as(owner)).send({ body: '' }).expect(400);
      const viewer = await addMember(api, owner, 'viewer');
      await http(api).post(`${base}/MSM-1/comments`).set(as(viewer)).send({ body: 'Viewers only read.' }).expect(403);
      const comments = (await http(api).get(`${base}/MSM-1/comments`).set(as(viewer)).expect(200)).body as CommentResponse[];
      expect(comments.map((c) => c.body)).toEqual(['Our hash lists cover uploads and DMs.', 'Add the backup path too.']);

      const actions = await admin.query<{ action: string }[]>(`SELECT action FROM audit_events WHERE organization_id = $1`, [owner.organizationId]);
      expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['requirement.assigned', 'requirement.commented']));
    });
  });

  it('seeds the demo company once, with a partly completed assessment its owner can open', async () => {
    const ownerDs = createDataSource({ url: process.env['DATABASE_OWNER_URL']!, poolSize: 1 });
    await ownerDs.initialize();
    try {
      expect(await ensureDemoCompany(ownerDs, DEMO_LOGIN)).toBe(true);
      expect(await ensureDemoCompany(ownerDs, DEMO_LOGIN)).toBe(false);
    } finally {
      await ownerDs.destroy();
    }
    const login = await http(api).post('/api/v1/auth/login').send(DEMO_LOGIN).expect(200);
    const list = (await http(api).get('/api/v1/assessments').set('authorization', `Bearer ${(login.body as { accessToken: string }).accessToken}`).expect(200))
      .body as AssessmentResponse[];
    expect(list).toHaveLength(1);
    expect(list[0]!.progress.answeredQuestions).toBeGreaterThan(0);
    expect(list[0]!.progress.requiredMissing).toBeGreaterThan(0);
  });
});
