/**
 * Instants and IANA time zones. A deadline is the end of its due date in the regulator's zone, so
 * the clocks convert between instants and local dates through `Intl.DateTimeFormat` (the zone
 * database of the runtime), never through the process's own zone: no local-time `Date` getter or
 * setter is used here or anywhere in `review/` (a spec scans the sources to keep it so).
 */
import { type CalendarDate, MS_PER_DAY, dayNumber, dayNumberOf, fromDayNumber } from './calendar-date';

/** A moment in time as ISO 8601 in UTC, e.g. `2026-12-04T09:30:00.000Z` (what `Date#toISOString` gives). */
export type Instant = string;

const INSTANT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z$/;

/** Milliseconds since 1970-01-01T00:00:00Z of an instant; throws a RangeError on anything else. */
export function instantMs(value: Instant): number {
  const match = INSTANT.exec(value);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    const date = `${match[1]}-${match[2]}-${match[3]}`;
    if (fromDayNumber(dayNumberOf(year, month, day)) === date && hour < 24 && minute < 60 && second < 60) {
      const millis = Number((match[7] ?? '').padEnd(3, '0'));
      return (
        dayNumberOf(year, month, day) * MS_PER_DAY + ((hour * 60 + minute) * 60 + second) * 1000 + millis
      );
    }
  }
  throw new RangeError(`${JSON.stringify(value)} is not an instant as YYYY-MM-DDTHH:mm:ss.sssZ`);
}

/** The instant `ms` milliseconds after 1970-01-01T00:00:00Z, as `YYYY-MM-DDTHH:mm:ss.sssZ`. */
export function instantOf(ms: number): Instant {
  return new Date(ms).toISOString();
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let found = formatters.get(timeZone);
  if (!found) {
    found = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      era: 'short',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, found);
  }
  return found;
}

/** True for a zone the runtime knows (`Europe/London`, `Australia/Sydney`, `UTC`, …). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Throws a RangeError unless the runtime knows the zone. */
export function requireTimeZone(timeZone: string): string {
  if (!isTimeZone(timeZone))
    throw new RangeError(`${JSON.stringify(timeZone)} is not a known IANA time zone`);
  return timeZone;
}

/** What the wall clock in `timeZone` reads at `ms`, as milliseconds since 1970-01-01T00:00 of that clock. */
export function wallClockMs(ms: number, timeZone: string): number {
  const fields: Record<string, string> = {};
  for (const part of formatter(timeZone).formatToParts(ms)) fields[part.type] = part.value;
  const year = fields['era'] === 'BC' ? 1 - Number(fields['year']) : Number(fields['year']);
  const day = dayNumberOf(year, Number(fields['month']), Number(fields['day']));
  const time = (Number(fields['hour']) * 60 + Number(fields['minute'])) * 60 + Number(fields['second']);
  return day * MS_PER_DAY + time * 1000 + (((ms % 1000) + 1000) % 1000);
}

/** The date the regulator's calendar shows at an instant. */
export function localDateOf(instant: Instant | number, timeZone: string): CalendarDate {
  const ms = typeof instant === 'number' ? instant : instantMs(instant);
  return fromDayNumber(Math.floor(wallClockMs(ms, timeZone) / MS_PER_DAY));
}

/**
 * The last instant of a date in a zone: when the wall clock reads 23:59:59.999 on that date — the
 * later of the two such instants when the clocks go back across midnight. When the clocks jump
 * over the end of the day (a zone that skips midnight, or a whole date, as Samoa skipped
 * 2011-12-30), the day ends at the last instant before the jump.
 */
export function endOfLocalDay(date: CalendarDate, timeZone: string): number {
  const wall = (dayNumber(date) + 1) * MS_PER_DAY - 1;
  // Offsets in force a day either side cover any change of offset near that wall time.
  const offsets = new Set(
    [-MS_PER_DAY, 0, MS_PER_DAY].map((shift) => wallClockMs(wall + shift, timeZone) - (wall + shift)),
  );
  const matches = [...offsets]
    .map((offset) => wall - offset)
    .filter((ms) => wallClockMs(ms, timeZone) === wall);
  if (matches.length > 0) return Math.max(...matches);
  // The wall time does not exist: search the last instant whose wall clock is not past it.
  let before = wall - 2 * MS_PER_DAY;
  let after = wall + 2 * MS_PER_DAY;
  while (after - before > 1) {
    const middle = Math.floor((before + after) / 2);
    if (wallClockMs(middle, timeZone) <= wall) before = middle;
    else after = middle;
  }
  return before;
}
