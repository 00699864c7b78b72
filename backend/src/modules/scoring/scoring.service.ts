import { Injectable } from '@nestjs/common';
import type { PreviewScoreResponse, ScoreResponse } from '@beacon/contracts';
import {
  type FrameworkDefinition,
  type MappingSetDefinition,
  SCORING_ENGINE_VERSION,
  scoreAssessment,
  type ScoringInput,
  type ScoringResult,
} from '@beacon/domain';
import type { EntityManager } from 'typeorm';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AssessmentRecords, AssessmentsService } from '../assessments';
import { AuditService } from '../audit';
import { FrameworkCache } from '../catalog';
import type { ScoreAssessmentJob } from './jobs/scoring.jobs';
import { AssessmentScoreEntity, type AssessmentScoreStatus } from './entities';
import { scoringError } from './scoring.exception';
import {
  documentKey,
  failureReason,
  type HashedDocument,
  readSnapshotContent,
  type ScoredSnapshotContent,
  ScoringInputError,
  scoringInputFromSnapshot,
} from './scoring-input';

/** What a scoring job did with its submission. */
export type SubmissionScoring =
  | { kind: 'snapshot-missing' }
  | { kind: 'already-scored'; scoreId: string }
  | { kind: AssessmentScoreStatus; stored: boolean; failureReason: string | null };

type SubmissionScoringJob = Pick<ScoreAssessmentJob, 'organizationId' | 'assessmentId' | 'snapshotId'>;

/**
 * Scores of assessments: the authoritative score of each submission (computed by the worker from
 * the frozen snapshot and stored once per content hash) and the preview of a draft (computed on
 * request). Every query runs in the caller's tenant transaction.
 */
@Injectable()
export class ScoringService {
  /** Catalogue documents are immutable once imported: a slug@version resolves once per process. */

  constructor(
    private readonly db: TenantDatabase,
    private readonly frameworkCache: FrameworkCache,
    private readonly audit: AuditService,
    private readonly assessments: AssessmentsService,
    private readonly records: AssessmentRecords,
  ) {}

  /** The score of the latest submission: pending until the worker stored it, then scored or failed. */
  async score(organizationId: string, assessmentId: string): Promise<ScoreResponse> {
    const manager = this.db.manager();
    if (!(await this.records.exists(organizationId, assessmentId))) {
      throw scoringError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    }
    const snapshot = await this.records.latestSubmission(organizationId, assessmentId);
    if (!snapshot) {
      throw scoringError('NOT_SUBMITTED', 'This assessment has not been submitted yet: preview its score instead.');
    }
    const stored = await manager.findOneBy(AssessmentScoreEntity, { assessmentId, contentHash: snapshot.contentHash });
    return {
      assessmentId,
      status: stored?.status ?? 'pending',
      snapshotId: snapshot.id,
      revision: snapshot.revision,
      contentHash: snapshot.contentHash,
      result: stored?.status === 'scored' ? stored.result : null,
      computedAt: stored ? stored.computedAt.toISOString() : null,
      engineVersion: stored?.engineVersion ?? null,
      failureReason: stored?.status === 'failed' ? stored.failureReason : null,
    };
  }

  /** The engine on the assessment as it stands now (answers, requirement statuses, mapping sets). */
  async preview(organizationId: string, assessmentId: string): Promise<PreviewScoreResponse> {
    const input = await this.assessments.draftScoringInput(organizationId, assessmentId);
    const result = scoreAssessment(input);
    return { assessmentId, preview: true, engineVersion: result.engineVersion, result };
  }

  /**
   * Scores one submission from its snapshot and stores the outcome once per (assessment, content
   * hash). A submission that cannot be scored (catalogue document missing or changed, engine
   * error) is stored as `failed` with the reason; database errors propagate, so the job retries.
   */
  async scoreSubmission(job: SubmissionScoringJob): Promise<SubmissionScoring> {
    const manager = this.db.manager();
    const snapshot = await this.records.submission(job.organizationId, job.snapshotId, job.assessmentId);
    if (!snapshot) return { kind: 'snapshot-missing' };
    const existing = await manager.findOne(AssessmentScoreEntity, {
      select: { id: true, status: true },
      where: { assessmentId: snapshot.assessmentId, contentHash: snapshot.contentHash },
    });
    if (existing?.status === 'scored') return { kind: 'already-scored', scoreId: existing.id };

    let outcome: { status: 'scored'; result: ScoringResult } | { status: 'failed'; reason: string };
    try {
      const content = readSnapshotContent(snapshot.content);
      // Reading the catalogue may fail for a transient reason: that error leaves this block.
      const documents = await this.snapshotDocuments(manager, content);
      outcome = this.compute(content, documents);
    } catch (error) {
      if (!(error instanceof ScoringInputError)) throw error;
      outcome = { status: 'failed', reason: failureReason(error) };
    }

    const result = outcome.status === 'scored' ? outcome.result : null;
    const reason = outcome.status === 'failed' ? outcome.reason : null;
    // One row per submission: a repeated or concurrent run changes nothing, except that a failed
    // score is replaced by a successful one.
    const written = await manager.query<{ id: string }[]>(
      `INSERT INTO assessment_scores
              (organization_id, assessment_id, snapshot_id, content_hash, status, result, engine_version, failure_reason, computed_at)
       VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, now())
       ON CONFLICT ON CONSTRAINT "UQ_assessment_scores_assessment_content" DO UPDATE
          SET snapshot_id = EXCLUDED.snapshot_id, status = EXCLUDED.status, result = EXCLUDED.result,
              engine_version = EXCLUDED.engine_version, failure_reason = EXCLUDED.failure_reason, computed_at = EXCLUDED.computed_at
        WHERE assessment_scores.status = 'failed' AND EXCLUDED.status = 'scored'
       RETURNING id`,
      [
        snapshot.organizationId,
        snapshot.assessmentId,
        snapshot.id,
        snapshot.contentHash,
        outcome.status,
        result === null ? null : JSON.stringify(result),
        result?.engineVersion ?? SCORING_ENGINE_VERSION,
        reason,
      ],
    );
    const stored = written.length > 0;
    if (stored) {
      await this.audit.record({
        organizationId: snapshot.organizationId,
        actorUserId: null,
        action: outcome.status === 'scored' ? 'assessment.scored' : 'assessment.scoring-failed',
        targetType: 'assessment',
        targetId: snapshot.assessmentId,
        details: {
          snapshotId: snapshot.id,
          revision: snapshot.revision,
          contentHash: snapshot.contentHash,
          engineVersion: result?.engineVersion ?? SCORING_ENGINE_VERSION,
          ...(reason === null ? {} : { failureReason: reason }),
        },
      });
    }
    return { kind: outcome.status, stored, failureReason: reason };
  }

  /** The pure part: rebuilding the input and running the engine. Any error here is permanent. */
  private compute(
    content: ScoredSnapshotContent,
    documents: { frameworks: Map<string, HashedDocument<FrameworkDefinition>>; mappingSets: Map<string, HashedDocument<MappingSetDefinition>> },
  ): { status: 'scored'; result: ScoringResult } {
    let input: ScoringInput;
    let result: ScoringResult;
    try {
      input = scoringInputFromSnapshot(content, documents.frameworks, documents.mappingSets);
      result = scoreAssessment(input);
    } catch (error) {
      if (error instanceof ScoringInputError) throw error;
      throw new ScoringInputError(`The scoring engine failed: ${failureReason(error)}`);
    }
    return { status: 'scored', result };
  }

  /** The catalogue documents a snapshot names, by slug@version; missing ones are simply absent. */
  private async snapshotDocuments(
    manager: EntityManager,
    content: ScoredSnapshotContent,
  ): Promise<{ frameworks: Map<string, HashedDocument<FrameworkDefinition>>; mappingSets: Map<string, HashedDocument<MappingSetDefinition>> }> {
    const frameworks = new Map<string, HashedDocument<FrameworkDefinition>>();
    for (const ref of content.frameworks) {
      const found = await this.frameworkCache.version(manager, ref);
      if (found) frameworks.set(documentKey(ref), { contentHash: found.contentHash, document: found.document });
    }
    const mappingSets = new Map<string, HashedDocument<MappingSetDefinition>>();
    for (const ref of content.mappingSets) {
      const found = await this.frameworkCache.mappingSet(manager, ref);
      if (found) mappingSets.set(documentKey(ref), { contentHash: found.contentHash, document: found.document });
    }
    return { frameworks, mappingSets };
  }
}
