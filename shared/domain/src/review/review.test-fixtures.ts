// Test fixtures (used by the *.spec.ts files only; not exported from the library).
import type { Clock, ClockResult } from './clock';
import type { ClockProblem } from './clock-problems';

/** The clock of an accepted change; fails the test with the problem otherwise. */
export function must(result: ClockResult): Clock {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.problem)}`);
  return result.clock;
}

/** The problem of a refused change; fails the test when it was accepted. */
export function problemOf(result: ClockResult): ClockProblem {
  if (result.ok) throw new Error('accepted, expected a refusal');
  return result.problem;
}

/** Zones with unusual offsets or transitions, for the property tests. */
export const ZONES = [
  'UTC',
  'Europe/London',
  'Europe/Brussels',
  'Europe/Dublin',
  'Australia/Sydney',
  'Australia/Lord_Howe',
  'America/New_York',
  'America/Sao_Paulo',
  'America/St_Johns',
  'Asia/Kathmandu',
  'Asia/Tehran',
  'Pacific/Chatham',
  'Pacific/Apia',
  'Pacific/Kiritimati',
  'Pacific/Pago_Pago',
] as const;

/** What `Intl` shows for an instant in a zone, as `YYYY-MM-DD` and `HH:mm:ss` (the reference the engine is checked against). */
export function intlWallClock(ms: number, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(ms);
  const field = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return {
    date: `${field('year').padStart(4, '0')}-${field('month')}-${field('day')}`,
    time: `${field('hour')}:${field('minute')}:${field('second')}`,
  };
}
