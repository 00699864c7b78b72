import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Router } from '@angular/router';
import type { MissingAnswersDetails, SubmissionResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { JUST_SUBMITTED } from '../../scoring';
import { AssessmentsApi } from '../data/assessments-api';

export interface SubmitDialogData {
  assessmentId: string;
  /** How to name a question in the list of missing answers. */
  label: (questionKey: string) => string;
}

/** Closed with the question to go to, or whether the assessment was submitted. */
export interface SubmitDialogResult {
  submitted: boolean;
  goTo?: string;
}

/** Attestation and submission; a 422 lists the required questions still unanswered. */
@Component({
  selector: 'app-submit-dialog',
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  templateUrl: './submit-dialog.html',
  styles: `
    .fields {
      display: flex;
      flex-direction: column;
      min-width: min(480px, 80vw);
    }
    .error {
      color: var(--mat-sys-error);
    }
    code {
      word-break: break-all;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SubmitDialog {
  protected readonly data = inject<SubmitDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<SubmitDialog, SubmitDialogResult>>(MatDialogRef);
  private readonly api = inject(AssessmentsApi);
  private readonly i18n = inject(I18n);
  private readonly router = inject(Router);

  protected readonly name = signal(inject(AuthStore).me()?.user.name ?? '');
  protected readonly title = signal('');
  protected readonly statement = signal(this.i18n.t('assessments.submit.defaultStatement'));
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly missing = signal<MissingAnswersDetails['missing']>([]);
  protected readonly submission = signal<SubmissionResponse | null>(null);

  protected value(event: Event): string {
    return (event.target as HTMLInputElement).value;
  }

  protected submit(): void {
    this.busy.set(true);
    this.error.set('');
    this.missing.set([]);
    const attestation = {
      name: this.name().trim(),
      title: this.title().trim(),
      statement: this.statement().trim(),
    };
    this.api.submit(this.data.assessmentId, attestation).subscribe({
      next: (submission) => {
        this.busy.set(false);
        this.submission.set(submission);
        // Straight on to the score page ("Scoring…" until the job has run); should that navigation
        // fail, the dialog stays open on its confirmation.
        const state = { [JUST_SUBMITTED]: true };
        this.router.navigate(['/assessments', submission.assessmentId, 'score'], { state }).then(
          (navigated) => {
            if (navigated) this.ref.close({ submitted: true });
          },
          () => undefined,
        );
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
        const details = isErrorResponse(body)
          ? (body.details as Partial<MissingAnswersDetails> | undefined)
          : undefined;
        if (error instanceof HttpErrorResponse && error.status === 422 && Array.isArray(details?.missing))
          this.missing.set(details.missing);
        else if (error instanceof HttpErrorResponse && error.status === 409)
          this.error.set(this.i18n.t('assessments.submit.alreadySubmitted'));
        else this.error.set(isErrorResponse(body) ? body.message : this.i18n.t('assessments.submit.failed'));
      },
    });
  }

  protected goTo(event: Event, questionKey: string): void {
    event.preventDefault();
    this.ref.close({ submitted: false, goTo: questionKey });
  }

  protected close(): void {
    this.ref.close({ submitted: true });
  }
}
