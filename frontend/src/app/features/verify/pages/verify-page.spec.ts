import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { PublicReportVerificationResponse } from '@beacon/contracts';
import { I18n } from '../../../core/i18n/i18n';
import { VERIFY_URL } from '../data/verify-api';
import { verifyRoutes } from '../verify.routes';

const VALID: PublicReportVerificationResponse = {
  valid: true,
  reportId: 'bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb',
  organizationName: 'Acme Social',
  assessmentId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
  snapshotId: 'cccccccc-cccc-4ccc-8ccc-cccccccccccc',
  contentHash: 'd'.repeat(64),
  issuedAt: '2026-03-02T10:00:05Z',
  format: 'pdf',
  locale: 'en',
  sha256: 'e'.repeat(64),
  keyId: 'f'.repeat(64),
};

/** A `drop` carrying `files`, as a browser fires it (jsdom has no DragEvent). */
function dropEvent(files: File[]): Event {
  const event = new Event('drop', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'dataTransfer', { value: { files, dropEffect: 'none' } });
  return event;
}

describe('VerifyPage', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const testId = (id: string): HTMLElement | null => element().querySelector(`[data-testid="${id}"]`);
  const text = (id: string): string => testId(id)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const settle = (): Promise<void> => harness.fixture.whenStable();

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'verify', children: verifyRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function drop(file: File): Promise<void> {
    testId('verify-drop')?.dispatchEvent(dropEvent([file]));
    await settle();
  }

  it('says what it does, where the file goes and how large it may be', async () => {
    await harness.navigateByUrl('/verify');
    expect(text('page-title')).toBe('Verify a report');
    expect(text('verify-privacy')).toContain('sent only to the Beacon service');
    expect(text('verify-privacy')).toContain('It is sent nowhere else.');
    expect(element().querySelector('#verify-limit')?.textContent).toContain('up to 10 MiB');
    expect(testId('verify-drop')?.getAttribute('aria-describedby')).toBe('verify-limit');
    expect(testId('verify-drop')?.getAttribute('aria-label')).toBe('Report file to verify');
    expect(testId('verify-keys')?.getAttribute('href')).toBe('/api/v1/reports/signing-keys');
    expect(testId('verify-result')?.getAttribute('aria-live')).toBe('polite');
  });

  it('verifies a dropped file: "Issued by Beacon for …" with the submission and date, focused', async () => {
    await harness.navigateByUrl('/verify');
    await drop(new File(['%PDF-1.7'], 'beacon-report.pdf', { type: 'application/pdf' }));
    expect(text('verify-checking')).toBe('Checking beacon-report.pdf…');
    const request = backend.expectOne(VERIFY_URL);
    expect(((request.request.body as FormData).get('file') as File).name).toBe('beacon-report.pdf');
    request.flush(VALID);
    await settle();

    expect(testId('verify-verdict')?.getAttribute('data-valid')).toBe('true');
    expect(text('verify-verdict-title')).toBe('Issued by Beacon for Acme Social');
    expect(text('verify-organization')).toBe('Acme Social');
    expect(text('verify-assessment')).toBe(VALID.assessmentId);
    expect(text('verify-snapshot')).toBe(VALID.snapshotId);
    expect(text('verify-format')).toBe('PDF');
    expect(text('verify-issued-at')).toContain('2026');
    expect(text('verify-sha256')).toBe(VALID.sha256);
    expect(text('verify-verdict')).toContain('File checked: beacon-report.pdf (8 byte');
    expect(document.activeElement).toBe(testId('verify-verdict-title'));

    // "Verify another file" clears the verdict and hands the focus back to the file picker.
    testId('verify-another')?.click();
    await settle();
    expect(testId('verify-verdict')).toBeNull();
    expect(document.activeElement).toBe(testId('verify-choose'));
  });

  it('says plainly when Beacon did not issue the file (or it was altered)', async () => {
    await harness.navigateByUrl('/verify');
    await drop(new File(['%PDF-1.7 changed'], 'copy.pdf'));
    backend.expectOne(VERIFY_URL).flush({ valid: false });
    await settle();
    expect(testId('verify-verdict')?.getAttribute('data-valid')).toBe('false');
    expect(text('verify-verdict-title')).toBe('Not issued by Beacon (or altered)');
    expect(text('verify-verdict')).toContain('a single changed byte is enough');
    expect(testId('verify-organization')).toBeNull();
  });

  it('takes a file from the keyboard-accessible picker too', async () => {
    await harness.navigateByUrl('/verify');
    const input = testId('verify-file-input') as HTMLInputElement;
    const click = jest.spyOn(input, 'click').mockImplementation(() => undefined);
    testId('verify-choose')?.click();
    expect(click).toHaveBeenCalled();
    Object.defineProperty(input, 'files', { value: [new File(['{}'], 'report.json')], configurable: true });
    input.dispatchEvent(new Event('change'));
    await settle();
    backend.expectOne(VERIFY_URL).flush({ ...VALID, format: 'json' });
    await settle();
    expect(text('verify-format')).toBe('JSON');
  });

  it('refuses a file over 10 MiB without sending it', async () => {
    await harness.navigateByUrl('/verify');
    const huge = new File(['x'], 'huge.pdf');
    Object.defineProperty(huge, 'size', { value: 10 * 1024 * 1024 + 1 });
    await drop(huge);
    backend.expectNone(VERIFY_URL);
    expect(testId('verify-error')?.getAttribute('role')).toBe('alert');
    expect(text('verify-error')).toBe(
      'huge.pdf is larger than 10 MiB: it cannot be a Beacon report, so it was not sent.',
    );
  });

  it('shows why a check could not be made', async () => {
    await harness.navigateByUrl('/verify');
    await drop(new File(['x'], 'a.pdf'));
    backend.expectOne(VERIFY_URL).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await settle();
    expect(text('verify-error')).toBe(
      'The file could not be verified: The Beacon server cannot be reached. Check your connection and try again.',
    );
  });

  it('speaks French', async () => {
    TestBed.inject(I18n).setLocale('fr');
    await harness.navigateByUrl('/verify');
    expect(text('page-title')).toBe('Vérifier un rapport');
    expect(element().querySelector('#verify-limit')?.textContent).toContain('jusqu’à 10 Mio');
    await drop(new File(['%PDF-1.7'], 'r.pdf'));
    backend.expectOne(VERIFY_URL).flush(VALID);
    await settle();
    expect(text('verify-verdict-title')).toBe('Émis par Beacon pour Acme Social');
    await drop(new File(['%PDF-1.8'], 'r2.pdf'));
    backend.expectOne(VERIFY_URL).flush({ valid: false });
    await settle();
    expect(text('verify-verdict-title')).toBe('Non émis par Beacon (ou modifié)');
  });
});
