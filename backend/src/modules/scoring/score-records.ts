import { Injectable } from '@nestjs/common';
import type { ScoringResult } from '@beacon/domain';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AssessmentScoreEntity } from './entities';

/**
 * The scoring context's read port: the stored score of a submission, for reports (and the review
 * and benchmark readers to come). Reads name the organization and run in the caller's transaction.
 */
@Injectable()
export class ScoreRecords {
  constructor(private readonly db: TenantDatabase) {}

  /** The engine's result for the submission with this content, or null when it is not scored (yet). */
  async scoredResult(organizationId: string, assessmentId: string, contentHash: string): Promise<ScoringResult | null> {
    const found = await this.db.manager().findOne(AssessmentScoreEntity, {
      select: { id: true, result: true },
      where: { organizationId, assessmentId, contentHash, status: 'scored' },
    });
    return found?.result ?? null;
  }

  /** Whether the submission with this content has a `scored` score. */
  isScored(organizationId: string, assessmentId: string, contentHash: string): Promise<boolean> {
    return this.db.manager().existsBy(AssessmentScoreEntity, { organizationId, assessmentId, contentHash, status: 'scored' });
  }
}
