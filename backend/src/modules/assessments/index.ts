// The assessments context's front door: what other contexts and the application may use.
export {
  AssessmentRecords,
  type AssessmentState,
  SUBMISSION_EVIDENCE,
  type Submission,
  type SubmissionEvidence,
  type SubmissionRef,
} from './assessment-records';
export { AssessmentsModule } from './assessments.module';
export { AssessmentsService } from './assessments.service';
export { ASSESSMENT_ENTITIES } from './entities';
export { assessmentError } from './assessments.exception';
