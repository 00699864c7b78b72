import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { CollaborationController } from './collaboration.controller';
import { CollaborationService } from './collaboration.service';
import { RequirementStatusesController } from './requirement-statuses.controller';
import { RequirementStatusesService } from './requirement-statuses.service';

@Module({
  imports: [CatalogModule],
  controllers: [AssessmentsController, CollaborationController, RequirementStatusesController],
  providers: [AssessmentsService, CollaborationService, RequirementStatusesService],
  // The scoring preview builds a draft's scoring input through AssessmentsService.draftScoringInput.
  exports: [AssessmentsService],
})
export class AssessmentsModule {}
