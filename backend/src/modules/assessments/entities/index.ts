import { AnswerEntity } from './answer.entity';
import { AssessmentFrameworkEntity } from './assessment-framework.entity';
import { AssessmentSnapshotEntity } from './assessment-snapshot.entity';
import { AssessmentEntity } from './assessment.entity';
import { RequirementAssignmentEntity } from './requirement-assignment.entity';
import { RequirementCommentEntity } from './requirement-comment.entity';
import { RequirementStatusEntity } from './requirement-status.entity';

export { AnswerEntity, AssessmentEntity, AssessmentFrameworkEntity, AssessmentSnapshotEntity, RequirementAssignmentEntity, RequirementCommentEntity, RequirementStatusEntity };
export const ASSESSMENT_ENTITIES = [
  AssessmentEntity,
  AssessmentFrameworkEntity,
  AnswerEntity,
  AssessmentSnapshotEntity,
  RequirementAssignmentEntity,
  RequirementCommentEntity,
  RequirementStatusEntity,
];
