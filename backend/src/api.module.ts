import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AssessmentsModule } from './modules/assessments/assessments.module';
import { AuditModule } from './modules/audit/audit.module';
import { EvidenceModule } from './modules/evidence/evidence.module';
import { CatalogModule } from './modules/catalog/catalog.module';
import { HealthModule } from './modules/health/health.module';
import { IdentityModule } from './modules/identity/identity.module';
import { ScoringModule } from './modules/scoring/scoring.module';
import { ReportsModule } from './modules/reports/reports.module';
import { AuthGuard } from './platform/auth/auth.guard';
import { AuthModule } from './platform/auth/auth.module';
import { TenantTransactionInterceptor } from './platform/tenancy/tenant-transaction.interceptor';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter';
import { CorrelationMiddleware } from './platform/logging/correlation.middleware';
import { PlatformModule } from './platform/platform.module';
import { ENTITIES } from './database/entities';

/** The HTTP API: every context's controllers over the shared platform. */
@Module({
  imports: [PlatformModule.forRoot({ entities: ENTITIES }), AuditModule, AuthModule, HealthModule, CatalogModule, IdentityModule, AssessmentsModule, EvidenceModule, ScoringModule, ReportsModule],
  providers: [
    { provide: APP_FILTER, useClass: AllExceptionsFilter },
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_INTERCEPTOR, useClass: TenantTransactionInterceptor },
  ],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
