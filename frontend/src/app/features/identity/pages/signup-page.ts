import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { email, required } from '../data/validators';
import { MatButtonModule } from '@angular/material/button';
import { Router, RouterLink } from '@angular/router';
import { AuthApi } from '../../../core/auth/auth-api';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { FormField } from '../../../shared/ui/form-field/form-field';
import { errorMessage, fieldRefused } from '../data/api-errors';

export const PASSWORD_MIN_LENGTH = 12;

@Component({
  selector: 'app-signup-page',
  imports: [FormField, MatButtonModule, ReactiveFormsModule, RouterLink, TranslatePipe],
  template: `
    <h1 data-testid="page-title">{{ 'identity.signup.title' | t }}</h1>
    <p class="muted">{{ 'identity.signup.intro' | t }}</p>
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-field
        label="identity.name"
        autocomplete="name"
        testId="signup-name"
        [control]="form.controls.name"
        [errors]="{ required: 'identity.required' }"
      />
      <app-form-field
        label="identity.email"
        type="email"
        autocomplete="email"
        testId="signup-email"
        [control]="form.controls.email"
        [errors]="{ required: 'identity.required', email: 'identity.invalidEmail' }"
      />
      <app-form-field
        label="identity.password"
        type="password"
        autocomplete="new-password"
        testId="signup-password"
        hint="identity.passwordPolicy"
        serverErrorTestId="password-error"
        [control]="form.controls.password"
        [errors]="{ required: 'identity.required', minlength: 'identity.passwordTooShort' }"
      />
      <app-form-field
        label="identity.signup.organization"
        autocomplete="organization"
        testId="signup-organization"
        [control]="form.controls.organizationName"
        [errors]="{ required: 'identity.required' }"
      />
      <div role="alert" class="error" data-testid="signup-error">{{ error() }}</div>
      <div class="row">
        <button mat-flat-button type="submit" data-testid="signup-submit" [disabled]="busy()">
          {{ 'identity.signup.submit' | t }}
        </button>
        <span class="muted">
          {{ 'identity.signup.haveAccount' | t }}
          <a routerLink="/login">{{ 'identity.signup.signIn' | t }}</a>
        </span>
      </div>
    </form>
  `,
  styleUrl: './identity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignupPage {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [required, Validators.maxLength(120)]],
    email: ['', [required, email]],
    password: ['', [required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
    organizationName: ['', [required, Validators.minLength(2), Validators.maxLength(160)]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    const value = this.form.getRawValue();
    this.api
      .register({ ...value, name: value.name.trim(), organizationName: value.organizationName.trim() })
      .subscribe({
        next: (response) => {
          this.auth.setSession(response);
          void this.router.navigateByUrl('/');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const message = errorMessage(error) ?? this.i18n.t('identity.unexpected');
          if (fieldRefused(error, 'password')) {
            this.form.controls.password.setErrors({ server: message });
            this.form.controls.password.markAsTouched();
          } else this.error.set(message);
        },
      });
  }
}
