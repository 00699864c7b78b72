/**
 * Calendar dates — `YYYY-MM-DD`, a day with no time and no zone — and the arithmetic the clocks
 * need. Everything runs on day numbers, never through `Date`, so no result can depend on the time
 * zone of the process that computes it.
 */
import { isCalendarDate } from '../assessment/validate-answer';

/** `YYYY-MM-DD`, naming a day that exists. */
export type CalendarDate = string;

export const MS_PER_DAY = 86_400_000;

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Throws a RangeError unless `value` is a real `YYYY-MM-DD` date; `what` names it in the message. */
export function requireCalendarDate(value: string, what: string): CalendarDate {
  if (!isCalendarDate(value))
    throw new RangeError(`${what}: ${JSON.stringify(value)} is not a date as YYYY-MM-DD`);
  return value;
}

/** Days since 1970-01-01 (negative before it), proleptic Gregorian calendar. */
export function dayNumber(date: CalendarDate): number {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return dayNumberOf(year, month, day);
}

/** Days since 1970-01-01 of a year, month (1..12) and day (H. Hinnant's `days_from_civil`). */
export function dayNumberOf(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** The date `days` days after 1970-01-01 (H. Hinnant's `civil_from_days`). */
export function fromDayNumber(days: number): CalendarDate {
  const shifted = days + 719_468;
  const era = Math.floor(shifted / 146_097);
  const dayOfEra = shifted - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthIndex = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthIndex + 2) / 5) + 1;
  const month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromDayNumber(dayNumber(date) + days);
}

/**
 * The same day of the month `months` months later, or the last day of that month when it is
 * shorter: 31 January + 1 month = 28 (or 29) February.
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  const firstOfMonth = dayNumberOf(targetYear, targetMonth, 1);
  const firstOfNextMonth =
    targetMonth === 12 ? dayNumberOf(targetYear + 1, 1, 1) : dayNumberOf(targetYear, targetMonth + 1, 1);
  const lastDay = firstOfNextMonth - firstOfMonth;
  return `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-${pad(Math.min(day, lastDay), 2)}`;
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumber(to) - dayNumber(from);
}

export function isoWeekday(date: CalendarDate): IsoWeekday {
  // 1970-01-01 was a Thursday (4).
  return (((((dayNumber(date) + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/** The later of two dates (`YYYY-MM-DD` strings order as the days they name). */
export function laterDate(a: CalendarDate, b: CalendarDate): CalendarDate {
  return a >= b ? a : b;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
