import fc from 'fast-check';
import { MS_PER_DAY } from './calendar-date';
import { ZONES, intlWallClock } from './review.test-fixtures';
import { endOfLocalDay, instantMs, instantOf, isTimeZone, localDateOf, requireTimeZone } from './time-zone';

const NUM_RUNS = 300;
// Instants from 1970 to 2100.
const instants = fc.integer({ min: 0, max: 4_102_444_800_000 });
const zones = fc.constantFrom(...ZONES);

const endOf = (date: string, zone: string) => instantOf(endOfLocalDay(date, zone));

describe('instants', () => {
  it('reads ISO 8601 instants in UTC, with or without milliseconds', () => {
    expect(instantMs('1970-01-01T00:00:00Z')).toBe(0);
    expect(instantMs('2026-12-04T09:30:00.000Z')).toBe(Date.UTC(2026, 11, 4, 9, 30));
    expect(instantMs('2026-12-04T09:30:00.5Z')).toBe(Date.UTC(2026, 11, 4, 9, 30, 0, 500));
    expect(instantOf(Date.UTC(2026, 11, 4, 9, 30))).toBe('2026-12-04T09:30:00.000Z');
  });

  it.each([
    ['an offset instead of Z', '2026-12-04T09:30:00+01:00'],
    ['no zone', '2026-12-04T09:30:00'],
    ['a day that does not exist', '2026-02-30T09:30:00Z'],
    ['hour 24', '2026-12-04T24:00:00Z'],
    ['a space instead of T', '2026-12-04 09:30:00Z'],
    ['a date only', '2026-12-04'],
  ])('refuses %s', (_label, value) => {
    expect(() => instantMs(value)).toThrow(RangeError);
  });

  it('round-trips every instant through its ISO form', () => {
    fc.assert(
      fc.property(instants, (ms) => {
        expect(instantMs(instantOf(ms))).toBe(ms);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('time zones', () => {
  it('knows IANA zones and refuses others', () => {
    expect(isTimeZone('Australia/Sydney')).toBe(true);
    expect(isTimeZone('Europe/Brussels')).toBe(true);
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(() => requireTimeZone('Europe/Lundon')).toThrow(RangeError);
  });

  it('gives the date the regulator’s calendar shows, which differs by zone', () => {
    const evening = '2026-12-04T20:00:00.000Z';
    expect(localDateOf(evening, 'Europe/London')).toBe('2026-12-04');
    expect(localDateOf(evening, 'Europe/Brussels')).toBe('2026-12-04');
    expect(localDateOf(evening, 'Australia/Sydney')).toBe('2026-12-05');
    expect(localDateOf(evening, 'Pacific/Kiritimati')).toBe('2026-12-05');
    expect(localDateOf('2026-12-04T10:00:00.000Z', 'Pacific/Pago_Pago')).toBe('2026-12-03');
  });

  it.each([
    // Europe/London: GMT until 29 March 2026 01:00 UTC, then BST (+1); back to GMT on 25 October.
    ['Europe/London', '2026-03-28', '2026-03-28T23:59:59.999Z'],
    ['Europe/London', '2026-03-29', '2026-03-29T22:59:59.999Z'],
    ['Europe/London', '2026-10-24', '2026-10-24T22:59:59.999Z'],
    ['Europe/London', '2026-10-25', '2026-10-25T23:59:59.999Z'],
    // Europe/Brussels: CET (+1) then CEST (+2) from the same instant.
    ['Europe/Brussels', '2026-03-28', '2026-03-28T22:59:59.999Z'],
    ['Europe/Brussels', '2026-03-29', '2026-03-29T21:59:59.999Z'],
    // Australia/Sydney: AEDT (+11) until 5 April 2026, AEST (+10) until 4 October.
    ['Australia/Sydney', '2026-04-04', '2026-04-04T12:59:59.999Z'],
    ['Australia/Sydney', '2026-04-05', '2026-04-05T13:59:59.999Z'],
    ['Australia/Sydney', '2026-10-03', '2026-10-03T13:59:59.999Z'],
    ['Australia/Sydney', '2026-10-04', '2026-10-04T12:59:59.999Z'],
  ])('ends %s’s %s at %s', (zone, date, expected) => {
    expect(endOf(date, zone)).toBe(expected);
  });

  it('ends a day whose last hour happens twice at its second 23:59:59.999', () => {
    // São Paulo left summer time at midnight on 17 February 2019: 23:00–24:00 on the 16th ran twice.
    expect(endOf('2019-02-16', 'America/Sao_Paulo')).toBe('2019-02-17T02:59:59.999Z');
    // …and entered it at midnight on 4 November 2018: the 3rd still ended at 23:59:59.999 (−03).
    expect(endOf('2018-11-03', 'America/Sao_Paulo')).toBe('2018-11-04T02:59:59.999Z');
  });

  it('ends a date the zone skipped where the day before ends', () => {
    // Samoa went from 29 to 31 December 2011, skipping the 30th.
    expect(endOf('2011-12-29', 'Pacific/Apia')).toBe('2011-12-30T09:59:59.999Z');
    expect(endOf('2011-12-30', 'Pacific/Apia')).toBe('2011-12-30T09:59:59.999Z');
    expect(endOf('2011-12-31', 'Pacific/Apia')).toBe('2011-12-31T09:59:59.999Z');
  });

  it('agrees with Intl on the local date of any instant', () => {
    fc.assert(
      fc.property(instants, zones, (ms, zone) => {
        expect(localDateOf(ms, zone)).toBe(intlWallClock(ms, zone).date);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('ends every local day at the last instant Intl shows on that date, 23:59:59 where it exists', () => {
    fc.assert(
      fc.property(instants, zones, (ms, zone) => {
        const date = intlWallClock(ms, zone).date;
        const end = endOfLocalDay(date, zone);
        expect(end).toBeGreaterThanOrEqual(ms);
        expect(intlWallClock(end, zone)).toEqual({ date, time: '23:59:59' });
        expect(end - ms).toBeLessThan(2 * MS_PER_DAY);
        expect(intlWallClock(end + 1, zone).date > date).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
