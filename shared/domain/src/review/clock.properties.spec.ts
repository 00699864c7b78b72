import fc from 'fast-check';
import { addDays, fromDayNumber } from './calendar-date';
import {
  answerInformationRequest,
  grantExtension,
  openClock,
  openInformationRequest,
  pauseReview,
  resumeReview,
  reviewSlaDue,
  startReview,
  statutoryDeadline,
  type Clock,
  type ClockResult,
} from './clock';
import { isBusinessDay } from './day-counting';
import type { RegimeRulePack } from './regime.types';
import { ESAFETY_BOSE, EU_DSA, OFCOM_OSA, VOLUNTARY } from './regimes';
import { ZONES, intlWallClock, must } from './review.test-fixtures';
import { instantMs, instantOf } from './time-zone';

const NUM_RUNS = 150;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ── Generated clocks ───────────────────────────────────────────────────────────────────────────

interface NoticeCase {
  pack: RegimeRulePack;
  kind: string | null;
  /** Days from the issue date back to the end of the reporting period, for period-end rules. */
  periodEndDaysBefore: number | null;
}

const NOTICES: NoticeCase[] = [
  { pack: OFCOM_OSA, kind: 'information-notice', periodEndDaysBefore: null },
  { pack: ESAFETY_BOSE, kind: 'non-periodic-report', periodEndDaysBefore: null },
  { pack: ESAFETY_BOSE, kind: 'periodic-report', periodEndDaysBefore: 10 },
  { pack: EU_DSA, kind: 'information-request', periodEndDaysBefore: null },
  { pack: EU_DSA, kind: 'transparency-report', periodEndDaysBefore: 3 },
  { pack: VOLUNTARY, kind: null, periodEndDaysBefore: null },
];

interface ClockCase {
  notice: NoticeCase;
  zone: string;
  openedAtMs: number;
  holidays: string[];
}

// Instants from 2020 to 2035.
const openedAts = fc.integer({ min: 1_577_836_800_000, max: 2_051_222_400_000 });

const clockCase = (notices: NoticeCase[] = NOTICES): fc.Arbitrary<ClockCase> =>
  fc
    .record({
      notice: fc.constantFrom(...notices),
      zone: fc.constantFrom(...ZONES),
      openedAtMs: openedAts,
      holidays: fc.uniqueArray(fc.integer({ min: 0, max: 120 }), { maxLength: 6 }),
    })
    .map((generated) => ({
      ...generated,
      holidays: generated.holidays.map((offset) =>
        fromDayNumber(Math.floor(generated.openedAtMs / DAY) + offset),
      ),
    }));

function clockOf({ notice, zone, openedAtMs, holidays }: ClockCase): Clock {
  const openedAt = instantOf(openedAtMs);
  const periodEnd =
    notice.periodEndDaysBefore === null
      ? {}
      : { periodEnd: addDays(instantOf(openedAtMs).slice(0, 10), -notice.periodEndDaysBefore) };
  return must(
    openClock(notice.pack, {
      openedAt,
      timeZone: zone,
      holidays,
      notice: notice.kind === null ? null : { kind: notice.kind, ...periodEnd },
    }),
  );
}

// ── Generated sequences of review events ───────────────────────────────────────────────────────

type Step =
  | { type: 'start'; afterMs: number }
  | { type: 'pause'; afterMs: number }
  | { type: 'resume'; afterMs: number }
  | { type: 'open'; afterMs: number; id: number; dueInDays: number | null }
  | { type: 'answer'; afterMs: number; id: number };

const afterMs = fc.integer({ min: 0, max: 10 * DAY });
const requestId = fc.integer({ min: 0, max: 3 });

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ type: fc.constant('start' as const), afterMs }),
  fc.record({ type: fc.constant('pause' as const), afterMs }),
  fc.record({ type: fc.constant('resume' as const), afterMs }),
  fc.record({
    type: fc.constant('open' as const),
    afterMs,
    id: requestId,
    dueInDays: fc.option(fc.integer({ min: -3, max: 60 })),
  }),
  fc.record({ type: fc.constant('answer' as const), afterMs, id: requestId }),
);

/** Applies a step at `atMs`; refused steps leave the clock as it was. */
function apply(clock: Clock, pack: RegimeRulePack, current: Step, atMs: number): ClockResult {
  const at = instantOf(atMs);
  switch (current.type) {
    case 'start':
      return startReview(clock, pack, at);
    case 'pause':
      return pauseReview(clock, at);
    case 'resume':
      return resumeReview(clock, at);
    case 'open':
      return openInformationRequest(clock, pack, {
        id: `IR-${current.id}`,
        issuedAt: at,
        ...(current.dueInDays === null ? {} : { dueDate: addDays(at.slice(0, 10), current.dueInDays) }),
      });
    case 'answer':
      return answerInformationRequest(clock, { id: `IR-${current.id}`, answeredAt: at });
  }
}

function run(
  start: Clock,
  pack: RegimeRulePack,
  steps: Step[],
  fromMs: number,
  each: (clock: Clock) => void,
): Clock {
  let clock = start;
  let atMs = fromMs;
  for (const current of steps) {
    atMs += current.afterMs;
    const result = apply(clock, pack, current, atMs);
    if (result.ok) clock = result.clock;
    each(clock);
  }
  return clock;
}

// ── Properties ─────────────────────────────────────────────────────────────────────────────────

describe('clock properties', () => {
  it('ends every statutory deadline at 23:59:59.999 of its due date in the regulator’s zone, as Intl shows it', () => {
    fc.assert(
      fc.property(clockCase(NOTICES.filter((notice) => notice.kind !== null)), (generated) => {
        const deadline = statutoryDeadline(clockOf(generated))!;
        const endsAtMs = instantMs(deadline.endsAt);
        expect(intlWallClock(endsAtMs, generated.zone).time).toBe('23:59:59');
        expect(intlWallClock(endsAtMs, generated.zone).date).toBe(deadline.dueDate);
        expect(intlWallClock(endsAtMs + 1, generated.zone).date > deadline.dueDate).toBe(true);
        expect(endsAtMs).toBeGreaterThan(generated.openedAtMs);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('lands business-day due dates on business days', () => {
    fc.assert(
      fc.property(clockCase([NOTICES[5]!]), fc.integer({ min: 0, max: 20 * DAY }), (generated, delay) => {
        const filed = must(
          startReview(clockOf(generated), VOLUNTARY, instantOf(generated.openedAtMs + delay)),
        );
        const asked = must(
          openInformationRequest(filed, VOLUNTARY, {
            id: 'A',
            issuedAt: instantOf(generated.openedAtMs + delay),
          }),
        );
        for (const date of [filed.review!.dueDate, asked.informationRequests[0]!.dueDate])
          expect(isBusinessDay(date, new Set(generated.holidays))).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never lets a granted extension make the deadline earlier, and grants every later one', () => {
    fc.assert(
      fc.property(
        clockCase(NOTICES.filter((notice) => notice.kind !== null)),
        fc.array(
          fc.record({
            afterMs: fc.integer({ min: -DAY, max: 20 * DAY }),
            shiftDays: fc.integer({ min: -60, max: 60 }),
          }),
          {
            minLength: 1,
            maxLength: 8,
          },
        ),
        (generated, attempts) => {
          let clock = clockOf(generated);
          let atMs = generated.openedAtMs;
          let lastGrantMs = generated.openedAtMs;
          for (const attempt of attempts) {
            atMs += attempt.afterMs;
            const before = statutoryDeadline(clock)!;
            const dueDate = addDays(before.dueDate, attempt.shiftDays);
            const result = grantExtension(clock, { grantedAt: instantOf(atMs), dueDate });
            if (result.ok) {
              const after = statutoryDeadline(result.clock)!;
              expect(after.dueDate > before.dueDate).toBe(true);
              expect(instantMs(after.endsAt)).toBeGreaterThan(instantMs(before.endsAt));
              clock = result.clock;
              lastGrantMs = atMs;
            } else {
              expect(['EXTENSION_NOT_LATER', 'TIME_OUT_OF_ORDER']).toContain(result.problem.code);
              // Refused only when it was not later, or dated before the last grant.
              expect(attempt.shiftDays <= 0 || atMs < lastGrantMs).toBe(true);
            }
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('leaves the statutory deadline unchanged by any sequence of pauses, resumptions and information requests', () => {
    fc.assert(
      fc.property(clockCase(), fc.array(step, { maxLength: 25 }), (generated, steps) => {
        const start = clockOf(generated);
        const statutory = statutoryDeadline(start);
        const end = run(start, generated.notice.pack, steps, generated.openedAtMs, (clock) => {
          expect(statutoryDeadline(clock)).toEqual(statutory);
          expect(clock.statutory).toEqual(start.statutory);
        });
        expect(statutoryDeadline(end)).toEqual(statutory);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  it('never brings the review due date earlier than its service level, and moves it only while paused', () => {
    fc.assert(
      fc.property(
        clockCase(),
        fc.array(step, { maxLength: 25 }),
        fc.integer({ min: 0, max: 30 * DAY }),
        (generated, steps, laterMs) => {
          const end = run(
            clockOf(generated),
            generated.notice.pack,
            steps,
            generated.openedAtMs,
            () => undefined,
          );
          if (!end.review) return;
          const lastEventMs = Math.max(
            instantMs(end.review.startedAt),
            ...end.review.pauses.flatMap((pause) => [pause.from, pause.to ?? pause.from].map(instantMs)),
          );
          const now = lastEventMs + laterMs;
          const due = instantMs(reviewSlaDue(end, instantOf(now))!.endsAt);
          const unpaused = instantMs(
            reviewSlaDue({ ...end, review: { ...end.review, pauses: [] } }, instantOf(now))!.endsAt,
          );
          expect(due).toBeGreaterThanOrEqual(unpaused);
          const paused = end.review.pauses.at(-1)?.to === null;
          const aHourLater = instantMs(reviewSlaDue(end, instantOf(now + HOUR))!.endsAt);
          expect(aHourLater - due).toBe(paused ? HOUR : 0);
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });

  it('changes nothing when paused and resumed at the same instant, or asked and answered at once', () => {
    fc.assert(
      fc.property(
        clockCase(),
        fc.array(step, { maxLength: 20 }),
        fc.integer({ min: 0, max: 5 * DAY }),
        fc.array(fc.integer({ min: 0, max: 40 * DAY }), { minLength: 1, maxLength: 5 }),
        (generated, steps, gapMs, laterMs) => {
          const pack = generated.notice.pack;
          const before = run(
            must(startReview(clockOf(generated), pack, instantOf(generated.openedAtMs))),
            pack,
            steps,
            generated.openedAtMs,
            () => undefined,
          );
          if (before.review?.pauses.at(-1)?.to === null) return;
          const lastEventMs = Math.max(
            instantMs(before.review!.startedAt),
            ...before.review!.pauses.map((pause) => instantMs(pause.to!)),
            ...before.informationRequests.flatMap((request) =>
              [request.issuedAt, request.answeredAt ?? request.issuedAt].map(instantMs),
            ),
          );
          const at = instantOf(lastEventMs + gapMs);
          const pausedAndResumed = must(resumeReview(must(pauseReview(before, at)), at));
          const askedAndAnswered = before.informationRequests.some((request) => request.answeredAt === null)
            ? null
            : must(
                answerInformationRequest(
                  must(openInformationRequest(before, pack, { id: 'instant', issuedAt: at })),
                  { id: 'instant', answeredAt: at },
                ),
              );
          for (const after of [pausedAndResumed, askedAndAnswered]) {
            if (!after) continue;
            expect(statutoryDeadline(after)).toEqual(statutoryDeadline(before));
            for (const later of laterMs) {
              const now = instantOf(generated.openedAtMs + later);
              expect(reviewSlaDue(after, now)).toEqual(reviewSlaDue(before, now));
            }
          }
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});
