import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { reportsEn } from '../i18n/reports-en';
import { reportsFr } from '../i18n/reports-fr';
import { assessmentReportsUrl, reportUrl } from './reports-api';
import { REPORT_LIST_WAIT_MS, ReportsStore, reportPollDelay } from './reports-store';
import { ASSESSMENT_ID, SNAPSHOT, report } from './reports-test-data';

const PDF_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-000000000001';
const OTHER_SNAPSHOT = 'dddddddd-dddd-4ddd-8ddd-dddddddddddd';

describe('ReportsStore', () => {
  let store: ReportsStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    jest.useFakeTimers({ advanceTimers: true });
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [ReportsStore, provideHttpClient(), provideHttpClientTesting()],
    });
    TestBed.inject(I18n).register({ en: { reports: reportsEn }, fr: { reports: reportsFr } });
    store = TestBed.inject(ReportsStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  it('backs off between polls: 1 s, then 1.5× longer, at most 5 s', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(reportPollDelay)).toEqual([1000, 1500, 2250, 3375, 5000, 5000, 5000]);
  });

  it('follows an unfinished report of the submission shown until it is ready, and says so', async () => {
    store.showSubmission(SNAPSHOT);
    store.load(ASSESSMENT_ID);
    expect(store.loadState()).toBe('loading');
    backend
      .expectOne(assessmentReportsUrl(ASSESSMENT_ID))
      .flush([report(PDF_ID, 'rendering'), report('old', 'ready', { snapshotId: OTHER_SNAPSHOT })]);
    expect(store.loadState()).toBe('ready');
    expect(store.visible().map((r) => [r.id, r.status])).toEqual([[PDF_ID, 'rendering']]);

    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl(PDF_ID)).flush(report(PDF_ID, 'ready'));
    expect(store.visible().map((r) => [r.id, r.status])).toEqual([[PDF_ID, 'ready']]);
    expect(store.announcement()).toBe('PDF report, English, is ready.');
    await jest.advanceTimersByTimeAsync(REPORT_LIST_WAIT_MS);
    backend.expectNone(reportUrl(PDF_ID));
    backend.expectNone(assessmentReportsUrl(ASSESSMENT_ID));
  });

  it('asks for a report once at a time, and follows it', async () => {
    store.load(ASSESSMENT_ID);
    backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID)).flush([report(PDF_ID, 'ready')]);
    store.generate('json', 'fr');
    store.generate('json', 'fr');
    expect(store.generating()).toBe(true);
    const post = backend.expectOne({ method: 'POST', url: assessmentReportsUrl(ASSESSMENT_ID) });
    expect(post.request.body).toEqual({ format: 'json', locale: 'fr' });
    post.flush({ reportId: 'new', status: 'queued' });
    backend.expectOne(reportUrl('new')).flush(report('new', 'queued', { format: 'json', locale: 'fr' }));
    expect(store.generating()).toBe(false);
    expect(store.visible().map((r) => r.id)).toEqual(['new', PDF_ID]);
    expect(store.announcement()).toBe('JSON report, French, requested.');
    await jest.advanceTimersByTimeAsync(reportPollDelay(0));
    backend.expectOne(reportUrl('new')).flush(report('new', 'ready', { format: 'json', locale: 'fr' }));
  });
});
