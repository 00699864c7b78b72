import { HttpHeaders, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { ReportResponse } from '@beacon/contracts';
import { firstValueFrom } from 'rxjs';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { ErrorNotifier } from '../../../core/http/error-notifier';
import {
  type DownloadedReport,
  ReportsApi,
  assessmentReportsUrl,
  attachmentFileName,
  isFinished,
  reportUrl,
} from './reports-api';
import { ASSESSMENT_ID } from './reports-test-data';

const REPORT_ID = 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb';

describe('ReportsApi', () => {
  let api: ReportsApi;
  let backend: HttpTestingController;
  const show = jest.fn();

  beforeEach(() => {
    show.mockReset();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: ErrorNotifier, useValue: { show } },
      ],
    });
    api = TestBed.inject(ReportsApi);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('names the API routes', () => {
    expect(assessmentReportsUrl(ASSESSMENT_ID)).toBe(`/api/v1/assessments/${ASSESSMENT_ID}/reports`);
    expect(reportUrl(REPORT_ID)).toBe(`/api/v1/reports/${REPORT_ID}`);
    expect(reportUrl(REPORT_ID, 'file')).toBe(`/api/v1/reports/${REPORT_ID}/file`);
    expect(reportUrl(REPORT_ID, 'verify')).toBe(`/api/v1/reports/${REPORT_ID}/verify`);
    expect(reportUrl('a/b')).toBe('/api/v1/reports/a%2Fb');
  });

  it('asks for a report with the format and the language, and reads the list and one report', async () => {
    const requested = firstValueFrom(api.request(ASSESSMENT_ID, { format: 'oscal', locale: 'fr' }));
    const post = backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID));
    expect(post.request.method).toBe('POST');
    expect(post.request.body).toEqual({ format: 'oscal', locale: 'fr' });
    post.flush({ reportId: REPORT_ID, status: 'queued' }, { status: 202, statusText: 'Accepted' });
    await expect(requested).resolves.toEqual({ reportId: REPORT_ID, status: 'queued' });

    const list = firstValueFrom(api.list(ASSESSMENT_ID));
    const get = backend.expectOne(assessmentReportsUrl(ASSESSMENT_ID));
    expect(get.request.method).toBe('GET');
    get.flush([]);
    await expect(list).resolves.toEqual([]);

    const one = firstValueFrom(api.get(REPORT_ID));
    backend
      .expectOne({ method: 'GET', url: reportUrl(REPORT_ID) })
      .flush({ id: REPORT_ID, status: 'rendering' });
    await expect(one).resolves.toEqual({ id: REPORT_ID, status: 'rendering' });
  });

  it('downloads the file as a blob, named by the Content-Disposition header', async () => {
    const file = firstValueFrom(api.download({ id: REPORT_ID, format: 'pdf', locale: 'en' }));
    const request = backend.expectOne(reportUrl(REPORT_ID, 'file'));
    expect(request.request.responseType).toBe('blob');
    request.flush(new Blob(['%PDF-1.7'], { type: 'application/pdf' }), {
      headers: new HttpHeaders({
        'content-disposition': `attachment; filename="beacon-report-${REPORT_ID}-en.pdf"`,
      }),
    });
    const downloaded: DownloadedReport = await file;
    expect(downloaded.fileName).toBe(`beacon-report-${REPORT_ID}-en.pdf`);
    await expect(downloaded.blob.text()).resolves.toBe('%PDF-1.7');
  });

  it('falls back to a name of its own when the header is missing or unsafe', () => {
    expect(attachmentFileName(null, 'fallback.pdf')).toBe('fallback.pdf');
    expect(attachmentFileName('attachment; filename="../../etc/passwd"', 'fallback.pdf')).toBe('passwd');
    expect(attachmentFileName('attachment; filename=".hidden"', 'fallback.pdf')).toBe('fallback.pdf');
    expect(attachmentFileName('attachment; filename="a b<script>.pdf"', 'fallback.pdf')).toBe('fallback.pdf');
    expect(attachmentFileName("attachment; filename*=UTF-8''report%2Dfr.csv", 'x')).toBe('report-fr.csv');
  });

  it('names a download of its own when the header is absent', async () => {
    const file = firstValueFrom(api.download({ id: REPORT_ID, format: 'oscal', locale: 'fr' }));
    backend.expectOne(reportUrl(REPORT_ID, 'file')).flush(new Blob(['{}']));
    await expect(file).resolves.toEqual(
      expect.objectContaining({ fileName: `beacon-report-${REPORT_ID}-fr.oscal.json` }),
    );
  });

  it('reads the stored file check', async () => {
    const check = firstValueFrom(api.verify(REPORT_ID));
    backend.expectOne(reportUrl(REPORT_ID, 'verify')).flush({ reportId: REPORT_ID, valid: true });
    await expect(check).resolves.toEqual({ reportId: REPORT_ID, valid: true });
  });

  it('lets the panel show failures in place: no snack bar', async () => {
    const requested = firstValueFrom(api.request(ASSESSMENT_ID, { format: 'pdf', locale: 'en' }));
    backend
      .expectOne(assessmentReportsUrl(ASSESSMENT_ID))
      .flush(
        {
          code: 'NOT_SCORED',
          message: 'Submission 1 of this assessment is not scored yet.',
          correlationId: 'c1',
        },
        { status: 409, statusText: 'Conflict' },
      );
    await expect(requested).rejects.toMatchObject({ status: 409 });
    expect(show).not.toHaveBeenCalled();
  });

  it('knows which statuses are final', () => {
    const statuses: ReportResponse['status'][] = ['queued', 'rendering', 'ready', 'failed'];
    expect(statuses.filter((status) => isFinished({ status }))).toEqual(['ready', 'failed']);
  });
});
