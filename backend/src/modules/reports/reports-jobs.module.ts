import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { CatalogModule } from '../catalog';
import { ScoringModule } from '../scoring';
import { QueueDefaultReportsHandler } from './jobs/queue-default-reports.handler';
import { RenderReportHandler } from './jobs/render-report.handler';
import { ReportRenderer } from './report-renderer';
import { reportFonts } from './pdf/report-fonts';
import { ReportsModule } from './reports.module';

/** The reports context's worker side: the default reports after scoring, rendering and sealing reports. */
@Module({
  imports: [ReportsModule, CatalogModule, AssessmentsModule, ScoringModule],
  providers: [
    ReportRenderer,
    RenderReportHandler,
    QueueDefaultReportsHandler,
    // The worker refuses to start without the fonts the PDFs embed, rather than fail every PDF job.
    { provide: 'REPORT_FONTS_CHECK', useFactory: () => Boolean(reportFonts()) },
  ],
})
export class ReportsJobsModule {}
