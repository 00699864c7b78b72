import { Injectable } from '@nestjs/common';
import type { AssessmentResponse } from '@beacon/contracts';
import { assessmentProgress, byText, type ScoringInput, type ServiceProfile, validateServiceProfile } from '@beacon/domain';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit';
import { type CachedFrameworkVersion, type CachedMappingSet, FrameworkCache, latestMappingSets } from '../catalog';
import { assessmentError } from './assessments.exception';
import { AssessmentsRepository } from './data/assessments.repository';
import type { AnswerEntity, AssessmentEntity, RequirementStatusEntity } from './entities';

/** An assessment with its framework versions, as the catalogue's cache holds them. */
export interface LoadedAssessment {
  assessment: AssessmentEntity;
  frameworks: CachedFrameworkVersion[];
}

/** The engine's view of an assessment (answers and statuses as plain records, so it serialises as is). */
export function scoringInputOf(
  { assessment, frameworks }: LoadedAssessment,
  answers: readonly AnswerEntity[],
  statuses: readonly RequirementStatusEntity[],
  mappingSets: readonly CachedMappingSet[],
): ScoringInput {
  return {
    frameworks: frameworks.map((f) => f.document),
    profile: assessment.profile,
    answers: Object.fromEntries(answers.map((a) => [a.questionKey, a.value])),
    requirementStatuses: Object.fromEntries(statuses.map((r) => [r.requirementKey, { kind: r.kind, justification: r.justification }])),
    mappingSets: mappingSets.map((m) => m.document),
  };
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

/** A submitted assessment refuses every change (409). */
export function assertDraft(assessment: AssessmentEntity): void {
  if (assessment.status !== 'draft') {
    throw assessmentError('ALREADY_SUBMITTED', 'This assessment has been submitted and can no longer change.');
  }
}

/**
 * Assessments of the caller's organization: creating one, listing, reading, the service profile,
 * and the draft's scoring input. Answers (`AnswersService`) and submissions (`SubmissionsService`)
 * are next door. Another organization's id answers 404.
 */
@Injectable()
export class AssessmentsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: AssessmentsRepository,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
  ) {}

  async create(auth: AuthContext, title: string, refs: { slug: string; version: string }[], profileInput: unknown): Promise<AssessmentResponse> {
    const profile = assertProfile(profileInput);
    const manager = this.db.manager();
    const frameworks: CachedFrameworkVersion[] = [];
    for (const ref of refs) {
      const version = await this.frameworkCache.version(manager, ref);
      if (!version) {
        throw assessmentError.invalid('FRAMEWORK_NOT_FOUND', `No framework ${ref.slug} version ${ref.version}.`, [
          { field: 'frameworks', reasons: [`unknown framework ${ref.slug}@${ref.version}`] },
        ]);
      }
      if (!frameworks.some((f) => f.id === version.id)) frameworks.push(version);
    }
    const organizationId = auth.organizationId!;
    const assessment = await this.repository.createDraft(
      organizationId,
      { title: title.trim(), profile, createdBy: auth.userId },
      frameworks.map((f) => f.id),
    );
    await this.audit.record({ organizationId, actorUserId: auth.userId, action: 'assessment.created', targetType: 'assessment', targetId: assessment.id });
    return this.describe({ assessment, frameworks }, []);
  }

  /** Every assessment with its progress totals, read in a fixed number of queries however many there are. */
  async list(organizationId: string): Promise<AssessmentResponse[]> {
    const manager = this.db.manager();
    const assessments = await this.repository.all(organizationId);
    if (assessments.length === 0) return [];
    const ids = assessments.map((a) => a.id);
    const links = await this.repository.frameworkLinksOf(organizationId, ids);
    const answers = groupByAssessment(await this.repository.answersOf(organizationId, ids));
    const statuses = groupByAssessment(await this.repository.statusesOf(organizationId, ids));
    const frameworkIds = [...new Set(links.map((l) => l.frameworkVersionId))];
    const frameworks = new Map((await Promise.all(frameworkIds.map((fid) => this.frameworkCache.get(manager, fid)))).map((f) => [f.id, f]));
    const sets = await this.frameworkCache.mappingSetsAmong(manager, frameworkIds);
    const linksOf = groupByAssessment(links);
    return assessments.map((assessment) => {
      const loaded = { assessment, frameworks: (linksOf.get(assessment.id) ?? []).map((l) => frameworks.get(l.frameworkVersionId)!) };
      const input = scoringInputOf(
        loaded,
        answers.get(assessment.id) ?? [],
        statuses.get(assessment.id) ?? [],
        latestMappingSets(sets, loaded.frameworks.map((f) => f.id)),
      );
      return toAssessmentResponse(loaded, input, false);
    });
  }

  async get(organizationId: string, id: string): Promise<AssessmentResponse> {
    const loaded = await this.load(organizationId, id);
    return this.describe(loaded, await this.repository.answers(organizationId, id));
  }

  /** Re-evaluates applicability; answers are never deleted (they come back if a requirement applies again). */
  async updateProfile(auth: AuthContext, id: string, profileInput: unknown): Promise<AssessmentResponse> {
    const profile = assertProfile(profileInput);
    const organizationId = auth.organizationId!;
    const loaded = await this.load(organizationId, id, { lock: true });
    assertDraft(loaded.assessment);
    await this.repository.setProfile(organizationId, id, profile);
    loaded.assessment.profile = profile;
    await this.audit.record({ organizationId, actorUserId: auth.userId, action: 'assessment.profile-changed', targetType: 'assessment', targetId: id });
    return this.describe(loaded, await this.repository.answers(organizationId, id));
  }

  /**
   * What the scoring engine reads for an assessment as it stands now (a draft's preview): the
   * framework documents in the assessment's order, the profile, the answers, the requirement
   * statuses and the mapping sets between its framework versions. 404 for another organization's id.
   */
  async draftScoringInput(organizationId: string, id: string): Promise<ScoringInput> {
    const loaded = await this.load(organizationId, id);
    return this.scoringInput(loaded, await this.repository.answers(organizationId, id));
  }

  /** The assessment and its framework versions (404 when it is not the organization's); `lock` locks the row for update. */
  async load(organizationId: string, id: string, options: { lock?: boolean } = {}): Promise<LoadedAssessment> {
    const assessment = await this.repository.find(organizationId, id, options);
    if (!assessment) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    const manager = this.db.manager();
    const ids = await this.repository.frameworkIds(organizationId, id);
    const frameworks = await Promise.all(ids.map((fid) => this.frameworkCache.get(manager, fid)));
    return { assessment, frameworks };
  }

  /** Requirement statuses of an assessment, by requirement key. */
  async statuses(organizationId: string, id: string): Promise<RequirementStatusEntity[]> {
    return (await this.repository.statuses(organizationId, id)).sort((a, b) => byText(a.requirementKey, b.requirementKey));
  }

  /** The catalogue's latest mapping sets between two of the assessment's framework versions. */
  mappingSets(frameworks: readonly CachedFrameworkVersion[]): Promise<CachedMappingSet[]> {
    return this.frameworkCache.latestMappingSetsBetween(this.db.manager(), frameworks.map((f) => f.id));
  }

  async scoringInput(loaded: LoadedAssessment, answers: readonly AnswerEntity[]): Promise<ScoringInput> {
    const organizationId = loaded.assessment.organizationId;
    return scoringInputOf(loaded, answers, await this.statuses(organizationId, loaded.assessment.id), await this.mappingSets(loaded.frameworks));
  }

  /**
   * The assessment with its progress as the assessment plan of @beacon/domain counts it (statuses
   * and mapped requirements included), with the per-section figures.
   */
  async describe(loaded: LoadedAssessment, answers: readonly AnswerEntity[]): Promise<AssessmentResponse> {
    return toAssessmentResponse(loaded, await this.scoringInput(loaded, answers), true);
  }
}

/** The assessment with its progress counted from `input`; per-section figures only `withSections`. */
function toAssessmentResponse({ assessment, frameworks }: LoadedAssessment, input: ScoringInput, withSections: boolean): AssessmentResponse {
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
