import { AnswerEntity } from './answer.entity';
import { AssessmentFrameworkEntity } from './assessment-framework.entity';
import { AssessmentSnapshotEntity } from './assessment-snapshot.entity';
import { AssessmentEntity } from './assessment.entity';

export { AnswerEntity, AssessmentEntity, AssessmentFrameworkEntity, AssessmentSnapshotEntity };
export const ASSESSMENT_ENTITIES = [AssessmentEntity, AssessmentFrameworkEntity, AnswerEntity, AssessmentSnapshotEntity];
