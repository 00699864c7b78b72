import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { AuditEventResponse, AuditVerifyResponse } from '@beacon/contracts';
import { hasPermission } from '@beacon/domain';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { TenantDatabase } from '../../platform/tenancy/tenant-database';
import { AuditLog } from './audit-log';
import { AuditService } from './audit.service';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('audit')
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly log: AuditLog,
    private readonly db: TenantDatabase,
  ) {}

  @Get()
  @RequirePermission('audit:read', 'audit:read-all')
  @ApiOperation({ summary: 'Audit events of the active organization, newest first (platform admin: every organization).' })
  list(@CurrentAuth() auth: AuthContext): Promise<AuditEventResponse[]> {
    return this.inScope(auth, () => this.log.list());
  }

  @Get('verify')
  @RequirePermission('audit:read', 'audit:read-all')
  @ApiOperation({ summary: 'Recomputes the hash chains; lists every broken event with its reason (the first one also as firstBrokenEventId).' })
  verify(@CurrentAuth() auth: AuthContext): Promise<AuditVerifyResponse> {
    return this.inScope(auth, () => this.audit.verify());
  }

  /** The platform audit is the one narrow path that reads every organization's events. */
  private inScope<T>(auth: AuthContext, fn: () => Promise<T>): Promise<T> {
    if (auth.role && hasPermission(auth.role, 'audit:read-all')) {
      return this.db.withScope({ scope: 'platform-audit' }, fn);
    }
    return fn();
  }
}
