import { Module } from '@nestjs/common';
import { HealthModule } from './health.module';
import { AnswerStatusProbeHandler } from './jobs/answer-status-probe.handler';
import { WorkerHeartbeat } from './worker-heartbeat';

/** The health context's worker side: probe answers and the heartbeat. */
@Module({
  imports: [HealthModule],
  providers: [AnswerStatusProbeHandler, WorkerHeartbeat],
})
export class HealthJobsModule {}
