import { type CalendarDate, addDays, addMonths, isoWeekday } from './calendar-date';

/**
 * How a regime counts days: every calendar day, or business days only — Monday to Friday, less
 * the public holidays the regulator lists.
 */
export const DAY_COUNTINGS = ['calendar-days', 'business-days'] as const;
export type DayCounting = (typeof DAY_COUNTINGS)[number];

/** A length of time: days (counted as the regime counts them) or calendar months. */
export type Period = { readonly days: number } | { readonly months: number };

export function isBusinessDay(date: CalendarDate, holidays: ReadonlySet<CalendarDate>): boolean {
  return isoWeekday(date) <= 5 && !holidays.has(date);
}

/**
 * The date a period after `start`. Calendar days: `start` + n. Business days: the n-th business day
 * after `start` (a notice issued on a Friday is due one business day later on the Monday). Months:
 * the same day n months later, or the last day of a shorter month; months are always calendar
 * months. A due date that falls on a weekend or holiday under calendar counting stays where it falls.
 */
export function dateAfter(
  start: CalendarDate,
  period: Period,
  counting: DayCounting,
  holidays: readonly CalendarDate[] = [],
): CalendarDate {
  const count = 'days' in period ? period.days : period.months;
  if (!Number.isInteger(count) || count < 0)
    throw new RangeError(`a period counts whole units ≥ 0, got ${count}`);
  if ('months' in period) return addMonths(start, count);
  if (counting === 'calendar-days') return addDays(start, count);
  const closed = new Set(holidays);
  let date = start;
  for (let remaining = count; remaining > 0;) {
    date = addDays(date, 1);
    if (isBusinessDay(date, closed)) remaining -= 1;
  }
  return date;
}
