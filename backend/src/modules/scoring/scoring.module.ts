import { Module } from '@nestjs/common';
import { AssessmentsModule } from '../assessments';
import { CatalogModule } from '../catalog';
import { ScoreRecords } from './score-records';
import { ScoringController } from './scoring.controller';
import { ScoringService } from './scoring.service';

/** Scores of assessments: the stored score of each submission and the preview of a draft. */
@Module({
  imports: [CatalogModule, AssessmentsModule],
  controllers: [ScoringController],
  providers: [ScoringService, ScoreRecords],
  exports: [ScoringService, ScoreRecords],
})
export class ScoringModule {}
