import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { AssessmentsModule } from './modules/assessments';
import { AuditModule } from './modules/audit';
import { CatalogModule } from './modules/catalog';
import { EvidenceModule, EvidenceRecordsModule } from './modules/evidence';
import { HealthModule } from './modules/health';
import { IdentityDirectoryModule, IdentityModule } from './modules/identity';
import { ReportsModule } from './modules/reports';
import { ScoringModule } from './modules/scoring';
import { AuthGuard } from './platform/auth/auth.guard';
import { AuthModule } from './platform/auth/auth.module';
import { TenantTransactionInterceptor } from './platform/tenancy/tenant-transaction.interceptor';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter';
import { CorrelationMiddleware } from './platform/logging/correlation.middleware';
import { PlatformModule } from './platform/platform.module';
import { ENTITIES } from './database/entities';
import { JOBS } from './jobs';

/** The HTTP API: every context's controllers over the shared platform. */
@Module({
  imports: [
    PlatformModule.forRoot({ entities: ENTITIES, jobs: JOBS }),
    AuditModule,
    AuthModule,
    HealthModule,
    CatalogModule,
    IdentityDirectoryModule,
    IdentityModule,
    AssessmentsModule,
    EvidenceRecordsModule,
    EvidenceModule,
    ScoringModule,
    ReportsModule,
  ],
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
