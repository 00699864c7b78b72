import { BreakpointObserver } from '@angular/cdk/layout';
import { NgComponentOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  type Type,
  afterNextRender,
  computed,
  effect,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatIconModule } from '@angular/material/icon';
import { MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { map } from 'rxjs';
import type { Permission } from '@beacon/domain';
import { AuthStore } from '../auth/auth-store';
import { ErrorNotifier } from '../http/error-notifier';
import { TranslatePipe } from '../i18n/translate-pipe';
import { type TranslationKey } from '../i18n/translations';
import { LanguageSwitch } from './language-switch';

interface NavLink {
  path: string;
  label: TranslationKey;
  icon: string;
  testId: string;
  exact: boolean;
  /** Shown only to users whose active role holds it. */
  permission?: Permission;
}

const LINKS: readonly NavLink[] = [
  { path: '/', label: 'nav.home', icon: 'home', testId: 'nav-home', exact: true },
  { path: '/frameworks', label: 'nav.frameworks', icon: 'book', testId: 'nav-frameworks', exact: false },
  {
    path: '/assessments',
    label: 'nav.assessments',
    icon: 'assignment',
    testId: 'nav-assessments',
    exact: false,
    permission: 'assessments:read',
  },
  {
    path: '/members',
    label: 'nav.members',
    icon: 'group',
    testId: 'nav-members',
    exact: false,
    permission: 'members:read',
  },
  {
    path: '/audit',
    label: 'nav.audit',
    icon: 'history',
    testId: 'nav-audit',
    exact: false,
    permission: 'audit:read',
  },
  { path: '/verify', label: 'nav.verify', icon: 'check-circle', testId: 'nav-verify', exact: false },
  { path: '/status', label: 'nav.status', icon: 'dns', testId: 'nav-status', exact: false },
];

/** Below this width the navigation slides over the content instead of sitting beside it. */
const NARROW_QUERY = '(max-width: 959.98px)';

/** Application frame: toolbar, navigation and the routed content. */
@Component({
  selector: 'app-shell',
  imports: [
    NgComponentOutlet,
    LanguageSwitch,
    MatButtonModule,
    MatIconModule,
    MatSidenavModule,
    MatToolbarModule,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslatePipe,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly auth = inject(AuthStore);
  protected readonly links = computed(() => {
    const permissions = this.auth.permissions();
    return LINKS.filter((link) => link.permission === undefined || permissions.includes(link.permission));
  });

  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Whether the user opened the navigation on a narrow screen; on wide screens it is always open. */
  private readonly openedOnNarrow = signal(false);
  protected readonly opened = computed(() => !this.narrow() || this.openedOnNarrow());

  /** The signed-in user's menus, loaded on demand so Material menus stay out of the initial bundle. */
  protected readonly accountMenu = signal<Type<unknown> | null>(null);

  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');

  constructor() {
    const notifier = inject(ErrorNotifier);
    // Fetch the snack bar while the server is reachable, so network errors can still be shown.
    afterNextRender(() => {
      notifier.preload().catch(() => undefined);
    });
    effect(() => {
      if (this.auth.status() !== 'authenticated' || this.accountMenu()) return;
      import('./account-menu')
        .then((m) => this.accountMenu.set(m.AccountMenu))
        .catch((error: unknown) => console.error(error));
    });
  }

  protected toggleNav(): void {
    this.openedOnNarrow.update((open) => !open);
  }

  /** Keeps the signal in step when the drawer closes itself (backdrop click, Escape). */
  protected navOpenedChange(open: boolean): void {
    if (this.narrow()) this.openedOnNarrow.set(open);
  }

  protected linkFollowed(): void {
    if (this.narrow()) this.openedOnNarrow.set(false);
  }

  protected skipToMain(event: Event): void {
    event.preventDefault();
    this.main().nativeElement.focus();
  }
}
