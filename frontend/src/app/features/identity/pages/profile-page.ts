import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { required } from '../data/validators';
import { MatButtonModule } from '@angular/material/button';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { FormField } from '../../../shared/ui/form-field/form-field';
import { errorMessage, fieldRefused } from '../data/api-errors';
import { IdentityApi } from '../data/identity-api';
import { roleKey } from '../data/roles';
import { PASSWORD_MIN_LENGTH } from './signup-page';

@Component({
  selector: 'app-profile-page',
  imports: [FormField, MatButtonModule, ReactiveFormsModule, TranslatePipe],
  template: `
    <h1 data-testid="page-title">{{ 'identity.profile.title' | t }}</h1>
    @if (auth.me(); as me) {
      <dl>
        <dt>{{ 'identity.name' | t }}</dt>
        <dd data-testid="profile-name">{{ me.user.name }}</dd>
        <dt>{{ 'identity.email' | t }}</dt>
        <dd data-testid="profile-email">{{ me.user.email }}</dd>
        @if (me.activeOrganization; as active) {
          <dt>{{ 'identity.profile.organization' | t }}</dt>
          <dd data-testid="profile-organization">
            {{ active.organizationName }} · {{ roleKey(active.role) | t }}
          </dd>
        }
      </dl>
    }
    <h2>{{ 'identity.profile.changePassword' | t }}</h2>
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-field
        label="identity.profile.currentPassword"
        type="password"
        autocomplete="current-password"
        testId="current-password"
        serverErrorTestId="current-password-error"
        [control]="form.controls.currentPassword"
        [errors]="{ required: 'identity.required' }"
      />
      <app-form-field
        label="identity.profile.newPassword"
        type="password"
        autocomplete="new-password"
        testId="new-password"
        hint="identity.passwordPolicy"
        serverErrorTestId="password-error"
        [control]="form.controls.newPassword"
        [errors]="{ required: 'identity.required', minlength: 'identity.passwordTooShort' }"
      />
      <div role="alert" class="error" data-testid="password-change-error">{{ error() }}</div>
      <div role="status" class="success" data-testid="password-changed">
        @if (changed()) {
          {{ 'identity.profile.changed' | t }}
        }
      </div>
      <div class="row">
        <button mat-flat-button type="submit" data-testid="change-password-submit" [disabled]="busy()">
          {{ 'identity.profile.submit' | t }}
        </button>
      </div>
    </form>
  `,
  styleUrl: './identity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ProfilePage {
  protected readonly auth = inject(AuthStore);
  private readonly api = inject(IdentityApi);
  private readonly i18n = inject(I18n);
  protected readonly roleKey = roleKey;

  protected readonly form = inject(NonNullableFormBuilder).group({
    currentPassword: ['', [required]],
    newPassword: ['', [required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly changed = signal(false);
  protected readonly name = computed(() => this.auth.me()?.user.name ?? '');

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.changed.set(false);
    this.api.changePassword(this.form.getRawValue()).subscribe({
      next: (response) => {
        this.auth.setSession(response);
        this.busy.set(false);
        this.changed.set(true);
        this.form.reset();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const message = errorMessage(error) ?? this.i18n.t('identity.unexpected');
        // The policy refusal names `password` (the API's shared check) or `newPassword`.
        if (fieldRefused(error, 'newPassword') || fieldRefused(error, 'password')) {
          this.form.controls.newPassword.setErrors({ server: message });
          this.form.controls.newPassword.markAsTouched();
        } else if (fieldRefused(error, 'currentPassword')) {
          this.form.controls.currentPassword.setErrors({ server: message });
          this.form.controls.currentPassword.markAsTouched();
        } else this.error.set(message);
      },
    });
  }
}
