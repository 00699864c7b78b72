import {
  answerInformationRequest,
  clockStatus,
  daysLeft,
  deadlineOn,
  deadlineStatus,
  grantExtension,
  informationRequestDeadline,
  isReviewPaused,
  openClock,
  openInformationRequest,
  pauseReview,
  resumeReview,
  reviewSlaDue,
  startReview,
  statutoryDeadline,
  type Clock,
} from './clock';
import { ESAFETY_BOSE, EU_DSA, OFCOM_OSA, VOLUNTARY } from './regimes';
import { must, problemOf } from './review.test-fixtures';

/** An Ofcom information notice issued on Friday 4 December 2026 in London: due 18 December by default. */
function ofcomNotice(dueDate?: string): Clock {
  return must(
    openClock(OFCOM_OSA, {
      openedAt: '2026-12-04T10:00:00Z',
      timeZone: 'Europe/London',
      notice: { kind: 'information-notice', ...(dueDate ? { dueDate } : {}) },
    }),
  );
}

/** The Ofcom notice, filed on 15 December: its review is due 30 days later, 14 January 2027. */
function filedOfcomNotice(): Clock {
  return must(startReview(ofcomNotice(), OFCOM_OSA, '2026-12-15T09:00:00Z'));
}

describe('opening a clock', () => {
  it('sets the statutory deadline to the end of the due date in the regulator’s zone', () => {
    const clock = ofcomNotice();
    expect(clock).toEqual({
      regime: 'ofcom-osa',
      timeZone: 'Europe/London',
      holidays: [],
      openedAt: '2026-12-04T10:00:00.000Z',
      statutory: {
        rule: 'ofcom-osa.information-notice',
        dueDate: '2026-12-18',
        periodEnd: null,
        extensions: [],
      },
      review: null,
      informationRequests: [],
    });
    expect(statutoryDeadline(clock)).toEqual({ dueDate: '2026-12-18', endsAt: '2026-12-18T23:59:59.999Z' });
  });

  it('refuses a due date the rule does not allow, and an unknown kind of notice', () => {
    const refused = openClock(OFCOM_OSA, {
      openedAt: '2026-12-04T10:00:00Z',
      timeZone: 'Europe/London',
      notice: { kind: 'information-notice', dueDate: '2026-12-10' },
    });
    expect(problemOf(refused)).toEqual({
      code: 'DUE_DATE_TOO_EARLY',
      rule: 'ofcom-osa.information-notice.minimum-days',
      params: { minimumDays: 7, earliest: '2026-12-11' },
    });
    const unknown = openClock(OFCOM_OSA, {
      openedAt: '2026-12-04T10:00:00Z',
      timeZone: 'Europe/London',
      notice: { kind: 'periodic-report' },
    });
    expect(problemOf(unknown)).toEqual({
      code: 'NOTICE_KIND_UNKNOWN',
      rule: 'ofcom-osa.notice-kinds',
      params: { kind: 'periodic-report' },
    });
  });

  it('opens a voluntary filing with no statutory deadline, only where the regime accepts one', () => {
    const voluntary = must(
      openClock(VOLUNTARY, { openedAt: '2026-12-04T10:00:00Z', timeZone: 'Europe/Paris', notice: null }),
    );
    expect(voluntary.statutory).toBeNull();
    expect(statutoryDeadline(voluntary)).toBeNull();
    expect(clockStatus(voluntary, '2026-12-05T00:00:00Z')).toBeNull();
    expect(
      problemOf(
        openClock(EU_DSA, { openedAt: '2026-12-04T10:00:00Z', timeZone: 'Europe/Brussels', notice: null }),
      ),
    ).toEqual({
      code: 'VOLUNTARY_FILING_NOT_ACCEPTED',
      rule: 'eu-dsa.voluntary-filings',
      params: {},
    });
  });

  it('throws on an unknown zone or a malformed instant or holiday (configuration, not input)', () => {
    const notice = { kind: 'information-notice' };
    expect(() =>
      openClock(OFCOM_OSA, { openedAt: '2026-12-04T10:00:00Z', timeZone: 'Europe/Lundon', notice }),
    ).toThrow(RangeError);
    expect(() =>
      openClock(OFCOM_OSA, { openedAt: '2026-12-04 10:00', timeZone: 'Europe/London', notice }),
    ).toThrow(RangeError);
    expect(() =>
      openClock(OFCOM_OSA, {
        openedAt: '2026-12-04T10:00:00Z',
        timeZone: 'Europe/London',
        holidays: ['25/12/2026'],
        notice,
      }),
    ).toThrow(RangeError);
  });
});

describe('deadlines at the end of the regulator’s day, across daylight-saving changes', () => {
  it('ends the same due date at a different instant in Sydney, London and Brussels', () => {
    // Issued in March, due on 10 April 2026: after Europe moved its clocks forward (29 March) and
    // after Sydney moved its clocks back (5 April).
    const sydney = must(
      openClock(ESAFETY_BOSE, {
        openedAt: '2026-03-06T01:00:00Z',
        timeZone: 'Australia/Sydney',
        notice: { kind: 'non-periodic-report', dueDate: '2026-04-10' },
      }),
    );
    const london = must(
      openClock(OFCOM_OSA, {
        openedAt: '2026-03-20T10:00:00Z',
        timeZone: 'Europe/London',
        notice: { kind: 'information-notice', dueDate: '2026-04-10' },
      }),
    );
    const brussels = must(
      openClock(EU_DSA, {
        openedAt: '2026-03-20T10:00:00Z',
        timeZone: 'Europe/Brussels',
        notice: { kind: 'information-request', dueDate: '2026-04-10' },
      }),
    );
    expect(statutoryDeadline(sydney)?.endsAt).toBe('2026-04-10T13:59:59.999Z'); // AEST, +10
    expect(statutoryDeadline(london)?.endsAt).toBe('2026-04-10T22:59:59.999Z'); // BST, +1
    expect(statutoryDeadline(brussels)?.endsAt).toBe('2026-04-10T21:59:59.999Z'); // CEST, +2
    // Had they been due on 3 April, Sydney would still have been on summer time (+11).
    expect(deadlineOn('2026-04-03', 'Australia/Sydney').endsAt).toBe('2026-04-03T12:59:59.999Z');
    // …and on 27 March, London and Brussels on winter time.
    expect(deadlineOn('2026-03-27', 'Europe/London').endsAt).toBe('2026-03-27T23:59:59.999Z');
    expect(deadlineOn('2026-03-27', 'Europe/Brussels').endsAt).toBe('2026-03-27T22:59:59.999Z');
  });

  it('counts calendar days across the change without losing or gaining a day', () => {
    // Ofcom notice issued at 09:00 on Friday 27 March 2026 (GMT): the 14-day default is Friday 10 April (BST).
    const clock = must(
      openClock(OFCOM_OSA, {
        openedAt: '2026-03-27T09:00:00Z',
        timeZone: 'Europe/London',
        notice: { kind: 'information-notice' },
      }),
    );
    expect(statutoryDeadline(clock)).toEqual({ dueDate: '2026-04-10', endsAt: '2026-04-10T22:59:59.999Z' });
  });
});

describe('extensions', () => {
  it('moves the statutory deadline later, each extension later than the last', () => {
    const first = must(
      grantExtension(ofcomNotice(), { grantedAt: '2026-12-10T12:00:00Z', dueDate: '2027-01-08' }),
    );
    expect(statutoryDeadline(first)).toEqual({ dueDate: '2027-01-08', endsAt: '2027-01-08T23:59:59.999Z' });
    const second = must(grantExtension(first, { grantedAt: '2027-01-04T12:00:00Z', dueDate: '2027-01-15' }));
    expect(second.statutory?.extensions).toEqual([
      { grantedAt: '2026-12-10T12:00:00.000Z', dueDate: '2027-01-08' },
      { grantedAt: '2027-01-04T12:00:00.000Z', dueDate: '2027-01-15' },
    ]);
    expect(second.statutory?.dueDate).toBe('2026-12-18');
  });

  it('refuses an extension that would not move the deadline later', () => {
    const extended = must(
      grantExtension(ofcomNotice(), { grantedAt: '2026-12-10T12:00:00Z', dueDate: '2027-01-08' }),
    );
    for (const dueDate of ['2027-01-08', '2027-01-05', '2026-12-11'])
      expect(problemOf(grantExtension(extended, { grantedAt: '2026-12-11T12:00:00Z', dueDate }))).toEqual({
        code: 'EXTENSION_NOT_LATER',
        rule: 'clock.extension.later',
        params: { currentDueDate: '2027-01-08' },
      });
  });

  it('refuses an extension dated before the notice or the previous extension, a malformed date, or no statutory deadline', () => {
    expect(
      problemOf(grantExtension(ofcomNotice(), { grantedAt: '2026-12-01T00:00:00Z', dueDate: '2027-01-08' })),
    ).toEqual({
      code: 'TIME_OUT_OF_ORDER',
      rule: 'clock.extension.order',
      params: { notBefore: '2026-12-04T10:00:00.000Z' },
    });
    const extended = must(
      grantExtension(ofcomNotice(), { grantedAt: '2026-12-10T12:00:00Z', dueDate: '2027-01-08' }),
    );
    expect(
      problemOf(grantExtension(extended, { grantedAt: '2026-12-09T00:00:00Z', dueDate: '2027-02-01' })).code,
    ).toBe('TIME_OUT_OF_ORDER');
    expect(
      problemOf(grantExtension(ofcomNotice(), { grantedAt: '2026-12-10T12:00:00Z', dueDate: '2027-02-30' }))
        .code,
    ).toBe('DUE_DATE_INVALID');
    const voluntary = must(
      openClock(VOLUNTARY, { openedAt: '2026-12-04T10:00:00Z', timeZone: 'Europe/Paris', notice: null }),
    );
    expect(
      problemOf(grantExtension(voluntary, { grantedAt: '2026-12-10T12:00:00Z', dueDate: '2027-01-08' })).code,
    ).toBe('NO_STATUTORY_DEADLINE');
  });
});

describe('the review clock', () => {
  it('is due the pack’s service level after filing', () => {
    const clock = filedOfcomNotice();
    expect(clock.review).toEqual({
      startedAt: '2026-12-15T09:00:00.000Z',
      dueDate: '2027-01-14',
      pauses: [],
    });
    expect(reviewSlaDue(clock, '2026-12-20T00:00:00Z')).toEqual({
      dueDate: '2027-01-14',
      endsAt: '2027-01-14T23:59:59.999Z',
    });
    expect(reviewSlaDue(ofcomNotice(), '2026-12-20T00:00:00Z')).toBeNull();
  });

  it('counts a voluntary review in business days, skipping the regulator’s holidays', () => {
    const voluntary = must(
      openClock(VOLUNTARY, {
        openedAt: '2026-12-20T10:00:00Z',
        timeZone: 'Europe/Paris',
        holidays: ['2026-12-25', '2027-01-01'],
        notice: null,
      }),
    );
    // Filed on Thursday 24 December: 20 business days, less Christmas Day and New Year's Day.
    const filed = must(startReview(voluntary, VOLUNTARY, '2026-12-24T10:00:00Z'));
    expect(filed.review?.dueDate).toBe('2027-01-25');
  });

  it('adds the time it stood still to its due date; the statutory deadline never moves', () => {
    const filed = filedOfcomNotice();
    const paused = must(pauseReview(filed, '2026-12-20T12:00:00Z'));
    expect(isReviewPaused(paused)).toBe(true);
    // Still paused two days later: due two days later, and later still as time goes on.
    expect(reviewSlaDue(paused, '2026-12-22T12:00:00Z')?.endsAt).toBe('2027-01-16T23:59:59.999Z');
    expect(reviewSlaDue(paused, '2026-12-25T12:00:00Z')?.endsAt).toBe('2027-01-19T23:59:59.999Z');
    const resumed = must(resumeReview(paused, '2026-12-23T18:00:00Z'));
    expect(isReviewPaused(resumed)).toBe(false);
    expect(reviewSlaDue(resumed, '2027-02-01T00:00:00Z')).toEqual({
      dueDate: '2027-01-18',
      endsAt: '2027-01-18T05:59:59.999Z',
    });
    expect(statutoryDeadline(resumed)).toEqual(statutoryDeadline(ofcomNotice()));
  });

  it('refuses pauses and resumptions out of turn', () => {
    const filed = filedOfcomNotice();
    expect(problemOf(pauseReview(ofcomNotice(), '2026-12-20T12:00:00Z')).code).toBe('REVIEW_NOT_STARTED');
    expect(problemOf(resumeReview(ofcomNotice(), '2026-12-20T12:00:00Z')).code).toBe('REVIEW_NOT_STARTED');
    expect(problemOf(resumeReview(filed, '2026-12-20T12:00:00Z')).code).toBe('REVIEW_NOT_PAUSED');
    expect(problemOf(pauseReview(filed, '2026-12-14T12:00:00Z'))).toEqual({
      code: 'TIME_OUT_OF_ORDER',
      rule: 'clock.review.pause-order',
      params: { notBefore: '2026-12-15T09:00:00.000Z' },
    });
    const paused = must(pauseReview(filed, '2026-12-20T12:00:00Z'));
    expect(problemOf(pauseReview(paused, '2026-12-21T12:00:00Z')).code).toBe('REVIEW_ALREADY_PAUSED');
    expect(problemOf(resumeReview(paused, '2026-12-20T11:59:59.999Z')).code).toBe('TIME_OUT_OF_ORDER');
    expect(problemOf(startReview(filed, OFCOM_OSA, '2026-12-16T00:00:00Z')).code).toBe(
      'REVIEW_ALREADY_STARTED',
    );
    expect(problemOf(startReview(ofcomNotice(), OFCOM_OSA, '2026-12-01T00:00:00Z')).code).toBe(
      'TIME_OUT_OF_ORDER',
    );
  });

  it('throws when given another regime’s pack', () => {
    expect(() => startReview(ofcomNotice(), EU_DSA, '2026-12-15T09:00:00Z')).toThrow(RangeError);
  });
});

describe('information requests', () => {
  it('run on their own clock under the pack’s rule, pause the review, and leave the statutory deadline alone', () => {
    const asked = must(
      openInformationRequest(filedOfcomNotice(), OFCOM_OSA, { id: 'IR-1', issuedAt: '2026-12-20T12:00:00Z' }),
    );
    expect(asked.informationRequests).toEqual([
      { id: 'IR-1', issuedAt: '2026-12-20T12:00:00.000Z', dueDate: '2027-01-03', answeredAt: null },
    ]);
    expect(informationRequestDeadline(asked, 'IR-1')).toEqual({
      dueDate: '2027-01-03',
      endsAt: '2027-01-03T23:59:59.999Z',
    });
    expect(informationRequestDeadline(asked, 'IR-2')).toBeNull();
    expect(isReviewPaused(asked)).toBe(true);
    const answered = must(
      answerInformationRequest(asked, { id: 'IR-1', answeredAt: '2026-12-23T12:00:00Z' }),
    );
    expect(isReviewPaused(answered)).toBe(false);
    expect(reviewSlaDue(answered, '2027-02-01T00:00:00Z')?.endsAt).toBe('2027-01-17T23:59:59.999Z');
    expect(statutoryDeadline(answered)).toEqual(statutoryDeadline(ofcomNotice()));
  });

  it('keep the review paused until the last open request is answered', () => {
    let clock = filedOfcomNotice();
    clock = must(openInformationRequest(clock, OFCOM_OSA, { id: 'A', issuedAt: '2026-12-20T00:00:00Z' }));
    clock = must(
      openInformationRequest(clock, OFCOM_OSA, {
        id: 'B',
        issuedAt: '2026-12-21T00:00:00Z',
        dueDate: '2027-01-31',
      }),
    );
    clock = must(answerInformationRequest(clock, { id: 'A', answeredAt: '2026-12-22T00:00:00Z' }));
    expect(isReviewPaused(clock)).toBe(true);
    clock = must(answerInformationRequest(clock, { id: 'B', answeredAt: '2026-12-24T00:00:00Z' }));
    expect(clock.review?.pauses).toEqual([
      { from: '2026-12-20T00:00:00.000Z', to: '2026-12-24T00:00:00.000Z' },
    ]);
    expect(reviewSlaDue(clock, '2027-02-01T00:00:00Z')?.endsAt).toBe('2027-01-18T23:59:59.999Z');
  });

  it('opened before filing make the review start paused', () => {
    const asked = must(
      openInformationRequest(ofcomNotice(), OFCOM_OSA, { id: 'A', issuedAt: '2026-12-05T00:00:00Z' }),
    );
    expect(isReviewPaused(asked)).toBe(false);
    const filed = must(startReview(asked, OFCOM_OSA, '2026-12-15T09:00:00Z'));
    expect(filed.review?.pauses).toEqual([{ from: '2026-12-15T09:00:00.000Z', to: null }]);
  });

  it('refuse a due date their rule does not allow, a reused id, and answers out of turn', () => {
    const filed = filedOfcomNotice();
    expect(
      problemOf(
        openInformationRequest(filed, OFCOM_OSA, {
          id: 'A',
          issuedAt: '2026-12-20T12:00:00Z',
          dueDate: '2026-12-26',
        }),
      ),
    ).toEqual({
      code: 'DUE_DATE_TOO_EARLY',
      rule: 'ofcom-osa.information-request.minimum-days',
      params: { minimumDays: 7, earliest: '2026-12-27' },
    });
    const asked = must(
      openInformationRequest(filed, OFCOM_OSA, { id: 'A', issuedAt: '2026-12-20T12:00:00Z' }),
    );
    expect(
      problemOf(openInformationRequest(asked, OFCOM_OSA, { id: 'A', issuedAt: '2026-12-21T12:00:00Z' })).code,
    ).toBe('INFORMATION_REQUEST_DUPLICATE');
    expect(
      problemOf(openInformationRequest(asked, OFCOM_OSA, { id: 'B', issuedAt: '2026-12-01T12:00:00Z' })).code,
    ).toBe('TIME_OUT_OF_ORDER');
    expect(
      problemOf(answerInformationRequest(asked, { id: 'Z', answeredAt: '2026-12-22T00:00:00Z' })),
    ).toEqual({
      code: 'INFORMATION_REQUEST_UNKNOWN',
      rule: 'clock.information-request.known',
      params: { id: 'Z' },
    });
    expect(
      problemOf(answerInformationRequest(asked, { id: 'A', answeredAt: '2026-12-19T00:00:00Z' })).code,
    ).toBe('TIME_OUT_OF_ORDER');
    const answered = must(answerInformationRequest(asked, { id: 'A', answeredAt: '2026-12-22T00:00:00Z' }));
    expect(
      problemOf(answerInformationRequest(answered, { id: 'A', answeredAt: '2026-12-23T00:00:00Z' })).code,
    ).toBe('INFORMATION_REQUEST_CLOSED');
  });
});

describe('status and days left', () => {
  const deadline = statutoryDeadline(ofcomNotice())!;

  it.each([
    ['2026-12-01T12:00:00Z', 17, 'on-time'],
    ['2026-12-10T23:59:59.999Z', 8, 'on-time'],
    ['2026-12-11T00:00:00Z', 7, 'due-soon'],
    ['2026-12-18T23:59:59.999Z', 0, 'due-soon'],
    ['2026-12-19T00:00:00Z', -1, 'overdue'],
  ] as const)('at %s: %i days left, %s', (now, days, status) => {
    expect(daysLeft(deadline, now, 'Europe/London')).toBe(days);
    expect(deadlineStatus(deadline, now, 'Europe/London')).toBe(status);
  });

  it('counts days left in the calendar of the zone it is asked in', () => {
    // The London deadline ends at 10:59 on 19 December in Sydney, whose 11 December starts at 13:00 UTC on the 10th.
    expect(daysLeft(deadline, '2026-12-10T14:00:00Z', 'Australia/Sydney')).toBe(8);
    expect(daysLeft(deadline, '2026-12-10T14:00:00Z', 'Europe/London')).toBe(8);
    expect(daysLeft(deadline, '2026-12-10T12:00:00Z', 'Australia/Sydney')).toBe(9);
  });

  it('reports the statutory deadline of a clock in its own zone', () => {
    expect(clockStatus(ofcomNotice(), '2026-12-05T00:00:00Z')).toBe('on-time');
    expect(clockStatus(ofcomNotice(), '2026-12-12T00:00:00Z')).toBe('due-soon');
    expect(clockStatus(ofcomNotice(), '2026-12-19T00:00:00Z')).toBe('overdue');
    const extended = must(
      grantExtension(ofcomNotice(), { grantedAt: '2026-12-18T12:00:00Z', dueDate: '2027-01-31' }),
    );
    expect(clockStatus(extended, '2026-12-19T00:00:00Z')).toBe('on-time');
  });
});

describe('the clock value', () => {
  it('is plain JSON and never mutated by a change', () => {
    const filed = filedOfcomNotice();
    const snapshot = JSON.stringify(filed);
    const asked = must(
      openInformationRequest(filed, OFCOM_OSA, { id: 'A', issuedAt: '2026-12-20T12:00:00Z' }),
    );
    must(grantExtension(asked, { grantedAt: '2026-12-21T00:00:00Z', dueDate: '2027-01-31' }));
    must(answerInformationRequest(asked, { id: 'A', answeredAt: '2026-12-22T00:00:00Z' }));
    expect(JSON.stringify(filed)).toBe(snapshot);
    expect(JSON.parse(JSON.stringify(asked))).toEqual(asked);
  });
});
