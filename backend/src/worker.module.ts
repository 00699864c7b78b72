import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from './modules/audit';
import { EvidenceRecordsModule } from './modules/evidence';
import { HealthJobsModule } from './modules/health';
import { IdentityDirectoryModule } from './modules/identity';
import { ReportsJobsModule } from './modules/reports';
import { ScoringJobsModule } from './modules/scoring';
import { AuthModule } from './platform/auth/auth.module';
import { OutboxOutcome } from './platform/outbox/outbox-outcome';
import { OutboxRelay } from './platform/outbox/outbox-relay';
import { PlatformModule } from './platform/platform.module';
import { ENTITIES } from './database/entities';
import { JOBS } from './jobs';
import { JobHandlerRegistry } from './platform/queue/job-handler-registry';
import { WorkerRuntime } from './platform/queue/worker-runtime';

/** The background worker: the same contexts' job handlers, the queue workers and the outbox relay. */
@Module({
  imports: [
    PlatformModule.forRoot({ entities: ENTITIES, jobs: JOBS }),
    AuthModule,
    DiscoveryModule,
    AuditModule,
    IdentityDirectoryModule,
    EvidenceRecordsModule,
    HealthJobsModule,
    ScoringJobsModule,
    ReportsJobsModule,
  ],
  providers: [JobHandlerRegistry, WorkerRuntime, OutboxRelay, OutboxOutcome],
})
export class WorkerModule {}
