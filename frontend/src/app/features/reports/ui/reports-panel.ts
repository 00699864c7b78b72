import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { type MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ReportFormat, ReportLocale, ReportResponse, ReportStatus } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { formatBytes, shortHash } from '../../../shared/util/format';
import { FORMAT_KEYS, LOCALE_OPTION_KEYS, STATUS_KEYS, reportLabels } from '../data/report-texts';
import { REPORT_FORMAT_CHOICES, REPORT_LOCALE_CHOICES } from '../data/reports-api';
import { ReportsStore } from '../data/reports-store';

/**
 * The reports of one submission on the score page: each with its status (and progress while it
 * renders), download, SHA-256 digest, signing key and a server-side integrity check; and, for
 * members allowed to, a form to ask for another format or language. Renders nothing for members
 * who may not read reports. The polling and the requests live in {@link ReportsStore}.
 */
@Component({
  selector: 'app-reports-panel',
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule, TranslatePipe],
  providers: [ReportsStore],
  templateUrl: './reports-panel.html',
  styleUrl: './reports-panel.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPanel {
  /** The assessment whose reports to show. */
  readonly assessmentId = input.required<string>();
  /** The submission whose reports to show (the one scored); every submission's when null. */
  readonly snapshotId = input<string | null>(null);

  protected readonly store = inject(ReportsStore);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);

  protected readonly formats = REPORT_FORMAT_CHOICES;
  protected readonly locales = REPORT_LOCALE_CHOICES;

  protected readonly canRead = computed(() => this.auth.can('reports:read'));
  protected readonly canGenerate = computed(() => this.auth.can('reports:generate'));

  /** The form's choices; the active language comes first. */
  protected readonly format = signal<ReportFormat>('pdf');
  protected readonly locale = signal<ReportLocale>(this.i18n.locale());
  /** The report whose digest is shown in full (focused or pointed at). */
  protected readonly expanded = signal<string | null>(null);

  constructor() {
    effect(() => this.store.showSubmission(this.snapshotId()));
    effect(() => {
      const assessmentId = this.assessmentId();
      if (this.canRead()) untracked(() => this.store.load(assessmentId));
    });
  }

  protected generate(event: Event): void {
    event.preventDefault();
    this.store.generate(this.format(), this.locale());
  }

  /** A failed report is queued again by asking for it again. */
  protected regenerate(item: ReportResponse): void {
    this.store.generate(item.format, item.locale);
  }

  protected pickFormat(change: MatButtonToggleChange): void {
    const value: unknown = change.value;
    const format = REPORT_FORMAT_CHOICES.find((f) => f === value);
    if (format) this.format.set(format);
  }

  protected pickLocale(change: MatButtonToggleChange): void {
    const value: unknown = change.value;
    const locale = REPORT_LOCALE_CHOICES.find((l) => l === value);
    if (locale) this.locale.set(locale);
  }

  protected collapse(id: string): void {
    if (this.expanded() === id) this.expanded.set(null);
  }

  protected itemTitle(item: ReportResponse): string {
    return this.i18n.t('reports.itemTitle', this.labels(item));
  }

  protected labels(item: ReportResponse): { format: string; language: string } {
    return reportLabels(this.i18n, item);
  }

  protected progressText(item: ReportResponse): string {
    return this.i18n.t('reports.progress', { ...this.labels(item), progress: item.progress });
  }

  protected origin(item: ReportResponse): string {
    return item.requestedBy === null
      ? this.i18n.t('reports.automatic')
      : this.i18n.t('reports.requested', { date: this.date(item.createdAt) });
  }

  protected statusKey(status: ReportStatus): TranslationKey {
    return STATUS_KEYS[status];
  }

  protected formatKey(format: ReportFormat): TranslationKey {
    return FORMAT_KEYS[format];
  }

  protected localeOptionKey(locale: ReportLocale): TranslationKey {
    return LOCALE_OPTION_KEYS[locale];
  }

  protected short(hash: string): string {
    return `${shortHash(hash)}…`;
  }

  protected date(value: string): string {
    return this.i18n.formatDateTime(value);
  }

  protected size(bytes: number): string {
    return formatBytes(bytes, this.i18n.locale());
  }
}
