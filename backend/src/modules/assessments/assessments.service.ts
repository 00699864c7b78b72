import { Injectable } from '@nestjs/common';
import type {
  AnswerResponse,
  AssessmentResponse,
  AssessmentSnapshotContent,
  MissingAnswersDetails,
  SubmissionResponse,
} from '@beacon/contracts';
import {
  answerMessage,
  type AnswerValue,
  assessmentProgress,
  canonicalJson,
  missingRequiredAnswers,
  type QuestionDefinition,
  readSnapshot,
  type ScoringInput,
  type ServiceProfile,
  validateAnswer,
  validateServiceProfile,
} from '@beacon/domain';
import { createHash } from 'node:crypto';
import { type EntityManager, In } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { fieldRefusal } from '../../platform/errors/field-refusal';
import { currentCorrelationId } from '../../platform/logging/request-context';
import { OutboxService } from '../../platform/outbox/outbox.service';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit/audit.service';
import { FrameworkVersionEntity, MappingSetEntity } from '../catalog/entities';
import { type CachedFrameworkVersion, FrameworkCache } from '../catalog/framework-cache';
import { assessmentError } from './assessments.exception';
import { AnswerEntity, AssessmentEntity, AssessmentFrameworkEntity, AssessmentSnapshotEntity, RequirementStatusEntity } from './entities';

interface Loaded {
  assessment: AssessmentEntity;
  frameworks: CachedFrameworkVersion[];
}

/** The engine's view of an assessment (answers and statuses as plain records, so it serialises as is). */
function scoringInputOf({ assessment, frameworks }: Loaded, answers: AnswerEntity[], statuses: RequirementStatusEntity[], mappingSets: MappingSetEntity[]): ScoringInput {
  return {
    frameworks: frameworks.map((f) => f.document),
    profile: assessment.profile,
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, a.value])),
    requirementStatuses: Object.fromEntries(statuses.map((r) => [r.requirementKey, { kind: r.kind, justification: r.justification }])),
    mappingSets: mappingSets.map((m) => m.document),
  };
}

/** Code-unit order, the same on every machine (unlike `localeCompare`): snapshots must hash the same. */
function byText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Orders semantic versions, oldest first (`1.9.0` before `1.10.0`, a pre-release before its release). */
function compareVersions(a: string, b: string): number {
  const [coreA = '', preA] = a.split('-', 2);
  const [coreB = '', preB] = b.split('-', 2);
  const partsA = coreA.split('.').map(Number);
  const partsB = coreB.split('.').map(Number);
  for (let i = 0; i < 3; i += 1) {
    const diff = (partsA[i] ?? 0) - (partsB[i] ?? 0);
    if (diff !== 0) return diff;
  }
  if (preA === undefined || preB === undefined) return preA === preB ? 0 : preA === undefined ? 1 : -1;
  return byText(preA, preB);
}

function toAnswer(a: AnswerEntity): AnswerResponse {
  return { questionKey: a.questionKey, value: a.value, note: a.note, version: a.version, updatedAt: a.updatedAt.toISOString(), updatedBy: a.updatedBy };
}

function assertProfile(profile: unknown): ServiceProfile {
  const result = validateServiceProfile(profile);
  if (!result.ok) {
    throw assessmentError(
      'INVALID_PROFILE',
      `Invalid service profile: ${result.problems[0]?.path || '/'} ${result.problems[0]?.message ?? ''}`.trim(),
      result.problems.map((p) => ({ field: `profile${p.path.replace(/\//g, '.')}`, reasons: [p.message] })),
    );
  }
  return result.value;
}

const FRAMEWORK_IDS_CACHE_SIZE = 10_000;

/**
 * Assessments of the caller's organization. Every query runs in the request's tenant transaction
 * (row-level security), and another organization's id answers 404.
 */
@Injectable()
export class AssessmentsService {
  /** `<organization>/<assessment>` → framework version ids; bounded, oldest entries dropped first. */
  private readonly frameworkIds = new Map<string, string[]>();

  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
    private readonly outbox: OutboxService,
  ) {}

  async create(auth: AuthContext, title: string, refs: { slug: string; version: string }[], profileInput: unknown): Promise<AssessmentResponse> {
    const profile = assertProfile(profileInput);
    const manager = this.db.manager();
    const frameworks: CachedFrameworkVersion[] = [];
    for (const ref of refs) {
      const version = await manager.findOneBy(FrameworkVersionEntity, { slug: ref.slug, version: ref.version });
      if (!version) {
        throw assessmentError.invalid('FRAMEWORK_NOT_FOUND', `No framework ${ref.slug} version ${ref.version}.`, [
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
    return this.describe(manager, { assessment, frameworks }, []);
  }

  /** Every assessment with its progress totals, read in a fixed number of queries however many there are. */
  async list(): Promise<AssessmentResponse[]> {
    const manager = this.db.manager();
    const assessments = await manager.find(AssessmentEntity, { order: { createdAt: 'DESC' } });
    if (assessments.length === 0) return [];
    const where = { assessmentId: In(assessments.map((a) => a.id)) };
    const links = await manager.find(AssessmentFrameworkEntity, { where, order: { position: 'ASC' } });
    const answers = groupByAssessment(await manager.find(AnswerEntity, { where }));
    const statuses = groupByAssessment(await manager.find(RequirementStatusEntity, { where }));
    const frameworkIds = [...new Set(links.map((l) => l.frameworkVersionId))];
    const frameworks = new Map((await Promise.all(frameworkIds.map((fid) => this.frameworkCache.get(manager, fid)))).map((f) => [f.id, f]));
    const sets = await this.mappingSetsBetween(manager, frameworkIds);
    const linksOf = groupByAssessment(links);
    return assessments.map((assessment) => {
      const loaded = { assessment, frameworks: (linksOf.get(assessment.id) ?? []).map((l) => frameworks.get(l.frameworkVersionId)!) };
      const input = scoringInputOf(loaded, answers.get(assessment.id) ?? [], statuses.get(assessment.id) ?? [], latestMappingSets(sets, loaded.frameworks));
      return toAssessmentResponse(loaded, input, false);
    });
  }

  async get(id: string): Promise<AssessmentResponse> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id);
    return this.describe(manager, loaded, await this.answers(manager, id));
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
    return this.describe(manager, loaded, await this.answers(manager, id));
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
   *
   * The hot path of autosave is one statement: the framework versions of an assessment never change,
   * so they are cached per (organization, assessment), and the write itself checks that the
   * assessment is still a draft, holding a share lock on it so a concurrent submission either sees
   * this answer or makes this write fail. Only a write that changes nothing pays for finding out why.
   */
  async putAnswer(auth: AuthContext, id: string, questionKey: string, value: unknown, note: string | undefined, expectedVersion: number): Promise<AnswerResponse> {
    const manager = this.db.manager();
    const organizationId = auth.organizationId!;
    const frameworks = await Promise.all((await this.frameworkIdsOf(manager, organizationId, id)).map((fid) => this.frameworkCache.get(manager, fid)));
    const question = this.findQuestion(frameworks, questionKey);
    const checked = validateAnswer(question, value);
    if (!checked.ok) {
      const { problem, rule } = checked;
      const refused = fieldRefusal({ field: 'value', rule, problem, questionKey, write: (locale) => answerMessage(questionKey, problem, locale) });
      throw assessmentError('INVALID_ANSWER', refused.message, refused.details);
    }
    const json = JSON.stringify(checked.value);
    const noteValue = note ?? null;
    const stillDraft = `EXISTS (SELECT 1 FROM assessments WHERE id = $2 AND status = 'draft' FOR SHARE)`;
    const returning = `RETURNING question_key AS "questionKey", value, note, version, updated_by AS "updatedBy", updated_at AS "updatedAt"`;
    const written =
      expectedVersion === 0
        ? await manager.queryRunner!.query(
            `INSERT INTO answers (organization_id, assessment_id, question_key, value, note, version, updated_by)
             SELECT $1, $2, $3, $4::jsonb, $5, 1, $6 WHERE ${stillDraft}
             ON CONFLICT (assessment_id, question_key) DO NOTHING ${returning}`,
            [organizationId, id, questionKey, json, noteValue, auth.userId],
            true,
          )
        : await manager.queryRunner!.query(
            `UPDATE answers SET value = $4::jsonb, note = $5, version = version + 1, updated_by = $6, updated_at = now()
              WHERE assessment_id = $2 AND question_key = $3 AND version = $1 AND ${stillDraft} ${returning}`,
            [expectedVersion, id, questionKey, json, noteValue, auth.userId],
            true,
          );
    const row = (written.records as AnswerEntity[])[0];
    if (row) return toAnswer(row);
    // Nothing written: the assessment is gone or submitted, or the version was stale.
    const assessment = await manager.findOneBy(AssessmentEntity, { id });
    if (!assessment) {
      this.frameworkIds.delete(`${organizationId}/${id}`);
      throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    }
    this.assertDraft(assessment);
    const current = await manager.findOneBy(AnswerEntity, { assessmentId: id, questionKey });
    throw assessmentError(
      'STALE_VERSION',
      'This answer was changed by someone else; nothing was overwritten.',
      current ? { current: toAnswer(current) } : { current: null },
    );
  }

  /** The assessment's framework version ids in order (immutable once created), cached per organization and assessment. */
  private async frameworkIdsOf(manager: EntityManager, organizationId: string, id: string): Promise<string[]> {
    const key = `${organizationId}/${id}`;
    const cached = this.frameworkIds.get(key);
    if (cached) return cached;
    const rows = await manager.query<{ framework_version_id: string }[]>(
      `SELECT framework_version_id FROM assessment_frameworks WHERE assessment_id = $1 ORDER BY position`,
      [id],
    );
    if (rows.length === 0) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    const ids = rows.map((r) => r.framework_version_id);
    if (this.frameworkIds.size >= FRAMEWORK_IDS_CACHE_SIZE) this.frameworkIds.delete(this.frameworkIds.keys().next().value!);
    this.frameworkIds.set(key, ids);
    return ids;
  }

  /**
   * Checks every required question the assessment still asks is answered, else 422 listing them
   * (requirements excluded by the profile, declared not applicable, met by an alternative or covered
   * by a mapped requirement of another framework ask none). Then, in the request's transaction,
   * freezes a snapshot with its content hash and moves the assessment to `submitted`; from then on
   * every edit answers 409. The snapshot holds everything scoring and reports read: framework and
   * mapping-set versions, profile, answers, requirement statuses, evidence (files with their
   * SHA-256), assignees and the attestation.
   */
  async submit(auth: AuthContext, id: string, attestation: { name: string; title: string; statement: string }): Promise<SubmissionResponse> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id, true);
    this.assertDraft(loaded.assessment);
    const answers = await this.answers(manager, id);
    const statuses = await this.statuses(manager, id);
    const mappingSets = await this.mappingSets(manager, loaded.frameworks);
    const missing = missingRequiredAnswers(scoringInputOf(loaded, answers, statuses, mappingSets));
    if (missing.length > 0) {
      throw assessmentError('MISSING_ANSWERS', `${missing.length} required question(s) are not answered yet.`, {
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
      mappingSets: mappingSets.map((m) => ({ slug: m.slug, version: m.version, contentHash: m.contentHash })),
      profile: loaded.assessment.profile,
      answers: [...answers]
        .sort((a, b) => byText(a.questionKey, b.questionKey))
        .map((a) => ({ questionKey: a.questionKey, value: a.value, note: a.note, version: a.version })),
      requirementStatuses: statuses.map((r) => ({ requirementKey: r.requirementKey, kind: r.kind, justification: r.justification })),
      evidence: await this.evidence(manager, id),
      assignments: await this.assignees(manager, id),
      attestation: { ...attestation, userId: auth.userId, attestedAt: submittedAt.toISOString() },
    } satisfies AssessmentSnapshotContent;
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
    // Scored in the background; the job exists if and only if this submission commits.
    await this.outbox.enqueue(manager, {
      name: 'scoring.score-assessment',
      data: { correlationId: currentCorrelationId() ?? snapshot.id, organizationId: auth.organizationId!, assessmentId: id, snapshotId: snapshot.id },
    });
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

  /** "Start a new cycle": a new draft with the last submission's frameworks, profile, answers and requirement statuses. */
  async newCycle(auth: AuthContext, id: string): Promise<AssessmentResponse> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id);
    const snapshot = await manager.findOne(AssessmentSnapshotEntity, { where: { assessmentId: id }, order: { revision: 'DESC' } });
    if (!snapshot) {
      throw assessmentError('NOT_SUBMITTED', 'Submit this assessment before starting its next cycle.');
    }
    // The one snapshot reader: snapshots frozen before requirement statuses existed have none.
    const content = readSnapshot(snapshot.content);
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
        content.answers.map((a) => ({ organizationId, assessmentId: next.id, questionKey: a.questionKey, value: a.value as AnswerValue, note: a.note, version: 1, updatedBy: auth.userId })),
      );
    }
    const statuses = content.requirementStatuses;
    if (statuses.length > 0) {
      await manager.insert(
        RequirementStatusEntity,
        statuses.map((r) => ({
          organizationId,
          assessmentId: next.id,
          requirementKey: r.requirementKey,
          kind: r.kind,
          justification: r.justification,
          version: 1,
          updatedBy: auth.userId,
        })),
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
    return this.describe(manager, { assessment: next, frameworks: loaded.frameworks }, await this.answers(manager, next.id));
  }

  /**
   * What the scoring engine reads for an assessment as it stands now (a draft's preview): the
   * framework documents in the assessment's order, the profile, the answers, the requirement
   * statuses and the mapping sets between its framework versions. 404 for another organization's id.
   */
  async draftScoringInput(id: string): Promise<ScoringInput> {
    const manager = this.db.manager();
    const loaded = await this.load(manager, id);
    return this.scoringInput(manager, loaded, await this.answers(manager, id));
  }

  private async scoringInput(manager: EntityManager, loaded: Loaded, answers: AnswerEntity[]): Promise<ScoringInput> {
    return scoringInputOf(loaded, answers, await this.statuses(manager, loaded.assessment.id), await this.mappingSets(manager, loaded.frameworks));
  }

  /** Requirement statuses of an assessment, by requirement key. */
  private statuses(manager: EntityManager, id: string): Promise<RequirementStatusEntity[]> {
    return manager.find(RequirementStatusEntity, { where: { assessmentId: id } }).then((rows) => rows.sort((a, b) => byText(a.requirementKey, b.requirementKey)));
  }

  /**
   * The catalogue's mapping sets between two of the given framework versions (source and target
   * both among them), the latest version of each set.
   */
  private async mappingSets(manager: EntityManager, frameworks: CachedFrameworkVersion[]): Promise<MappingSetEntity[]> {
    return latestMappingSets(await this.mappingSetsBetween(manager, frameworks.map((f) => f.id)), frameworks);
  }

  /** Every version of the mapping sets whose source and target are both among `ids`. */
  private mappingSetsBetween(manager: EntityManager, ids: string[]): Promise<MappingSetEntity[]> {
    return manager.createQueryBuilder(MappingSetEntity, 'm').where('m.source_version_id = ANY(:ids) AND m.target_version_id = ANY(:ids)', { ids }).getMany();
  }

  /** Evidence of the assessment as the snapshot keeps it: sorted by requirement key, then id. */
  private async evidence(manager: EntityManager, id: string): Promise<AssessmentSnapshotContent['evidence']> {
    const rows = await manager.query<AssessmentSnapshotContent['evidence']>(
      `SELECT id, requirement_key AS "requirementKey", kind,
              CASE WHEN kind = 'file' THEN file_name ELSE coalesce(nullif(title, ''), url) END AS name,
              sha256, url
         FROM evidence WHERE assessment_id = $1`,
      [id],
    );
    return rows.sort((a, b) => byText(a.requirementKey, b.requirementKey) || byText(a.id, b.id));
  }

  /** Assignees with their display name, sorted by requirement key. */
  private async assignees(manager: EntityManager, id: string): Promise<AssessmentSnapshotContent['assignments']> {
    const rows = await manager.query<AssessmentSnapshotContent['assignments']>(
      `SELECT a.requirement_key AS "requirementKey", a.assignee_user_id AS "userId", u.name
         FROM requirement_assignments a JOIN users u ON u.id = a.assignee_user_id
        WHERE a.assessment_id = $1`,
      [id],
    );
    return rows.sort((a, b) => byText(a.requirementKey, b.requirementKey));
  }

  private findQuestion(frameworks: CachedFrameworkVersion[], questionKey: string): QuestionDefinition {
    for (const f of frameworks) {
      const question = f.questionsByKey.get(questionKey);
      if (question) return question;
    }
    throw assessmentError('QUESTION_NOT_FOUND', `No question ${questionKey} in this assessment's frameworks.`);
  }

  private assertDraft(assessment: AssessmentEntity): void {
    if (assessment.status !== 'draft') {
      throw assessmentError('ALREADY_SUBMITTED', 'This assessment has been submitted and can no longer change.');
    }
  }

  private async load(manager: EntityManager, id: string, lock = false): Promise<Loaded> {
    const assessment = await manager.findOne(AssessmentEntity, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!assessment) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    const links = await manager.find(AssessmentFrameworkEntity, { where: { assessmentId: id }, order: { position: 'ASC' } });
    const frameworks = await Promise.all(links.map((l) => this.frameworkCache.get(manager, l.frameworkVersionId)));
    return { assessment, frameworks };
  }

  private answers(manager: EntityManager, id: string): Promise<AnswerEntity[]> {
    return manager.find(AnswerEntity, { where: { assessmentId: id } });
  }

  /**
   * The assessment with its progress as the assessment plan of @beacon/domain counts it (statuses
   * and mapped requirements included), with the per-section figures.
   */
  private async describe(manager: EntityManager, loaded: Loaded, answers: AnswerEntity[]): Promise<AssessmentResponse> {
    return toAssessmentResponse(loaded, await this.scoringInput(manager, loaded, answers), true);
  }
}

/** The assessment with its progress counted from `input`; per-section figures only `withSections`. */
function toAssessmentResponse({ assessment, frameworks }: Loaded, input: ScoringInput, withSections: boolean): AssessmentResponse {
  const { sections, ...totals } = assessmentProgress(input);
  return {
    id: assessment.id,
    title: assessment.title,
    status: assessment.status,
    frameworks: frameworks.map((f) => ({ slug: f.slug, version: f.version, title: f.title })),
    profile: assessment.profile,
    createdAt: assessment.createdAt.toISOString(),
    updatedAt: assessment.updatedAt.toISOString(),
    progress: withSections ? { ...totals, sections } : totals,
  };
}

/** Rows keyed by their assessment, in the order given. */
function groupByAssessment<T extends { assessmentId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(row.assessmentId);
    if (group) group.push(row);
    else groups.set(row.assessmentId, [row]);
  }
  return groups;
}

/** Of `sets`, those between two of `frameworks` (source and target both among them), the latest version of each, by slug. */
function latestMappingSets(sets: MappingSetEntity[], frameworks: CachedFrameworkVersion[]): MappingSetEntity[] {
  const ids = new Set(frameworks.map((f) => f.id));
  const latest = new Map<string, MappingSetEntity>();
  for (const set of sets) {
    if (!ids.has(set.sourceVersionId) || !ids.has(set.targetVersionId)) continue;
    const kept = latest.get(set.slug);
    if (!kept || compareVersions(set.version, kept.version) > 0) latest.set(set.slug, set);
  }
  return [...latest.values()].sort((a, b) => byText(a.slug, b.slug));
}
