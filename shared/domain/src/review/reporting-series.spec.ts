import fc from 'fast-check';
import { addDays, fromDayNumber } from './calendar-date';
import { dateAfter } from './day-counting';
import type { DeadlineRule } from './regime.types';
import { ESAFETY_BOSE, EU_DSA, OFCOM_OSA, noticeRule } from './regimes';
import { MAX_SERIES_PERIODS, reportingSeries } from './reporting-series';

function rule(found: DeadlineRule | null): DeadlineRule {
  if (!found) throw new Error('no such rule');
  return found;
}

const periodic = rule(noticeRule(ESAFETY_BOSE, 'periodic-report'));
const transparency = rule(noticeRule(EU_DSA, 'transparency-report'));

describe('reporting series', () => {
  it('eSafety, every 6 months for 2 years: four reports, each due 28 days after its interval, at the end of a Sydney day', () => {
    const series = reportingSeries(periodic, {
      firstPeriodStart: '2027-01-01',
      intervalMonths: 6,
      periods: 4,
      timeZone: 'Australia/Sydney',
    });
    expect(series).toEqual({
      ok: true,
      periods: [
        {
          index: 1,
          start: '2027-01-01',
          end: '2027-06-30',
          deadline: { dueDate: '2027-07-28', endsAt: '2027-07-28T13:59:59.999Z' },
        },
        {
          index: 2,
          start: '2027-07-01',
          end: '2027-12-31',
          deadline: { dueDate: '2028-01-28', endsAt: '2028-01-28T12:59:59.999Z' },
        },
        {
          index: 3,
          start: '2028-01-01',
          end: '2028-06-30',
          deadline: { dueDate: '2028-07-28', endsAt: '2028-07-28T13:59:59.999Z' },
        },
        {
          index: 4,
          start: '2028-07-01',
          end: '2028-12-31',
          deadline: { dueDate: '2029-01-28', endsAt: '2029-01-28T12:59:59.999Z' },
        },
      ],
    });
  });

  it.each([5, 25, 0, 6.5])(
    'eSafety: refuses an interval of %s months (s.49 allows 6 to 24)',
    (intervalMonths) => {
      expect(
        reportingSeries(periodic, {
          firstPeriodStart: '2027-01-01',
          intervalMonths,
          periods: 2,
          timeZone: 'Australia/Sydney',
        }),
      ).toEqual({
        ok: false,
        problem: {
          code: 'REPORTING_INTERVAL_OUT_OF_RANGE',
          rule: 'esafety-bose.periodic-report.interval-months',
          params: { intervalMonths, minimumMonths: 6, maximumMonths: 24 },
        },
      });
    },
  );

  it('eSafety: accepts the bounds, 6 and 24 months', () => {
    for (const intervalMonths of [6, 24])
      expect(
        reportingSeries(periodic, {
          firstPeriodStart: '2027-01-01',
          intervalMonths,
          periods: 1,
          timeZone: 'Australia/Sydney',
        }).ok,
      ).toBe(true);
  });

  it.each([0, MAX_SERIES_PERIODS + 1, 1.5])('refuses a series of %s periods', (periods) => {
    expect(
      reportingSeries(periodic, {
        firstPeriodStart: '2027-01-01',
        intervalMonths: 6,
        periods,
        timeZone: 'Australia/Sydney',
      }),
    ).toEqual({
      ok: false,
      problem: {
        code: 'SERIES_PERIODS_INVALID',
        rule: 'esafety-bose.periodic-report.periods',
        params: { periods, maximum: MAX_SERIES_PERIODS },
      },
    });
  });

  it('refuses a first period start that is not a date', () => {
    expect(
      reportingSeries(periodic, {
        firstPeriodStart: '2027-02-29',
        intervalMonths: 6,
        periods: 2,
        timeZone: 'Australia/Sydney',
      }),
    ).toEqual({
      ok: false,
      problem: {
        code: 'PERIOD_DATE_INVALID',
        rule: 'esafety-bose.periodic-report.first-period-start',
        params: { value: '2027-02-29' },
      },
    });
  });

  it('refuses a series for a kind of notice that asks for one report', () => {
    const single = rule(noticeRule(OFCOM_OSA, 'information-notice'));
    expect(
      reportingSeries(single, {
        firstPeriodStart: '2027-01-01',
        intervalMonths: 6,
        periods: 2,
        timeZone: 'Europe/London',
      }),
    ).toEqual({
      ok: false,
      problem: { code: 'SERIES_NOT_SUPPORTED', rule: 'ofcom-osa.information-notice.series', params: {} },
    });
  });

  it('DSA transparency reports: due two months after each period, 28 or 29 February after a December end', () => {
    const series = reportingSeries(transparency, {
      firstPeriodStart: '2026-01-01',
      intervalMonths: 12,
      periods: 2,
      timeZone: 'Europe/Brussels',
    });
    expect(
      series.ok && series.periods.map(({ end, deadline }) => [end, deadline.dueDate, deadline.endsAt]),
    ).toEqual([
      ['2026-12-31', '2027-02-28', '2027-02-28T22:59:59.999Z'],
      ['2027-12-31', '2028-02-29', '2028-02-29T22:59:59.999Z'],
    ]);
  });

  it('counts every period from the first start, so month ends never drift', () => {
    const series = reportingSeries(transparency, {
      firstPeriodStart: '2026-01-31',
      intervalMonths: 1,
      periods: 4,
      timeZone: 'Europe/Brussels',
    });
    expect(series.ok && series.periods.map(({ start, end }) => [start, end])).toEqual([
      ['2026-01-31', '2026-02-27'],
      ['2026-02-28', '2026-03-30'],
      ['2026-03-31', '2026-04-29'],
      ['2026-04-30', '2026-05-30'],
    ]);
  });

  it('tiles time with its periods and dates every report no sooner than the minimum after its period', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 18_000, max: 25_000 }),
        fc.integer({ min: 6, max: 24 }),
        fc.integer({ min: 1, max: MAX_SERIES_PERIODS }),
        (startDay, intervalMonths, periods) => {
          const firstPeriodStart = fromDayNumber(startDay);
          const series = reportingSeries(periodic, {
            firstPeriodStart,
            intervalMonths,
            periods,
            timeZone: 'Australia/Sydney',
          });
          if (!series.ok) throw new Error(series.problem.code);
          expect(series.periods).toHaveLength(periods);
          expect(series.periods[0]!.start).toBe(firstPeriodStart);
          series.periods.forEach((period, index) => {
            expect(period.start <= period.end).toBe(true);
            expect(period.deadline.dueDate >= dateAfter(period.end, periodic.minimum, 'calendar-days')).toBe(
              true,
            );
            const next = series.periods[index + 1];
            if (next) expect(addDays(period.end, 1)).toBe(next.start);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
