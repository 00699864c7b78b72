import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { assessmentUrl } from '../../../core/http/api-url';
import { I18n } from '../../../core/i18n/i18n';
import { ASSESSMENT_ID, assessmentResponse } from '../data/assessments-test-data';
import { assessmentsEn } from '../i18n/assessments-en';
import { assessmentsFr } from '../i18n/assessments-fr';
import { ProfileDialog, type ProfileDialogData } from './profile-dialog';

describe('ProfileDialog', () => {
  let fixture: ComponentFixture<ProfileDialog>;
  let backend: HttpTestingController;
  let close: jest.Mock;

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const testId = (id: string): HTMLElement | null => element().querySelector(`[data-testid="${id}"]`);

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    close = jest.fn();
    const data: ProfileDialogData = { assessment: assessmentResponse() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).register({ en: { assessments: assessmentsEn }, fr: { assessments: assessmentsFr } });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ProfileDialog);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('starts from the assessment’s profile and saves the change, closing with the updated assessment', () => {
    const checkbox = (feature: string): HTMLInputElement =>
      testId(`profile-feature-${feature}`)!.querySelector('input') as HTMLInputElement;
    expect(checkbox('userMedia').checked).toBe(true);
    expect(checkbox('livestreaming').checked).toBe(false);
    checkbox('livestreaming').click();
    const languages = testId('profile-languages') as HTMLInputElement;
    languages.value = 'en, FR';
    languages.dispatchEvent(new Event('input'));
    testId('profile-save')!.click();

    const put = backend.expectOne(`${assessmentUrl(ASSESSMENT_ID)}/profile`);
    expect(put.request.method).toBe('PUT');
    const body = put.request.body as { profile: { features: Record<string, boolean>; languages: string[] } };
    expect(body.profile.features).toMatchObject({ userMedia: true, messaging: true, livestreaming: true });
    expect(body.profile.languages).toEqual(['en', 'fr']);
    const updated = assessmentResponse({ updatedAt: '2026-02-01T00:00:00Z' });
    put.flush(updated);
    expect(close).toHaveBeenCalledWith(updated);
  });

  it('refuses an empty jurisdiction list without calling the API, and shows the API’s refusal', async () => {
    const jurisdictions = testId('profile-jurisdictions') as HTMLInputElement;
    jurisdictions.value = ' , ';
    jurisdictions.dispatchEvent(new Event('input'));
    testId('profile-save')!.click();
    await fixture.whenStable();
    backend.expectNone(`${assessmentUrl(ASSESSMENT_ID)}/profile`);
    expect(element().textContent).toContain('Give at least one jurisdiction');

    jurisdictions.value = 'FR';
    jurisdictions.dispatchEvent(new Event('input'));
    testId('profile-save')!.click();
    backend
      .expectOne(`${assessmentUrl(ASSESSMENT_ID)}/profile`)
      .flush(
        { code: 'ALREADY_SUBMITTED', message: 'This assessment was submitted.', correlationId: 'c' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(testId('profile-error')?.textContent).toContain(
      'The profile could not be saved. This assessment was submitted.',
    );
    expect(close).not.toHaveBeenCalled();
  });
});
