import {
  HttpClient,
  HttpContext,
  HttpErrorResponse,
  provideHttpClient,
  withInterceptors,
} from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { ChangeDetectionStrategy, Component } from '@angular/core';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { type ErrorResponse } from '@beacon/contracts';
import { I18n } from '../i18n/i18n';
import { CORRELATION_ID_HEADER, correlationIdInterceptor } from './correlation-id.interceptor';
import { SILENT_ERRORS, errorInterceptor, isErrorResponse } from './error.interceptor';

@Component({ selector: 'app-host', template: '', changeDetection: ChangeDetectionStrategy.OnPush })
class Host {}

describe('errorInterceptor', () => {
  let fixture: ComponentFixture<Host>;
  let http: HttpClient;
  let backend: HttpTestingController;
  let failure: unknown;

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([correlationIdInterceptor, errorInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    fixture = TestBed.createComponent(Host);
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    failure = undefined;
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  function get(url: string, context?: HttpContext): void {
    http.get(url, { context }).subscribe({ error: (error: unknown) => (failure = error) });
  }

  async function snackBars(): Promise<MatSnackBarHarness[]> {
    await fixture.whenStable();
    return TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatSnackBarHarness);
  }

  it("shows the API error's message and correlation id, then rethrows", async () => {
    get('/api/v1/frameworks/x');
    const body: ErrorResponse = {
      code: 'NOT_FOUND',
      message: 'Framework x does not exist.',
      correlationId: 'corr-123',
    };
    backend.expectOne('/api/v1/frameworks/x').flush(body, { status: 404, statusText: 'Not Found' });

    const [snackBar, ...others] = await snackBars();
    expect(others).toHaveLength(0);
    expect(await snackBar?.getMessage()).toBe('Framework x does not exist. — Reference: corr-123');
    expect(await snackBar?.getActionDescription()).toBe('Dismiss');
    expect(failure).toBeInstanceOf(HttpErrorResponse);
    expect((failure as HttpErrorResponse).status).toBe(404);
  });

  it('shows a translated message with the sent correlation id when the server cannot be reached', async () => {
    TestBed.inject(I18n).setLocale('fr');
    get('/api/v1/status/probes');
    const request = backend.expectOne('/api/v1/status/probes');
    const sentId = request.request.headers.get(CORRELATION_ID_HEADER);
    request.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });

    const [snackBar] = await snackBars();
    expect(await snackBar?.getMessage()).toBe(
      `Le serveur Beacon est injoignable. Vérifiez votre connexion et réessayez. — Référence\u00a0: ${sentId}`,
    );
    expect(await snackBar?.getActionDescription()).toBe('Fermer');
  });

  it('falls back to a generic message when the body is not an API error', async () => {
    get('/api/v1/status');
    backend
      .expectOne('/api/v1/status')
      .flush('<html>Bad gateway</html>', { status: 502, statusText: 'Bad Gateway' });

    const [snackBar] = await snackBars();
    expect(await snackBar?.getMessage()).toMatch(
      /^Something went wrong \(HTTP 502\)\. — Reference: [0-9a-f-]{36}$/,
    );
  });

  it('stays quiet for requests marked SILENT_ERRORS and for non-API URLs', async () => {
    get('/api/v1/status', new HttpContext().set(SILENT_ERRORS, true));
    backend
      .expectOne('/api/v1/status')
      .flush({ code: 'X', message: 'Hidden', correlationId: 'c' }, { status: 500, statusText: 'Error' });
    get('/assets/missing.json');
    backend.expectOne('/assets/missing.json').flush(null, { status: 404, statusText: 'Not Found' });

    expect(await snackBars()).toHaveLength(0);
    expect(failure).toBeInstanceOf(HttpErrorResponse);
  });
});

describe('isErrorResponse', () => {
  it('accepts the API error shape only', () => {
    expect(isErrorResponse({ code: 'CONFLICT', message: 'Stale.', correlationId: 'c' })).toBe(true);
    expect(isErrorResponse({ code: 'CONFLICT', message: 'Stale.', details: [], correlationId: 'c' })).toBe(
      true,
    );
    expect(isErrorResponse({ message: 'no code' })).toBe(false);
    expect(isErrorResponse({ code: 'X', message: '' })).toBe(false);
    expect(isErrorResponse('Bad gateway')).toBe(false);
    expect(isErrorResponse(null)).toBe(false);
  });
});
