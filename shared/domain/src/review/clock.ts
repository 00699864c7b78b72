/**
 * The clock of one notice (or voluntary filing) under review. It holds three kinds of time:
 * - the **statutory deadline**: the notice's due date, moved only by granted extensions, each one
 *   later than the last — pauses and information requests never touch it;
 * - the **review service level**: from filing, how long the regulator's review should take; it can
 *   be paused (while an information request is open) and resumed, and the time it stood still is
 *   added back to the millisecond;
 * - **information requests**, each with its own due date under the pack's rule.
 * A deadline ends at 23:59:59.999 on its due date in the regulator's time zone. The value is plain
 * JSON; every change returns a new clock or a problem, and never mutates its input.
 */
import { isCalendarDate } from '../assessment/validate-answer';
import { type CalendarDate, daysBetween, requireCalendarDate } from './calendar-date';
import { type ClockProblem, clockProblem } from './clock-problems';
import { dateAfter } from './day-counting';
import { type RegulatorCalendar, checkDueDate, defaultDueDate } from './due-dates';
import type { RegimeId, RegimeRulePack } from './regime.types';
import { informationRequestRule, noticeRule } from './regimes';
import { type Instant, endOfLocalDay, instantMs, instantOf, localDateOf, requireTimeZone } from './time-zone';

export interface Extension {
  readonly grantedAt: Instant;
  /** The new due date, later than the one it replaces. */
  readonly dueDate: CalendarDate;
}

export interface StatutoryTerm {
  /** The notice's deadline rule, `<regime>.<kind>`. */
  readonly rule: string;
  /** The due date as issued. */
  readonly dueDate: CalendarDate;
  /** The last day of the reporting period, for rules that count from it. */
  readonly periodEnd: CalendarDate | null;
  /** In the order granted; each due date later than the previous one. */
  readonly extensions: readonly Extension[];
}

export interface Pause {
  readonly from: Instant;
  /** Null while the review clock stands still. */
  readonly to: Instant | null;
}

export interface ReviewTerm {
  /** When the company filed and the review clock started. */
  readonly startedAt: Instant;
  /** The service-level due date before any pause. */
  readonly dueDate: CalendarDate;
  readonly pauses: readonly Pause[];
}

export interface InformationRequestTerm {
  readonly id: string;
  readonly issuedAt: Instant;
  readonly dueDate: CalendarDate;
  readonly answeredAt: Instant | null;
}

export interface Clock {
  readonly regime: RegimeId;
  /** The regulator's IANA time zone: due dates are its dates, deadlines the end of its days. */
  readonly timeZone: string;
  /** The regulator's public holidays, sorted (used by business-day counting). */
  readonly holidays: readonly CalendarDate[];
  /** When the notice was issued, or the voluntary filing opened. */
  readonly openedAt: Instant;
  /** Null for a voluntary filing. */
  readonly statutory: StatutoryTerm | null;
  /** Null until the company files. */
  readonly review: ReviewTerm | null;
  readonly informationRequests: readonly InformationRequestTerm[];
}

/** A due date and the instant it ends in the regulator's zone. */
export interface Deadline {
  readonly dueDate: CalendarDate;
  readonly endsAt: Instant;
}

export type ClockResult =
  { readonly ok: true; readonly clock: Clock } | { readonly ok: false; readonly problem: ClockProblem };

export interface OpenClockInput extends RegulatorCalendar {
  readonly openedAt: Instant;
  /**
   * The notice: its kind in the pack, and a due date (the rule's default when absent) and the end
   * of the reporting period it covers (for rules counting from it). Null for a voluntary filing.
   */
  readonly notice: {
    readonly kind: string;
    readonly dueDate?: string;
    readonly periodEnd?: CalendarDate;
  } | null;
}

/** `due-soon` from this many days before the due date (in the zone it is viewed in). */
export const DUE_SOON_DAYS = 7;

export const DEADLINE_STATUSES = ['on-time', 'due-soon', 'overdue'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];

/** Opens the clock of a notice, checking its due date against the pack, or of a voluntary filing. */
export function openClock(pack: RegimeRulePack, input: OpenClockInput): ClockResult {
  const timeZone = requireTimeZone(input.timeZone);
  const holidays = [...new Set(input.holidays ?? [])]
    .map((date) => requireCalendarDate(date, 'holiday'))
    .sort();
  const base = {
    regime: pack.id,
    timeZone,
    holidays,
    openedAt: canonical(input.openedAt),
    review: null,
    informationRequests: [],
  };
  const notice = input.notice;
  if (notice === null)
    return pack.acceptsVoluntaryFilings
      ? { ok: true, clock: { ...base, statutory: null } }
      : refuse(clockProblem('VOLUNTARY_FILING_NOT_ACCEPTED', `${pack.id}.voluntary-filings`, {}));
  const rule = noticeRule(pack, notice.kind);
  if (!rule)
    return refuse(clockProblem('NOTICE_KIND_UNKNOWN', `${pack.id}.notice-kinds`, { kind: notice.kind }));
  const basis = { timeZone, holidays, issuedAt: base.openedAt, periodEnd: notice.periodEnd };
  const due =
    notice.dueDate === undefined ? defaultDueDate(rule, basis) : checkDueDate(rule, basis, notice.dueDate);
  if (!due.ok) return due;
  return {
    ok: true,
    clock: {
      ...base,
      statutory: { rule: rule.id, dueDate: due.dueDate, periodEnd: notice.periodEnd ?? null, extensions: [] },
    },
  };
}

/** Grants an extension: refused unless it moves the statutory due date later. */
export function grantExtension(clock: Clock, extension: Extension): ClockResult {
  const statutory = clock.statutory;
  if (!statutory)
    return refuse(clockProblem('NO_STATUTORY_DEADLINE', 'clock.extension.statutory-deadline', {}));
  const notBefore = statutory.extensions.at(-1)?.grantedAt ?? clock.openedAt;
  if (instantMs(extension.grantedAt) < instantMs(notBefore))
    return refuse(clockProblem('TIME_OUT_OF_ORDER', 'clock.extension.order', { notBefore }));
  if (!isCalendarDate(extension.dueDate))
    return refuse(clockProblem('DUE_DATE_INVALID', 'clock.extension.due-date', { value: extension.dueDate }));
  const currentDueDate = currentStatutoryDueDate(statutory);
  if (extension.dueDate <= currentDueDate)
    return refuse(clockProblem('EXTENSION_NOT_LATER', 'clock.extension.later', { currentDueDate }));
  const granted = { grantedAt: canonical(extension.grantedAt), dueDate: extension.dueDate };
  return {
    ok: true,
    clock: { ...clock, statutory: { ...statutory, extensions: [...statutory.extensions, granted] } },
  };
}

/**
 * Starts the review clock when the company files: due the pack's service level after the filing
 * date. It starts paused when an information request is already open.
 */
export function startReview(clock: Clock, pack: RegimeRulePack, startedAt: Instant): ClockResult {
  requirePackOf(clock, pack);
  if (clock.review) return refuse(clockProblem('REVIEW_ALREADY_STARTED', 'clock.review.once', {}));
  if (instantMs(startedAt) < instantMs(clock.openedAt))
    return refuse(clockProblem('TIME_OUT_OF_ORDER', 'clock.review.order', { notBefore: clock.openedAt }));
  const at = canonical(startedAt);
  const dueDate = dateAfter(
    localDateOf(at, clock.timeZone),
    pack.reviewSla,
    pack.dayCounting,
    clock.holidays,
  );
  const pauses = openRequests(clock).length > 0 ? [{ from: at, to: null }] : [];
  return { ok: true, clock: { ...clock, review: { startedAt: at, dueDate, pauses } } };
}

/** Stops the review clock. The statutory deadline does not move. */
export function pauseReview(clock: Clock, at: Instant): ClockResult {
  const review = clock.review;
  if (!review) return refuse(clockProblem('REVIEW_NOT_STARTED', 'clock.review.pause', {}));
  const last = review.pauses.at(-1);
  if (last && last.to === null)
    return refuse(clockProblem('REVIEW_ALREADY_PAUSED', 'clock.review.pause', {}));
  const notBefore = last?.to ?? review.startedAt;
  if (instantMs(at) < instantMs(notBefore))
    return refuse(clockProblem('TIME_OUT_OF_ORDER', 'clock.review.pause-order', { notBefore }));
  return {
    ok: true,
    clock: { ...clock, review: { ...review, pauses: [...review.pauses, { from: canonical(at), to: null }] } },
  };
}

/** Restarts the review clock. */
export function resumeReview(clock: Clock, at: Instant): ClockResult {
  const review = clock.review;
  if (!review) return refuse(clockProblem('REVIEW_NOT_STARTED', 'clock.review.resume', {}));
  const last = review.pauses.at(-1);
  if (!last || last.to !== null) return refuse(clockProblem('REVIEW_NOT_PAUSED', 'clock.review.resume', {}));
  if (instantMs(at) < instantMs(last.from))
    return refuse(clockProblem('TIME_OUT_OF_ORDER', 'clock.review.resume-order', { notBefore: last.from }));
  const pauses = [...review.pauses.slice(0, -1), { from: last.from, to: canonical(at) }];
  return { ok: true, clock: { ...clock, review: { ...review, pauses } } };
}

export interface InformationRequestInput {
  /** Unique within the clock. */
  readonly id: string;
  readonly issuedAt: Instant;
  /** The pack's default for information requests when absent. */
  readonly dueDate?: string;
}

/**
 * Opens an information request with its own due date, checked against the pack's rule, and pauses
 * a running review clock. The statutory deadline does not move.
 */
export function openInformationRequest(
  clock: Clock,
  pack: RegimeRulePack,
  request: InformationRequestInput,
): ClockResult {
  requirePackOf(clock, pack);
  if (clock.informationRequests.some((existing) => existing.id === request.id))
    return refuse(
      clockProblem('INFORMATION_REQUEST_DUPLICATE', 'clock.information-request.unique-id', {
        id: request.id,
      }),
    );
  if (instantMs(request.issuedAt) < instantMs(clock.openedAt))
    return refuse(
      clockProblem('TIME_OUT_OF_ORDER', 'clock.information-request.order', { notBefore: clock.openedAt }),
    );
  const issuedAt = canonical(request.issuedAt);
  const rule = informationRequestRule(pack);
  const basis = { timeZone: clock.timeZone, holidays: clock.holidays, issuedAt };
  const due =
    request.dueDate === undefined ? defaultDueDate(rule, basis) : checkDueDate(rule, basis, request.dueDate);
  if (!due.ok) return due;
  const added: InformationRequestTerm = { id: request.id, issuedAt, dueDate: due.dueDate, answeredAt: null };
  const withRequest = { ...clock, informationRequests: [...clock.informationRequests, added] };
  return clock.review && !isReviewPaused(clock)
    ? pauseReview(withRequest, issuedAt)
    : { ok: true, clock: withRequest };
}

/** Records the answer to an information request; the review clock runs again once none is open. */
export function answerInformationRequest(
  clock: Clock,
  answer: { readonly id: string; readonly answeredAt: Instant },
): ClockResult {
  const request = clock.informationRequests.find((existing) => existing.id === answer.id);
  if (!request)
    return refuse(
      clockProblem('INFORMATION_REQUEST_UNKNOWN', 'clock.information-request.known', { id: answer.id }),
    );
  if (request.answeredAt !== null)
    return refuse(
      clockProblem('INFORMATION_REQUEST_CLOSED', 'clock.information-request.open', { id: answer.id }),
    );
  if (instantMs(answer.answeredAt) < instantMs(request.issuedAt))
    return refuse(
      clockProblem('TIME_OUT_OF_ORDER', 'clock.information-request.answer-order', {
        notBefore: request.issuedAt,
      }),
    );
  const answeredAt = canonical(answer.answeredAt);
  const answered = {
    ...clock,
    informationRequests: clock.informationRequests.map((existing) =>
      existing.id === answer.id ? { ...existing, answeredAt } : existing,
    ),
  };
  return isReviewPaused(answered) && openRequests(answered).length === 0
    ? resumeReview(answered, answeredAt)
    : { ok: true, clock: answered };
}

/** The statutory deadline as it stands (the latest extension's due date, else the notice's); null for a voluntary filing. */
export function statutoryDeadline(clock: Clock): Deadline | null {
  return clock.statutory ? deadlineOn(currentStatutoryDueDate(clock.statutory), clock.timeZone) : null;
}

/**
 * When the review should be done, as of `now`: the end of its service-level due date plus all the
 * time the clock stood still, a pause still open counting up to `now`. Null before filing.
 */
export function reviewSlaDue(clock: Clock, now: Instant): Deadline | null {
  const review = clock.review;
  if (!review) return null;
  const nowMs = instantMs(now);
  const paused = review.pauses.reduce((total, pause) => {
    const from = instantMs(pause.from);
    return total + Math.max(0, (pause.to === null ? nowMs : instantMs(pause.to)) - from);
  }, 0);
  const endsAt = endOfLocalDay(review.dueDate, clock.timeZone) + paused;
  return { dueDate: localDateOf(endsAt, clock.timeZone), endsAt: instantOf(endsAt) };
}

export function isReviewPaused(clock: Clock): boolean {
  return clock.review?.pauses.at(-1)?.to === null;
}

export function informationRequestDeadline(clock: Clock, id: string): Deadline | null {
  const request = clock.informationRequests.find((existing) => existing.id === id);
  return request ? deadlineOn(request.dueDate, clock.timeZone) : null;
}

/** The deadline ending a due date in a zone: 23:59:59.999 there on that date. */
export function deadlineOn(dueDate: CalendarDate, timeZone: string): Deadline {
  requireCalendarDate(dueDate, 'dueDate');
  return { dueDate, endsAt: instantOf(endOfLocalDay(dueDate, requireTimeZone(timeZone))) };
}

/**
 * Calendar days from today to the deadline's day, both as dates in `timeZone`: 0 on the day
 * itself, negative once that day is past.
 */
export function daysLeft(deadline: Deadline, now: Instant, timeZone: string): number {
  requireTimeZone(timeZone);
  return daysBetween(localDateOf(now, timeZone), localDateOf(deadline.endsAt, timeZone));
}

/** `overdue` once the deadline has passed, `due-soon` within {@link DUE_SOON_DAYS} days of it, else `on-time`. */
export function deadlineStatus(deadline: Deadline, now: Instant, timeZone: string): DeadlineStatus {
  if (instantMs(now) > instantMs(deadline.endsAt)) return 'overdue';
  return daysLeft(deadline, now, timeZone) <= DUE_SOON_DAYS ? 'due-soon' : 'on-time';
}

/** The status of the statutory deadline in the regulator's zone; null for a voluntary filing. */
export function clockStatus(clock: Clock, now: Instant): DeadlineStatus | null {
  const deadline = statutoryDeadline(clock);
  return deadline ? deadlineStatus(deadline, now, clock.timeZone) : null;
}

function currentStatutoryDueDate(statutory: StatutoryTerm): CalendarDate {
  return statutory.extensions.at(-1)?.dueDate ?? statutory.dueDate;
}

function openRequests(clock: Clock): readonly InformationRequestTerm[] {
  return clock.informationRequests.filter((request) => request.answeredAt === null);
}

function requirePackOf(clock: Clock, pack: RegimeRulePack): void {
  if (pack.id !== clock.regime) throw new RangeError(`the clock runs under ${clock.regime}, not ${pack.id}`);
}

function refuse(problem: ClockProblem): ClockResult {
  return { ok: false, problem };
}

/** The one spelling of an instant the clock stores: `YYYY-MM-DDTHH:mm:ss.sssZ`. */
function canonical(instant: Instant): Instant {
  return instantOf(instantMs(instant));
}
