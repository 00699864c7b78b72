import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog';
import { AnswersService } from './answers.service';
import { AssessmentRecords } from './assessment-records';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { CollaborationController } from './collaboration.controller';
import { CollaborationService } from './collaboration.service';
import { RequirementStatusesController } from './requirement-statuses.controller';
import { RequirementStatusesService } from './requirement-statuses.service';
import { SubmissionsService } from './submissions.service';
import { AssessmentsRepository } from './data/assessments.repository';

@Module({
  imports: [CatalogModule],
  controllers: [AssessmentsController, CollaborationController, RequirementStatusesController],
  providers: [AssessmentsRepository, AssessmentsService, AnswersService, SubmissionsService, CollaborationService, RequirementStatusesService, AssessmentRecords],
  // AssessmentRecords is the read port of the other contexts; the scoring preview builds a draft's
  // scoring input through AssessmentsService.draftScoringInput.
  exports: [AssessmentsService, AssessmentRecords],
})
export class AssessmentsModule {}
