import { Injectable } from '@nestjs/common';
import type { AnswerValue, ServiceProfile } from '@beacon/domain';
import { type EntityManager, In } from 'typeorm';
import { TenantDatabase } from '../../../platform/tenancy/tenant-database';
import {
  AnswerEntity,
  AssessmentEntity,
  AssessmentFrameworkEntity,
  AssessmentSnapshotEntity,
  RequirementAssignmentEntity,
  RequirementStatusEntity,
} from '../entities';

/** An answer as the hot path writes it. */
export interface AnswerWrite {
  assessmentId: string;
  questionKey: string;
  /** The validated value, as JSON text. */
  json: string;
  note: string | null;
  userId: string;
  /** 0 for a first answer; otherwise the version the writer read. */
  expectedVersion: number;
}

/** A copied answer or requirement status of a new cycle. */
type CopiedAnswer = Pick<AnswerEntity, 'questionKey' | 'note'> & { value: unknown };
type CopiedStatus = Pick<RequirementStatusEntity, 'requirementKey' | 'kind' | 'justification'>;

/**
 * Every read and write of the assessments context's own tables for the assessment, answer and
 * submission services: the SQL lives here, the rules in the services. Each method names the
 * organization and runs in the caller's transaction, where row-level security scopes it again.
 */
@Injectable()
export class AssessmentsRepository {
  constructor(private readonly db: TenantDatabase) {}

  private get manager(): EntityManager {
    return this.db.manager();
  }

  /** A new draft with its framework versions in the given order. */
  async createDraft(
    organizationId: string,
    fields: { title: string; profile: ServiceProfile; createdBy: string },
    frameworkIds: readonly string[],
  ): Promise<AssessmentEntity> {
    const manager = this.manager;
    const assessment = await manager.save(manager.create(AssessmentEntity, { organizationId, status: 'draft', ...fields }));
    await manager.insert(
      AssessmentFrameworkEntity,
      frameworkIds.map((frameworkVersionId, position) => ({ assessmentId: assessment.id, frameworkVersionId, organizationId, position })),
    );
    return assessment;
  }

  /** The assessment, or null; with `lock`, the row is locked for update until the transaction ends. */
  find(organizationId: string, id: string, options: { lock?: boolean } = {}): Promise<AssessmentEntity | null> {
    return this.manager.findOne(AssessmentEntity, {
      where: { organizationId, id },
      ...(options.lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  /** Every assessment of the organization, newest first. */
  all(organizationId: string): Promise<AssessmentEntity[]> {
    return this.manager.find(AssessmentEntity, { where: { organizationId }, order: { createdAt: 'DESC' } });
  }

  /** The framework version ids of an assessment in its order (none: no such assessment). */
  async frameworkIds(organizationId: string, id: string): Promise<string[]> {
    const links = await this.manager.find(AssessmentFrameworkEntity, {
      select: { frameworkVersionId: true },
      where: { organizationId, assessmentId: id },
      order: { position: 'ASC' },
    });
    return links.map((l) => l.frameworkVersionId);
  }

  /** The framework links of several assessments, each assessment's in its order. */
  frameworkLinksOf(organizationId: string, ids: readonly string[]): Promise<AssessmentFrameworkEntity[]> {
    return this.manager.find(AssessmentFrameworkEntity, { where: { organizationId, assessmentId: In([...ids]) }, order: { position: 'ASC' } });
  }

  async setProfile(organizationId: string, id: string, profile: ServiceProfile): Promise<void> {
    await this.manager.update(AssessmentEntity, { organizationId, id }, { profile });
  }

  async markSubmitted(organizationId: string, id: string): Promise<void> {
    await this.manager.update(AssessmentEntity, { organizationId, id }, { status: 'submitted' });
  }

  answers(organizationId: string, id: string): Promise<AnswerEntity[]> {
    return this.manager.find(AnswerEntity, { where: { organizationId, assessmentId: id } });
  }

  answersOf(organizationId: string, ids: readonly string[]): Promise<AnswerEntity[]> {
    return this.manager.find(AnswerEntity, { where: { organizationId, assessmentId: In([...ids]) } });
  }

  answer(organizationId: string, id: string, questionKey: string): Promise<AnswerEntity | null> {
    return this.manager.findOneBy(AnswerEntity, { organizationId, assessmentId: id, questionKey });
  }

  /**
   * The autosave hot path, one statement with optimistic locking done by the statement itself: a
   * first answer is an INSERT … ON CONFLICT DO NOTHING (expectedVersion 0), later ones an UPDATE …
   * WHERE version = expected. Either writes only while the assessment is a draft, holding a share
   * lock on it so a concurrent submission either sees this answer or makes this write fail. Returns
   * the stored answer, or null when nothing was written (stale version, not a draft, no assessment).
   */
  async writeAnswer(organizationId: string, w: AnswerWrite): Promise<AnswerEntity | null> {
    const stillDraft = (org: string) => `EXISTS (SELECT 1 FROM assessments WHERE id = $2 AND organization_id = ${org} AND status = 'draft' FOR SHARE)`;
    const returning = `RETURNING question_key AS "questionKey", value, note, version, updated_by AS "updatedBy", updated_at AS "updatedAt"`;
    const runner = this.manager.queryRunner!;
    const written =
      w.expectedVersion === 0
        ? await runner.query(
            `INSERT INTO answers (organization_id, assessment_id, question_key, value, note, version, updated_by)
             SELECT $1, $2, $3, $4::jsonb, $5, 1, $6 WHERE ${stillDraft('$1')}
             ON CONFLICT (assessment_id, question_key) DO NOTHING ${returning}`,
            [organizationId, w.assessmentId, w.questionKey, w.json, w.note, w.userId],
            true,
          )
        : await runner.query(
            `UPDATE answers SET value = $4::jsonb, note = $5, version = version + 1, updated_by = $6, updated_at = now()
              WHERE assessment_id = $2 AND question_key = $3 AND version = $1 AND organization_id = $7 AND ${stillDraft('$7')} ${returning}`,
            [w.expectedVersion, w.assessmentId, w.questionKey, w.json, w.note, w.userId, organizationId],
            true,
          );
    return (written.records as AnswerEntity[])[0] ?? null;
  }

  statuses(organizationId: string, id: string): Promise<RequirementStatusEntity[]> {
    return this.manager.find(RequirementStatusEntity, { where: { organizationId, assessmentId: id } });
  }

  statusesOf(organizationId: string, ids: readonly string[]): Promise<RequirementStatusEntity[]> {
    return this.manager.find(RequirementStatusEntity, { where: { organizationId, assessmentId: In([...ids]) } });
  }

  assignments(organizationId: string, id: string): Promise<RequirementAssignmentEntity[]> {
    return this.manager.find(RequirementAssignmentEntity, { where: { organizationId, assessmentId: id } });
  }

  /** The highest revision submitted so far (0: never submitted). */
  async lastRevision(organizationId: string, id: string): Promise<number> {
    const found = await this.manager.findOne(AssessmentSnapshotEntity, {
      select: { id: true, revision: true },
      where: { organizationId, assessmentId: id },
      order: { revision: 'DESC' },
    });
    return found?.revision ?? 0;
  }

  latestSnapshot(organizationId: string, id: string): Promise<AssessmentSnapshotEntity | null> {
    return this.manager.findOne(AssessmentSnapshotEntity, { where: { organizationId, assessmentId: id }, order: { revision: 'DESC' } });
  }

  insertSnapshot(snapshot: Omit<AssessmentSnapshotEntity, 'id' | 'assessment'>): Promise<AssessmentSnapshotEntity> {
    return this.manager.save(this.manager.create(AssessmentSnapshotEntity, snapshot));
  }

  /** A new cycle's copies of the last submission's answers and requirement statuses, each at version 1. */
  async copyIntoDraft(organizationId: string, id: string, userId: string, answers: readonly CopiedAnswer[], statuses: readonly CopiedStatus[]): Promise<void> {
    const manager = this.manager;
    if (answers.length > 0) {
      await manager.insert(
        AnswerEntity,
        answers.map((a) => ({ organizationId, assessmentId: id, questionKey: a.questionKey, value: a.value as AnswerValue, note: a.note, version: 1, updatedBy: userId })),
      );
    }
    if (statuses.length > 0) {
      await manager.insert(
        RequirementStatusEntity,
        statuses.map((r) => ({ organizationId, assessmentId: id, requirementKey: r.requirementKey, kind: r.kind, justification: r.justification, version: 1, updatedBy: userId })),
      );
    }
  }
}
