// The reports context's front door: what other contexts and the application may use.
export { REPORT_ENTITIES } from './entities';
export { REPORT_JOBS } from './jobs/reports.jobs';
export { ReportsJobsModule } from './reports-jobs.module';
export { ReportsModule } from './reports.module';
