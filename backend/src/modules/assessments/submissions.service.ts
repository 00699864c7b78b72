import { Inject, Injectable } from '@nestjs/common';
import type { AssessmentResponse, AssessmentSnapshotContent, MissingAnswersDetails, SubmissionResponse } from '@beacon/contracts';
import { byText, canonicalJson, missingRequiredAnswers, readSnapshot } from '@beacon/domain';
import { createHash } from 'node:crypto';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { currentCorrelationId } from '../../platform/logging/request-context';
import { OutboxService } from '../../platform/outbox/outbox.service';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit';
import { IdentityDirectory } from '../identity';
import { SUBMISSION_EVIDENCE, type SubmissionEvidence } from './assessment-records';
import { assertDraft, AssessmentsService, scoringInputOf } from './assessments.service';
import { assessmentError } from './assessments.exception';
import { AssessmentsRepository } from './data/assessments.repository';

/**
 * Submissions: freezing an assessment into an immutable, hashed snapshot (and asking for its
 * score), and starting the next cycle from the last one.
 */
@Injectable()
export class SubmissionsService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly repository: AssessmentsRepository,
    private readonly assessments: AssessmentsService,
    private readonly audit: AuditService,
    private readonly outbox: OutboxService,
    private readonly directory: IdentityDirectory,
    @Inject(SUBMISSION_EVIDENCE) private readonly submissionEvidence: SubmissionEvidence,
  ) {}

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
    const organizationId = auth.organizationId!;
    const loaded = await this.assessments.load(organizationId, id, { lock: true });
    assertDraft(loaded.assessment);
    const answers = await this.repository.answers(organizationId, id);
    const statuses = await this.assessments.statuses(organizationId, id);
    const mappingSets = await this.assessments.mappingSets(loaded.frameworks);
    const missing = missingRequiredAnswers(scoringInputOf(loaded, answers, statuses, mappingSets));
    if (missing.length > 0) {
      throw assessmentError('MISSING_ANSWERS', `${missing.length} required question(s) are not answered yet.`, {
        missing,
      } satisfies MissingAnswersDetails);
    }
    const revision = (await this.repository.lastRevision(organizationId, id)) + 1;
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
      evidence: await this.evidence(organizationId, id),
      assignments: await this.assignees(organizationId, id),
      attestation: { ...attestation, userId: auth.userId, attestedAt: submittedAt.toISOString() },
    } satisfies AssessmentSnapshotContent;
    const contentHash = createHash('sha256').update(canonicalJson(content)).digest('hex');
    const snapshot = await this.repository.insertSnapshot({
      organizationId,
      assessmentId: id,
      revision,
      content,
      contentHash,
      submittedBy: auth.userId,
      submittedAt,
    });
    await this.repository.markSubmitted(organizationId, id);
    // Scored in the background; the job exists if and only if this submission commits.
    await this.outbox.enqueue(this.db.manager(), {
      name: 'scoring.score-assessment',
      data: { correlationId: currentCorrelationId() ?? snapshot.id, organizationId, assessmentId: id, snapshotId: snapshot.id },
    });
    await this.audit.record({
      organizationId,
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
    const organizationId = auth.organizationId!;
    const loaded = await this.assessments.load(organizationId, id);
    const snapshot = await this.repository.latestSnapshot(organizationId, id);
    if (!snapshot) {
      throw assessmentError('NOT_SUBMITTED', 'Submit this assessment before starting its next cycle.');
    }
    // The one snapshot reader: snapshots frozen before requirement statuses existed have none.
    const content = readSnapshot(snapshot.content);
    const next = await this.repository.createDraft(
      organizationId,
      { title: loaded.assessment.title, profile: content.profile, createdBy: auth.userId },
      loaded.frameworks.map((f) => f.id),
    );
    await this.repository.copyIntoDraft(organizationId, next.id, auth.userId, content.answers, content.requirementStatuses);
    await this.audit.record({
      organizationId,
      actorUserId: auth.userId,
      action: 'assessment.cycle-started',
      targetType: 'assessment',
      targetId: next.id,
      details: { from: id, revision: snapshot.revision },
    });
    return this.assessments.describe({ assessment: next, frameworks: loaded.frameworks }, await this.repository.answers(organizationId, next.id));
  }

  /** Evidence of the assessment as the snapshot keeps it: sorted by requirement key, then id. */
  private async evidence(organizationId: string, id: string): Promise<AssessmentSnapshotContent['evidence']> {
    const rows = await this.submissionEvidence.ofAssessment(organizationId, id);
    return rows.sort((a, b) => byText(a.requirementKey, b.requirementKey) || byText(a.id, b.id));
  }

  /** Assignees with their display name, sorted by requirement key. */
  private async assignees(organizationId: string, id: string): Promise<AssessmentSnapshotContent['assignments']> {
    const rows = await this.repository.assignments(organizationId, id);
    const names = await this.directory.namesOf(rows.map((r) => r.assigneeUserId));
    return rows
      .flatMap((r) => {
        const name = names.get(r.assigneeUserId);
        return name === undefined ? [] : [{ requirementKey: r.requirementKey, userId: r.assigneeUserId, name }];
      })
      .sort((a, b) => byText(a.requirementKey, b.requirementKey));
  }
}
