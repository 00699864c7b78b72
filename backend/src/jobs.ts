import { HEALTH_JOBS } from './modules/health';
import { REPORT_JOBS } from './modules/reports';
import { SCORING_JOBS } from './modules/scoring';
import type { JobDeclaration } from './platform/queue/jobs';

/** Every background job of the application and the events that start them, gathered from the contexts. */
export const JOBS: JobDeclaration[] = [...HEALTH_JOBS, ...SCORING_JOBS, ...REPORT_JOBS];
