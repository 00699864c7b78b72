import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatMenuModule } from '@angular/material/menu';
import { Router, RouterLink } from '@angular/router';
import { AuthApi } from '../auth/auth-api';
import { AuthStore } from '../auth/auth-store';
import { TranslatePipe } from '../i18n/translate-pipe';

/**
 * The signed-in user's toolbar menus: organization switcher and account (profile, sign out).
 * Loaded with `@defer`, so Material menus stay out of the initial bundle.
 */
@Component({
  selector: 'app-account-menu',
  imports: [MatButtonModule, MatMenuModule, RouterLink, TranslatePipe],
  template: `
    @if (auth.me(); as me) {
      <button
        mat-button
        type="button"
        data-testid="org-switcher"
        [matMenuTriggerFor]="orgs"
        [attr.aria-label]="'account.organization' | t: { name: activeName() }"
      >
        {{ activeName() }}
      </button>
      <mat-menu #orgs="matMenu">
        @for (membership of me.memberships; track membership.organizationId) {
          <button
            mat-menu-item
            type="button"
            [attr.data-testid]="'org-option-' + membership.organizationId"
            [attr.aria-current]="membership.organizationId === activeId() ? 'true' : null"
            (click)="switchTo(membership.organizationId)"
          >
            {{ membership.organizationName }}
          </button>
        }
      </mat-menu>
      <button
        mat-button
        type="button"
        data-testid="user-menu"
        [matMenuTriggerFor]="account"
        [attr.aria-label]="'account.menu' | t: { name: me.user.name }"
      >
        {{ me.user.name }}
      </button>
      <mat-menu #account="matMenu">
        <a mat-menu-item routerLink="/profile" data-testid="profile-link">{{ 'account.profile' | t }}</a>
        <button mat-menu-item type="button" data-testid="sign-out" (click)="signOut()">
          {{ 'account.signOut' | t }}
        </button>
      </mat-menu>
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AccountMenu {
  protected readonly auth = inject(AuthStore);
  private readonly api = inject(AuthApi);
  private readonly router = inject(Router);
  protected readonly activeId = computed(() => this.auth.activeOrganization()?.organizationId ?? null);
  protected readonly activeName = computed(() => this.auth.activeOrganization()?.organizationName ?? '—');

  protected switchTo(organizationId: string): void {
    if (organizationId === this.activeId()) return;
    this.api.switchOrganization(organizationId).subscribe((response) => {
      this.auth.setSession(response);
      // Pages follow the active organization; one the new role may not see sends the user home.
      void this.router.navigateByUrl(this.router.url, { onSameUrlNavigation: 'reload' });
    });
  }

  protected signOut(): void {
    this.auth.signOut().subscribe(() => void this.router.navigateByUrl('/'));
  }
}
