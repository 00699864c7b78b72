import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatCardModule } from '@angular/material/card';
import { MatIconModule } from '@angular/material/icon';
import { MatProgressSpinnerModule } from '@angular/material/progress-spinner';
import { interval } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import {
  type DisplayState,
  STATUS_TIMINGS,
  SYSTEM_COMPONENTS,
  StatusStore,
  type SystemComponent,
} from '../data/status-store';
import { registerStatusI18n } from '../i18n/status-i18n';

const COMPONENT_TEXT: Readonly<
  Record<SystemComponent, { title: TranslationKey; description: TranslationKey }>
> = {
  api: { title: 'status.components.api.title', description: 'status.components.api.description' },
  database: {
    title: 'status.components.database.title',
    description: 'status.components.database.description',
  },
  redis: { title: 'status.components.redis.title', description: 'status.components.redis.description' },
  worker: { title: 'status.components.worker.title', description: 'status.components.worker.description' },
};

const STATE_TEXT: Readonly<Record<DisplayState, TranslationKey>> = {
  up: 'status.state.up',
  down: 'status.state.down',
  unknown: 'status.state.unknown',
};

const STATE_ICON: Readonly<Record<DisplayState, string>> = {
  up: 'check-circle',
  down: 'error',
  unknown: 'help',
};

/** Health of the API, database, Redis and workers, with an end-to-end pipeline check. */
@Component({
  selector: 'app-status-page',
  imports: [MatButtonModule, MatCardModule, MatIconModule, MatProgressSpinnerModule, TranslatePipe],
  providers: [StatusStore],
  templateUrl: './status-page.html',
  styleUrl: './status-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StatusPage {
  protected readonly store = inject(StatusStore);
  private readonly i18n = inject(I18n);
  private readonly timings = inject(STATUS_TIMINGS);
  private readonly auth = inject(AuthStore);
  /** The pipeline check enqueues jobs: the API lets only operators (`queues:monitor`) send one. */
  protected readonly canProbe = computed(() => this.auth.can('queues:monitor'));

  protected readonly refreshSeconds = Math.round(this.timings.refreshMs / 1000);
  protected readonly probeTimeoutSeconds = Math.round(this.timings.probeTimeoutMs / 1000);
  protected readonly stateText = STATE_TEXT;
  protected readonly stateIcon = STATE_ICON;

  protected readonly cards = computed(() => {
    const states = this.store.components();
    return SYSTEM_COMPONENTS.map((id) => ({ id, state: states[id], ...COMPONENT_TEXT[id] }));
  });

  constructor() {
    registerStatusI18n(this.i18n);
    this.store.load();
    interval(this.timings.refreshMs)
      .pipe(takeUntilDestroyed())
      .subscribe(() => this.store.load());
  }

  protected refresh(): void {
    this.store.load();
  }

  protected runProbe(): void {
    this.store.runProbe();
  }

  protected formatTime(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  protected formatNumber(value: number): string {
    return this.i18n.formatNumber(value);
  }
}
