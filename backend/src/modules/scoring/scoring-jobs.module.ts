import { Module } from '@nestjs/common';
import { ScoreAssessmentHandler } from './jobs/score-assessment.handler';
import { ScoringModule } from './scoring.module';

/** The scoring context's worker side: the job that scores a submission (and publishes `assessment.scored`). */
@Module({
  imports: [ScoringModule],
  providers: [ScoreAssessmentHandler],
})
export class ScoringJobsModule {}
