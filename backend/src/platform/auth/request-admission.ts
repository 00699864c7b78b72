import { Inject, Injectable } from '@nestjs/common';
import { hasPermission, type OrganizationType, type Permission, type Role } from '@beacon/domain';
import { AppConfig } from '../config/app-config';
import { AppException } from '../errors/app.exception';
import { commonError } from '../errors/common-error';
import type { OpenTransaction } from '../tenancy/tenant-database';
import { TenantDatabase } from '../tenancy/tenant-database';
import type { AuthenticatedRequest, RouteAccess } from './auth.decorators';
import { type AccessTokenClaims, InvalidTokenError, verifyAccessToken } from './jwt';
import { SECURITY_EVENTS, type SecurityEvents } from './security-events';

interface CallerRow {
  session_version: number;
  disabled_at: Date | null;
  role: Role | null;
  type: OrganizationType | null;
  /** The token's session (refresh-token family) was revoked: logout, reuse, password change. */
  session_revoked: boolean;
}

/** What a signed-in route requires. */
export type SignedInAccess = Exclude<RouteAccess, { kind: 'public' }>;

/**
 * Lets a request in: checks its access token, opens its transaction scoped to the token's
 * organization by `app_begin_request` — which also reads the caller's user and membership in the
 * same round trip — and decides from that read whether the caller may use the route. The user and
 * the role are read on every request, so disabling a user, changing a password or changing a role
 * takes effect at once. On success `req.auth` is set and the open transaction is returned.
 */
@Injectable()
export class RequestAdmission {
  constructor(
    private readonly db: TenantDatabase,
    private readonly config: AppConfig,
    @Inject(SECURITY_EVENTS) private readonly securityEvents: SecurityEvents,
  ) {}

  async admit(req: AuthenticatedRequest, access: SignedInAccess): Promise<OpenTransaction> {
    const header = req.header('authorization') ?? '';
    const token = /^Bearer (\S+)$/.exec(header)?.[1];
    if (!token) throw unauthorized('Sign in to continue.');
    const { claims, caller, transaction } = await this.open(token);
    req.auth = {
      userId: claims.sub,
      sessionVersion: claims.ver,
      organizationId: caller.role ? claims.org : null,
      organizationType: caller.type,
      role: caller.role,
    };
    const role = caller.role;
    if (access.kind === 'permission' && !(role && access.anyOf.some((p) => hasPermission(role, p)))) {
      await transaction.abandon();
      await this.securityEvents.recordIndependently({
        organizationId: req.auth.organizationId,
        actorUserId: claims.sub,
        action: 'permission.denied',
        targetType: 'route',
        targetId: `${req.method} ${req.route ? String((req.route as { path: string }).path) : req.path}`,
        clientAddress: req.ip ?? null,
        details: { required: access.anyOf },
      });
      throw commonError('FORBIDDEN', `Your role does not allow this (${access.anyOf.join(' or ')}).`, {
        permission: access.anyOf,
      });
    }
    return transaction;
  }

  /**
   * Whether `token` is a valid access token whose user, as the database has them now, holds
   * `permission` in the token's organization — for a public route that shows more to some callers
   * (no audit event, no transaction left open).
   */
  async allows(token: string, permission: Permission): Promise<boolean> {
    try {
      const { caller, transaction } = await this.open(token);
      await transaction.abandon();
      return caller.role !== null && hasPermission(caller.role, permission);
    } catch (error) {
      if (error instanceof AppException) return false;
      throw error;
    }
  }

  /** Verifies the token and opens its transaction with the caller's current state; 401 when the session does not stand. */
  private async open(token: string): Promise<{ claims: AccessTokenClaims; caller: CallerRow; transaction: OpenTransaction }> {
    let claims: AccessTokenClaims;
    try {
      claims = verifyAccessToken(token, this.config.jwt);
    } catch (error) {
      throw unauthorized(error instanceof InvalidTokenError ? 'The access token is not valid.' : 'Sign in to continue.');
    }
    const { transaction, result: rows } = await this.db.beginWith({ organizationId: claims.org, userId: claims.sub }, (manager) =>
      manager.query<CallerRow[]>(`SELECT session_version, disabled_at, role, type, session_revoked FROM app_begin_request($1, $2, $3)`, [
        claims.sub,
        claims.org ?? null,
        claims.sid,
      ]),
    );
    try {
      const caller = rows[0];
      if (!caller || caller.disabled_at || caller.session_version !== claims.ver || caller.session_revoked) {
        throw unauthorized('Your session has ended. Sign in again.');
      }
      if (!caller.role && claims.org) await transaction.setScope({ organizationId: null, userId: claims.sub });
      return { claims, caller, transaction };
    } catch (error) {
      await transaction.abandon();
      throw error;
    }
  }
}

function unauthorized(message: string): AppException {
  return commonError('UNAUTHORIZED', message);
}
