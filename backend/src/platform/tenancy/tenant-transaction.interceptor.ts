import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { TenantDatabase } from './tenant-database';

const OWN_TRANSACTION = 'beacon:own-transaction';

/**
 * For a public route that receives a large body (an upload) before it needs the database: no
 * transaction is opened around the handler, which opens a short one itself once the body is in
 * (`TenantDatabase.transaction`). An anonymous client sending slowly then holds no connection.
 */
export const OwnTransaction = (): MethodDecorator => SetMetadata(OWN_TRANSACTION, true);

/**
 * Runs each request in one transaction scoped to the caller's active organization (taken from the
 * authenticated context, never from the request), so row-level security applies to everything the
 * handler reads or writes.
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
    // Authenticated requests continue the transaction the guard opened; public ones get their own.
    const opened = req.tenantTransaction;
    if (opened) {
      req.tenantTransaction = undefined;
      return from(opened.finish(handle));
    }
    if (this.reflector.get<boolean | undefined>(OWN_TRANSACTION, context.getHandler())) return next.handle();
    return from(this.db.transaction({ organizationId: req.auth?.organizationId ?? null, userId: req.auth?.userId ?? null }, handle));
  }
}
