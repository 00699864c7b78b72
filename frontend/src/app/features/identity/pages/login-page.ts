import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { required } from '../data/validators';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { AuthApi } from '../../../core/auth/auth-api';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { FormField } from '../../../shared/ui/form-field/form-field';
import { errorMessage } from '../data/api-errors';

/** Where to go after signing in: only a path of this app (never another site). */
export function safeReturnUrl(value: string | null | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : '/';
}

@Component({
  selector: 'app-login-page',
  imports: [FormField, MatButtonModule, ReactiveFormsModule, RouterLink, TranslatePipe],
  template: `
    <h1 data-testid="page-title">{{ 'identity.login.title' | t }}</h1>
    <form class="form" [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <app-form-field
        label="identity.email"
        type="email"
        autocomplete="username"
        testId="login-email"
        [control]="form.controls.email"
        [errors]="{ required: 'identity.required' }"
      />
      <app-form-field
        label="identity.password"
        type="password"
        autocomplete="current-password"
        testId="login-password"
        [control]="form.controls.password"
        [errors]="{ required: 'identity.required' }"
      />
      <div role="alert" class="error" data-testid="login-error">{{ error() }}</div>
      <div class="row">
        <button mat-flat-button type="submit" data-testid="login-submit" [disabled]="busy()">
          {{ 'identity.login.submit' | t }}
        </button>
        <span class="muted">
          {{ 'identity.login.noAccount' | t }} <a routerLink="/signup">{{ 'identity.login.signUp' | t }}</a>
        </span>
      </div>
    </form>
  `,
  styleUrl: './identity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoginPage {
  private readonly api = inject(AuthApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);

  protected readonly form = inject(NonNullableFormBuilder).group({
    email: ['', [required]],
    password: ['', [required]],
  });
  protected readonly busy = signal(false);
  protected readonly error = signal('');

  constructor() {
    // Pre-filled when another page sends the user here for a known account (an invitation).
    const email = this.route.snapshot.queryParamMap.get('email');
    if (email) this.form.controls.email.setValue(email);
  }

  protected submit(): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.busy.set(true);
    this.error.set('');
    this.api.login(this.form.getRawValue()).subscribe({
      next: (response) => {
        this.auth.setSession(response);
        void this.router.navigateByUrl(safeReturnUrl(this.route.snapshot.queryParamMap.get('returnUrl')));
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(this.describe(error));
      },
    });
  }

  private describe(error: unknown): string {
    if (error instanceof HttpErrorResponse && error.status === 401)
      return this.i18n.t('identity.login.invalid');
    if (error instanceof HttpErrorResponse && error.status === 429) {
      const seconds = Number(error.headers.get('Retry-After'));
      return this.i18n.t('identity.login.tooMany', {
        seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : 60,
      });
    }
    return errorMessage(error) ?? this.i18n.t('identity.unexpected');
  }
}
