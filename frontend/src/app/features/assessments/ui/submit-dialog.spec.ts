import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { assessmentUrl } from '../../../core/http/api-url';
import { I18n } from '../../../core/i18n/i18n';
import { ASSESSMENT_ID } from '../data/assessments-test-data';
import { assessmentsEn } from '../i18n/assessments-en';
import { assessmentsFr } from '../i18n/assessments-fr';
import { SubmitDialog, type SubmitDialogData } from './submit-dialog';

describe('SubmitDialog', () => {
  let fixture: ComponentFixture<SubmitDialog>;
  let backend: HttpTestingController;
  let close: jest.Mock;

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const testId = (id: string): HTMLElement | null => element().querySelector(`[data-testid="${id}"]`);
  const type = (id: string, value: string): void => {
    const input = testId(id) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    close = jest.fn();
    const data: SubmitDialogData = { assessmentId: ASSESSMENT_ID, label: (key) => `Prompt of ${key}` };
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
    fixture = TestBed.createComponent(SubmitDialog);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('on 422 lists the missing questions as links that go to them', async () => {
    type('attest-name', 'Olivia Owner');
    type('attest-title', 'Head of Trust & Safety');
    testId('attest-submit')?.click();
    const request = backend.expectOne(`${assessmentUrl(ASSESSMENT_ID)}/submit`);
    expect(request.request.body).toEqual({
      attestation: {
        name: 'Olivia Owner',
        title: 'Head of Trust & Safety',
        statement: assessmentsEn.submit.defaultStatement,
      },
    });
    request.flush(
      {
        code: 'MISSING_ANSWERS',
        message: 'Required answers are missing.',
        correlationId: 'c',
        details: {
          missing: [
            { requirementKey: 'MSM-1', questionKey: 'MSM-1-q3' },
            { requirementKey: 'MSM-5', questionKey: 'MSM-5-q2' },
          ],
        },
      },
      { status: 422, statusText: 'Unprocessable Entity' },
    );
    await fixture.whenStable();

    const links = [...element().querySelectorAll<HTMLAnchorElement>('[data-testid="missing-list"] a')];
    expect(links.map((link) => link.textContent?.trim())).toEqual([
      'MSM-1-q3 — Prompt of MSM-1-q3',
      'MSM-5-q2 — Prompt of MSM-5-q2',
    ]);
    expect(links[0]?.getAttribute('href')).toBe('#question-MSM-1-q3');
    links[1]?.click();
    expect(close).toHaveBeenCalledWith({ submitted: false, goTo: 'MSM-5-q2' });
  });

  it('on success shows the content hash', async () => {
    type('attest-title', 'Head of Trust & Safety');
    testId('attest-submit')?.click();
    backend.expectOne(`${assessmentUrl(ASSESSMENT_ID)}/submit`).flush({
      assessmentId: ASSESSMENT_ID,
      snapshotId: 's1',
      revision: 1,
      contentHash: 'sha256:abc123',
      submittedAt: '2026-01-01T00:00:00Z',
    });
    await fixture.whenStable();
    expect(testId('submission-hash')?.textContent?.trim()).toBe('sha256:abc123');
    testId('submit-close')?.click();
    expect(close).toHaveBeenCalledWith({ submitted: true });
  });
});
