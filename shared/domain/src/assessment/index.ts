export {
  JUSTIFICATION_MAX_LENGTH,
  JUSTIFICATION_MIN_LENGTH,
  PERCENTAGE_MAX,
  PERCENTAGE_MIN,
  REQUIREMENT_STATUS_KINDS,
  TEXT_ANSWER_MAX_LENGTH,
  URL_ANSWER_MAX_LENGTH,
  URL_ANSWER_PROTOCOLS,
} from './answer-value';
export type {
  AnswersByKey,
  AnswerValue,
  AnswerValueByType,
  DateAnswer,
  DurationAnswer,
  MaturityAnswer,
  MultipleChoiceAnswer,
  NumberAnswer,
  PercentageAnswer,
  RequirementStatus,
  RequirementStatusKind,
  SingleChoiceAnswer,
  TextAnswer,
  UrlAnswer,
  YesPartialNoAnswer,
} from './answer-value';
export {
  ANSWER_RULES,
  REQUIREMENT_STATUS_RULES,
  isCalendarDate,
  validateAnswer,
  validateRequirementStatus,
} from './validate-answer';
export type {
  AnswerProblem,
  AnswerRule,
  AnswerValidationResult,
  RequirementStatusProblem,
  RequirementStatusRule,
  RequirementStatusValidationResult,
} from './validate-answer';
export {
  ANSWER_MESSAGES,
  REQUIREMENT_STATUS_MESSAGES,
  answerMessage,
  requirementStatusMessage,
} from './answer-messages';
export { answerOf, indexQuestionsByKey, isQuestionVisible } from './question-visibility';
export type { QuestionsByKey } from './question-visibility';
export { assessmentProgress, missingRequiredAnswers, planAssessment } from './assessment-plan';
export type {
  AssessmentPlan,
  AssessmentProgressSummary,
  FrameworkPlan,
  MissingRequiredAnswer,
  RequirementPlan,
  SectionProgressSummary,
} from './assessment-plan';
export { readSnapshot, SnapshotShapeError } from './read-snapshot';
