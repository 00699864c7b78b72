import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { AuthResponse, InvitationPreviewResponse } from '@beacon/contracts';
import { map, type Observable, switchMap } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { FormField } from '../../../shared/ui/form-field/form-field';
import { errorCode, errorMessage, fieldRefused } from '../data/api-errors';
import { IdentityApi } from '../data/identity-api';
import { roleKey } from '../data/roles';
import { required } from '../data/validators';
import { PASSWORD_MIN_LENGTH } from './signup-page';

/**
 * `/invitations/:token`: what the invitation grants, and two ways to accept it. Someone with an
 * account signs in (and comes back here) and accepts as themselves; someone without one creates it
 * with a name and a password. The page cannot tell which applies: the API does not say whether the
 * address has an account.
 */
@Component({
  selector: 'app-accept-invitation-page',
  imports: [FormField, MatButtonModule, ReactiveFormsModule, RouterLink, TranslatePipe],
  templateUrl: './accept-invitation-page.html',
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
  /** The signed-in user's e-mail, if anyone is signed in. */
  protected readonly signedInEmail = computed(() =>
    this.auth.status() === 'authenticated' ? (this.auth.me()?.user.email ?? null) : null,
  );
  protected readonly roleLabel = computed(() => {
    const role = this.preview()?.role;
    return role ? this.i18n.t(roleKey(role)) : '';
  });
  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [required, Validators.maxLength(120)]],
    password: ['', [required, Validators.minLength(PASSWORD_MIN_LENGTH)]],
  });

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(
        map((params) => (this.token = params.get('token') ?? '')),
        switchMap((token) => this.api.previewInvitation(token)),
        takeUntilDestroyed(),
      )
      .subscribe({
        next: (preview) => this.preview.set(preview),
        error: () => this.invalid.set(true),
      });
  }

  /** This page, to come back to after signing in. */
  protected returnUrl(): string {
    return `/invitations/${encodeURIComponent(this.token)}`;
  }

  protected acceptAsSignedIn(): void {
    this.send(this.api.acceptAsSignedIn(this.token));
  }

  protected acceptWithNewAccount(invitation: InvitationPreviewResponse): void {
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const { name, password } = this.form.getRawValue();
    this.send(this.api.acceptWithNewAccount(this.token, { name: name.trim(), password }), invitation);
  }

  /** Signed in as someone else: sign out, then sign in as the invited account and come back. */
  protected signInAs(invitation: InvitationPreviewResponse): void {
    this.auth.signOut().subscribe(() => {
      void this.router.navigate(['/login'], {
        queryParams: { returnUrl: this.returnUrl(), email: invitation.email },
      });
    });
  }

  private send(request: Observable<AuthResponse>, invitation?: InvitationPreviewResponse): void {
    this.busy.set(true);
    this.error.set('');
    request.subscribe({
      next: (response) => {
        this.auth.setSession(response);
        void this.router.navigateByUrl('/');
      },
      error: (error: unknown) => {
        this.busy.set(false);
        const code = errorCode(error);
        if (code === 'EMAIL_TAKEN' && invitation) {
          this.error.set(this.i18n.t('identity.accept.accountExists', { email: invitation.email }));
          return;
        }
        const message =
          code === 'INVALID_INVITATION'
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
