/**
 * Why the clock engine refused something: a stable code, the rule that refused it and the figures
 * the message needs. No sentences here — `clock-messages.ts` renders them in English and French.
 */
import type { CalendarDate } from './calendar-date';
import type { Instant } from './time-zone';

type NoParams = Record<string, never>;

export interface ClockProblemParams {
  /** The proposed due date is not a real `YYYY-MM-DD` date. */
  DUE_DATE_INVALID: { value: string };
  /** Before the earliest due date the rule allows (`<rule>.minimum-days`, `…minimum-months`, or the day after issue). */
  DUE_DATE_TOO_EARLY: { earliest: CalendarDate; minimumDays?: number; minimumMonths?: number };
  /** The rule counts from the end of the reporting period and none was given. */
  PERIOD_END_REQUIRED: NoParams;
  /** The start or end given for a reporting period is not a real `YYYY-MM-DD` date. */
  PERIOD_DATE_INVALID: { value: string };
  /** The pack has no notice kind of that id. */
  NOTICE_KIND_UNKNOWN: { kind: string };
  /** A filing without a notice under a regime that accepts none. */
  VOLUNTARY_FILING_NOT_ACCEPTED: NoParams;
  /** An extension is only granted to a clock with a statutory deadline. */
  NO_STATUTORY_DEADLINE: NoParams;
  /** An extension must move the deadline later. */
  EXTENSION_NOT_LATER: { currentDueDate: CalendarDate };
  REVIEW_NOT_STARTED: NoParams;
  REVIEW_ALREADY_STARTED: NoParams;
  REVIEW_ALREADY_PAUSED: NoParams;
  REVIEW_NOT_PAUSED: NoParams;
  INFORMATION_REQUEST_DUPLICATE: { id: string };
  INFORMATION_REQUEST_UNKNOWN: { id: string };
  INFORMATION_REQUEST_CLOSED: { id: string };
  /** An event dated before one it must follow (a resumption before its pause, …). */
  TIME_OUT_OF_ORDER: { notBefore: Instant };
  /** The notice kind asks for one report, not a series. */
  SERIES_NOT_SUPPORTED: NoParams;
  REPORTING_INTERVAL_OUT_OF_RANGE: { intervalMonths: number; minimumMonths?: number; maximumMonths?: number };
  SERIES_PERIODS_INVALID: { periods: number; maximum: number };
}

export type ClockProblemCode = keyof ClockProblemParams;

export const CLOCK_PROBLEM_CODES = [
  'DUE_DATE_INVALID',
  'DUE_DATE_TOO_EARLY',
  'PERIOD_END_REQUIRED',
  'PERIOD_DATE_INVALID',
  'NOTICE_KIND_UNKNOWN',
  'VOLUNTARY_FILING_NOT_ACCEPTED',
  'NO_STATUTORY_DEADLINE',
  'EXTENSION_NOT_LATER',
  'REVIEW_NOT_STARTED',
  'REVIEW_ALREADY_STARTED',
  'REVIEW_ALREADY_PAUSED',
  'REVIEW_NOT_PAUSED',
  'INFORMATION_REQUEST_DUPLICATE',
  'INFORMATION_REQUEST_UNKNOWN',
  'INFORMATION_REQUEST_CLOSED',
  'TIME_OUT_OF_ORDER',
  'SERIES_NOT_SUPPORTED',
  'REPORTING_INTERVAL_OUT_OF_RANGE',
  'SERIES_PERIODS_INVALID',
] as const satisfies readonly ClockProblemCode[];

// Fails to compile when a code of ClockProblemParams is missing from the list above.
const _everyCodeListed: [Exclude<ClockProblemCode, (typeof CLOCK_PROBLEM_CODES)[number]>] extends [never]
  ? true
  : never = true;

export type ClockProblemOf<C extends ClockProblemCode> = {
  readonly code: C;
  /** The rule that refused: `<regime>.<kind>.minimum-days`, `clock.extension.later`, … */
  readonly rule: string;
  readonly params: Readonly<ClockProblemParams[C]>;
};

export type ClockProblem = { [C in ClockProblemCode]: ClockProblemOf<C> }[ClockProblemCode];

export function clockProblem<C extends ClockProblemCode>(
  code: C,
  rule: string,
  params: ClockProblemParams[C],
): ClockProblemOf<C> {
  return { code, rule, params };
}
