import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments/assessments.module';
import { CatalogModule } from '../catalog/catalog.module';
import { ScoringController } from './scoring.controller';
import { ScoringService } from './scoring.service';

/** Scores of assessments: the stored score of each submission and the preview of a draft. */
@Module({
  imports: [CatalogModule, AssessmentsModule],
  controllers: [ScoringController],
  providers: [ScoringService],
  exports: [ScoringService],
})
export class ScoringModule {}
