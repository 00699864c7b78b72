import { ReportEntity } from './report.entity';

export { ReportEntity };
export type { ReportFormat, ReportLocale, ReportStatus } from './report.entity';

/** The reports context's entities. */
export const REPORT_ENTITIES = [ReportEntity];
