import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import type { AssessmentResponse } from '@beacon/contracts';
import { failureMessage } from '../../../core/http/failure-message';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { AssessmentsApi } from '../data/assessments-api';
import { ProfileDraft } from '../data/profile-draft';
import { ProfileForm } from './profile-form';

export interface ProfileDialogData {
  assessment: AssessmentResponse;
}

/** Edits the service profile of a draft; closes with the updated assessment once saved. */
@Component({
  selector: 'app-profile-dialog',
  imports: [MatButtonModule, MatDialogModule, ProfileForm, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'assessments.profile.title' | t }}</h2>
    <mat-dialog-content>
      <p class="muted">{{ 'assessments.profile.explain' | t }}</p>
      <app-profile-form [draft]="draft" testIdPrefix="profile" [showErrors]="showErrors()" />
      @if (error()) {
        <p class="error" role="alert" data-testid="profile-error">{{ error() }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      <button mat-button type="button" mat-dialog-close>{{ 'assessments.submit.cancel' | t }}</button>
      <button mat-flat-button type="button" data-testid="profile-save" [disabled]="busy()" (click)="save()">
        {{ 'assessments.profile.save' | t }}
      </button>
    </mat-dialog-actions>
  `,
  styles: `
    .muted {
      color: var(--mat-sys-on-surface-variant);
      max-width: 640px;
    }
    .error {
      color: var(--mat-sys-error);
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfileDialog {
  private readonly data = inject<ProfileDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ProfileDialog, AssessmentResponse>>(MatDialogRef);
  private readonly api = inject(AssessmentsApi);
  private readonly i18n = inject(I18n);

  protected readonly draft = ProfileDraft.of(this.data.assessment.profile);
  protected readonly showErrors = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected save(): void {
    const profile = this.draft.profile();
    this.showErrors.set(profile === null);
    if (!profile) return;
    this.busy.set(true);
    this.error.set('');
    this.api.updateProfile(this.data.assessment.id, profile).subscribe({
      next: (assessment) => this.ref.close(assessment),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(`${this.i18n.t('assessments.profile.failed')} ${failureMessage(error)}`);
      },
    });
  }
}
