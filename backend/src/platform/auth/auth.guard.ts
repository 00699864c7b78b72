import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { Reflector } from '@nestjs/core';
import { commonError } from '../errors/common-error';
import { SingleFileUploadInterceptor } from '../http/single-file-upload.interceptor';
import { ACCESS_METADATA, type AuthenticatedRequest, type RouteAccess } from './auth.decorators';
import { RequestAdmission } from './request-admission';

/**
 * Deny by default: a route runs only if it is declared public, or the caller presents a valid
 * access token (and, where declared, holds the permission in their active organization).
 *
 * The request's transaction opens here and the interceptor finishes it — except on routes that
 * receive a file: the caller is checked now (so a stranger is refused before sending a byte), the
 * transaction is given back at once, and the upload interceptor lets the caller in again once the
 * whole body is on disk. A slow upload therefore never holds a database connection.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly admission: RequestAdmission,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<RouteAccess | undefined>(ACCESS_METADATA, [context.getHandler(), context.getClass()]);
    if (!access) throw commonError('FORBIDDEN', 'This route declares no access rule.');
    if (access.kind === 'public') return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const transaction = await this.admission.admit(req, access);
    if (this.receivesUpload(context)) {
      await transaction.abandon();
      req.admitAfterUpload = access;
      return true;
    }
    req.tenantTransaction = transaction;
    return true;
  }

  private receivesUpload(context: ExecutionContext): boolean {
    const interceptors = this.reflector.get<unknown[] | undefined>(INTERCEPTORS_METADATA, context.getHandler()) ?? [];
    return interceptors.some((i) => typeof i === 'function' && i.prototype instanceof SingleFileUploadInterceptor);
  }
}
