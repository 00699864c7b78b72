import fc from 'fast-check';
import {
  MS_PER_DAY,
  addDays,
  addMonths,
  dayNumber,
  daysBetween,
  fromDayNumber,
  isoWeekday,
  laterDate,
  requireCalendarDate,
} from './calendar-date';

// Day numbers from 1900-01-01 to 2199-12-31.
const dayNumbers = fc.integer({ min: -25_567, max: 84_005 });

describe('calendar dates', () => {
  it('numbers days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('2000-03-01')).toBe(11_017);
    expect(fromDayNumber(20_791)).toBe('2026-12-04');
  });

  it('agrees with the UTC calendar of Date, both ways', () => {
    fc.assert(
      fc.property(dayNumbers, (days) => {
        const date = new Date(days * MS_PER_DAY).toISOString().slice(0, 10);
        expect(fromDayNumber(days)).toBe(date);
        expect(dayNumber(date)).toBe(days);
        expect(isoWeekday(date)).toBe(new Date(days * MS_PER_DAY).getUTCDay() || 7);
      }),
      { numRuns: 500 },
    );
  });

  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2026-12-04', 7)).toBe('2026-12-11');
    expect(addDays('2026-12-30', 3)).toBe('2027-01-02');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('adds months, keeping the day or falling back to the last day of a shorter month', () => {
    expect(addMonths('2026-06-30', 2)).toBe('2026-08-30');
    expect(addMonths('2026-12-31', 2)).toBe('2027-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-01-15', 24)).toBe('2028-01-15');
    expect(addMonths('2026-11-30', 1)).toBe('2026-12-30');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
  });

  it('counts days between dates and names weekdays (Monday 1 … Sunday 7)', () => {
    expect(daysBetween('2026-12-04', '2026-12-11')).toBe(7);
    expect(daysBetween('2026-12-11', '2026-12-04')).toBe(-7);
    expect(isoWeekday('2026-12-04')).toBe(5);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(laterDate('2026-12-04', '2027-01-01')).toBe('2027-01-01');
  });

  it('refuses what is not a real date', () => {
    expect(() => requireCalendarDate('2026-02-29', 'dueDate')).toThrow(RangeError);
    expect(() => requireCalendarDate('2026-2-1', 'dueDate')).toThrow('dueDate');
    expect(requireCalendarDate('2028-02-29', 'dueDate')).toBe('2028-02-29');
  });
});
