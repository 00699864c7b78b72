import { DOCUMENT } from '@angular/common';
import { HttpErrorResponse } from '@angular/common/http';
import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ReportFormat, ReportIntegrityResponse, ReportLocale, ReportResponse } from '@beacon/contracts';
import { type Subscription, switchMap } from 'rxjs';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { failureMessage } from '../../../core/http/failure-message';
import { I18n } from '../../../core/i18n/i18n';
import { saveBlob } from '../../../shared/util/save-blob';
import { reportLabels } from './report-texts';
import { ReportsApi, isFinished } from './reports-api';

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

/** The outcome of "Verify" on one report. */
export type IntegrityCheck =
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
 * The reports of one assessment, as the reports panel shows them: the list (asked again for a while
 * until the submission's automatic reports appear), every unfinished report polled with backoff
 * until it is ready or failed, asking for another format or language, downloads, the server-side
 * integrity check, and a sentence for screen readers when something changes. Provided by the panel:
 * its timers and requests stop with it.
 */
@Injectable()
export class ReportsStore {
  private readonly api = inject(ReportsApi);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly destroyRef = inject(DestroyRef);

  private readonly _loadState = signal<'loading' | 'ready' | 'error'>('loading');
  private readonly _loadProblem = signal('');
  private readonly _reports = signal<readonly ReportResponse[]>([]);
  private readonly _snapshotId = signal<string | null>(null);
  private readonly _stalled = signal<ReadonlySet<string>>(new Set());
  private readonly _checks = signal<ReadonlyMap<string, IntegrityCheck>>(new Map());
  private readonly _announcement = signal('');
  private readonly _problem = signal('');
  private readonly _generating = signal(false);
  private readonly _generateProblem = signal('');
  private readonly _generateNote = signal('');

  /** The list: being read, read, or not readable (`loadProblem` says why). */
  readonly loadState = this._loadState.asReadonly();
  readonly loadProblem = this._loadProblem.asReadonly();
  /** The reports of the submission shown (of every submission when none is chosen), newest first. */
  readonly visible = computed(() => {
    const snapshotId = this._snapshotId();
    return snapshotId === null ? this._reports() : this._reports().filter((r) => r.snapshotId === snapshotId);
  });
  /** Reports still unfinished after the polling time limit. */
  readonly stalled = this._stalled.asReadonly();
  /** The outcome of "Verify", by report. */
  readonly checks = this._checks.asReadonly();
  /** The latest change worth telling a screen reader (a report ready, failed, requested; a copy). */
  readonly announcement = this._announcement.asReadonly();
  /** Why the latest download failed. */
  readonly problem = this._problem.asReadonly();
  /** A report is being asked for. */
  readonly generating = this._generating.asReadonly();
  readonly generateProblem = this._generateProblem.asReadonly();
  readonly generateNote = this._generateNote.asReadonly();

  private assessmentId = '';
  private readonly polls = new Map<string, Poll>();
  private listAttempt = 0;
  private listStartedAt = 0;
  private listTimer: ReturnType<typeof setTimeout> | undefined;
  private listRequest: Subscription | undefined;
  /** A report being asked for: another assessment cancels it, so it never lands in the wrong list. */
  private generateRequest: Subscription | undefined;

  constructor() {
    this.destroyRef.onDestroy(() => this.stopAll());
  }

  /** Shows the reports of one submission only (`null`: every submission's). */
  showSubmission(snapshotId: string | null): void {
    this._snapshotId.set(snapshotId);
  }

  /** Reads the reports of `assessmentId`, forgetting everything about the previous one. */
  load(assessmentId: string): void {
    this.stopAll();
    this.generateRequest?.unsubscribe();
    this.generateRequest = undefined;
    this.assessmentId = assessmentId;
    this._generating.set(false);
    this._generateProblem.set('');
    this._generateNote.set('');
    this._reports.set([]);
    this._stalled.set(new Set());
    this._checks.set(new Map());
    this._problem.set('');
    this._loadState.set('loading');
    this.listAttempt = 0;
    this.listStartedAt = Date.now();
    this.fetchList(assessmentId);
  }

  /** Reads the list again (after a failure to read it). */
  reload(): void {
    this.load(this.assessmentId);
  }

  /** Asks for a report of the latest submission, then follows it; ignored while one is being asked. */
  generate(format: ReportFormat, locale: ReportLocale): void {
    if (this._generating()) return;
    this._generating.set(true);
    this._generateProblem.set('');
    this._generateNote.set('');
    this.generateRequest = this.api
      .request(this.assessmentId, { format, locale })
      .pipe(
        switchMap(({ reportId }) => this.api.get(reportId)),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe({
        next: (report) => {
          this._generating.set(false);
          const known = this._reports().find((r) => r.id === report.id);
          if (known && known.status !== 'failed')
            this._generateNote.set(this.i18n.t('reports.generate.existing'));
          else this.announce('reports.announce.requested', report);
          // A list still waiting for the automatic reports has its answer now.
          if (this._loadState() === 'ready') this.stopList();
          this.upsert(report);
          this.watch(report);
        },
        error: (error: unknown) => {
          this._generating.set(false);
          this._generateProblem.set(this.requestProblem(error));
        },
      });
  }

  /** After "taking longer than usual": polls the report for another full period. */
  checkAgain(report: ReportResponse): void {
    this._stalled.update((ids) => without(ids, report.id));
    this.stopPoll(report.id);
    this.polls.set(report.id, { attempt: 0, startedAt: Date.now() });
    this.fetchReport(report.id);
  }

  /** Fetches the file with the session's token and hands it to the browser as a download. */
  download(report: ReportResponse): void {
    this._problem.set('');
    this.api
      .download(report)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (file) => saveBlob(this.document, file.blob, file.fileName),
        error: (error: unknown) =>
          this._problem.set(this.i18n.t('reports.downloadFailed', { message: failureMessage(error) })),
      });
  }

  /** Has the server check the stored file against its digest and signature. */
  verify(report: ReportResponse): void {
    this.setCheck(report.id, { kind: 'checking' });
    this.api
      .verify(report.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (result) => this.setCheck(report.id, { kind: 'done', result }),
        error: (error: unknown) =>
          this.setCheck(report.id, { kind: 'error', message: failureMessage(error) }),
      });
  }

  /** Copies a digest to the clipboard and says whether it worked. */
  copy(sha256: string): void {
    const clipboard = this.document.defaultView?.navigator.clipboard;
    if (!clipboard) {
      this._announcement.set(this.i18n.t('reports.digest.copyFailed'));
      return;
    }
    clipboard.writeText(sha256).then(
      () => this._announcement.set(this.i18n.t('reports.digest.copied')),
      () => this._announcement.set(this.i18n.t('reports.digest.copyFailed')),
    );
  }

  private fetchList(assessmentId: string): void {
    this.listTimer = undefined;
    this.listRequest = this.api.list(assessmentId).subscribe({
      next: (reports) => {
        this.listRequest = undefined;
        // A report asked for while the list was on its way is newer than every listed one.
        const listed = new Set(reports.map((r) => r.id));
        this._reports.update((known) => [...known.filter((r) => !listed.has(r.id)), ...reports]);
        this._loadState.set('ready');
        for (const report of reports) this.watch(report);
        if (this.visible().length === 0 && Date.now() - this.listStartedAt < REPORT_LIST_WAIT_MS) {
          this.listTimer = setTimeout(() => this.fetchList(assessmentId), reportPollDelay(this.listAttempt));
          this.listAttempt += 1;
        }
      },
      error: (error: unknown) => {
        this.listRequest = undefined;
        this._loadProblem.set(failureMessage(error));
        this._loadState.set('error');
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
      this._stalled.update((ids) => new Set([...ids, report.id]));
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
        const before = this._reports().find((r) => r.id === id)?.status;
        this.upsert(report);
        if (before !== report.status && isFinished(report))
          this.announce(
            report.status === 'ready' ? 'reports.announce.ready' : 'reports.announce.failed',
            report,
          );
        this.watch(report);
      },
      error: () => {
        // A passing failure (network, restart): keep asking, with the same backoff and time limit.
        poll.request = undefined;
        const known = this._reports().find((r) => r.id === id);
        if (known) this.watch(known);
      },
    });
  }

  private announce(
    key: 'reports.announce.requested' | 'reports.announce.ready' | 'reports.announce.failed',
    report: ReportResponse,
  ): void {
    this._announcement.set(this.i18n.t(key, reportLabels(this.i18n, report)));
  }

  private upsert(report: ReportResponse): void {
    this._reports.update((reports) =>
      reports.some((r) => r.id === report.id)
        ? reports.map((r) => (r.id === report.id ? report : r))
        : [report, ...reports],
    );
  }

  private setCheck(id: string, check: IntegrityCheck): void {
    this._checks.update((checks) => new Map([...checks, [id, check]]));
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
