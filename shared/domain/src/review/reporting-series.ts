/**
 * Periodic series: one notice asking for a report per reporting interval (eSafety s.49: every 6 to
 * 24 months, each report due no sooner than 28 days after its interval ends). Each report then has
 * a clock of its own, opened with its period's end.
 */
import { isCalendarDate } from '../assessment/validate-answer';
import { type CalendarDate, addDays, addMonths, laterDate } from './calendar-date';
import { type ClockProblemOf, clockProblem } from './clock-problems';
import { type Deadline, deadlineOn } from './clock';
import { dateAfter } from './day-counting';
import type { RegulatorCalendar } from './due-dates';
import type { DeadlineRule } from './regime.types';

/** Beacon's bound on the reports one notice asks for (ten years at eSafety's shortest interval). */
export const MAX_SERIES_PERIODS = 20;

export interface ReportingSeriesInput extends RegulatorCalendar {
  /** The first day of the first reporting period. */
  readonly firstPeriodStart: CalendarDate;
  /** Whole calendar months per period. */
  readonly intervalMonths: number;
  /** How many reports the notice asks for: every 6 months for 2 years is 4. */
  readonly periods: number;
}

export interface ReportingPeriod {
  /** 1-based. */
  readonly index: number;
  readonly start: CalendarDate;
  /** The last day of the period, included. */
  readonly end: CalendarDate;
  /** The rule's default after `end` (its minimum at the least). */
  readonly deadline: Deadline;
}

export type ReportingSeriesResult =
  | { readonly ok: true; readonly periods: readonly ReportingPeriod[] }
  | {
      readonly ok: false;
      readonly problem:
        | ClockProblemOf<'SERIES_NOT_SUPPORTED'>
        | ClockProblemOf<'REPORTING_INTERVAL_OUT_OF_RANGE'>
        | ClockProblemOf<'SERIES_PERIODS_INVALID'>
        | ClockProblemOf<'PERIOD_DATE_INVALID'>;
    };

/**
 * The reporting periods of a series and the due date of each report. Periods follow one another
 * without gap, each `intervalMonths` long counted from the first start (so a series starting on
 * the 31st keeps ending on the 30th or the last day of the month, never drifting).
 */
export function reportingSeries(rule: DeadlineRule, input: ReportingSeriesInput): ReportingSeriesResult {
  const series = rule.series;
  if (!series) return { ok: false, problem: clockProblem('SERIES_NOT_SUPPORTED', `${rule.id}.series`, {}) };
  const interval = input.intervalMonths;
  const min = series.minIntervalMonths ?? 1;
  const max = series.maxIntervalMonths ?? Number.POSITIVE_INFINITY;
  if (!Number.isInteger(interval) || interval < min || interval > max)
    return {
      ok: false,
      problem: clockProblem('REPORTING_INTERVAL_OUT_OF_RANGE', `${rule.id}.interval-months`, {
        intervalMonths: interval,
        ...(series.minIntervalMonths === null ? {} : { minimumMonths: series.minIntervalMonths }),
        ...(series.maxIntervalMonths === null ? {} : { maximumMonths: series.maxIntervalMonths }),
      }),
    };
  if (!Number.isInteger(input.periods) || input.periods < 1 || input.periods > MAX_SERIES_PERIODS)
    return {
      ok: false,
      problem: clockProblem('SERIES_PERIODS_INVALID', `${rule.id}.periods`, {
        periods: input.periods,
        maximum: MAX_SERIES_PERIODS,
      }),
    };
  const first = input.firstPeriodStart;
  if (!isCalendarDate(first))
    return {
      ok: false,
      problem: clockProblem('PERIOD_DATE_INVALID', `${rule.id}.first-period-start`, { value: first }),
    };
  const holidays = input.holidays ?? [];
  const periods = Array.from({ length: input.periods }, (_, offset): ReportingPeriod => {
    const start = addMonths(first, offset * interval);
    const end = addDays(addMonths(first, (offset + 1) * interval), -1);
    const earliest = dateAfter(end, rule.minimum, rule.dayCounting, holidays);
    const offered = dateAfter(end, rule.default, rule.dayCounting, holidays);
    return {
      index: offset + 1,
      start,
      end,
      deadline: deadlineOn(laterDate(offered, earliest), input.timeZone),
    };
  });
  return { ok: true, periods };
}
