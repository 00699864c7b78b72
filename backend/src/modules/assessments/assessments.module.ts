import { Module } from '@nestjs/common';
import { CatalogModule } from '../catalog/catalog.module';
import { AssessmentsController } from './assessments.controller';
import { AssessmentsService } from './assessments.service';

@Module({ imports: [CatalogModule], controllers: [AssessmentsController], providers: [AssessmentsService] })
export class AssessmentsModule {}
