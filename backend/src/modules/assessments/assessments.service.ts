import { Injectable } from '@nestjs/common';
import type { AnswerResponse, AssessmentProgress, AssessmentResponse, MissingAnswersDetails, SubmissionResponse } from '@beacon/contracts';
import {
  type AnswerValue,
  applicableRequirements,
  canonicalJson,
  type FrameworkDefinition,
  frameworkQuestions,
  indexQuestionsByKey,
  isQuestionVisible,
  type QuestionDefinition,
  type ServiceProfile,
  validateAnswer,
  validateServiceProfile,
} from '@beacon/domain';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit/audit.service';
import { FrameworkVersionEntity } from '../catalog/entities';
import { type CachedFrameworkVersion, FrameworkCache } from '../catalog/framework-cache';
import { ASSESSMENT_ERRORS, AssessmentsException } from './assessments.exception';
import { AnswerEntity, AssessmentEntity, AssessmentFrameworkEntity, AssessmentSnapshotEntity } from './entities';

interface Loaded {
  assessment: AssessmentEntity;
  frameworks: CachedFrameworkVersion[];
}

function toAnswer(a: AnswerEntity): AnswerResponse {
  return { questionKey: a.questionKey, value: a.value, note: a.note, version: a.version, updatedAt: a.updatedAt.toISOString(), updatedBy: a.updatedBy };
}

function assertProfile(profile: unknown): ServiceProfile {
  const result = validateServiceProfile(profile);
  if (!result.ok) {
    throw new AssessmentsException(
      'validation',
      ASSESSMENT_ERRORS.invalidProfile,
      `Invalid service profile: ${result.problems[0]?.path || '/'} ${result.problems[0]?.message ?? ''}`.trim(),
      result.problems.map((p) => ({ field: `profile${p.path.replace(/\//g, '.')}`, reasons: [p.message] })),
    );
  }
  return result.value;
}

/**
 * Assessments of the caller's organization. Every query runs in the request's tenant transaction
 * (row-level security), and another organization's id answers 404.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
  ) {}

  async create(auth: AuthContext, title: string, refs: { slug: string; version: string }[], profileInput: unknown): Promise<AssessmentResponse> {
    const profile = assertProfile(profileInput);
    const manager = this.db.manager();
    const frameworks: CachedFrameworkVersion[] = [];
    for (const ref of refs) {
      const version = await manager.findOneBy(FrameworkVersionEntity, { slug: ref.slug, version: ref.version });
      if (!version) {
        throw new AssessmentsException('validation', ASSESSMENT_ERRORS.frameworkNotFound, `No framework ${ref.slug} version ${ref.version}.`, [
          { field: 'frameworks', reasons: [`unknown framework ${ref.slug}@${ref.version}`] },
        ]);
      }
      if (!frameworks.some((f) => f.id === version.id)) frameworks.push(await this.frameworkCache.get(manager, version.id));
    }
    const organizationId = auth.organizationId!;
    const assessment = await manager.save(
      manager.create(AssessmentEntity, { organizationId, title: title.trim(), status: 'draft', profile, createdBy: auth.userId }),
    );
    await manager.insert(
      AssessmentFrameworkEntity,
      frameworks.map((f, position) => ({ assessmentId: assessment.id, frameworkVersionId: f.id, organizationId, position })),
    );
    await this.audit.record({ organizationId, actorUserId: auth.userId, action: 'assessment.created', targetType: 'assessment', targetId: assessment.id });
    return this.describe({ assessment, frameworks }, []);
  }

  async list(): Promise<AssessmentResponse[]> {
    const manager = this.db.manager();
    const assessments = await manager.find(AssessmentEntity, { order: { createdAt: 'DESC' } });
    return Promise.all(assessments.map(async (a) => this.describe(await this.load(manager, a.id), await this.answers(manager, a.id))));
  }

  async get(id: string): Promise<AssessmentResponse> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id);
    return this.describe(loaded, await this.answers(manager, id));
  }

  /** Re-evaluates applicability; answers are never deleted (they come back if a requirement applies again). */
  async updateProfile(auth: AuthContext, id: string, profileInput: unknown): Promise<AssessmentResponse> {
    const profile = assertProfile(profileInput);
    const manager = this.db.manager();
    const loaded = await this.load(manager, id, true);
    this.assertDraft(loaded.assessment);
    await manager.update(AssessmentEntity, { id }, { profile });
    loaded.assessment.profile = profile;
    await this.audit.record({ organizationId: auth.organizationId, actorUserId: auth.userId, action: 'assessment.profile-changed', targetType: 'assessment', targetId: id });
    return this.describe(loaded, await this.answers(manager, id));
  }

  async listAnswers(id: string): Promise<AnswerResponse[]> {
    const manager = this.db.manager();
    await this.load(manager, id);
    return (await this.answers(manager, id)).map(toAnswer);
  }

  /**
   * Saves one answer with optimistic locking done by the statement itself: a first answer is an
   * INSERT … ON CONFLICT DO NOTHING (expectedVersion 0), later ones an UPDATE … WHERE version =
   * expected. A stale write changes nothing and gets 409 with the stored answer.
   */
  async putAnswer(auth: AuthContext, id: string, questionKey: string, value: unknown, note: string | undefined, expectedVersion: number): Promise<AnswerResponse> {
    const manager = this.db.manager();
    // The hot path of autosave: one query for the state and the framework ids, documents from the cache.
    const [state] = await manager.query<{ status: string; framework_ids: string[] }[]>(
      `SELECT a.status, array_agg(af.framework_version_id ORDER BY af.position) AS framework_ids
         FROM assessments a JOIN assessment_frameworks af ON af.assessment_id = a.id
        WHERE a.id = $1 GROUP BY a.id`,
      [id],
    );
    if (!state) throw new AssessmentsException('not-found', ASSESSMENT_ERRORS.notFound, 'No such assessment.');
    if (state.status !== 'draft') this.assertDraft({ status: state.status } as AssessmentEntity);
    const frameworks = await Promise.all(state.framework_ids.map((fid) => this.frameworkCache.get(manager, fid)));
    const question = this.findQuestion(frameworks, questionKey);
    const checked = validateAnswer(question, value);
    if (!checked.ok) {
      throw new AssessmentsException('validation', ASSESSMENT_ERRORS.invalidAnswer, checked.message, [
        { field: 'value', reasons: [checked.message], rule: checked.rule, questionKey },
      ]);
    }
    const organizationId = auth.organizationId!;
    const json = JSON.stringify(checked.value);
    const noteValue = note ?? null;
    let saved: AnswerEntity[];
    if (expectedVersion === 0) {
      saved = await manager.query<AnswerEntity[]>(
        `INSERT INTO answers (organization_id, assessment_id, question_key, value, note, version, updated_by)
         VALUES ($1, $2, $3, $4::jsonb, $5, 1, $6)
         ON CONFLICT (assessment_id, question_key) DO NOTHING
         RETURNING question_key AS "questionKey", value, note, version, updated_by AS "updatedBy", updated_at AS "updatedAt"`,
        [organizationId, id, questionKey, json, noteValue, auth.userId],
      );
    } else {
      const result = await manager
        .createQueryBuilder()
        .update(AnswerEntity)
        .set({ value: () => ':value::jsonb', note: noteValue, version: () => 'version + 1', updatedBy: auth.userId })
        .setParameter('value', json)
        .where('assessment_id = :id AND question_key = :questionKey AND version = :expectedVersion', { id, questionKey, expectedVersion })
        .returning(['questionKey', 'value', 'note', 'version', 'updatedBy', 'updatedAt'])
        .execute();
      saved = (result.raw as Record<string, unknown>[]).map((r) => ({
        questionKey: r['question_key'],
        value: r['value'],
        note: r['note'],
        version: r['version'],
        updatedBy: r['updated_by'],
        updatedAt: r['updated_at'],
      })) as AnswerEntity[];
    }
    const row = saved[0];
    if (!row) {
      const current = await manager.findOneBy(AnswerEntity, { assessmentId: id, questionKey });
      throw new AssessmentsException(
        'conflict',
        ASSESSMENT_ERRORS.staleVersion,
        'This answer was changed by someone else; nothing was overwritten.',
        current ? { current: toAnswer(current) } : { current: null },
      );
    }
    return toAnswer(row);
  }

  /**
   * Checks every required visible question of every applicable requirement is answered (else 422
   * listing them), then in the request's transaction freezes a snapshot with its content hash and
   * moves the assessment to `submitted`; from then on every edit answers 409.
   */
  async submit(auth: AuthContext, id: string, attestation: { name: string; title: string; statement: string }): Promise<SubmissionResponse> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id, true);
    this.assertDraft(loaded.assessment);
    const answers = await this.answers(manager, id);
    const missing = missingRequired(loaded.frameworks.map((f) => f.document), loaded.assessment.profile, answers);
    if (missing.length > 0) {
      throw new AssessmentsException('unprocessable', ASSESSMENT_ERRORS.missingAnswers, `${missing.length} required question(s) are not answered yet.`, {
        missing,
      } satisfies MissingAnswersDetails);
    }
    const [last] = await manager.query<{ revision: number | null }[]>(`SELECT max(revision) AS revision FROM assessment_snapshots WHERE assessment_id = $1`, [id]);
    const revision = (last?.revision ?? 0) + 1;
    const submittedAt = new Date();
    const content = {
      assessmentId: id,
      revision,
      title: loaded.assessment.title,
      frameworks: loaded.frameworks.map((f) => ({ slug: f.slug, version: f.version, contentHash: f.contentHash })),
      profile: loaded.assessment.profile,
      answers: [...answers]
        .sort((a, b) => (a.questionKey < b.questionKey ? -1 : 1))
        .map((a) => ({ questionKey: a.questionKey, value: a.value, note: a.note, version: a.version })),
      attestation: { ...attestation, userId: auth.userId, attestedAt: submittedAt.toISOString() },
    };
    const contentHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const snapshot = await manager.save(
      manager.create(AssessmentSnapshotEntity, {
        organizationId: auth.organizationId!,
        assessmentId: id,
        revision,
        content,
        contentHash,
        submittedBy: auth.userId,
        submittedAt,
      }),
    );
    await manager.update(AssessmentEntity, { id }, { status: 'submitted' });
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: 'assessment.submitted',
      targetType: 'assessment',
      targetId: id,
      details: { revision, contentHash },
    });
    return { assessmentId: id, snapshotId: snapshot.id, revision, contentHash, submittedAt: submittedAt.toISOString() };
  }

  /** "Start a new cycle": a new draft with the last submission's frameworks, profile and answers. */
  async newCycle(auth: AuthContext, id: string): Promise<AssessmentResponse> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id);
    const snapshot = await manager.findOne(AssessmentSnapshotEntity, { where: { assessmentId: id }, order: { revision: 'DESC' } });
    if (!snapshot) {
      throw new AssessmentsException('conflict', ASSESSMENT_ERRORS.notSubmitted, 'Submit this assessment before starting its next cycle.');
    }
    const content = snapshot.content as { profile: ServiceProfile; answers: { questionKey: string; value: AnswerValue; note: string | null }[] };
    const organizationId = auth.organizationId!;
    const next = await manager.save(
      manager.create(AssessmentEntity, { organizationId, title: loaded.assessment.title, status: 'draft', profile: content.profile, createdBy: auth.userId }),
    );
    await manager.insert(
      AssessmentFrameworkEntity,
      loaded.frameworks.map((f, position) => ({ assessmentId: next.id, frameworkVersionId: f.id, organizationId, position })),
    );
    if (content.answers.length > 0) {
      await manager.insert(
        AnswerEntity,
        content.answers.map((a) => ({ organizationId, assessmentId: next.id, questionKey: a.questionKey, value: a.value, note: a.note, version: 1, updatedBy: auth.userId })),
      );
    }
    await this.audit.record({
      organizationId,
      actorUserId: auth.userId,
      action: 'assessment.cycle-started',
      targetType: 'assessment',
      targetId: next.id,
      details: { from: id, revision: snapshot.revision },
    });
    return this.describe({ assessment: next, frameworks: loaded.frameworks }, await this.answers(manager, next.id));
  }

  private findQuestion(frameworks: CachedFrameworkVersion[], questionKey: string): QuestionDefinition {
    for (const f of frameworks) {
      const question = f.questionsByKey.get(questionKey);
      if (question) return question;
    }
    throw new AssessmentsException('not-found', ASSESSMENT_ERRORS.questionNotFound, `No question ${questionKey} in this assessment's frameworks.`);
  }

  private assertDraft(assessment: AssessmentEntity): void {
    if (assessment.status !== 'draft') {
      throw new AssessmentsException('conflict', ASSESSMENT_ERRORS.alreadySubmitted, 'This assessment has been submitted and can no longer change.');
    }
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<Loaded> {
    const assessment = await manager.findOne(AssessmentEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!assessment) throw new AssessmentsException('not-found', ASSESSMENT_ERRORS.notFound, 'No such assessment.');
    const links = await manager.find(AssessmentFrameworkEntity, { where: { assessmentId: id }, order: { position: 'ASC' } });
    const frameworks = await Promise.all(links.map((l) => this.frameworkCache.get(manager, l.frameworkVersionId)));
    return { assessment, frameworks };
  }

  private answers(manager: EntityManager, id: string): Promise<AnswerEntity[]> {
    return manager.find(AnswerEntity, { where: { assessmentId: id } });
  }

  private describe({ assessment, frameworks }: Loaded, answers: AnswerEntity[]): AssessmentResponse {
    return {
      id: assessment.id,
      title: assessment.title,
      status: assessment.status,
      frameworks: frameworks.map((f) => ({ slug: f.slug, version: f.version, title: f.title })),
      profile: assessment.profile,
      createdAt: assessment.createdAt.toISOString(),
      updatedAt: assessment.updatedAt.toISOString(),
      progress: progressOf(frameworks.map((f) => f.document), assessment.profile, answers),
    };
  }
}

function answersMap(answers: AnswerEntity[]): Map<string, AnswerValue> {
  return new Map(answers.map((a) => [a.questionKey, a.value]));
}

/** Visible questions of the applicable requirements, in catalogue order. */
function visibleQuestions(
  frameworks: FrameworkDefinition[],
  profile: ServiceProfile,
  answers: Map<string, AnswerValue>,
): { requirementKey: string; question: QuestionDefinition }[] {
  const out: { requirementKey: string; question: QuestionDefinition }[] = [];
  for (const framework of frameworks) {
    const index = indexQuestionsByKey(frameworkQuestions(framework));
    for (const requirement of applicableRequirements(framework, profile)) {
      for (const question of requirement.questions) {
        if (isQuestionVisible(question, answers, index)) out.push({ requirementKey: requirement.key, question });
      }
    }
  }
  return out;
}

/** Required visible questions of applicable requirements without an answer. */
export function missingRequired(frameworks: FrameworkDefinition[], profile: ServiceProfile, answers: AnswerEntity[]): MissingAnswersDetails['missing'] {
  const byKey = answersMap(answers);
  return visibleQuestions(frameworks, profile, byKey)
    .filter(({ question }) => question.required && !byKey.has(question.key))
    .map(({ requirementKey, question }) => ({ requirementKey, questionKey: question.key }));
}

/** Answered / visible questions of the applicable requirements, and required ones still missing. */
export function progressOf(frameworks: FrameworkDefinition[], profile: ServiceProfile, answers: AnswerEntity[]): AssessmentProgress {
  const byKey = answersMap(answers);
  const visible = visibleQuestions(frameworks, profile, byKey);
  const applicable = frameworks.reduce((n, f) => n + applicableRequirements(f, profile).length, 0);
  const done = visible.filter(({ question }) => byKey.has(question.key)).length;
  const requiredMissing = visible.filter(({ question }) => question.required && !byKey.has(question.key)).length;
  return {
    applicableRequirements: applicable,
    answeredQuestions: done,
    visibleQuestions: visible.length,
    requiredMissing,
    percent: visible.length === 0 ? 0 : Math.round((done / visible.length) * 1000) / 10,
  };
}
