import { Injectable } from '@nestjs/common';
import type { AssessmentSnapshotContent } from '@beacon/contracts';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AssessmentEntity, AssessmentFrameworkEntity, AssessmentSnapshotEntity } from './entities';

/** A submission as other contexts see it: the frozen snapshot and its identity. */
export interface Submission {
  id: string;
  organizationId: string;
  assessmentId: string;
  revision: number;
  contentHash: string;
  submittedAt: Date;
  /**
   * The snapshot as stored (`AssessmentSnapshotContent` when it was written): read it with
   * `readSnapshot` from `@beacon/domain`, the one reader, which says what an old or broken one lacks.
   */
  content: unknown;
}

export type SubmissionRef = Pick<Submission, 'id' | 'assessmentId' | 'revision' | 'contentHash'>;

/** Where an assessment stands, for contexts that attach things to it (evidence). */
export interface AssessmentState {
  status: AssessmentEntity['status'];
  /** Its framework versions, in the order the assessment lists them. */
  frameworkIds: string[];
}

/**
 * The assessments context's read port: what other contexts (evidence, scoring, reports, and the
 * review and benchmark readers to come) may know of assessments and their submissions. Every read
 * names the organization and runs in the caller's transaction, where row-level security scopes it
 * a second time.
 */
@Injectable()
export class AssessmentRecords {
  constructor(private readonly db: TenantDatabase) {}

  exists(organizationId: string, assessmentId: string): Promise<boolean> {
    return this.db.manager().existsBy(AssessmentEntity, { organizationId, id: assessmentId });
  }

  /**
   * The assessment's status and framework versions, or null when it is not the organization's.
   * With `lock`, the assessment row is share-locked until the transaction ends, so a concurrent
   * submission waits for the caller's change (and its snapshot sees it), or the change waits for
   * the submission and then finds the assessment submitted.
   */
  async state(organizationId: string, assessmentId: string, options: { lock?: boolean } = {}): Promise<AssessmentState | null> {
    const manager = this.db.manager();
    const assessment = await manager.findOne(AssessmentEntity, {
      select: { id: true, status: true },
      where: { organizationId, id: assessmentId },
      ...(options.lock ? { lock: { mode: 'pessimistic_read' as const } } : {}),
    });
    if (!assessment) return null;
    const links = await manager.find(AssessmentFrameworkEntity, { select: { frameworkVersionId: true }, where: { assessmentId }, order: { position: 'ASC' } });
    return { status: assessment.status, frameworkIds: links.map((l) => l.frameworkVersionId) };
  }

  /** The latest submission of the assessment, or null when it was never submitted. */
  async latestSubmission(organizationId: string, assessmentId: string): Promise<SubmissionRef | null> {
    const found = await this.db.manager().findOne(AssessmentSnapshotEntity, {
      select: { id: true, assessmentId: true, revision: true, contentHash: true },
      where: { organizationId, assessmentId },
      order: { revision: 'DESC' },
    });
    return found ? { id: found.id, assessmentId: found.assessmentId, revision: found.revision, contentHash: found.contentHash } : null;
  }

  /** One submission with its snapshot, or null when it is not the organization's (or not of `assessmentId`, when given). */
  async submission(organizationId: string, snapshotId: string, assessmentId?: string): Promise<Submission | null> {
    const found = await this.db.manager().findOneBy(AssessmentSnapshotEntity, {
      organizationId,
      id: snapshotId,
      ...(assessmentId === undefined ? {} : { assessmentId }),
    });
    if (!found) return null;
    const { id, revision, contentHash, submittedAt, content } = found;
    return { id, organizationId: found.organizationId, assessmentId: found.assessmentId, revision, contentHash, submittedAt, content };
  }
}

/**
 * What a submission freezes of an assessment's evidence. The evidence context provides it
 * (`SUBMISSION_EVIDENCE`); assessments may not read evidence's tables.
 */
export interface SubmissionEvidence {
  /** The assessment's evidence as the snapshot keeps it, in any order. */
  ofAssessment(organizationId: string, assessmentId: string): Promise<AssessmentSnapshotContent['evidence']>;
}

export const SUBMISSION_EVIDENCE = Symbol('SUBMISSION_EVIDENCE');
