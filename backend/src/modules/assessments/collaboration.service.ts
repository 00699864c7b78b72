import { Injectable } from '@nestjs/common';
import type { AssignmentResponse, CommentResponse } from '@beacon/contracts';
import type { AuthContext } from '../../platform/auth/auth.decorators';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditService } from '../audit/audit.service';
import { FrameworkCache } from '../catalog/framework-cache';
import { assessmentError } from './assessments.exception';
import { RequirementAssignmentEntity, RequirementCommentEntity } from './entities';

/** Assignments of requirements to members and comments per requirement, in the caller's organization. */
@Injectable()
export class CollaborationService {
  constructor(
    private readonly db: TenantDatabase,
    private readonly audit: AuditService,
    private readonly frameworkCache: FrameworkCache,
  ) {}

  async assignments(assessmentId: string): Promise<AssignmentResponse[]> {
    await this.assertRequirement(assessmentId);
    const rows = await this.db.manager().query<{ requirement_key: string; assignee_user_id: string; name: string; assigned_at: Date }[]>(
      `SELECT a.requirement_key, a.assignee_user_id, u.name, a.assigned_at
         FROM requirement_assignments a JOIN users u ON u.id = a.assignee_user_id
        WHERE a.assessment_id = $1 ORDER BY a.requirement_key`,
      [assessmentId],
    );
    return rows.map((r) => ({ requirementKey: r.requirement_key, assigneeUserId: r.assignee_user_id, assigneeName: r.name, assignedAt: r.assigned_at.toISOString() }));
  }

  /** Assigns (or, with null, unassigns) a requirement to a member of the organization. */
  async assign(auth: AuthContext, assessmentId: string, requirementKey: string, userId: string | null): Promise<AssignmentResponse | null> {
    await this.assertRequirement(assessmentId, requirementKey);
    const manager = this.db.manager();
    await manager.delete(RequirementAssignmentEntity, { assessmentId, requirementKey });
    let result: AssignmentResponse | null = null;
    if (userId) {
      const [member] = await manager.query<{ name: string }[]>(
        `SELECT u.name FROM memberships m JOIN users u ON u.id = m.user_id WHERE m.organization_id = app_organization_id() AND m.user_id = $1`,
        [userId],
      );
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

  async comments(assessmentId: string, requirementKey: string): Promise<CommentResponse[]> {
    await this.assertRequirement(assessmentId, requirementKey);
    const rows = await this.db.manager().query<{ id: string; author_user_id: string; name: string; body: string; created_at: Date }[]>(
      `SELECT c.id, c.author_user_id, u.name, c.body, c.created_at
         FROM requirement_comments c JOIN users u ON u.id = c.author_user_id
        WHERE c.assessment_id = $1 AND c.requirement_key = $2 ORDER BY c.created_at, c.id`,
      [assessmentId, requirementKey],
    );
    return rows.map((r) => ({ id: r.id, requirementKey, authorUserId: r.author_user_id, authorName: r.name, body: r.body, createdAt: r.created_at.toISOString() }));
  }

  async comment(auth: AuthContext, assessmentId: string, requirementKey: string, body: string): Promise<CommentResponse> {
    await this.assertRequirement(assessmentId, requirementKey);
    const manager = this.db.manager();
    const saved = await manager.save(
      manager.create(RequirementCommentEntity, { organizationId: auth.organizationId!, assessmentId, requirementKey, authorUserId: auth.userId, body: body.trim() }),
    );
    const [author] = await manager.query<{ name: string }[]>(`SELECT name FROM users WHERE id = $1`, [auth.userId]);
    await this.audit.record({
      organizationId: auth.organizationId,
      actorUserId: auth.userId,
      action: 'requirement.commented',
      targetType: 'requirement',
      targetId: `${assessmentId}/${requirementKey}`,
      details: { commentId: saved.id },
    });
    return { id: saved.id, requirementKey, authorUserId: auth.userId, authorName: author?.name ?? '', body: saved.body, createdAt: saved.createdAt.toISOString() };
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
