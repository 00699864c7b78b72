import { Injectable } from '@nestjs/common';
import type { AnswerResponse } from '@beacon/contracts';
import { answerMessage, type QuestionDefinition, validateAnswer } from '@beacon/domain';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { fieldRefusal } from '../../platform/errors/field-refusal';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { type CachedFrameworkVersion, FrameworkCache } from '../catalog';
import { assertDraft } from './assessments.service';
import { assessmentError } from './assessments.exception';
import { AssessmentsRepository } from './data/assessments.repository';
import type { AnswerEntity } from './entities';

const FRAMEWORK_IDS_CACHE_SIZE = 10_000;

export function toAnswer(a: AnswerEntity): AnswerResponse {
  return { questionKey: a.questionKey, value: a.value, note: a.note, version: a.version, updatedAt: a.updatedAt.toISOString(), updatedBy: a.updatedBy };
}

/**
 * Answers of an assessment, and the autosave hot path. Another organization's id answers 404.
 */
@Injectable()
export class AnswersService {
  /** `<organization>/<assessment>` → framework version ids; bounded, oldest entries dropped first. */
  private readonly frameworkIds = new Map<string, string[]>();

  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: AssessmentsRepository,
    private readonly frameworkCache: FrameworkCache,
  ) {}

  async list(organizationId: string, id: string): Promise<AnswerResponse[]> {
    if (!(await this.repository.find(organizationId, id))) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    return (await this.repository.answers(organizationId, id)).map(toAnswer);
  }

  /**
   * Saves one answer with optimistic locking (`AssessmentsRepository.writeAnswer`). A stale write
   * changes nothing and gets 409 with the stored answer.
   *
   * The hot path of autosave is one statement: the framework versions of an assessment never change,
   * so they are cached per (organization, assessment), and the write itself checks that the
   * assessment is still a draft. Only a write that changes nothing pays for finding out why.
   */
  async put(auth: AuthContext, id: string, questionKey: string, value: unknown, note: string | undefined, expectedVersion: number): Promise<AnswerResponse> {
    const manager = this.db.manager();
    const organizationId = auth.organizationId!;
    const frameworks = await Promise.all((await this.frameworkIdsOf(organizationId, id)).map((fid) => this.frameworkCache.get(manager, fid)));
    const question = findQuestion(frameworks, questionKey);
    const checked = validateAnswer(question, value);
    if (!checked.ok) {
      const { problem, rule } = checked;
      const refused = fieldRefusal({ field: 'value', rule, problem, questionKey, write: (locale) => answerMessage(questionKey, problem, locale) });
      throw assessmentError('INVALID_ANSWER', refused.message, refused.details);
    }
    const written = await this.repository.writeAnswer(organizationId, {
      assessmentId: id,
      questionKey,
      json: JSON.stringify(checked.value),
      note: note ?? null,
      userId: auth.userId,
      expectedVersion,
    });
    if (written) return toAnswer(written);
    // Nothing written: the assessment is gone or submitted, or the version was stale.
    const assessment = await this.repository.find(organizationId, id);
    if (!assessment) {
      this.frameworkIds.delete(`${organizationId}/${id}`);
      throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    }
    assertDraft(assessment);
    const current = await this.repository.answer(organizationId, id, questionKey);
    throw assessmentError(
      'STALE_VERSION',
      'This answer was changed by someone else; nothing was overwritten.',
      current ? { current: toAnswer(current) } : { current: null },
    );
  }

  /** The assessment's framework version ids in order (immutable once created), cached per organization and assessment. */
  private async frameworkIdsOf(organizationId: string, id: string): Promise<string[]> {
    const key = `${organizationId}/${id}`;
    const cached = this.frameworkIds.get(key);
    if (cached) return cached;
    const ids = await this.repository.frameworkIds(organizationId, id);
    if (ids.length === 0) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    if (this.frameworkIds.size >= FRAMEWORK_IDS_CACHE_SIZE) this.frameworkIds.delete(this.frameworkIds.keys().next().value!);
    this.frameworkIds.set(key, ids);
    return ids;
  }
}

function findQuestion(frameworks: readonly CachedFrameworkVersion[], questionKey: string): QuestionDefinition {
  for (const f of frameworks) {
    const question = f.questionsByKey.get(questionKey);
    if (question) return question;
  }
  throw assessmentError('QUESTION_NOT_FOUND', `No question ${questionKey} in this assessment's frameworks.`);
}
