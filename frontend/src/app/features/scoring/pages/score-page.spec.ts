import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse, me } from '../../../core/auth/auth-test-data';
import { assessmentUrl } from '../../../core/http/api-url';
import { I18n } from '../../../core/i18n/i18n';
import { frameworkVersionUrl } from '../../catalog';
import { scoreUrl } from '../data/score-api';
import { JUST_SUBMITTED, POLL_FIRST_DELAY_MS, POLL_LIMIT_MS, pollDelay } from '../data/score-store';
import {
  ASSESSMENT_ID,
  TSF,
  scoreFrameworkVersion,
  scoreResponse,
  scoredAssessment,
  scoredResult,
} from '../data/score-test-data';
import { scoreRoutes } from '../scoring.routes';

describe('ScorePage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const testId = (id: string): HTMLElement | null => element().querySelector(`[data-testid="${id}"]`);
  const text = (id: string): string | undefined => testId(id)?.textContent?.replace(/\s+/g, ' ').trim();
  const settle = async (): Promise<void> => {
    await harness.fixture.whenStable();
  };

  beforeEach(async () => {
    jest.useFakeTimers({ advanceTimers: true });
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'assessments', children: scoreRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(AuthStore).setSession(authResponse('t', me({}, ['assessments:read', 'scores:read'])));
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  /** Opens the page; the title and the questions come from the assessment and its frameworks. */
  async function open(): Promise<void> {
    await harness.navigateByUrl(`/assessments/${ASSESSMENT_ID}/score`);
    backend.expectOne(assessmentUrl(ASSESSMENT_ID)).flush(scoredAssessment());
    backend.expectOne(frameworkVersionUrl(TSF, '1.0.0')).flush(scoreFrameworkVersion());
  }

  it('polls with backoff', () => {
    expect([0, 1, 2, 3, 4, 5].map(pollDelay)).toEqual([1000, 1500, 2250, 3375, 5000, 5000]);
  });

  it('says "Scoring…" while the job runs, then shows the result without a reload', async () => {
    await open();
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('pending'));
    await settle();
    expect(text('page-title')).toBe('Score: Annual review');
    expect(text('score-pending')).toContain('Scoring…');
    expect(testId('score-pending')?.getAttribute('role')).toBe('status');
    expect(text('submission-hash')).toBe('sha256:0123abcd');
    expect(testId('score-result')).toBeNull();

    // Nothing is asked before the first delay, then the next poll is still pending.
    await jest.advanceTimersByTimeAsync(POLL_FIRST_DELAY_MS / 2);
    backend.expectNone(scoreUrl(ASSESSMENT_ID));
    await jest.advanceTimersByTimeAsync(POLL_FIRST_DELAY_MS / 2);
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('pending'));
    await jest.advanceTimersByTimeAsync(pollDelay(1));
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('scored'));
    await settle();

    expect(testId('score-pending')).toBeNull();
    const result = scoredResult();
    const framework = result.frameworks[0];
    expect(text('framework-score')).toBe(String(framework?.score));
    // A critical failure holds the rating at the lowest band.
    expect(framework?.capped).toBe(true);
    expect(text('framework-rating')).toContain('Red');
    expect(text('framework-rating')).toContain('Weak');
    expect(testId('framework-capped')).not.toBeNull();
    expect(text('critical-DET-1')).toContain('DET-1 — Title DET-1');

    // Traffic lights per section, with their colour in words.
    const lights = [...element().querySelectorAll('[data-testid^="section-light-"]')].map((li) => [
      li.getAttribute('data-testid'),
      li.getAttribute('data-light'),
    ]);
    expect(lights).toEqual(
      framework?.sections.map((section) => [`section-light-${section.key}`, section.rating?.color ?? 'none']),
    );
    expect(text('section-light-detection')).toContain('Red');

    // Gaps in the engine's order, each linking to its questions in the checklist.
    const gaps = [...element().querySelectorAll('[data-testid="gap-list"] > li')].map((li) =>
      li.getAttribute('data-testid'),
    );
    expect(gaps).toEqual(framework?.gaps.map((gap) => `gap-${gap.requirementKey}`));
    expect(gaps[0]).toBe('gap-DET-1');
    const link = testId('gap-question-DET-1-q1') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe(`/assessments/${ASSESSMENT_ID}?question=DET-1-q1`);
    expect(link.textContent?.trim()).toBe('DET-1-q1 — Is DET-1-q1 done?');
    expect(text('score-meta')).toContain(`Engine version ${result.engineVersion}`);

    // No more polling once scored.
    await jest.advanceTimersByTimeAsync(10_000);
    backend.expectNone(scoreUrl(ASSESSMENT_ID));

    TestBed.inject(I18n).setLocale('fr');
    await settle();
    expect(text('framework-rating')).toContain('Rouge');
    expect(text('framework-rating')).toContain('Faible');
    expect(text('page-title')).toBe('Score : Annual review');
  });

  it('says "Scoring…" from the start when the user has just submitted', async () => {
    // As the submit dialog navigates.
    await TestBed.inject(Router).navigate(['/assessments', ASSESSMENT_ID, 'score'], {
      state: { [JUST_SUBMITTED]: true },
    });
    await settle();
    const pending = backend.expectOne(scoreUrl(ASSESSMENT_ID));
    expect(text('score-pending')).toContain('Scoring…');
    expect(text('score-result')).toBeUndefined();
    backend.expectOne(assessmentUrl(ASSESSMENT_ID)).flush(scoredAssessment());
    backend.expectOne(frameworkVersionUrl(TSF, '1.0.0')).flush(scoreFrameworkVersion());
    pending.flush(scoreResponse('scored'));
    await settle();
    expect(testId('score-pending')).toBeNull();
    expect(testId('score-result')).not.toBeNull();
  });

  it('shows the reason when scoring failed', async () => {
    await open();
    backend
      .expectOne(scoreUrl(ASSESSMENT_ID))
      .flush(scoreResponse('failed', { failureReason: 'The framework version is no longer available.' }));
    await settle();
    expect(text('score-failed')).toContain('Scoring failed');
    expect(text('score-failure-reason')).toBe('Reason: The framework version is no longer available.');
    expect(testId('score-failed')?.getAttribute('role')).toBe('alert');
    await jest.advanceTimersByTimeAsync(10_000);
    backend.expectNone(scoreUrl(ASSESSMENT_ID));
  });

  it('links a draft (409) back to the checklist', async () => {
    await open();
    backend
      .expectOne(scoreUrl(ASSESSMENT_ID))
      .flush(
        { code: 'NOT_SUBMITTED', message: 'The assessment was never submitted.', correlationId: 'c' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(text('score-draft')).toContain('Not submitted yet');
    expect(testId('score-draft-link')?.getAttribute('href')).toBe(`/assessments/${ASSESSMENT_ID}`);
    await jest.advanceTimersByTimeAsync(10_000);
    backend.expectNone(scoreUrl(ASSESSMENT_ID));
  });

  it('stops polling after the time limit and checks again on request', async () => {
    await open();
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('pending'));
    let polls = 1;
    while (testId('score-slow') === null) {
      await jest.advanceTimersByTimeAsync(5_000);
      for (const request of backend.match(scoreUrl(ASSESSMENT_ID))) {
        request.flush(scoreResponse('pending'));
        polls += 1;
      }
      await settle();
      if (polls > 100) throw new Error('polling never stopped');
    }
    // About three minutes at most 5 s apart.
    expect(polls).toBeGreaterThan(POLL_LIMIT_MS / 5_000 - 2);
    await jest.advanceTimersByTimeAsync(30_000);
    backend.expectNone(scoreUrl(ASSESSMENT_ID));

    testId('score-check-again')?.click();
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('scored'));
    await settle();
    expect(testId('score-result')).not.toBeNull();
  });

  it('offers to try again when the score cannot be read', async () => {
    await open();
    backend
      .expectOne(scoreUrl(ASSESSMENT_ID))
      .flush(
        { code: 'INTERNAL', message: 'Something broke.', correlationId: 'c' },
        { status: 500, statusText: 'Server Error' },
      );
    await settle();
    expect(text('score-error')).toContain('Something broke.');
    testId('score-retry')?.click();
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('pending'));
    await settle();
    expect(testId('score-pending')).not.toBeNull();
    await jest.advanceTimersByTimeAsync(POLL_FIRST_DELAY_MS);
    backend.expectOne(scoreUrl(ASSESSMENT_ID)).flush(scoreResponse('scored'));
    await settle();
    expect(testId('score-result')).not.toBeNull();
  });
});
