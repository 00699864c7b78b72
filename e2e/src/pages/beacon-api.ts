import { type APIRequestContext, expect } from '@playwright/test';
import type {
  AnswerResponse,
  AssessmentResponse,
  AuthResponse,
  FrameworkSummaryResponse,
  FrameworkVersionResponse,
  MappingResponse,
  RequirementStatusResponse,
} from '@beacon/contracts';
import {
  type AnswerValue,
  type MappingSetDefinition,
  type QuestionDefinition,
  type RequirementStatus,
  emptyServiceFeatures,
  missingRequiredAnswers,
} from '@beacon/domain';

/**
 * The API as a test uses it to seed data (never to check what the UI shows): signs in, reads an
 * assessment with its catalogue, and answers questions in bulk.
 */
export class BeaconApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async signIn(request: APIRequestContext, email: string, password: string): Promise<BeaconApi> {
    const response = await request.post('/api/v1/auth/login', { data: { email, password } });
    expect(response.status(), await response.text()).toBe(200);
    const body = (await response.json()) as AuthResponse;
    return new BeaconApi(request, body.accessToken);
  }

  private get headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }

  private async get<T>(path: string): Promise<T> {
    const response = await this.request.get(`/api/v1${path}`, { headers: this.headers });
    expect(response.status(), `GET ${path}: ${await response.text()}`).toBe(200);
    return (await response.json()) as T;
  }

  /** Creates a draft over the newest versions of `slugs`, in that order, for a service with `features`. */
  async createAssessment(
    title: string,
    slugs: readonly string[],
    features: readonly string[],
  ): Promise<string> {
    const catalogue = await this.get<FrameworkSummaryResponse[]>('/frameworks');
    const frameworks = slugs.map((slug) => {
      const version = catalogue.find((f) => f.slug === slug)?.versions[0]?.version;
      if (!version) throw new Error(`no framework ${slug}`);
      return { slug, version };
    });
    const profile = {
      features: { ...emptyServiceFeatures(), ...Object.fromEntries(features.map((f) => [f, true])) },
      sizeBand: 'small',
      sector: 'social-media',
      jurisdictions: ['US'],
      languages: ['en'],
    };
    const response = await this.request.post('/api/v1/assessments', {
      headers: this.headers,
      data: { title, frameworks, profile },
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as AssessmentResponse).id;
  }

  assessment(id: string): Promise<AssessmentResponse> {
    return this.get<AssessmentResponse>(`/assessments/${id}`);
  }

  async putAnswer(
    id: string,
    questionKey: string,
    value: unknown,
    expectedVersion: number,
  ): Promise<AnswerResponse> {
    const response = await this.request.put(`/api/v1/assessments/${id}/answers/${questionKey}`, {
      headers: this.headers,
      data: { value, expectedVersion },
    });
    expect(response.status(), `${questionKey}: ${await response.text()}`).toBe(200);
    return (await response.json()) as AnswerResponse;
  }

  /**
   * Answers every required question still missing — the rule the API applies on submission
   * (`missingRequiredAnswers` of @beacon/domain) — with a valid value, except `keep`. Answers can
   * reveal dependent questions, so it goes round until nothing is missing. Returns the keys answered.
   */
  async answerEveryRequired(id: string, keep: readonly string[] = []): Promise<string[]> {
    const assessment = await this.assessment(id);
    const versions = await Promise.all(
      assessment.frameworks.map((f) =>
        this.get<FrameworkVersionResponse>(`/frameworks/${f.slug}/versions/${f.version}`),
      ),
    );
    const mappingSets = mappingSetsOf(
      (
        await Promise.all(versions.map((v) => this.get<MappingResponse[]>(`/mappings?from=${v.slug}`)))
      ).flat(),
    );
    const questions = new Map<string, QuestionDefinition>();
    for (const version of versions)
      for (const section of version.framework.sections)
        for (const requirement of section.requirements)
          for (const question of requirement.questions) questions.set(question.key, question);
    const answered: string[] = [];
    for (let round = 0; round < 10; round += 1) {
      const stored = await this.get<AnswerResponse[]>(`/assessments/${id}/answers`);
      const statuses = await this.get<RequirementStatusResponse[]>(`/assessments/${id}/requirement-statuses`);
      const missing = missingRequiredAnswers({
        frameworks: versions.map((v) => v.framework),
        profile: assessment.profile,
        answers: new Map(stored.map((a) => [a.questionKey, a.value as AnswerValue])),
        requirementStatuses: Object.fromEntries(
          statuses.map((s): [string, RequirementStatus] => [
            s.requirementKey,
            { kind: s.kind, justification: s.justification },
          ]),
        ),
        mappingSets,
      }).filter((item) => !keep.includes(item.questionKey));
      if (missing.length === 0) return answered;
      for (const { questionKey } of missing) {
        const question = questions.get(questionKey);
        if (!question) throw new Error(`unknown question ${questionKey}`);
        const version = stored.find((a) => a.questionKey === questionKey)?.version ?? 0;
        await this.putAnswer(id, questionKey, sampleAnswer(question), version);
        answered.push(questionKey);
      }
    }
    throw new Error('required answers keep appearing');
  }
}

/** A valid answer to any question (within its bounds). */
export function sampleAnswer(question: QuestionDefinition): unknown {
  switch (question.type) {
    case 'yes-partial-no':
      return 'yes';
    case 'maturity':
      return 3;
    case 'single-choice':
      return question.options[0]?.value;
    case 'multiple-choice':
      return [question.options.find((o) => !o.exclusive)?.value ?? question.options[0]?.value];
    case 'number':
    case 'duration':
      return Math.min(question.max ?? Number.MAX_SAFE_INTEGER, Math.max(question.min ?? 0, 1));
    case 'percentage':
      return Math.min(question.max ?? 100, Math.max(question.min ?? 0, 90));
    case 'date':
      return '2026-01-15';
    case 'text':
      return 'Documented in our written policy.';
    case 'url':
      return 'https://example.org/policy';
  }
}

/** The mapping sets behind the catalogue's crosswalks (grouped by set, duplicates dropped). */
function mappingSetsOf(mappings: readonly MappingResponse[]): MappingSetDefinition[] {
  const sets = new Map<string, MappingSetDefinition>();
  for (const m of mappings) {
    const id = `${m.mappingSet.slug}@${m.mappingSet.version}`;
    const set = sets.get(id) ?? {
      kind: 'mapping-set' as const,
      slug: m.mappingSet.slug,
      version: m.mappingSet.version,
      title: { en: m.mappingSet.slug, fr: m.mappingSet.slug },
      source: { framework: m.source.framework, version: m.source.version },
      target: { framework: m.target.framework, version: m.target.version },
      mappings: [],
    };
    if (!set.mappings.some((x) => x.source === m.source.requirement && x.target === m.target.requirement))
      set.mappings.push({
        source: m.source.requirement,
        target: m.target.requirement,
        relationship: m.relationship,
        strength: m.strength,
        rationale: m.rationale,
      });
    sets.set(id, set);
  }
  return [...sets.values()];
}
