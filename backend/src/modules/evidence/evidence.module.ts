import { Module } from '@nestjs/common';
import { AppConfig } from '../../platform/config/app-config';
import { AssessmentsModule } from '../assessments';
import { CatalogModule } from '../catalog';
import { EvidenceSettings } from './evidence-settings';
import { createEvidenceStorage, EVIDENCE_STORAGE } from './evidence-storage';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';
import { EvidenceController } from './evidence.controller';
import { EvidenceService } from './evidence.service';

/** Evidence files and links for assessment requirements (limits and storage from configuration). */
@Module({
  imports: [CatalogModule, AssessmentsModule],
  controllers: [EvidenceController],
  providers: [
    { provide: EvidenceSettings, inject: [AppConfig], useFactory: (config: AppConfig) => EvidenceSettings.from(config.evidence) },
    {
      provide: EVIDENCE_STORAGE,
      inject: [EvidenceSettings, AppConfig],
      useFactory: (settings: EvidenceSettings, config: AppConfig) => createEvidenceStorage(settings.storageUrl, config.webRoot),
    },
    EvidenceService,
    EvidenceUploadInterceptor,
  ],
  exports: [EvidenceSettings, EVIDENCE_STORAGE],
})
export class EvidenceModule {}
