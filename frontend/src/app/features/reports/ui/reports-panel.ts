import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { type MatButtonToggleChange, MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type {
  ReportFormat,
  ReportIntegrityResponse,
  ReportLocale,
  ReportResponse,
  ReportStatus,
} from '@beacon/contracts';
import { type Subscription, switchMap } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { failureMessage } from '../../../core/http/failure-message';
import { I18n } from '../../../core/i18n/i18n';
import { TranslatePipe } from '../../../core/i18n/translate-pipe';
import { type TranslationKey } from '../../../core/i18n/translations';
import { formatBytes, shortHash } from '../../../shared/util/format';
import { saveBlob } from '../../../shared/util/save-blob';
import {
  type DownloadedReport,
  REPORT_FORMAT_CHOICES,
  REPORT_LOCALE_CHOICES,
  ReportsApi,
  isFinished,
} from '../data/reports-api';

/** First poll of a report after 1 s, then 1.5× longer each time, never more than 5 s apart. */
export const REPORT_POLL_FIRST_DELAY_MS = 1_000;
export const REPORT_POLL_MAX_DELAY_MS = 5_000;
/** A report still unfinished after five minutes stops being polled (the panel offers to check again). */
export const REPORT_POLL_LIMIT_MS = 300_000;
/**
 * Right after scoring, the automatic reports may not be listed yet: while the submission has none,
 * the list is asked again (same backoff) for this long.
 */
export const REPORT_LIST_WAIT_MS = 30_000;

/** The wait before poll number `attempt` (0-based). */
export function reportPollDelay(attempt: number): number {
  return Math.min(REPORT_POLL_MAX_DELAY_MS, Math.round(REPORT_POLL_FIRST_DELAY_MS * 1.5 ** attempt));
}

const FORMAT_KEYS: Readonly<Record<ReportFormat, TranslationKey>> = {
  pdf: 'reports.format.pdf',
  json: 'reports.format.json',
  csv: 'reports.format.csv',
  oscal: 'reports.format.oscal',
};
const LOCALE_KEYS: Readonly<Record<ReportLocale, TranslationKey>> = {
  en: 'reports.locale.en',
  fr: 'reports.locale.fr',
};
const LOCALE_OPTION_KEYS: Readonly<Record<ReportLocale, TranslationKey>> = {
  en: 'reports.localeOption.en',
  fr: 'reports.localeOption.fr',
};
const STATUS_KEYS: Readonly<Record<ReportStatus, TranslationKey>> = {
  queued: 'reports.status.queued',
  rendering: 'reports.status.rendering',
  ready: 'reports.status.ready',
  failed: 'reports.status.failed',
};

/** The outcome of "Verify" on one report. */
type IntegrityCheck =
  | { kind: 'checking' }
  | { kind: 'done'; result: ReportIntegrityResponse }
  | { kind: 'error'; message: string };

/** The polling of one unfinished report. */
interface Poll {
  attempt: number;
  startedAt: number;
  timer?: ReturnType<typeof setTimeout>;
  request?: Subscription;
}

/**
 * The reports of one submission on the score page: each with its status (and progress while it
 * renders, polled with backoff until ready or failed), download, SHA-256 digest, signing key and a
 * server-side integrity check; and, for members allowed to, a form to ask for another format or
 * language. Renders nothing for members who may not read reports.
 */
@Component({
  selector: 'app-reports-panel',
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule, TranslatePipe],
  template: `
    @if (canRead()) {
      <section class="panel" aria-labelledby="reports-title" data-testid="reports-panel">
        <h2 id="reports-title">{{ 'reports.title' | t }}</h2>
        <p class="muted">{{ 'reports.intro' | t }}</p>
        <div class="cdk-visually-hidden" role="status" data-testid="reports-announcer">
          {{ announcement() }}
        </div>

        @switch (loadState()) {
          @case ('loading') {
            <p role="status" data-testid="reports-loading">{{ 'reports.loading' | t }}</p>
            <mat-progress-bar mode="indeterminate" [attr.aria-label]="'reports.loading' | t" />
          }
          @case ('error') {
            <div role="alert" class="error" data-testid="reports-load-error">
              <p>{{ 'reports.loadFailed' | t: { message: loadProblem() } }}</p>
              <button mat-button type="button" data-testid="reports-retry" (click)="reload()">
                {{ 'reports.retry' | t }}
              </button>
            </div>
          }
          @case ('ready') {
            @if (problem()) {
              <p class="error" role="alert" data-testid="reports-problem">{{ problem() }}</p>
            }
            <ul class="items" [attr.aria-label]="'reports.listLabel' | t">
              @for (item of visible(); track item.id) {
                @let title = itemTitle(item);
                <li
                  class="item"
                  data-testid="report-item"
                  [attr.data-format]="item.format"
                  [attr.data-locale]="item.locale"
                  [attr.data-status]="item.status"
                  [attr.aria-label]="title"
                >
                  <div class="line">
                    <h3 class="item-title">{{ title }}</h3>
                    <span class="chip" [class]="item.status" data-testid="report-status">{{
                      statusKey(item.status) | t
                    }}</span>
                  </div>
                  @switch (item.status) {
                    @case ('queued') {
                      <mat-progress-bar
                        mode="query"
                        data-testid="report-progress"
                        [attr.aria-label]="progressText(item)"
                      />
                    }
                    @case ('rendering') {
                      <mat-progress-bar
                        mode="determinate"
                        data-testid="report-progress"
                        [value]="item.progress"
                        [attr.aria-label]="progressText(item)"
                      />
                    }
                    @case ('failed') {
                      <p class="error" data-testid="report-failure">
                        @if (item.failureReason; as reason) {
                          {{ 'reports.failureReason' | t: { reason } }}
                        } @else {
                          {{ 'reports.noReason' | t }}
                        }
                      </p>
                      @if (canGenerate()) {
                        <button
                          mat-button
                          type="button"
                          data-testid="report-regenerate"
                          (click)="regenerate(item)"
                        >
                          {{ 'reports.retryFailed' | t }}
                        </button>
                      }
                    }
                    @case ('ready') {
                      <dl class="facts">
                        @if (item.sha256; as sha) {
                          <dt>{{ 'reports.digest.label' | t }}</dt>
                          <dd class="digest">
                            <code
                              tabindex="0"
                              data-testid="report-digest"
                              [attr.data-sha256]="sha"
                              [attr.title]="sha"
                              [attr.aria-label]="'reports.digest.full' | t: { hash: sha }"
                              (focus)="expanded.set(item.id)"
                              (blur)="collapse(item.id)"
                              (mouseenter)="expanded.set(item.id)"
                              (mouseleave)="collapse(item.id)"
                              >{{ expanded() === item.id ? sha : short(sha) }}</code
                            >
                            <button
                              mat-button
                              type="button"
                              data-testid="report-copy"
                              [attr.aria-label]="'reports.digest.copyLabel' | t: labels(item)"
                              (click)="copy(sha)"
                            >
                              {{ 'reports.digest.copy' | t }}
                            </button>
                          </dd>
                        }
                        @if (item.keyId; as keyId) {
                          <dt>{{ 'reports.keyId' | t }}</dt>
                          <dd>
                            <code
                              data-testid="report-key-id"
                              [attr.title]="keyId"
                              [attr.aria-label]="'reports.keyIdFull' | t: { keyId }"
                              >{{ short(keyId) }}</code
                            >
                          </dd>
                        }
                      </dl>
                      <div class="actions">
                        <button
                          mat-flat-button
                          type="button"
                          data-testid="report-download"
                          [attr.aria-label]="'reports.downloadLabel' | t: labels(item)"
                          (click)="download(item)"
                        >
                          {{ 'reports.download' | t }}
                        </button>
                        <button
                          mat-stroked-button
                          type="button"
                          data-testid="report-verify"
                          [disabled]="checks().get(item.id)?.kind === 'checking'"
                          [attr.aria-label]="'reports.verify.label' | t: labels(item)"
                          (click)="verify(item)"
                        >
                          {{ 'reports.verify.action' | t }}
                        </button>
                      </div>
                      @if (checks().get(item.id); as check) {
                        <p
                          role="status"
                          data-testid="report-check"
                          [attr.data-valid]="check.kind === 'done' ? check.result.valid : null"
                          [class.ok]="check.kind === 'done' && check.result.valid"
                          [class.error]="
                            check.kind === 'error' || (check.kind === 'done' && !check.result.valid)
                          "
                        >
                          @switch (check.kind) {
                            @case ('checking') {
                              {{ 'reports.verify.checking' | t }}
                            }
                            @case ('error') {
                              {{ 'reports.verify.failed' | t: { message: check.message } }}
                            }
                            @case ('done') {
                              {{
                                (check.result.valid ? 'reports.verify.valid' : 'reports.verify.invalid') | t
                              }}
                              @if (!check.result.keyKnown) {
                                {{ 'reports.verify.unknownKey' | t }}
                              }
                            }
                          }
                        </p>
                      }
                    }
                  }
                  @if (stalled().has(item.id)) {
                    <p class="muted" data-testid="report-stalled">
                      {{ 'reports.stalled' | t }}
                      <button
                        mat-button
                        type="button"
                        data-testid="report-check-again"
                        (click)="checkAgain(item)"
                      >
                        {{ 'reports.checkAgain' | t }}
                      </button>
                    </p>
                  }
                  <p class="muted meta">
                    <span>{{ origin(item) }}</span>
                    @if (item.completedAt; as completedAt) {
                      <span>{{ 'reports.completed' | t: { date: date(completedAt) } }}</span>
                    }
                    @if (item.sizeBytes !== null && item.status === 'ready') {
                      <span>{{ 'reports.size' | t: { size: size(item.sizeBytes) } }}</span>
                    }
                  </p>
                </li>
              } @empty {
                <li class="muted" data-testid="reports-empty">{{ 'reports.empty' | t }}</li>
              }
            </ul>
          }
        }

        @if (canGenerate()) {
          <form
            class="generate"
            aria-labelledby="reports-generate-title"
            data-testid="report-generate-form"
            (submit)="generate($event)"
          >
            <h3 id="reports-generate-title">{{ 'reports.generate.title' | t }}</h3>
            <div class="choices">
              <div class="choice">
                <span id="reports-format-label">{{ 'reports.generate.format' | t }}</span>
                <mat-button-toggle-group
                  name="report-format"
                  aria-labelledby="reports-format-label"
                  data-testid="report-format"
                  [value]="format()"
                  (change)="pickFormat($event)"
                >
                  @for (f of formats; track f) {
                    <mat-button-toggle [value]="f" [attr.data-testid]="'report-format-' + f">{{
                      formatKey(f) | t
                    }}</mat-button-toggle>
                  }
                </mat-button-toggle-group>
              </div>
              <div class="choice">
                <span id="reports-locale-label">{{ 'reports.generate.language' | t }}</span>
                <mat-button-toggle-group
                  name="report-locale"
                  aria-labelledby="reports-locale-label"
                  data-testid="report-locale"
                  [value]="locale()"
                  (change)="pickLocale($event)"
                >
                  @for (l of locales; track l) {
                    <mat-button-toggle [value]="l" [attr.data-testid]="'report-locale-' + l">{{
                      localeOptionKey(l) | t
                    }}</mat-button-toggle>
                  }
                </mat-button-toggle-group>
              </div>
            </div>
            <button mat-flat-button type="submit" data-testid="report-generate" [disabled]="generating()">
              {{ (generating() ? 'reports.generate.busy' : 'reports.generate.submit') | t }}
            </button>
            @if (generateProblem()) {
              <p class="error" role="alert" data-testid="report-generate-error">{{ generateProblem() }}</p>
            }
            @if (generateNote()) {
              <p class="muted" role="status" data-testid="report-generate-note">{{ generateNote() }}</p>
            }
          </form>
        }
      </section>
    }
  `,
  styles: `
    :host {
      display: block;
      margin-top: 32px;
    }
    .muted {
      color: var(--mat-sys-on-surface-variant);
    }
    .error {
      color: var(--mat-sys-error);
    }
    .ok {
      color: var(--beacon-ok);
    }
    .items {
      list-style: none;
      padding: 0;
      display: flex;
      flex-direction: column;
      gap: 12px;
      max-width: 860px;
    }
    .item {
      border: 1px solid var(--mat-sys-outline-variant);
      border-radius: 12px;
      padding: 12px 16px;
      display: flex;
      flex-direction: column;
      gap: 8px;
    }
    .line,
    .actions,
    .meta,
    .choices {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px 16px;
    }
    .line {
      justify-content: space-between;
    }
    .item-title {
      margin: 0;
      font: var(--mat-sys-title-medium);
    }
    .chip {
      border-radius: 8px;
      padding: 2px 10px;
      font-size: 0.875rem;
      background: var(--mat-sys-secondary-container);
      color: var(--mat-sys-on-secondary-container);
    }
    .chip.ready {
      background: var(--mat-sys-tertiary-container);
      color: var(--mat-sys-on-tertiary-container);
    }
    .chip.failed {
      background: var(--mat-sys-error-container);
      color: var(--mat-sys-on-error-container);
    }
    .facts {
      display: grid;
      grid-template-columns: max-content 1fr;
      align-items: center;
      gap: 4px 12px;
      margin: 0;
    }
    .facts dd {
      margin: 0;
      min-width: 0;
    }
    code {
      word-break: break-all;
    }
    .meta,
    p {
      margin: 0;
    }
    .generate {
      display: flex;
      flex-direction: column;
      align-items: flex-start;
      gap: 12px;
      margin-top: 24px;
    }
    .choice {
      display: flex;
      flex-direction: column;
      gap: 4px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportsPanel {
  /** The assessment whose reports to show. */
  readonly assessmentId = input.required<string>();
  /** The submission whose reports to show (the one scored); every submission's when null. */
  readonly snapshotId = input<string | null>(null);

  private readonly api = inject(ReportsApi);
  private readonly auth = inject(AuthStore);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly formats = REPORT_FORMAT_CHOICES;
  protected readonly locales = REPORT_LOCALE_CHOICES;

  protected readonly canRead = computed(() => this.auth.can('reports:read'));
  protected readonly canGenerate = computed(() => this.auth.can('reports:generate'));

  protected readonly loadState = signal<'loading' | 'ready' | 'error'>('loading');
  protected readonly loadProblem = signal('');
  private readonly reports = signal<readonly ReportResponse[]>([]);
  /** The reports of the submission shown, newest first. */
  protected readonly visible = computed(() => {
    const snapshotId = this.snapshotId();
    return snapshotId === null ? this.reports() : this.reports().filter((r) => r.snapshotId === snapshotId);
  });
  protected readonly stalled = signal<ReadonlySet<string>>(new Set());
  protected readonly checks = signal<ReadonlyMap<string, IntegrityCheck>>(new Map());
  /** The report whose digest is shown in full (focused or pointed at). */
  protected readonly expanded = signal<string | null>(null);
  protected readonly announcement = signal('');
  protected readonly problem = signal('');

  protected readonly format = signal<ReportFormat>('pdf');
  protected readonly locale = signal<ReportLocale>(this.i18n.locale());
  protected readonly generating = signal(false);
  protected readonly generateProblem = signal('');
  protected readonly generateNote = signal('');

  private readonly polls = new Map<string, Poll>();
  private listAttempt = 0;
  private listStartedAt = 0;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private listRequest: Subscription | undefined;
  /** "Generate" in flight: another assessment cancels it, so its report never lands in the wrong list. */
  private generateRequest: Subscription | undefined;

  constructor() {
    effect(() => {
      const assessmentId = this.assessmentId();
      if (this.canRead()) untracked(() => this.load(assessmentId));
    });
    this.destroyRef.onDestroy(() => this.stopAll());
  }

  /** Reads the list again (after a failure to load it). */
  protected reload(): void {
    this.load(this.assessmentId());
  }

  protected generate(event: Event): void {
    event.preventDefault();
    if (this.generating()) return;
    this.request(this.format(), this.locale());
  }

  /** A failed report is queued again by asking for it again. */
  protected regenerate(item: ReportResponse): void {
    if (!this.generating()) this.request(item.format, item.locale);
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

  protected download(item: ReportResponse): void {
    this.problem.set('');
    this.api
      .download(item)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (file) => this.save(file),
        error: (error: unknown) =>
          this.problem.set(this.i18n.t('reports.downloadFailed', { message: failureMessage(error) })),
      });
  }

  protected verify(item: ReportResponse): void {
    this.setCheck(item.id, { kind: 'checking' });
    this.api
      .verify(item.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.setCheck(item.id, { kind: 'done', result }),
        error: (error: unknown) => this.setCheck(item.id, { kind: 'error', message: failureMessage(error) }),
      });
  }

  protected copy(sha256: string): void {
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!clipboard) {
      this.announcement.set(this.i18n.t('reports.digest.copyFailed'));
      return;
    }
    clipboard.writeText(sha256).then(
      () => this.announcement.set(this.i18n.t('reports.digest.copied')),
      () => this.announcement.set(this.i18n.t('reports.digest.copyFailed')),
    );
  }

  protected collapse(id: string): void {
    if (this.expanded() === id) this.expanded.set(null);
  }

  /** After "taking longer than usual": polls the report for another full period. */
  protected checkAgain(item: ReportResponse): void {
    this.stalled.update((ids) => without(ids, item.id));
    this.stopPoll(item.id);
    this.polls.set(item.id, { attempt: 0, startedAt: Date.now() });
    this.fetchReport(item.id);
  }

  protected itemTitle(item: ReportResponse): string {
    return this.i18n.t('reports.itemTitle', this.labels(item));
  }

  protected labels(item: ReportResponse): { format: string; language: string } {
    return { format: this.i18n.t(FORMAT_KEYS[item.format]), language: this.i18n.t(LOCALE_KEYS[item.locale]) };
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

  private load(assessmentId: string): void {
    this.stopAll();
    this.generateRequest?.unsubscribe();
    this.generateRequest = undefined;
    this.generating.set(false);
    this.generateProblem.set('');
    this.generateNote.set('');
    this.reports.set([]);
    this.stalled.set(new Set());
    this.checks.set(new Map());
    this.problem.set('');
    this.loadState.set('loading');
    this.listAttempt = 0;
    this.listStartedAt = Date.now();
    this.fetchList(assessmentId);
  }

  private fetchList(assessmentId: string): void {
    this.listTimer = undefined;
    this.listRequest = this.api.list(assessmentId).subscribe({
      next: (reports) => {
        this.listRequest = undefined;
        // A report asked for while the list was on its way is newer than every listed one.
        const listed = new Set(reports.map((r) => r.id));
        this.reports.update((known) => [...known.filter((r) => !listed.has(r.id)), ...reports]);
        this.loadState.set('ready');
        for (const report of reports) this.watch(report);
        if (this.visible().length === 0 && Date.now() - this.listStartedAt < REPORT_LIST_WAIT_MS) {
          this.listTimer = setTimeout(() => this.fetchList(assessmentId), reportPollDelay(this.listAttempt));
          this.listAttempt += 1;
        }
      },
      error: (error: unknown) => {
        this.listRequest = undefined;
        this.loadProblem.set(failureMessage(error));
        this.loadState.set('error');
      },
    });
  }

  private request(format: ReportFormat, locale: ReportLocale): void {
    this.generating.set(true);
    this.generateProblem.set('');
    this.generateNote.set('');
    const assessmentId = this.assessmentId();
    this.generateRequest = this.api
      .request(assessmentId, { format, locale })
      .pipe(
        switchMap(({ reportId }) => this.api.get(reportId)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => {
          this.generating.set(false);
          const known = this.reports().find((r) => r.id === report.id);
          if (known && known.status !== 'failed')
            this.generateNote.set(this.i18n.t('reports.generate.existing'));
          else this.announcement.set(this.i18n.t('reports.announce.requested', this.labels(report)));
          // A list still waiting for the automatic reports has its answer now.
          if (this.loadState() === 'ready') this.stopList();
          this.upsert(report);
          this.watch(report);
        },
        error: (error: unknown) => {
          this.generating.set(false);
          this.generateProblem.set(this.requestProblem(error));
        },
      });
  }

  private requestProblem(error: unknown): string {
    const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
    if (error instanceof HttpErrorResponse && error.status === 409 && isErrorResponse(body)) {
      if (body.code === 'NOT_SCORED') return this.i18n.t('reports.generate.notScored');
      if (body.code === 'NOT_SUBMITTED') return this.i18n.t('reports.generate.notSubmitted');
    }
    return this.i18n.t('reports.generate.failed', { message: failureMessage(error) });
  }

  /** Polls an unfinished report (with backoff) until it is ready or failed; forgets finished ones. */
  private watch(report: ReportResponse): void {
    if (isFinished(report)) {
      this.stopPoll(report.id);
      return;
    }
    let poll = this.polls.get(report.id);
    if (!poll) {
      poll = { attempt: 0, startedAt: Date.now() };
      this.polls.set(report.id, poll);
    }
    if (poll.timer !== undefined || (poll.request && !poll.request.closed)) return;
    if (Date.now() - poll.startedAt >= REPORT_POLL_LIMIT_MS) {
      this.polls.delete(report.id);
      this.stalled.update((ids) => new Set([...ids, report.id]));
      return;
    }
    poll.timer = setTimeout(() => this.fetchReport(report.id), reportPollDelay(poll.attempt));
    poll.attempt += 1;
  }

  private fetchReport(id: string): void {
    const poll = this.polls.get(id);
    if (!poll) return;
    poll.timer = undefined;
    poll.request = this.api.get(id).subscribe({
      next: (report) => {
        poll.request = undefined;
        const before = this.reports().find((r) => r.id === id)?.status;
        this.upsert(report);
        if (before !== report.status && isFinished(report)) {
          const key = report.status === 'ready' ? 'reports.announce.ready' : 'reports.announce.failed';
          this.announcement.set(this.i18n.t(key, this.labels(report)));
        }
        this.watch(report);
      },
      error: () => {
        // A passing failure (network, restart): keep asking, with the same backoff and time limit.
        poll.request = undefined;
        const known = this.reports().find((r) => r.id === id);
        if (known) this.watch(known);
      },
    });
  }

  private upsert(report: ReportResponse): void {
    this.reports.update((reports) =>
      reports.some((r) => r.id === report.id)
        ? reports.map((r) => (r.id === report.id ? report : r))
        : [report, ...reports],
    );
  }

  private setCheck(id: string, check: IntegrityCheck): void {
    this.checks.update((checks) => new Map([...checks, [id, check]]));
  }

  /** Hands the file to the browser as a download. */
  private save(file: DownloadedReport): void {
    saveBlob(this.document, file.blob, file.fileName);
  }

  private stopPoll(id: string): void {
    const poll = this.polls.get(id);
    if (!poll) return;
    if (poll.timer !== undefined) clearTimeout(poll.timer);
    poll.request?.unsubscribe();
    this.polls.delete(id);
  }

  private stopList(): void {
    if (this.listTimer !== undefined) clearTimeout(this.listTimer);
    this.listTimer = undefined;
    this.listRequest?.unsubscribe();
    this.listRequest = undefined;
  }

  private stopAll(): void {
    this.stopList();
    for (const id of [...this.polls.keys()]) this.stopPoll(id);
  }
}

function without(ids: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(ids);
  next.delete(id);
  return next;
}
