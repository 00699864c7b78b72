// The health context's front door: what the application may use.
export { HEALTH_ENTITIES } from './entities';
export { HealthJobsModule } from './health-jobs.module';
export { HealthModule } from './health.module';
export { HEALTH_JOBS } from './jobs/health.jobs';
