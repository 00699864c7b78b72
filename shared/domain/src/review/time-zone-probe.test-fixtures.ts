// Test fixture: one run of the clock computations, compared across process time zones by
// time-zone-independence.spec.ts (in-process and in child processes started with another TZ).
import { fromDayNumber } from './calendar-date';
import {
  daysLeft,
  deadlineOn,
  grantExtension,
  openClock,
  openInformationRequest,
  reviewSlaDue,
  startReview,
  statutoryDeadline,
} from './clock';
import { checkDueDate, defaultDueDate } from './due-dates';
import { ESAFETY_BOSE, EU_DSA, OFCOM_OSA, VOLUNTARY, noticeRule } from './regimes';
import { reportingSeries } from './reporting-series';
import { must } from './review.test-fixtures';
import { endOfLocalDay, instantOf, localDateOf } from './time-zone';

export interface ProbeInput {
  openedAtMs: number;
  zone: string;
  /** Picks a second date, this many days after the opening. */
  offsetDays: number;
}

export function probe({ openedAtMs, zone, offsetDays }: ProbeInput): unknown {
  const periodic = noticeRule(ESAFETY_BOSE, 'periodic-report')!;
  const transparency = noticeRule(EU_DSA, 'transparency-report')!;
  const openedAt = instantOf(openedAtMs);
  const someDate = fromDayNumber(Math.floor(openedAtMs / 86_400_000) + offsetDays);
  const ofcom = must(
    openClock(OFCOM_OSA, { openedAt, timeZone: zone, notice: { kind: 'information-notice' } }),
  );
  const filed = must(startReview(ofcom, OFCOM_OSA, openedAt));
  const voluntary = must(
    openClock(VOLUNTARY, { openedAt, timeZone: zone, holidays: [someDate], notice: null }),
  );
  return {
    localDate: localDateOf(openedAt, zone),
    endOfDay: endOfLocalDay(someDate, zone),
    deadline: deadlineOn(someDate, zone),
    daysLeft: daysLeft(deadlineOn(someDate, zone), openedAt, zone),
    check: checkDueDate(periodic, { issuedAt: openedAt, timeZone: zone, periodEnd: someDate }, someDate),
    transparency: defaultDueDate(transparency, { issuedAt: openedAt, timeZone: zone, periodEnd: someDate }),
    statutory: statutoryDeadline(ofcom),
    extended: grantExtension(ofcom, { grantedAt: openedAt, dueDate: someDate }),
    review: reviewSlaDue(filed, openedAt),
    asked: openInformationRequest(filed, OFCOM_OSA, { id: 'A', issuedAt: openedAt }),
    voluntaryReview: must(startReview(voluntary, VOLUNTARY, openedAt)).review,
    series: reportingSeries(periodic, {
      firstPeriodStart: someDate,
      intervalMonths: 6,
      periods: 4,
      timeZone: zone,
    }),
  };
}
