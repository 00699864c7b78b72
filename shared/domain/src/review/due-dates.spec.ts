import {
  AFTER_ISSUE_RULE,
  checkDueDate,
  defaultDueDate,
  earliestDueDate,
  type DueDateBasis,
} from './due-dates';
import type { DeadlineRule } from './regime.types';
import { ESAFETY_BOSE, EU_DSA, OFCOM_OSA, VOLUNTARY, informationRequestRule, noticeRule } from './regimes';

function rule(found: DeadlineRule | null): DeadlineRule {
  if (!found) throw new Error('no such rule');
  return found;
}

const ofcomNotice = rule(noticeRule(OFCOM_OSA, 'information-notice'));
const esafetyPeriodic = rule(noticeRule(ESAFETY_BOSE, 'periodic-report'));
const esafetyNonPeriodic = rule(noticeRule(ESAFETY_BOSE, 'non-periodic-report'));
const dsaRequest = rule(noticeRule(EU_DSA, 'information-request'));
const dsaTransparency = rule(noticeRule(EU_DSA, 'transparency-report'));

const london = (issuedAt: string, extra: Partial<DueDateBasis> = {}): DueDateBasis => ({
  issuedAt,
  timeZone: 'Europe/London',
  ...extra,
});

describe('due dates — Ofcom information notice (s.102)', () => {
  const basis = london('2026-12-04T10:00:00.000Z');

  it('refuses a due date less than 7 days after issue, naming the rule', () => {
    expect(checkDueDate(ofcomNotice, basis, '2026-12-10')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: 'ofcom-osa.information-notice.minimum-days',
        params: { minimumDays: 7, earliest: '2026-12-11' },
      },
    });
  });

  it('accepts 7 days or more, and offers 14 by default', () => {
    expect(checkDueDate(ofcomNotice, basis, '2026-12-11')).toEqual({ ok: true, dueDate: '2026-12-11' });
    expect(checkDueDate(ofcomNotice, basis, '2027-03-01')).toEqual({ ok: true, dueDate: '2027-03-01' });
    expect(earliestDueDate(ofcomNotice, basis)).toEqual({ ok: true, dueDate: '2026-12-11' });
    expect(defaultDueDate(ofcomNotice, basis)).toEqual({ ok: true, dueDate: '2026-12-18' });
  });

  it('refuses what is not a date', () => {
    expect(checkDueDate(ofcomNotice, basis, '2026-02-30')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_INVALID',
        rule: 'ofcom-osa.information-notice.due-date',
        params: { value: '2026-02-30' },
      },
    });
  });

  it('throws on a zone the runtime does not know (configuration, not input)', () => {
    expect(() => checkDueDate(ofcomNotice, { ...basis, timeZone: 'Europe/Lundon' }, '2026-12-20')).toThrow(
      RangeError,
    );
  });
});

describe('due dates — eSafety (Online Safety Act 2021)', () => {
  it('periodic report (s.49): no sooner than 28 days after the reporting interval ends', () => {
    const basis: DueDateBasis = {
      issuedAt: '2026-01-10T00:00:00.000Z',
      timeZone: 'Australia/Sydney',
      periodEnd: '2026-06-30',
    };
    expect(defaultDueDate(esafetyPeriodic, basis)).toEqual({ ok: true, dueDate: '2026-07-28' });
    expect(checkDueDate(esafetyPeriodic, basis, '2026-07-28')).toEqual({ ok: true, dueDate: '2026-07-28' });
    expect(checkDueDate(esafetyPeriodic, basis, '2026-07-27')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: 'esafety-bose.periodic-report.minimum-days',
        params: { minimumDays: 28, earliest: '2026-07-28' },
      },
    });
  });

  it('periodic report: needs the end of the reporting period', () => {
    const basis: DueDateBasis = { issuedAt: '2026-01-10T00:00:00.000Z', timeZone: 'Australia/Sydney' };
    expect(checkDueDate(esafetyPeriodic, basis, '2026-07-28')).toEqual({
      ok: false,
      problem: { code: 'PERIOD_END_REQUIRED', rule: 'esafety-bose.periodic-report.period-end', params: {} },
    });
    expect(defaultDueDate(esafetyPeriodic, basis).ok).toBe(false);
    expect(checkDueDate(esafetyPeriodic, { ...basis, periodEnd: '2026-06-31' }, '2026-07-28')).toEqual({
      ok: false,
      problem: {
        code: 'PERIOD_DATE_INVALID',
        rule: 'esafety-bose.periodic-report.period-end',
        params: { value: '2026-06-31' },
      },
    });
  });

  it('a report on a period long past is still due after the day of issue', () => {
    // Issued on 1 September (Sydney) for a period that ended on 30 June: 28 July has gone.
    const basis: DueDateBasis = {
      issuedAt: '2026-09-01T00:00:00.000Z',
      timeZone: 'Australia/Sydney',
      periodEnd: '2026-06-30',
    };
    expect(checkDueDate(esafetyPeriodic, basis, '2026-08-15')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: AFTER_ISSUE_RULE,
        params: { minimumDays: 1, earliest: '2026-09-02' },
      },
    });
    expect(defaultDueDate(esafetyPeriodic, basis)).toEqual({ ok: true, dueDate: '2026-09-02' });
  });

  it('counts from the date of issue in the regulator’s zone, not UTC’s', () => {
    // 20:00 UTC on 4 December is already 5 December in Sydney, still the 4th in London.
    const evening = '2026-12-04T20:00:00.000Z';
    const sydney: DueDateBasis = { issuedAt: evening, timeZone: 'Australia/Sydney' };
    expect(earliestDueDate(esafetyNonPeriodic, sydney)).toEqual({ ok: true, dueDate: '2026-12-06' });
    expect(checkDueDate(esafetyNonPeriodic, sydney, '2026-12-05')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: 'esafety-bose.non-periodic-report.minimum-days',
        params: { minimumDays: 1, earliest: '2026-12-06' },
      },
    });
    expect(checkDueDate(esafetyNonPeriodic, london(evening), '2026-12-05')).toEqual({
      ok: true,
      dueDate: '2026-12-05',
    });
    expect(defaultDueDate(esafetyNonPeriodic, sydney)).toEqual({ ok: true, dueDate: '2027-01-02' });
  });
});

describe('due dates — EU Digital Services Act', () => {
  it('request for information (Art. 67): at least the day after issue, in the authority’s zone', () => {
    // 23:30 UTC on 28 March 2026 is 00:30 on the 29th in Brussels, 23:30 on the 28th in London.
    const lateEvening = '2026-03-28T23:30:00.000Z';
    const brussels: DueDateBasis = { issuedAt: lateEvening, timeZone: 'Europe/Brussels' };
    expect(checkDueDate(dsaRequest, brussels, '2026-03-29')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: 'eu-dsa.information-request.minimum-days',
        params: { minimumDays: 1, earliest: '2026-03-30' },
      },
    });
    expect(checkDueDate(dsaRequest, brussels, '2026-03-30')).toEqual({ ok: true, dueDate: '2026-03-30' });
    expect(checkDueDate(dsaRequest, london(lateEvening), '2026-03-29')).toEqual({
      ok: true,
      dueDate: '2026-03-29',
    });
    expect(checkDueDate(dsaRequest, brussels, '2026-03-01').ok).toBe(false);
  });

  it('transparency report: due two months after the reporting period ends', () => {
    const basis = (periodEnd: string): DueDateBasis => ({
      issuedAt: '2026-01-05T09:00:00.000Z',
      timeZone: 'Europe/Brussels',
      periodEnd,
    });
    expect(defaultDueDate(dsaTransparency, basis('2026-06-30'))).toEqual({ ok: true, dueDate: '2026-08-30' });
    expect(defaultDueDate(dsaTransparency, basis('2026-12-31'))).toEqual({ ok: true, dueDate: '2027-02-28' });
    expect(checkDueDate(dsaTransparency, basis('2026-12-31'), '2027-02-27')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: 'eu-dsa.transparency-report.minimum-months',
        params: { minimumMonths: 2, earliest: '2027-02-28' },
      },
    });
  });
});

describe('due dates — business days (voluntary information requests)', () => {
  const requestRule = informationRequestRule(VOLUNTARY);
  // Issued on Thursday 24 December 2026; closed on 25 and 28 December and 1 January.
  const basis = london('2026-12-24T15:00:00.000Z', { holidays: ['2026-12-25', '2026-12-28', '2027-01-01'] });

  it('skips weekends and holidays', () => {
    expect(earliestDueDate(requestRule, basis)).toEqual({ ok: true, dueDate: '2026-12-29' });
    // 29, 30, 31 Dec; 4, 5, 6, 7, 8, 11, 12 Jan.
    expect(defaultDueDate(requestRule, basis)).toEqual({ ok: true, dueDate: '2027-01-12' });
    expect(defaultDueDate(requestRule, { ...basis, holidays: [] })).toEqual({
      ok: true,
      dueDate: '2027-01-07',
    });
    expect(checkDueDate(requestRule, basis, '2026-12-28')).toEqual({
      ok: false,
      problem: {
        code: 'DUE_DATE_TOO_EARLY',
        rule: 'voluntary.information-request.minimum-days',
        params: { minimumDays: 1, earliest: '2026-12-29' },
      },
    });
  });
});
