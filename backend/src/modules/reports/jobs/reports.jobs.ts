import type { JobDeclaration, JobEnvelope } from '../../../platform/queue/jobs';
import type { AssessmentScoredEvent } from '../../scoring';

/** Renders one report (a row of `reports`, queued by the API or after scoring) and seals it. */
export interface RenderReportJob extends JobEnvelope {
  organizationId: string;
  reportId: string;
}

declare module '../../../platform/queue/jobs' {
  interface JobPayloads {
    'reports.render': RenderReportJob;
    /** Reports' part after a submission is scored: its default reports. */
    'reports.queue-default-reports': AssessmentScoredEvent;
  }
}

export const REPORT_JOBS: JobDeclaration[] = [
  { name: 'reports.render' },
  { name: 'reports.queue-default-reports', subscribesTo: ['assessment.scored'] },
];
