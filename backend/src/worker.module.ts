import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { HealthJobsModule } from './modules/health/health-jobs.module';
import { ScoringJobsModule } from './modules/scoring/scoring-jobs.module';
import { ReportsJobsModule } from './modules/reports/reports-jobs.module';
import { AuthModule } from './platform/auth/auth.module';
import { OutboxOutcome } from './platform/outbox/outbox-outcome';
import { OutboxRelay } from './platform/outbox/outbox-relay';
import { PlatformModule } from './platform/platform.module';
import { ENTITIES } from './database/entities';
import { JobHandlerRegistry } from './platform/queue/job-handler-registry';
import { WorkerRuntime } from './platform/queue/worker-runtime';

/** The background worker: the same contexts' job handlers, the queue workers and the outbox relay. */
@Module({
  imports: [PlatformModule.forRoot({ entities: ENTITIES }), AuthModule, DiscoveryModule, HealthJobsModule, ScoringJobsModule, ReportsJobsModule],
  providers: [JobHandlerRegistry, WorkerRuntime, OutboxRelay, OutboxOutcome],
})
export class WorkerModule {}
