import { Module } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { RateLimitModule } from '../../platform/rate-limit/rate-limit.module';
import { AssessmentsModule } from '../assessments';
import { CatalogModule } from '../catalog';
import { ScoringModule } from '../scoring';
import { AssessmentReportsController } from './assessment-reports.controller';
import { ReportUploadInterceptor } from './report-upload.interceptor';
import { ReportVerifyRateLimit } from './report-verify-rate-limit.guard';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ReportSigner } from './sealing/report-signer';

/**
 * Reports: the API (ask, list, read, download, verify) and `ReportsService.enqueueDefaultReports`
 * for the `assessment.scored` subscriber. The signing key comes from configuration (the process does not start without
 * one: there is no built-in key).
 */
@Module({
  imports: [CatalogModule, RateLimitModule, AssessmentsModule, ScoringModule],
  controllers: [AssessmentReportsController, ReportsController],
  providers: [
    { provide: ReportSigner, inject: [AppConfig], useFactory: (config: AppConfig) => new ReportSigner(config.reports) },
    ReportsService,
    ReportUploadInterceptor,
    ReportVerifyRateLimit,
  ],
  exports: [ReportsService, ReportSigner, CatalogModule],
})
export class ReportsModule {}
