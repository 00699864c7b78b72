import { AnswerEntity } from './answer.entity';
import { AssessmentFrameworkEntity } from './assessment-framework.entity';
import { AssessmentEntity } from './assessment.entity';

export { AnswerEntity, AssessmentEntity, AssessmentFrameworkEntity };
export const ASSESSMENT_ENTITIES = [AssessmentEntity, AssessmentFrameworkEntity, AnswerEntity];
