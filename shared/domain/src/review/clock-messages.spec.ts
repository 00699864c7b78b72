import { CLOCK_PROBLEM_MESSAGES, clockProblemMessage } from './clock-messages';
import { CLOCK_PROBLEM_CODES, type ClockProblemCode, type ClockProblemOf } from './clock-problems';

/** One problem of every code, with every parameter its code can carry. */
const EXAMPLES: { [C in ClockProblemCode]: ClockProblemOf<C> } = {
  DUE_DATE_INVALID: {
    code: 'DUE_DATE_INVALID',
    rule: 'ofcom-osa.information-notice.due-date',
    params: { value: '2026-02-30' },
  },
  DUE_DATE_TOO_EARLY: {
    code: 'DUE_DATE_TOO_EARLY',
    rule: 'ofcom-osa.information-notice.minimum-days',
    params: { minimumDays: 7, earliest: '2026-12-11' },
  },
  PERIOD_END_REQUIRED: {
    code: 'PERIOD_END_REQUIRED',
    rule: 'esafety-bose.periodic-report.period-end',
    params: {},
  },
  PERIOD_DATE_INVALID: {
    code: 'PERIOD_DATE_INVALID',
    rule: 'esafety-bose.periodic-report.period-end',
    params: { value: '2026-06-31' },
  },
  NOTICE_KIND_UNKNOWN: {
    code: 'NOTICE_KIND_UNKNOWN',
    rule: 'ofcom-osa.notice-kinds',
    params: { kind: 'periodic-report' },
  },
  VOLUNTARY_FILING_NOT_ACCEPTED: {
    code: 'VOLUNTARY_FILING_NOT_ACCEPTED',
    rule: 'eu-dsa.voluntary-filings',
    params: {},
  },
  NO_STATUTORY_DEADLINE: {
    code: 'NO_STATUTORY_DEADLINE',
    rule: 'clock.extension.statutory-deadline',
    params: {},
  },
  EXTENSION_NOT_LATER: {
    code: 'EXTENSION_NOT_LATER',
    rule: 'clock.extension.later',
    params: { currentDueDate: '2027-01-08' },
  },
  REVIEW_NOT_STARTED: { code: 'REVIEW_NOT_STARTED', rule: 'clock.review.pause', params: {} },
  REVIEW_ALREADY_STARTED: { code: 'REVIEW_ALREADY_STARTED', rule: 'clock.review.once', params: {} },
  REVIEW_ALREADY_PAUSED: { code: 'REVIEW_ALREADY_PAUSED', rule: 'clock.review.pause', params: {} },
  REVIEW_NOT_PAUSED: { code: 'REVIEW_NOT_PAUSED', rule: 'clock.review.resume', params: {} },
  INFORMATION_REQUEST_DUPLICATE: {
    code: 'INFORMATION_REQUEST_DUPLICATE',
    rule: 'clock.information-request.unique-id',
    params: { id: 'IR-1' },
  },
  INFORMATION_REQUEST_UNKNOWN: {
    code: 'INFORMATION_REQUEST_UNKNOWN',
    rule: 'clock.information-request.known',
    params: { id: 'IR-1' },
  },
  INFORMATION_REQUEST_CLOSED: {
    code: 'INFORMATION_REQUEST_CLOSED',
    rule: 'clock.information-request.open',
    params: { id: 'IR-1' },
  },
  TIME_OUT_OF_ORDER: {
    code: 'TIME_OUT_OF_ORDER',
    rule: 'clock.review.resume-order',
    params: { notBefore: '2026-12-20T12:00:00.000Z' },
  },
  SERIES_NOT_SUPPORTED: {
    code: 'SERIES_NOT_SUPPORTED',
    rule: 'ofcom-osa.information-notice.series',
    params: {},
  },
  REPORTING_INTERVAL_OUT_OF_RANGE: {
    code: 'REPORTING_INTERVAL_OUT_OF_RANGE',
    rule: 'esafety-bose.periodic-report.interval-months',
    params: { intervalMonths: 5, minimumMonths: 6, maximumMonths: 24 },
  },
  SERIES_PERIODS_INVALID: {
    code: 'SERIES_PERIODS_INVALID',
    rule: 'esafety-bose.periodic-report.periods',
    params: { periods: 0, maximum: 20 },
  },
};

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map(([, name]) => name).sort();

describe('clock problem messages', () => {
  it('has exactly one message per code', () => {
    expect(Object.keys(CLOCK_PROBLEM_MESSAGES).sort()).toEqual([...CLOCK_PROBLEM_CODES].sort());
  });

  it.each(CLOCK_PROBLEM_CODES.map((code) => [code]))(
    '%s: English and French, with the same placeholders',
    (code) => {
      const { en, fr } = CLOCK_PROBLEM_MESSAGES[code];
      expect(en.trim()).not.toBe('');
      expect(fr.trim()).not.toBe('');
      expect(fr).not.toBe(en);
      expect(placeholders(fr)).toEqual(placeholders(en));
      for (const name of placeholders(en)) expect(Object.keys(EXAMPLES[code].params)).toContain(name);
    },
  );

  it.each(CLOCK_PROBLEM_CODES.map((code) => [code]))('%s renders with every placeholder filled', (code) => {
    for (const language of ['en', 'fr'] as const)
      expect(clockProblemMessage(EXAMPLES[code], language)).not.toMatch(/[{}]/);
  });

  it('fills the parameters in', () => {
    expect(clockProblemMessage(EXAMPLES.DUE_DATE_TOO_EARLY, 'en')).toBe(
      'The due date must be on or after 2026-12-11.',
    );
    expect(clockProblemMessage(EXAMPLES.DUE_DATE_TOO_EARLY, 'fr')).toBe(
      'L’échéance doit tomber le 2026-12-11 ou plus tard.',
    );
  });
});
