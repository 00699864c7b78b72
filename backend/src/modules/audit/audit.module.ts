import { Global, Module } from '@nestjs/common';
import { SECURITY_EVENTS } from '../../platform/auth/security-events';
import { AuditLog } from './audit-log';
import { AuditController } from './audit.controller';
import { AuditService } from './audit.service';

/** The audit log; it also records the platform's security events (`SECURITY_EVENTS`, e.g. a refused permission). */
@Global()
@Module({
  controllers: [AuditController],
  providers: [AuditService, AuditLog, { provide: SECURITY_EVENTS, useExisting: AuditService }],
  exports: [AuditService, SECURITY_EVENTS],
})
export class AuditModule {}
