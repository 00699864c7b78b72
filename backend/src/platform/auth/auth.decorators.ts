import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { OrganizationType, Permission, Role } from '@beacon/domain';
import type { Request } from 'express';

export const ACCESS_METADATA = 'beacon:access';

/** What a route requires; every route must declare one (a test walks them all). */
export type RouteAccess = { kind: 'public' } | { kind: 'authenticated' } | { kind: 'permission'; anyOf: readonly Permission[] };

/** Anyone, signed in or not. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies RouteAccess);
/** Any signed-in user, whatever their role (their own profile, sessions). */
export const Authenticated = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies RouteAccess);
/** A signed-in user whose role in the active organization grants one of these permissions. */
export const RequirePermission = (...anyOf: [Permission, ...Permission[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'permission', anyOf } satisfies RouteAccess);

/** Who is calling, established by the guard from the access token and the current database state. */
export interface AuthContext {
  userId: string;
  sessionVersion: number;
  organizationId: string | null;
  organizationType: OrganizationType | null;
  role: Role | null;
}

export interface AuthenticatedRequest extends Request {
  auth?: AuthContext;
  /** The request's tenant transaction, opened by the guard and finished by the interceptor. */
  tenantTransaction?: import('../tenancy/tenant-database').OpenTransaction;
  /** On a route that receives a file: the access to check again once the body is in (SingleFileUploadInterceptor). */
  admitAfterUpload?: Exclude<RouteAccess, { kind: 'public' }>;
}

/** The caller of an authenticated route. */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => {
  const auth = ctx.switchToHttp().getRequest<AuthenticatedRequest>().auth;
  if (!auth) throw new Error('CurrentAuth used on a route without authentication');
  return auth;
});

/** The client's address (Express resolves it behind trusted proxies only). */
export const ClientAddress = createParamDecorator((_data: unknown, ctx: ExecutionContext): string => {
  const req = ctx.switchToHttp().getRequest<Request>();
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
});
