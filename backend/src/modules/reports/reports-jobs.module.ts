import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { RenderReportHandler } from './jobs/render-report.handler';
import { ReportRenderer } from './report-renderer';
import { reportFonts } from './pdf/report-fonts';
import { ReportsModule } from './reports.module';

/** The reports context's worker side: rendering and sealing reports. */
@Module({
  imports: [ReportsModule, CatalogModule],
  providers: [
    ReportRenderer,
    RenderReportHandler,
    // The worker refuses to start without the fonts the PDFs embed, rather than fail every PDF job.
    { provide: 'REPORT_FONTS_CHECK', useFactory: () => Boolean(reportFonts()) },
  ],
})
export class ReportsJobsModule {}
