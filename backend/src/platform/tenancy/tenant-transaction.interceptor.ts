import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import { TenantDatabase } from './tenant-database';

/**
 * Runs each request in one transaction scoped to the caller's active organization (taken from the
 * authenticated context, never from the request), so row-level security applies to everything the
 * handler reads or writes.
 */
@Injectable()
export class TenantTransactionInterceptor implements NestInterceptor {
  constructor(private readonly db: TenantDatabase) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const handle = () => lastValueFrom(next.handle(), { defaultValue: undefined });
    // Authenticated requests continue the transaction the guard opened; public ones get their own.
    const opened = req.tenantTransaction;
    if (opened) {
      req.tenantTransaction = undefined;
      return from(opened.finish(handle));
    }
    return from(this.db.transaction({ organizationId: req.auth?.organizationId ?? null, userId: req.auth?.userId ?? null }, handle));
  }
}
