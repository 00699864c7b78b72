import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { Router, provideRouter } from '@angular/router';
import { I18n } from '../../../core/i18n/i18n';
import { assessmentUrl } from '../../../core/http/api-url';
import { JUST_SUBMITTED } from '../../scoring';
import { ASSESSMENT_ID } from '../data/assessments-test-data';
import { assessmentsEn } from '../i18n/assessments-en';
import { assessmentsFr } from '../i18n/assessments-fr';
import { SubmitDialog, type SubmitDialogData } from './submit-dialog';

@Component({ selector: 'app-score-stub', template: 'score' })
class ScoreStub {}

describe('after a successful submit', () => {
  it('goes to the score page and closes the dialog', async () => {
    localStorage.clear();
    const close = jest.fn();
    const data: SubmitDialogData = { assessmentId: ASSESSMENT_ID, label: (key) => key };
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'assessments/:id/score', component: ScoreStub }]),
        provideHttpClient(),
        provideHttpClientTesting(),
        { provide: MAT_DIALOG_DATA, useValue: data },
        { provide: MatDialogRef, useValue: { close } },
      ],
    });
    TestBed.inject(I18n).register({ en: { assessments: assessmentsEn }, fr: { assessments: assessmentsFr } });
    const backend = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(SubmitDialog);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const title = element.querySelector<HTMLInputElement>('[data-testid="attest-title"]');
    if (title) {
      title.value = 'Head of Trust & Safety';
      title.dispatchEvent(new Event('input'));
    }
    element.querySelector<HTMLButtonElement>('[data-testid="attest-submit"]')?.click();

    backend.expectOne(`${assessmentUrl(ASSESSMENT_ID)}/submit`).flush({
      assessmentId: ASSESSMENT_ID,
      snapshotId: 's1',
      revision: 1,
      contentHash: 'sha256:abc123',
      submittedAt: '2026-01-01T00:00:00Z',
    });
    await fixture.whenStable();

    const router = TestBed.inject(Router);
    expect(router.url).toBe(`/assessments/${ASSESSMENT_ID}/score`);
    // The score page then says "Scoring…" from the start.
    expect(router.lastSuccessfulNavigation()?.extras.state).toEqual({ [JUST_SUBMITTED]: true });
    expect(close).toHaveBeenCalledWith({ submitted: true });
    backend.verify();
  });
});
