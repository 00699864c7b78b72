/**
 * Due dates from deadline rules: the earliest a rule allows, the default it offers, and the check of
 * a date a regulator proposes. Dates are the regulator's: the issue date is the date its calendar
 * shows when the notice is issued.
 */
import { isCalendarDate } from '../assessment/validate-answer';
import { type CalendarDate, addDays, laterDate, requireCalendarDate } from './calendar-date';
import { type ClockProblemOf, clockProblem } from './clock-problems';
import { dateAfter } from './day-counting';
import type { DeadlineRule } from './regime.types';
import { type Instant, localDateOf, requireTimeZone } from './time-zone';

export interface RegulatorCalendar {
  /** The regulator's IANA zone (`Australia/Sydney`, `Europe/London`, `Europe/Brussels`, …). */
  readonly timeZone: string;
  /** Public holidays skipped by business-day counting. */
  readonly holidays?: readonly CalendarDate[];
}

export interface DueDateBasis extends RegulatorCalendar {
  readonly issuedAt: Instant;
  /** The last day of the reporting period; required by rules anchored on `period-end`. */
  readonly periodEnd?: CalendarDate;
}

export type DueDateResult =
  | { readonly ok: true; readonly dueDate: CalendarDate }
  | { readonly ok: false; readonly problem: DueDateProblem };

export type DueDateProblem =
  | ClockProblemOf<'DUE_DATE_INVALID'>
  | ClockProblemOf<'DUE_DATE_TOO_EARLY'>
  | ClockProblemOf<'PERIOD_END_REQUIRED'>
  | ClockProblemOf<'PERIOD_DATE_INVALID'>;

/** Whatever the rule, a due date falls after the day of issue: the id of that shared floor. */
export const AFTER_ISSUE_RULE = 'clock.due-date.after-issue';

/**
 * The earliest due date allowed: the rule's minimum after its anchor, and in any case the day after
 * the day of issue (a report anchored on a period long past is not due before the notice exists).
 */
export function earliestDueDate(rule: DeadlineRule, basis: DueDateBasis): DueDateResult {
  const bounds = lowerBounds(rule, basis);
  return bounds.ok ? { ok: true, dueDate: laterDate(bounds.byRule, bounds.afterIssue) } : bounds;
}

/** The due date the rule offers when the regulator sets none (never before the earliest). */
export function defaultDueDate(rule: DeadlineRule, basis: DueDateBasis): DueDateResult {
  const bounds = lowerBounds(rule, basis);
  if (!bounds.ok) return bounds;
  const offered = dateAfter(bounds.anchor, rule.default, rule.dayCounting, bounds.holidays);
  return { ok: true, dueDate: laterDate(offered, laterDate(bounds.byRule, bounds.afterIssue)) };
}

/**
 * Checks a due date proposed for a notice or request: a real date, no earlier than the earliest
 * allowed. A refusal names the bound that set the earliest date — the rule's minimum
 * (`<rule>.minimum-days` / `<rule>.minimum-months`) or the day after issue (`clock.due-date.after-issue`).
 */
export function checkDueDate(
  rule: DeadlineRule,
  basis: DueDateBasis,
  proposedDueDate: string,
): DueDateResult {
  if (!isCalendarDate(proposedDueDate))
    return {
      ok: false,
      problem: clockProblem('DUE_DATE_INVALID', `${rule.id}.due-date`, { value: proposedDueDate }),
    };
  const bounds = lowerBounds(rule, basis);
  if (!bounds.ok) return bounds;
  if (proposedDueDate >= bounds.byRule && proposedDueDate >= bounds.afterIssue)
    return { ok: true, dueDate: proposedDueDate };
  if (bounds.byRule >= bounds.afterIssue) {
    const [unit, minimum] =
      'days' in rule.minimum
        ? (['days', { minimumDays: rule.minimum.days }] as const)
        : (['months', { minimumMonths: rule.minimum.months }] as const);
    return {
      ok: false,
      problem: clockProblem('DUE_DATE_TOO_EARLY', `${rule.id}.minimum-${unit}`, {
        ...minimum,
        earliest: bounds.byRule,
      }),
    };
  }
  return {
    ok: false,
    problem: clockProblem('DUE_DATE_TOO_EARLY', AFTER_ISSUE_RULE, {
      minimumDays: 1,
      earliest: bounds.afterIssue,
    }),
  };
}

/** The anchor date of a rule: the regulator's date of issue, or the end of the reporting period. */
export function anchorDate(
  rule: DeadlineRule,
  basis: DueDateBasis,
): { ok: true; date: CalendarDate } | { ok: false; problem: DueDateProblem } {
  switch (rule.anchor) {
    case 'issue':
      return { ok: true, date: localDateOf(basis.issuedAt, requireTimeZone(basis.timeZone)) };
    case 'period-end':
      return basis.periodEnd === undefined
        ? { ok: false, problem: clockProblem('PERIOD_END_REQUIRED', `${rule.id}.period-end`, {}) }
        : isCalendarDate(basis.periodEnd)
          ? { ok: true, date: basis.periodEnd }
          : {
              ok: false,
              problem: clockProblem('PERIOD_DATE_INVALID', `${rule.id}.period-end`, {
                value: basis.periodEnd,
              }),
            };
  }
}

interface LowerBounds {
  readonly ok: true;
  readonly anchor: CalendarDate;
  readonly holidays: readonly CalendarDate[];
  /** Anchor + the rule's minimum. */
  readonly byRule: CalendarDate;
  /** The day after the regulator's date of issue. */
  readonly afterIssue: CalendarDate;
}

function lowerBounds(
  rule: DeadlineRule,
  basis: DueDateBasis,
): LowerBounds | { ok: false; problem: DueDateProblem } {
  const anchor = anchorDate(rule, basis);
  if (!anchor.ok) return anchor;
  const holidays = (basis.holidays ?? []).map((date) => requireCalendarDate(date, 'holiday'));
  return {
    ok: true,
    anchor: anchor.date,
    holidays,
    byRule: dateAfter(anchor.date, rule.minimum, rule.dayCounting, holidays),
    afterIssue: addDays(localDateOf(basis.issuedAt, requireTimeZone(basis.timeZone)), 1),
  };
}
