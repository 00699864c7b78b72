import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { AssessmentResponse } from '@beacon/contracts';
import { emptyServiceFeatures } from '@beacon/domain';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse, me } from '../../../core/auth/auth-test-data';
import { I18n } from '../../../core/i18n/i18n';
import { MSM, msmVersion } from '../../catalog/data/catalog-test-data';
import { assessmentsRoutes } from '../assessments.routes';
import { answerUrl, assessmentUrl, frameworkVersionUrl } from '../data/assessments-api';
import { ASSESSMENT_ID, answer } from '../data/assessments-test-data';

function assessment(status: AssessmentResponse['status'] = 'draft'): AssessmentResponse {
  return {
    id: ASSESSMENT_ID,
    title: 'Annual review',
    status,
    frameworks: [{ slug: MSM, version: '1.0.0', title: msmVersion().framework.title }],
    profile: {
      features: { ...emptyServiceFeatures(), userMedia: true, messaging: true },
      sizeBand: 'small',
      sector: 'social-media',
      jurisdictions: ['US'],
      languages: ['en'],
    },
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    progress: {
      applicableRequirements: 4,
      answeredQuestions: 0,
      visibleQuestions: 6,
      requiredMissing: 5,
      percent: 0,
    },
  };
}

describe('ChecklistPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'assessments', children: assessmentsRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    TestBed.inject(AuthStore).setSession(
      authResponse('t', me({}, ['assessments:read', 'answers:write', 'assessments:submit'])),
    );
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function open(status: AssessmentResponse['status'] = 'draft'): Promise<HTMLElement> {
    await harness.navigateByUrl(`/assessments/${ASSESSMENT_ID}`);
    backend.expectOne(assessmentUrl(ASSESSMENT_ID)).flush(assessment(status));
    backend.expectOne(`${assessmentUrl(ASSESSMENT_ID)}/answers`).flush([answer('MSM-1-q1', 'yes', 2)]);
    backend.expectOne(frameworkVersionUrl(MSM, '1.0.0')).flush(msmVersion());
    await harness.fixture.whenStable();
    return harness.routeNativeElement as HTMLElement;
  }

  it('lists the applicable sections and the visible questions, and autosaves a choice', async () => {
    const element = await open();
    const sections = [...element.querySelectorAll('nav [data-testid^="section-ncmec"]')].map((s) =>
      s.getAttribute('data-testid'),
    );
    expect(sections).toEqual([`section-${MSM}-detection`, `section-${MSM}-response`]);
    expect(element.querySelector('[data-testid="question-MSM-1-q1"]')).not.toBeNull();
    // MSM-1-q2 depends on MSM-1-q1 being partial or no.
    expect(element.querySelector('[data-testid="question-MSM-1-q2"]')).toBeNull();

    const no = element.querySelector<HTMLButtonElement>(
      '[data-testid="question-MSM-1-q1"] [data-testid="option-no"] button',
    );
    no?.click();
    const put = backend.expectOne(answerUrl(ASSESSMENT_ID, 'MSM-1-q1'));
    expect(put.request.body).toEqual({ value: 'no', expectedVersion: 2 });
    await harness.fixture.whenStable();
    const state = (): string | undefined =>
      element
        .querySelector('[data-testid="question-MSM-1-q1"] [data-testid="save-state"]')
        ?.textContent?.trim();
    expect(state()).toBe('Saving…');
    put.flush(answer('MSM-1-q1', 'no', 3));
    await harness.fixture.whenStable();
    expect(state()).toBe('Saved');
    expect(element.querySelector('[data-testid="question-MSM-1-q2"]')).not.toBeNull();

    TestBed.inject(I18n).setLocale('fr');
    await harness.fixture.whenStable();
    expect(state()).toBe('Enregistré');
  });

  it('is read-only once submitted', async () => {
    const element = await open('submitted');
    expect(element.querySelector('[data-testid="submit-assessment"]')).toBeNull();
    expect(element.querySelector('[data-testid="read-only"]')).not.toBeNull();
    const toggle = element.querySelector<HTMLButtonElement>(
      '[data-testid="question-MSM-1-q1"] [data-testid="option-no"] button',
    );
    expect(toggle?.disabled).toBe(true);
  });
});
