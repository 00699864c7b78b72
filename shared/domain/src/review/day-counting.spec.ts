import fc from 'fast-check';
import { addDays, daysBetween, fromDayNumber } from './calendar-date';
import { dateAfter, isBusinessDay } from './day-counting';

// Holidays for the examples: Friday 25 and Monday 28 December 2026.
const CHRISTMAS_2026 = ['2026-12-25', '2026-12-28'];

describe('day counting', () => {
  it('counts calendar days straight through weekends and holidays', () => {
    expect(dateAfter('2026-12-24', { days: 3 }, 'calendar-days', CHRISTMAS_2026)).toBe('2026-12-27');
    expect(dateAfter('2026-12-04', { days: 7 }, 'calendar-days')).toBe('2026-12-11');
  });

  it('counts business days across a weekend', () => {
    // Friday + 1 business day = Monday; Friday + 5 = the next Friday.
    expect(dateAfter('2026-12-04', { days: 1 }, 'business-days')).toBe('2026-12-07');
    expect(dateAfter('2026-12-04', { days: 5 }, 'business-days')).toBe('2026-12-11');
    // Saturday + 1 business day = Monday.
    expect(dateAfter('2026-12-05', { days: 1 }, 'business-days')).toBe('2026-12-07');
  });

  it('counts business days across a weekend and public holidays', () => {
    // Thursday 24 December + 3 business days: 29, 30, 31 December (25, 26, 27 and 28 are closed).
    expect(dateAfter('2026-12-24', { days: 3 }, 'business-days', CHRISTMAS_2026)).toBe('2026-12-31');
    // Without the holidays: 25, 28, 29 December.
    expect(dateAfter('2026-12-24', { days: 3 }, 'business-days')).toBe('2026-12-29');
  });

  it('counts months as calendar months whatever the day counting', () => {
    expect(dateAfter('2026-06-30', { months: 2 }, 'business-days')).toBe('2026-08-30');
    expect(dateAfter('2026-12-31', { months: 2 }, 'calendar-days')).toBe('2027-02-28');
  });

  it('leaves the start date for a period of zero and refuses fractions and negatives', () => {
    expect(dateAfter('2026-12-05', { days: 0 }, 'business-days')).toBe('2026-12-05');
    expect(() => dateAfter('2026-12-04', { days: 1.5 }, 'calendar-days')).toThrow(RangeError);
    expect(() => dateAfter('2026-12-04', { days: -1 }, 'business-days')).toThrow(RangeError);
  });

  it('knows business days: Monday to Friday, less holidays', () => {
    const closed = new Set(CHRISTMAS_2026);
    expect(isBusinessDay('2026-12-24', closed)).toBe(true);
    expect(isBusinessDay('2026-12-25', closed)).toBe(false);
    expect(isBusinessDay('2026-12-26', closed)).toBe(false);
    expect(isBusinessDay('2026-12-27', closed)).toBe(false);
    expect(isBusinessDay('2026-12-28', closed)).toBe(false);
    expect(isBusinessDay('2026-12-29', closed)).toBe(true);
  });

  it('lands n business days later on a business day, with exactly n business days after the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 20_000, max: 22_000 }),
        fc.integer({ min: 0, max: 40 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 90 }), { maxLength: 10 }),
        (startDay, count, holidayOffsets) => {
          const start = fromDayNumber(startDay);
          const holidays = holidayOffsets.map((offset) => addDays(start, offset));
          const due = dateAfter(start, { days: count }, 'business-days', holidays);
          const closed = new Set(holidays);
          const between = Array.from({ length: daysBetween(start, due) }, (_, index) =>
            addDays(start, index + 1),
          );
          expect(between.filter((date) => isBusinessDay(date, closed))).toHaveLength(count);
          if (count > 0) expect(isBusinessDay(due, closed)).toBe(true);
          // Business days never come sooner than calendar days.
          expect(due >= dateAfter(start, { days: count }, 'calendar-days')).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});
