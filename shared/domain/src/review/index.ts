export type { CalendarDate } from './calendar-date';
export { isTimeZone, localDateOf } from './time-zone';
export type { Instant } from './time-zone';
export { DAY_COUNTINGS, dateAfter, isBusinessDay } from './day-counting';
export type { DayCounting, Period } from './day-counting';
export { DEADLINE_ANCHORS, DECISION_TYPE_IDS, REGIME_IDS } from './regime.types';
export type {
  DeadlineAnchor,
  DeadlineRule,
  DeadlineTerms,
  DecisionType,
  DecisionTypeId,
  NoticeKind,
  RegimeId,
  RegimeRulePack,
  SeriesTerms,
} from './regime.types';
export {
  ESAFETY_BOSE,
  EU_DSA,
  OFCOM_OSA,
  REGIME_RULE_PACKS,
  VOLUNTARY,
  decisionTypeOf,
  informationRequestRule,
  isRegimeId,
  noticeRule,
  regimeRulePack,
} from './regimes';
export { CLOCK_PROBLEM_CODES } from './clock-problems';
export type { ClockProblem, ClockProblemCode, ClockProblemOf, ClockProblemParams } from './clock-problems';
export { CLOCK_PROBLEM_MESSAGES, clockProblemMessage } from './clock-messages';
export { AFTER_ISSUE_RULE, checkDueDate, defaultDueDate, earliestDueDate } from './due-dates';
export type { DueDateBasis, DueDateProblem, DueDateResult, RegulatorCalendar } from './due-dates';
export {
  DEADLINE_STATUSES,
  DUE_SOON_DAYS,
  answerInformationRequest,
  clockStatus,
  daysLeft,
  deadlineOn,
  deadlineStatus,
  grantExtension,
  informationRequestDeadline,
  isReviewPaused,
  openClock,
  openInformationRequest,
  pauseReview,
  resumeReview,
  reviewSlaDue,
  startReview,
  statutoryDeadline,
} from './clock';
export type {
  Clock,
  ClockResult,
  Deadline,
  DeadlineStatus,
  Extension,
  InformationRequestInput,
  InformationRequestTerm,
  OpenClockInput,
  Pause,
  ReviewTerm,
  StatutoryTerm,
} from './clock';
export { MAX_SERIES_PERIODS, reportingSeries } from './reporting-series';
export type { ReportingPeriod, ReportingSeriesInput, ReportingSeriesResult } from './reporting-series';
