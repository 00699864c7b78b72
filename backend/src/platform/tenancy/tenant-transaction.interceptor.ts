import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { TenantDatabase } from './tenant-database';

const PUBLIC_TRANSACTION = 'beacon:public-transaction';

/**
 * A public route that reads or writes tenant tables (sign-up, sign-in, refresh, invitations) runs
 * in a request transaction that starts with no organization and no user; the service sets the
 * scope once it knows who is calling. Every other public route (catalogue, health, status, report
 * verification) takes no request transaction: it reads through short statements of its own, so an
 * anonymous burst can never hold the pool.
 */
export const PublicTransaction = (): MethodDecorator => SetMetadata(PUBLIC_TRANSACTION, true);

/**
 * Finishes the transaction the guard opened for an authenticated request (scoped to the caller's
 * active organization, taken from the token and checked against the database, never from the
 * request), so row-level security applies to everything the handler reads or writes.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(
    private readonly db: TenantDatabase,
    private readonly reflector: Reflector,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    const opened = req.tenantTransaction;
    if (opened) {
      req.tenantTransaction = undefined;
      return from(opened.finish(handle));
    }
    if (this.reflector.get<boolean | undefined>(PUBLIC_TRANSACTION, context.getHandler())) {
      return from(this.db.transaction({ organizationId: null, userId: null }, handle));
    }
    return next.handle();
  }
}
