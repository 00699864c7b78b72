import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { ErrorNotifier } from '../../../core/http/error-notifier';
import { VERIFY_MAX_BYTES, VERIFY_URL } from './verify-api';
import { VerifyStore } from './verify-store';

/** A file of `size` bytes without allocating them. */
function fileOfSize(name: string, size: number): File {
  const file = new File(['x'], name);
  Object.defineProperty(file, 'size', { value: size });
  return file;
}

describe('VerifyStore', () => {
  let store: VerifyStore;
  let backend: HttpTestingController;
  const show = jest.fn();

  beforeEach(() => {
    show.mockReset();
    TestBed.configureTestingModule({
      providers: [
        VerifyStore,
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        { provide: ErrorNotifier, useValue: { show } },
      ],
    });
    store = TestBed.inject(VerifyStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  it('sends the file alone, as the "file" part of a multipart form, and keeps the verdict', async () => {
    const file = new File(['%PDF-1.7 report'], 'beacon-report.pdf', { type: 'application/pdf' });
    store.check(file);
    expect(store.state()).toEqual({ kind: 'checking', file: { name: 'beacon-report.pdf', size: 15 } });

    const request = backend.expectOne(VERIFY_URL);
    expect(request.request.method).toBe('POST');
    const body = request.request.body as FormData;
    expect([...body.keys()]).toEqual(['file']);
    const sent = body.get('file') as File;
    expect(sent.name).toBe('beacon-report.pdf');
    await expect(sent.text()).resolves.toBe('%PDF-1.7 report');
    request.flush({ valid: true, organizationName: 'Acme', reportId: 'r1' });

    expect(store.state()).toEqual({
      kind: 'verdict',
      file: { name: 'beacon-report.pdf', size: 15 },
      result: { valid: true, organizationName: 'Acme', reportId: 'r1' },
    });
  });

  it('keeps a "not issued" verdict as such', () => {
    store.check(new File(['hello'], 'notes.txt'));
    backend.expectOne(VERIFY_URL).flush({ valid: false });
    expect(store.state()).toMatchObject({ kind: 'verdict', result: { valid: false } });
  });

  it('never sends a file over the limit, nor an empty one', () => {
    expect(VERIFY_MAX_BYTES).toBe(10 * 1024 * 1024);
    store.check(fileOfSize('huge.pdf', VERIFY_MAX_BYTES + 1));
    expect(store.state()).toEqual({
      kind: 'refused',
      file: { name: 'huge.pdf', size: VERIFY_MAX_BYTES + 1 },
      reason: 'too-large',
    });
    store.check(new File([], 'empty.pdf'));
    expect(store.state()).toMatchObject({ kind: 'refused', reason: 'empty' });
    backend.expectNone(VERIFY_URL);

    // Exactly at the limit is sent.
    store.check(fileOfSize('edge.pdf', VERIFY_MAX_BYTES));
    backend.expectOne(VERIFY_URL).flush({ valid: false });
    expect(store.state()).toMatchObject({ kind: 'verdict' });
  });

  it('tells a refusal by the API (413) from other failures, and raises no snack bar', () => {
    store.check(new File(['x'], 'a.pdf'));
    backend
      .expectOne(VERIFY_URL)
      .flush(
        { code: 'REPORT_FILE_TOO_LARGE', message: 'Too large.', correlationId: 'c' },
        { status: 413, statusText: 'Too Large' },
      );
    expect(store.state()).toMatchObject({ kind: 'refused', reason: 'too-large' });

    store.check(new File(['x'], 'b.pdf'));
    backend
      .expectOne(VERIFY_URL)
      .flush(
        { code: 'REPORT_UPLOAD_MALFORMED', message: 'Send one file.', correlationId: 'c' },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(store.state()).toEqual({
      kind: 'error',
      file: { name: 'b.pdf', size: 1 },
      message: 'Send one file.',
      status: 400,
    });

    store.check(new File(['x'], 'c.pdf'));
    backend.expectOne(VERIFY_URL).error(new ProgressEvent('error'), { status: 0, statusText: '' });
    expect(store.state()).toMatchObject({ kind: 'error', message: null, status: 0 });
    expect(show).not.toHaveBeenCalled();
  });

  it('checks one file at a time: a new file replaces the one being checked', () => {
    store.check(new File(['one'], 'one.pdf'));
    const first = backend.expectOne(VERIFY_URL);
    store.check(new File(['two'], 'two.pdf'));
    expect(first.cancelled).toBe(true);
    backend.expectOne(VERIFY_URL).flush({ valid: false });
    expect(store.state()).toMatchObject({ kind: 'verdict', file: { name: 'two.pdf' } });

    store.reset();
    expect(store.state()).toEqual({ kind: 'idle' });
  });
});
