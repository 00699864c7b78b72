import { Injectable } from '@nestjs/common';
import type { RequirementStatusResponse, StaleRequirementStatusDetails } from '@beacon/contracts';
import {
  type RequirementDefinition,
  type RequirementStatusKind,
  type RequirementStatusRule,
  requirementStatusMessage,
  validateRequirementStatus,
} from '@beacon/domain';
import type { EntityManager } from 'typeorm';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { fieldRefusal } from '../../platform/errors/field-refusal';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit';
import { FrameworkCache } from '../catalog';
import { assessmentError, AssessmentsException } from './assessments.exception';

interface StatusRow {
  requirementKey: string;
  kind: RequirementStatusKind;
  justification: string;
  version: number;
  updatedAt: Date;
  updatedBy: string | null;
}

const RETURNING = `requirement_key AS "requirementKey", kind, justification, version, updated_at AS "updatedAt", updated_by AS "updatedBy"`;

/** The request field a refused status is about: the kind for `kind` / `not-allowed`, else the justification. */
const FIELD_OF_RULE: Record<RequirementStatusRule, 'kind' | 'justification'> = {
  type: 'justification',
  kind: 'kind',
  'not-allowed': 'kind',
  length: 'justification',
};

function toResponse(row: StatusRow): RequirementStatusResponse {
  return {
    requirementKey: row.requirementKey,
    kind: row.kind,
    justification: row.justification,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedBy,
  };
}

/**
 * Requirement-level answers of an assessment: "not applicable" or "equivalent alternative
 * measure", each with a justification. Writes are guarded like answers (the statement carries the
 * expected version) and refused once the assessment is submitted.
 */
@Injectable()
export class RequirementStatusesService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
  ) {}

  async list(assessmentId: string): Promise<RequirementStatusResponse[]> {
    const manager = this.db.manager();
    await this.state(manager, assessmentId);
    const rows = await manager.query<StatusRow[]>(`SELECT ${RETURNING} FROM requirement_statuses WHERE assessment_id = $1 ORDER BY requirement_key`, [assessmentId]);
    return rows.map(toResponse);
  }

  /**
   * Declares (expectedVersion 0: INSERT … ON CONFLICT DO NOTHING) or changes (UPDATE … WHERE
   * version = expected) a requirement's status. A stale write changes nothing and gets 409 with the
   * stored status.
   */
  async set(
    auth: AuthContext,
    assessmentId: string,
    requirementKey: string,
    input: { kind: string; justification: string; expectedVersion: number },
  ): Promise<RequirementStatusResponse> {
    const manager = this.db.manager();
    const requirement = await this.writableRequirement(manager, assessmentId, requirementKey);
    const checked = validateRequirementStatus(requirement, { kind: input.kind, justification: input.justification });
    if (!checked.ok) {
      const { problem, rule } = checked;
      const refused = fieldRefusal({
        field: FIELD_OF_RULE[rule],
        rule,
        problem,
        requirementKey,
        write: (locale) => requirementStatusMessage(requirementKey, problem, locale),
      });
      throw assessmentError('INVALID_REQUIREMENT_STATUS', refused.message, refused.details);
    }
    const { kind, justification } = checked.value;
    let saved: StatusRow | undefined;
    if (input.expectedVersion === 0) {
      const inserted = await manager.query<StatusRow[]>(
        `INSERT INTO requirement_statuses (organization_id, assessment_id, requirement_key, kind, justification, version, updated_by)
         VALUES ($1, $2, $3, $4, $5, 1, $6)
         ON CONFLICT (assessment_id, requirement_key) DO NOTHING
         RETURNING ${RETURNING}`,
        [auth.organizationId, assessmentId, requirementKey, kind, justification, auth.userId],
      );
      saved = inserted[0];
    } else {
      // An UPDATE through `query` answers [rows, affected count].
      const [updated] = await manager.query<[StatusRow[], number]>(
        `UPDATE requirement_statuses
            SET kind = $3, justification = $4, version = version + 1, updated_by = $5, updated_at = now()
          WHERE assessment_id = $1 AND requirement_key = $2 AND version = $6
         RETURNING ${RETURNING}`,
        [assessmentId, requirementKey, kind, justification, auth.userId, input.expectedVersion],
      );
      saved = updated[0];
    }
    if (!saved) throw await this.staleConflict(manager, assessmentId, requirementKey);
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: 'requirement-status.set',
      targetType: 'requirement',
      targetId: `${assessmentId}/${requirementKey}`,
      details: { kind, version: saved.version },
    });
    return toResponse(saved);
  }

  /** Removes a requirement's status (its questions are asked again); a stale version gets 409. */
  async clear(auth: AuthContext, assessmentId: string, requirementKey: string, expectedVersion: number): Promise<void> {
    const manager = this.db.manager();
    await this.writableRequirement(manager, assessmentId, requirementKey);
    const [deleted] = await manager.query<[{ kind: string }[], number]>(
      `DELETE FROM requirement_statuses WHERE assessment_id = $1 AND requirement_key = $2 AND version = $3 RETURNING kind`,
      [assessmentId, requirementKey, expectedVersion],
    );
    const row = deleted[0];
    if (!row) throw await this.staleConflict(manager, assessmentId, requirementKey);
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: 'requirement-status.cleared',
      targetType: 'requirement',
      targetId: `${assessmentId}/${requirementKey}`,
      details: { kind: row.kind, version: expectedVersion },
    });
  }

  /** 409 with the stored status (or null): the write was based on a version that is no longer current. */
  private async staleConflict(manager: EntityManager, assessmentId: string, requirementKey: string): Promise<AssessmentsException> {
    const [current] = await manager.query<StatusRow[]>(`SELECT ${RETURNING} FROM requirement_statuses WHERE assessment_id = $1 AND requirement_key = $2`, [
      assessmentId,
      requirementKey,
    ]);
    return assessmentError(
      'STALE_VERSION',
      'This requirement status was changed by someone else; nothing was overwritten.',
      { current: current ? toResponse(current) : null } satisfies StaleRequirementStatusDetails,
    );
  }

  /**
   * The assessment is the organization's (404), still a draft (409) and has the requirement in its
   * frameworks (404). The assessment row is share-locked until the transaction ends, so a
   * concurrent submission either sees this write in its snapshot or makes it answer 409.
   */
  private async writableRequirement(manager: EntityManager, assessmentId: string, requirementKey: string): Promise<RequirementDefinition> {
    const state = await this.state(manager, assessmentId, true);
    if (state.status !== 'draft') {
      throw assessmentError('ALREADY_SUBMITTED', 'This assessment has been submitted and can no longer change.');
    }
    for (const id of state.frameworkIds) {
      const framework = await this.frameworkCache.get(manager, id);
      for (const section of framework.document.sections) {
        const requirement = section.requirements.find((r) => r.key === requirementKey);
        if (requirement) return requirement;
      }
    }
    throw assessmentError('REQUIREMENT_NOT_FOUND', `No requirement ${requirementKey} in this assessment's frameworks.`);
  }

  private async state(manager: EntityManager, assessmentId: string, lock = false): Promise<{ status: string; frameworkIds: string[] }> {
    const [state] = await manager.query<{ status: string; framework_ids: string[] }[]>(
      `SELECT a.status,
              ARRAY(SELECT af.framework_version_id FROM assessment_frameworks af WHERE af.assessment_id = a.id ORDER BY af.position) AS framework_ids
         FROM assessments a WHERE a.id = $1${lock ? ' FOR SHARE OF a' : ''}`,
      [assessmentId],
    );
    if (!state) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    return { status: state.status, frameworkIds: state.framework_ids };
  }
}
