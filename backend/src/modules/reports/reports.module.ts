import { Module } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { JsonLogger } from '../../platform/logging/json-logger';
import { RateLimitModule } from '../../platform/rate-limit/rate-limit.module';
import { CatalogModule } from '../catalog/catalog.module';
import { AssessmentReportsController } from './assessment-reports.controller';
import { ReportUploadInterceptor } from './report-upload.interceptor';
import { ReportVerifyRateLimit } from './report-verify-rate-limit.guard';
import { ReportsController } from './reports.controller';
import { ReportsService } from './reports.service';
import { ReportSigner } from './sealing/report-signer';

/**
 * Reports: the API (ask, list, read, download, verify) and `ReportsService.enqueueDefaultReports`
 * for the scoring job. The signing key comes from configuration; without one (development and
 * tests only: production refuses to start) a public development key is used, with a warning.
 */
@Module({
  imports: [CatalogModule, RateLimitModule],
  controllers: [AssessmentReportsController, ReportsController],
  providers: [
    {
      provide: ReportSigner,
      inject: [AppConfig, JsonLogger],
      useFactory: (config: AppConfig, logger: JsonLogger) => {
        const signer = new ReportSigner(config.reports);
        if (signer.usesDevelopmentKey) {
          logger.event('warn', 'reports.development-signing-key', {
            keyId: signer.keyId,
            message: 'REPORT_SIGNING_KEY is not set: reports are signed with the public development key, which proves nothing.',
          });
        }
        return signer;
      },
    },
    ReportsService,
    ReportUploadInterceptor,
    ReportVerifyRateLimit,
  ],
  exports: [ReportsService, ReportSigner, CatalogModule],
})
export class ReportsModule {}
