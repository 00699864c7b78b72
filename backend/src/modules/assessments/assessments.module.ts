import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';
import { CollaborationController } from './collaboration.controller';
import { CollaborationService } from './collaboration.service';

@Module({ imports: [CatalogModule], controllers: [AssessmentsController, CollaborationController], providers: [AssessmentsService, CollaborationService] })
export class AssessmentsModule {}
