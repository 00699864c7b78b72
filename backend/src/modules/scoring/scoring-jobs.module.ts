import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ReportsModule } from '../reports/reports.module';
import { ScoreAssessmentHandler } from './jobs/score-assessment.handler';
import { ScoringModule } from './scoring.module';

/** The scoring context's worker side: the job that scores a submission (and asks for its default reports). */
@Module({
  imports: [ScoringModule, AuditModule, ReportsModule],
  providers: [ScoreAssessmentHandler],
})
export class ScoringJobsModule {}
