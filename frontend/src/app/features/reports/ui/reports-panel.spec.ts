import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatButtonToggleHarness } from '@angular/material/button-toggle/testing';
import { MatProgressBarHarness } from '@angular/material/progress-bar/testing';
import type { Permission } from '@beacon/domain';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse, me } from '../../../core/auth/auth-test-data';
import { I18n } from '../../../core/i18n/i18n';
import { assessmentReportsUrl, reportUrl } from '../data/reports-api';
import {
  REPORT_LIST_WAIT_MS,
  REPORT_POLL_FIRST_DELAY_MS,
  REPORT_POLL_LIMIT_MS,
  reportPollDelay,
} from '../data/reports-store';
import { ASSESSMENT_ID, KEY, SHA, SNAPSHOT, report } from '../data/reports-test-data';
import { reportsEn } from '../i18n/reports-en';
import { reportsFr } from '../i18n/reports-fr';
import { ReportsPanel } from './reports-panel';

const OLDER_SNAPSHOT = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';
const PDF_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001';
const JSON_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-000000000002';
const OLD_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-000000000003';
const READER: Permission[] = ['assessments:read', 'scores:read', 'reports:read'];
const OWNER: Permission[] = [...READER, 'reports:generate'];

describe('ReportsPanel', () => {
  let fixture: ComponentFixture<ReportsPanel>;
  let backend: HttpTestingController;
  let loader: HarnessLoader;

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const all = (id: string): HTMLElement[] => [
    ...element().querySelectorAll<HTMLElement>(`[data-testid="${id}"]`),
  ];
  const text = (root: ParentNode, id: string): string =>
    root.querySelector(`[data-testid="${id}"]`)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = async (): Promise<void> => {
    await fixture.whenStable();
  };

  async function open(permissions: Permission[], snapshotId: string | null = SNAPSHOT): Promise<void> {
    TestBed.inject(AuthStore).setSession(authResponse('t', me({}, permissions)));
    fixture = TestBed.createComponent(ReportsPanel);
    fixture.componentRef.setInput('assessmentId', ASSESSMENT_ID);
    fixture.componentRef.setInput('snapshotId', snapshotId);
    loader = TestbedHarnessEnvironment.loader(fixture);
    await settle();
  }

  beforeEach(() => {
    jest.useFakeTimers({ advanceTimers: true });
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    TestBed.inject(I18n).register({ en: { reports: reportsEn }, fr: { reports: reportsFr } });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('lists the reports of the scored submission only, with digest, key and size once ready', async () => {
    await open(READER);
    backend
      .expectOne(assessmentReportsUrl(ASSESSMENT_ID))
      .flush([
        report(PDF_ID, 'ready'),
        report(JSON_ID, 'ready', { format: 'json', requestedBy: 'user-owner' }),
        report(OLD_ID, 'ready', { snapshotId: OLDER_SNAPSHOT }),
      ]);
    await settle();

    const items = all('report-item');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'PDF report, English',
      'JSON report, English',
    ]);
    expect(items.map((li) => li.dataset['status'])).toEqual(['ready', 'ready']);
    const pdf = items[0]!;
    expect(text(pdf, 'report-status')).toBe('Ready');
    expect(text(pdf, 'report-digest')).toBe(`${SHA.slice(0, 12)}…`);
    expect(pdf.querySelector('[data-testid="report-digest"]')?.getAttribute('aria-label')).toBe(
      `SHA-256 digest: ${SHA}`,
    );
    expect(pdf.querySelector('[data-testid="report-digest"]')?.getAttribute('title')).toBe(SHA);
    expect(text(pdf, 'report-key-id')).toBe(`${KEY.slice(0, 12)}…`);
    expect(pdf.textContent).toContain('Made automatically after scoring');
    expect(pdf.textContent).toContain('Size: 48.2 kB');
    expect(items[1]!.textContent).toContain('Requested on');
    // A reader sees the reports but not the form.
    expect(element().querySelector('[data-testid="report-generate-form"]')).toBeNull();
    // Nothing is unfinished: no polling.
    await jest.advanceTimersByTimeAsync(REPORT_LIST_WAIT_MS);
    backend.expectNone(reportUrl(PDF_ID));
  });

  it('shows the full digest while it has the focus or the pointer', async () => {
    await open(READER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    const digest = element().querySelector<HTMLElement>('[data-testid="report-digest"]')!;
    expect(digest.tabIndex).toBe(0);
    digest.dispatchEvent(new FocusEvent('focus'));
    await settle();
    expect(digest.textContent?.trim()).toBe(SHA);
    digest.dispatchEvent(new FocusEvent('blur'));
    await settle();
    expect(digest.textContent?.trim()).toBe(`${SHA.slice(0, 12)}…`);
    digest.dispatchEvent(new MouseEvent('mouseenter'));
    await settle();
    expect(digest.textContent?.trim()).toBe(SHA);
  });

  it('polls an unfinished report with backoff, shows its progress, and stops once it is ready', async () => {
    await open(READER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'queued')]);
    await settle();
    expect(text(element(), 'report-status')).toBe('Queued');
    expect(await (await loader.getHarness(MatProgressBarHarness)).getMode()).toBe('query');

    // Nothing is asked before the first delay.
    await jest.advanceTimersByTimeAsync(REPORT_POLL_FIRST_DELAY_MS / 2);
    backend.expectNone(reportUrl(PDF_ID));
    await jest.advanceTimersByTimeAsync(REPORT_POLL_FIRST_DELAY_MS / 2);
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'rendering', { progress: 60 }));
    await settle();
    expect(text(element(), 'report-status')).toBe('Rendering');
    const bar = await loader.getHarness(MatProgressBarHarness);
    expect(await bar.getMode()).toBe('determinate');
    expect(await bar.getValue()).toBe(60);
    expect(element().querySelector('[data-testid="report-progress"]')?.getAttribute('aria-label')).toBe(
      'PDF report, English: 60% done',
    );

    // The second wait is 1.5 s.
    await jest.advanceTimersByTimeAsync(reportPollDelay(1) - 400);
    backend.expectNone(reportUrl(PDF_ID));
    await jest.advanceTimersByTimeAsync(400);
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    await settle();
    expect(text(element(), 'report-status')).toBe('Ready');
    expect(element().querySelector('[data-testid="report-progress"]')).toBeNull();
    expect(text(element(), 'reports-announcer')).toBe('PDF report, English, is ready.');
    expect(element().querySelector('[data-testid="reports-announcer"]')?.getAttribute('role')).toBe('status');

    await jest.advanceTimersByTimeAsync(60_000);
    backend.expectNone(reportUrl(PDF_ID));
  });

  it('keeps polling through a passing error, and says so when a report fails', async () => {
    await open(OWNER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'rendering')]);
    await settle();
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl(PDF_ID)).flush(null, { status: 503, statusText: 'Unavailable' });
    await jest.advanceTimersByTimeAsync(reportPollDelay(1));
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'failed'));
    await settle();
    expect(text(element(), 'report-status')).toBe('Failed');
    expect(text(element(), 'report-failure')).toBe('Reason: The renderer ran out of memory.');
    expect(text(element(), 'reports-announcer')).toBe('PDF report, English, failed.');

    // Asking again queues it again (same id) and follows it.
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate again' }))).click();
    const post = backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID));
    expect(post.request.body).toEqual({ format: 'pdf', locale: 'en' });
    post.flush({ reportId: PDF_ID, status: 'queued' });
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'queued'));
    await settle();
    expect(all('report-item')).toHaveLength(1);
    expect(text(element(), 'report-status')).toBe('Queued');
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    await settle();
    expect(text(element(), 'report-status')).toBe('Ready');
  });

  it('stops polling when the panel is destroyed', async () => {
    await open(READER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'rendering')]);
    await settle();
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    const pending = backend.expectOne(reportUrl(PDF_ID));
    fixture.destroy();
    expect(pending.cancelled).toBe(true);
    await jest.advanceTimersByTimeAsync(REPORT_POLL_LIMIT_MS);
    backend.expectNone(reportUrl(PDF_ID));
  });

  it('stops after the time limit and offers to check again', async () => {
    await open(READER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'rendering')]);
    await settle();
    let polls = 0;
    for (let attempt = 0; attempt < 200; attempt += 1) {
      await jest.advanceTimersByTimeAsync(reportPollDelay(attempt));
      const next = backend.match(reportUrl(PDF_ID));
      if (next.length === 0) break;
      polls += next.length;
      for (const request of next) request.flush(report(PDF_ID, 'rendering'));
      await settle();
      if (element().querySelector('[data-testid="report-stalled"]')) break;
    }
    // About one poll every five seconds for five minutes, then none.
    expect(polls).toBeGreaterThan(50);
    expect(polls).toBeLessThan(70);
    expect(text(element(), 'report-stalled')).toContain('This is taking longer than usual.');
    await jest.advanceTimersByTimeAsync(60_000);
    backend.expectNone(reportUrl(PDF_ID));

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Check again' }))).click();
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    await settle();
    expect(element().querySelector('[data-testid="report-stalled"]')).toBeNull();
    expect(text(element(), 'report-status')).toBe('Ready');
  });

  it('waits a little for the automatic reports of a submission just scored', async () => {
    await open(READER);
    backend
      .expectOne(assessmentReportsUrl(ASSESSMENT_ID))
      .flush([report(OLD_ID, 'ready', { snapshotId: OLDER_SNAPSHOT })]);
    await settle();
    expect(text(element(), 'reports-empty')).toBe('No report of this submission yet.');
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'queued')]);
    await settle();
    expect(all('report-item')).toHaveLength(1);
    // The list is not asked again: the report is followed on its own.
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    await jest.advanceTimersByTimeAsync(REPORT_LIST_WAIT_MS);
    backend.expectNone(assessmentReportsUrl(ASSESSMENT_ID));
  });

  it('gives up waiting for reports after a while', async () => {
    await open(READER);
    let lists = 0;
    for (let i = 0; i < 40; i += 1) {
      const requests = backend.match(assessmentReportsUrl(ASSESSMENT_ID));
      lists += requests.length;
      for (const request of requests) request.flush([]);
      await jest.advanceTimersByTimeAsync(REPORT_POLL_FIRST_DELAY_MS * 5);
    }
    expect(lists).toBeGreaterThan(3);
    expect(lists).toBeLessThan(12);
    backend.expectNone(assessmentReportsUrl(ASSESSMENT_ID));
  });

  it('generates a report in the chosen format and language, which then appears and progresses', async () => {
    await open(OWNER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'JSON' }))).check();
    await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'French' }))).check();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate' }))).click();

    const post = backend.expectOne({ method: 'POST', url: assessmentReportsUrl(ASSESSMENT_ID) });
    expect(post.request.body).toEqual({ format: 'json', locale: 'fr' });
    post.flush({ reportId: JSON_ID, status: 'queued' }, { status: 202, statusText: 'Accepted' });
    backend.expectOne(reportUrl(JSON_ID)).flush(report(JSON_ID, 'queued', { format: 'json', locale: 'fr' }));
    await settle();

    const items = all('report-item');
    expect(items.map((li) => li.getAttribute('aria-label'))).toEqual([
      'JSON report, French',
      'PDF report, English',
    ]);
    expect(items[0]!.dataset['status']).toBe('queued');
    expect(text(element(), 'reports-announcer')).toBe('JSON report, French, requested.');

    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl(JSON_ID)).flush(report(JSON_ID, 'ready', { format: 'json', locale: 'fr' }));
    await settle();
    expect(all('report-item')[0]!.dataset['status']).toBe('ready');
  });

  it('cancels a report asked for on an assessment the panel has since left', async () => {
    const other = '99999999-9999-4999-8999-999999999999';
    await open(OWNER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate' }))).click();
    const post = backend.expectOne({ method: 'POST', url: assessmentReportsUrl(ASSESSMENT_ID) });

    fixture.componentRef.setInput('assessmentId', other);
    fixture.componentRef.setInput('snapshotId', null);
    await settle();
    expect(post.cancelled).toBe(true);
    backend
      .expectOne(assessmentReportsUrl(other))
      .flush([report(OLD_ID, 'ready', { assessmentId: other, snapshotId: OLDER_SNAPSHOT })]);
    await settle();
    // The form is usable again, and only the other assessment's report is listed.
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate' }))).isDisabled()).toBe(
      false,
    );
    expect(all('report-item')).toHaveLength(1);
    backend.expectNone(reportUrl(JSON_ID));
  });

  it('says when the report asked for already exists', async () => {
    await open(OWNER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate' }))).click();
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush({ reportId: PDF_ID, status: 'ready' });
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    await settle();
    expect(all('report-item')).toHaveLength(1);
    expect(text(element(), 'report-generate-note')).toBe('This report already exists: it is listed below.');
  });

  it('says plainly that a submission not scored yet has no reports', async () => {
    await open(OWNER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate' }))).click();
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush(
      {
        code: 'NOT_SCORED',
        message: 'Submission 2 of this assessment is not scored yet.',
        correlationId: 'c',
      },
      { status: 409, statusText: 'Conflict' },
    );
    await settle();
    const problem = element().querySelector('[data-testid="report-generate-error"]');
    expect(problem?.getAttribute('role')).toBe('alert');
    expect(problem?.textContent?.trim()).toBe(
      'This submission is not scored yet: reports can be generated once its score is ready.',
    );
    expect(await (await loader.getHarness(MatButtonHarness.with({ text: 'Generate' }))).isDisabled()).toBe(
      false,
    );
  });

  it('downloads a ready report through the API and hands it to the browser', async () => {
    const createObjectURL = jest.fn(() => 'blob:report');
    const revokeObjectURL = jest.fn();
    Object.assign(URL, { createObjectURL, revokeObjectURL });
    const clicked: HTMLAnchorElement[] = [];
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    await open(READER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Download' }))).click();
    const file = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    backend.expectOne(reportUrl(PDF_ID, 'file')).flush(file, {
      headers: { 'content-disposition': `attachment; filename="beacon-report-${PDF_ID}-en.pdf"` },
    });
    await settle();
    expect(createObjectURL).toHaveBeenCalledWith(file);
    expect(clicked.map((a) => [a.download, a.getAttribute('href')])).toEqual([
      [`beacon-report-${PDF_ID}-en.pdf`, 'blob:report'],
    ]);
    await jest.advanceTimersByTimeAsync(10_000);
    expect(revokeObjectURL).toHaveBeenCalledWith('blob:report');
  });

  it('checks the stored file on the server and shows the verdict', async () => {
    await open(READER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    await settle();
    await (await loader.getHarness(MatButtonHarness.with({ text: 'Verify' }))).click();
    expect(text(element(), 'report-check')).toBe('Checking…');
    backend.expectOne(reportUrl(PDF_ID, 'verify')).flush({
      reportId: PDF_ID,
      valid: true,
      sha256: SHA,
      sha256Matches: true,
      signatureValid: true,
      keyId: KEY,
      keyKnown: true,
    });
    await settle();
    const check = element().querySelector('[data-testid="report-check"]');
    expect(check?.getAttribute('data-valid')).toBe('true');
    expect(check?.getAttribute('role')).toBe('status');
    expect(check?.textContent?.trim()).toBe('Verified: the stored file matches its digest and signature.');

    await (await loader.getHarness(MatButtonHarness.with({ text: 'Verify' }))).click();
    backend.expectOne(reportUrl(PDF_ID, 'verify')).flush({
      reportId: PDF_ID,
      valid: false,
      sha256: 'f'.repeat(64),
      sha256Matches: false,
      signatureValid: true,
      keyId: KEY,
      keyKnown: true,
    });
    await settle();
    expect(element().querySelector('[data-testid="report-check"]')?.getAttribute('data-valid')).toBe('false');
    expect(text(element(), 'report-check')).toBe(
      'Not valid: the stored file does not match its digest or signature.',
    );
  });

  it('speaks French', async () => {
    TestBed.inject(I18n).setLocale('fr');
    await open(OWNER);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'rendering')]);
    await settle();
    expect(all('report-item')[0]?.getAttribute('aria-label')).toBe('Rapport PDF, en anglais');
    expect(text(element(), 'report-status')).toBe('En cours de production');
    expect(element().querySelector('h2')?.textContent?.trim()).toBe('Rapports');
    // The form offers the active language first.
    expect(
      await (await loader.getHarness(MatButtonToggleHarness.with({ text: 'Français' }))).isChecked(),
    ).toBe(true);
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    await settle();
  });

  it('renders nothing, and asks nothing, for a member who may not read reports', async () => {
    await open(['assessments:read', 'scores:read']);
    expect(element().querySelector('[data-testid="reports-panel"]')).toBeNull();
    backend.expectNone(assessmentReportsUrl(ASSESSMENT_ID));
  });
});
