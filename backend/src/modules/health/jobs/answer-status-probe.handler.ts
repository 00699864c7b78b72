import { Injectable } from '@nestjs/common';
import { UnrecoverableError } from 'bullmq';
import { type JobContext, type JobHandler, HandlesJobs } from '../../../platform/queue/job-handler';
import type { StatusProbeJob } from './health.jobs';
import { UUID_PATTERN } from '../../../platform/queue/payload-problems';
import { HealthService } from '../health.service';

/** A worker's answer to a status probe, one per queue. */
@Injectable()
@HandlesJobs('scoring.status-probe', 'reports.status-probe', 'benchmarks.status-probe')
export class AnswerStatusProbeHandler implements JobHandler<'scoring.status-probe' | 'reports.status-probe' | 'benchmarks.status-probe'> {
  constructor(private readonly health: HealthService) {}

  async handle(_name: string, data: StatusProbeJob, context: JobContext): Promise<void> {
    if (typeof data.probeId !== 'string' || !UUID_PATTERN.test(data.probeId)) {
      throw new UnrecoverableError('status probe payload has no valid probeId');
    }
    await this.health.answerProbe(data.probeId, context.queue, context.workerId);
  }
}
