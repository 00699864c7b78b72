import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { required } from '../data/validators';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { ActivatedRoute, Router } from '@angular/router';
import { map, switchMap } from 'rxjs';
import type { InvitationPreviewResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { errorCode, errorMessage, fieldRefused } from '../data/api-errors';
import { IdentityApi } from '../data/identity-api';
import { roleKey } from '../data/roles';
import { PASSWORD_MIN_LENGTH } from './signup-page';

/** `/invitations/:token`: what the invitation grants, and the form to accept it. */
@Component({
  selector: 'app-accept-invitation-page',
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, ReactiveFormsModule, TranslatePipe],
  template: `
    @if (preview(); as invitation) {
      <h1 data-testid="page-title">
        {{ 'identity.accept.title' | t: { organization: invitation.organizationName } }}
      </h1>
      <p data-testid="invitation-summary">
        {{
          'identity.accept.summary'
            | t: { organization: invitation.organizationName, role: roleLabel(), email: invitation.email }
        }}
      </p>
      <p class="muted">
        {{ (invitation.existingUser ? 'identity.accept.existingUser' : 'identity.accept.newUser') | t }}
      </p>
      <form class="form" [formGroup]="form" (ngSubmit)="submit(invitation)" novalidate>
        @if (!invitation.existingUser) {
          <mat-form-field>
            <mat-label>{{ 'identity.name' | t }}</mat-label>
            <input matInput formControlName="name" autocomplete="name" data-testid="accept-name" />
            @if (form.controls.name.hasError('required')) {
              <mat-error>{{ 'identity.required' | t }}</mat-error>
            }
          </mat-form-field>
        }
        <mat-form-field>
          <mat-label>{{
            (invitation.existingUser ? 'identity.accept.currentPassword' : 'identity.password') | t
          }}</mat-label>
          <input
            matInput
            type="password"
            formControlName="password"
            [autocomplete]="invitation.existingUser ? 'current-password' : 'new-password'"
            data-testid="accept-password"
          />
          @if (!invitation.existingUser) {
            <mat-hint>{{ 'identity.passwordPolicy' | t }}</mat-hint>
          }
          @if (form.controls.password.hasError('required')) {
            <mat-error>{{ 'identity.required' | t }}</mat-error>
          } @else if (form.controls.password.hasError('minlength')) {
            <mat-error>{{ 'identity.passwordTooShort' | t }}</mat-error>
          } @else if (form.controls.password.getError('server'); as message) {
            <mat-error data-testid="password-error">{{ message }}</mat-error>
          }
        </mat-form-field>
        <div role="alert" class="error" data-testid="accept-error">{{ error() }}</div>
        <div class="row">
          <button mat-flat-button type="submit" data-testid="accept-submit" [disabled]="busy()">
            {{ 'identity.accept.submit' | t }}
          </button>
        </div>
      </form>
    } @else if (invalid()) {
      <h1 data-testid="page-title">{{ 'identity.accept.title' | t: { organization: 'Beacon' } }}</h1>
      <p role="alert" class="error" data-testid="accept-error">{{ 'identity.accept.invalid' | t }}</p>
    } @else {
      <p aria-live="polite">{{ 'identity.accept.loading' | t }}</p>
    }
  `,
  styleUrl: './identity-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AcceptInvitationPage {
  private readonly api = inject(IdentityApi);
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly i18n = inject(I18n);

  private token = '';
  protected readonly preview = signal<InvitationPreviewResponse | null>(null);
  protected readonly invalid = signal(false);
  protected readonly busy = signal(false);
  protected readonly error = signal('');
  protected readonly roleLabel = computed(() => {
    const role = this.preview()?.role;
    return role ? this.i18n.t(roleKey(role)) : '';
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [required, Validators.maxLength(120)]],
    password: ['', [required]],
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => (this.token = params.get('token') ?? '')),
        switchMap((token) => this.api.previewInvitation(token)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (preview) => {
          if (preview.existingUser) this.form.controls.name.disable();
          else this.form.controls.password.addValidators(Validators.minLength(PASSWORD_MIN_LENGTH));
          this.preview.set(preview);
        },
        error: () => this.invalid.set(true),
      });
  }

  protected submit(invitation: InvitationPreviewResponse): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, password } = this.form.getRawValue();
    this.busy.set(true);
    this.error.set('');
    this.api
      .acceptInvitation(this.token, invitation.existingUser ? { password } : { name: name.trim(), password })
      .subscribe({
        next: (response) => {
          this.auth.setSession(response);
          void this.router.navigateByUrl('/');
        },
        error: (error: unknown) => {
          this.busy.set(false);
          const message =
            errorCode(error) === 'INVALID_INVITATION'
              ? this.i18n.t('identity.accept.invalid')
              : (errorMessage(error) ?? this.i18n.t('identity.unexpected'));
          if (fieldRefused(error, 'password')) {
            this.form.controls.password.setErrors({ server: message });
            this.form.controls.password.markAsTouched();
          } else this.error.set(message);
        },
      });
  }
}
