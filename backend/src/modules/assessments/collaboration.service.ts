import { Injectable } from '@nestjs/common';
import type { AssignmentResponse, CommentResponse } from '@beacon/contracts';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit';
import { FrameworkCache } from '../catalog';
import { IdentityDirectory } from '../identity';
import { assessmentError } from './assessments.exception';
import { RequirementAssignmentEntity, RequirementCommentEntity } from './entities';

/** Assignments of requirements to members and comments per requirement, in the caller's organization. */
@Injectable()
export class CollaborationService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
    private readonly directory: IdentityDirectory,
  ) {}

  async assignments(auth: AuthContext, assessmentId: string): Promise<AssignmentResponse[]> {
    await this.assertRequirement(assessmentId);
    const rows = await this.db.manager().find(RequirementAssignmentEntity, { where: { organizationId: auth.organizationId!, assessmentId }, order: { requirementKey: 'ASC' } });
    const names = await this.directory.namesOf(rows.map((r) => r.assigneeUserId));
    return rows.flatMap((r) => {
      const name = names.get(r.assigneeUserId);
      return name === undefined ? [] : [{ requirementKey: r.requirementKey, assigneeUserId: r.assigneeUserId, assigneeName: name, assignedAt: r.assignedAt.toISOString() }];
    });
  }

  /** Assigns (or, with null, unassigns) a requirement to a member of the organization. */
  async assign(auth: AuthContext, assessmentId: string, requirementKey: string, userId: string | null): Promise<AssignmentResponse | null> {
    await this.assertRequirement(assessmentId, requirementKey);
    const manager = this.db.manager();
    await manager.delete(RequirementAssignmentEntity, { assessmentId, requirementKey });
    let result: AssignmentResponse | null = null;
    if (userId) {
      const member = await this.directory.member(auth.organizationId!, userId);
      if (!member) {
        throw assessmentError.invalid('NOT_A_MEMBER', 'The assignee must be a member of your organization.', [
          { field: 'userId', reasons: ['not a member of this organization'] },
        ]);
      }
      const saved = await manager.save(
        manager.create(RequirementAssignmentEntity, { assessmentId, requirementKey, organizationId: auth.organizationId!, assigneeUserId: userId, assignedBy: auth.userId }),
      );
      result = { requirementKey, assigneeUserId: userId, assigneeName: member.name, assignedAt: saved.assignedAt.toISOString() };
    }
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: userId ? 'requirement.assigned' : 'requirement.unassigned',
      targetType: 'requirement',
      targetId: `${assessmentId}/${requirementKey}`,
      details: userId ? { assigneeUserId: userId } : null,
    });
    return result;
  }

  async comments(auth: AuthContext, assessmentId: string, requirementKey: string): Promise<CommentResponse[]> {
    await this.assertRequirement(assessmentId, requirementKey);
    const rows = await this.db.manager().find(RequirementCommentEntity, {
      where: { organizationId: auth.organizationId!, assessmentId, requirementKey },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    const names = await this.directory.namesOf(rows.map((r) => r.authorUserId));
    return rows.flatMap((r) => {
      const name = names.get(r.authorUserId);
      return name === undefined ? [] : [{ id: r.id, requirementKey, authorUserId: r.authorUserId, authorName: name, body: r.body, createdAt: r.createdAt.toISOString() }];
    });
  }

  async comment(auth: AuthContext, assessmentId: string, requirementKey: string, body: string): Promise<CommentResponse> {
    await this.assertRequirement(assessmentId, requirementKey);
    const manager = this.db.manager();
    const saved = await manager.save(
      manager.create(RequirementCommentEntity, { organizationId: auth.organizationId!, assessmentId, requirementKey, authorUserId: auth.userId, body: body.trim() }),
    );
    const authorName = (await this.directory.namesOf([auth.userId])).get(auth.userId) ?? '';
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: 'requirement.commented',
      targetType: 'requirement',
      targetId: `${assessmentId}/${requirementKey}`,
      details: { commentId: saved.id },
    });
    return { id: saved.id, requirementKey, authorUserId: auth.userId, authorName, body: saved.body, createdAt: saved.createdAt.toISOString() };
  }

  /** The assessment is the organization's (404 otherwise) and, when given, the requirement is in its frameworks. */
  private async assertRequirement(assessmentId: string, requirementKey?: string): Promise<void> {
    const manager = this.db.manager();
    const [state] = await manager.query<{ framework_ids: string[] }[]>(
      `SELECT array_agg(af.framework_version_id) AS framework_ids FROM assessments a
         JOIN assessment_frameworks af ON af.assessment_id = a.id WHERE a.id = $1 GROUP BY a.id`,
      [assessmentId],
    );
    if (!state) throw assessmentError('ASSESSMENT_NOT_FOUND', 'No such assessment.');
    if (requirementKey === undefined) return;
    for (const id of state.framework_ids) {
      const framework = await this.frameworkCache.get(manager, id);
      if (framework.document.sections.some((s) => s.requirements.some((r) => r.key === requirementKey))) return;
    }
    throw assessmentError('REQUIREMENT_NOT_FOUND', `No requirement ${requirementKey} in this assessment.`);
  }
}
