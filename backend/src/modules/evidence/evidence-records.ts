import { Global, Injectable, Module } from '@nestjs/common';
import type { AssessmentSnapshotContent } from '@beacon/contracts';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { SUBMISSION_EVIDENCE, type SubmissionEvidence } from '../assessments';
import { EvidenceEntity } from './entities';

/**
 * The evidence context's read port: evidence metadata of an assessment as other contexts may see
 * it (the submission snapshot today; reviewers tomorrow). Reads name the organization and run in
 * the caller's transaction.
 */
@Injectable()
export class EvidenceRecords implements SubmissionEvidence {
  constructor(private readonly db: TenantDatabase) {}

  async ofAssessment(organizationId: string, assessmentId: string): Promise<AssessmentSnapshotContent['evidence']> {
    const rows = await this.db.manager().find(EvidenceEntity, {
      select: { id: true, requirementKey: true, kind: true, fileName: true, title: true, url: true, sha256: true },
      where: { organizationId, assessmentId },
    });
    return rows.map((e) => ({
      id: e.id,
      requirementKey: e.requirementKey,
      kind: e.kind,
      // A file by its name; a link by its title, or its address when it has none.
      name: e.kind === 'file' ? (e.fileName ?? '') : e.title || (e.url ?? ''),
      sha256: e.sha256,
      url: e.url,
    }));
  }
}

/** Evidence metadata for every context of the process, and the submission's view of it. */
@Global()
@Module({
  providers: [EvidenceRecords, { provide: SUBMISSION_EVIDENCE, useExisting: EvidenceRecords }],
  exports: [EvidenceRecords, SUBMISSION_EVIDENCE],
})
export class EvidenceRecordsModule {}
