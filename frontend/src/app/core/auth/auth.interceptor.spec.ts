import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { errorInterceptor } from '../http/error.interceptor';
import { AUTH_URL } from './auth-api';
import { AuthStore } from './auth-store';
import { authResponse } from './auth-test-data';
import { authInterceptor } from './auth.interceptor';

const REFRESH = `${AUTH_URL}/refresh`;
const unauthorized = { status: 401, statusText: 'Unauthorized' };
const apiError = { code: 'UNAUTHORIZED', message: 'Token expired.', correlationId: 'c' };

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let store: AuthStore;
  let navigate: jest.SpyInstance;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    store = TestBed.inject(AuthStore);
    navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('sends the access token to the API only, and never stores it', () => {
    store.setSession(authResponse('token-1'));
    http.get('/api/v1/me').subscribe();
    http.get('/assets/x.json').subscribe();
    expect(backend.expectOne('/api/v1/me').request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(backend.expectOne('/assets/x.json').request.headers.has('Authorization')).toBe(false);
    expect(JSON.stringify(localStorage)).not.toContain('token-1');
    expect(store.status()).toBe('authenticated');
  });

  it('refreshes once on a 401 and retries with the new token, without the user noticing', () => {
    store.setSession(authResponse('old'));
    let answer: unknown;
    http.get('/api/v1/audit').subscribe((body) => (answer = body));
    backend.expectOne('/api/v1/audit').flush(apiError, unauthorized);

    const refresh = backend.expectOne(REFRESH);
    expect(refresh.request.method).toBe('POST');
    refresh.flush(authResponse('new'));

    const retry = backend.expectOne('/api/v1/audit');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush([{ id: 'e1' }]);
    expect(answer).toEqual([{ id: 'e1' }]);
    expect(store.accessToken()).toBe('new');
    expect(navigate).not.toHaveBeenCalled();
  });

  it('shares one refresh between concurrent 401s', () => {
    store.setSession(authResponse('old'));
    const answers: unknown[] = [];
    for (const url of ['/api/v1/audit', '/api/v1/me', '/api/v1/organizations/x/members'])
      http.get(url).subscribe((body) => answers.push(body));
    for (const url of ['/api/v1/audit', '/api/v1/me', '/api/v1/organizations/x/members'])
      backend.expectOne(url).flush(apiError, unauthorized);

    backend.expectOne(REFRESH).flush(authResponse('new'));
    const retries = backend.match((request) => request.headers.get('Authorization') === 'Bearer new');
    expect(retries).toHaveLength(3);
    for (const retry of retries) retry.flush('ok');
    expect(answers).toEqual(['ok', 'ok', 'ok']);
  });

  it('signs out and opens the sign-in page with a return URL when the refresh fails', () => {
    store.setSession(authResponse('old'));
    let failure: unknown;
    http.get('/api/v1/audit').subscribe({ error: (error: unknown) => (failure = error) });
    backend.expectOne('/api/v1/audit').flush(apiError, unauthorized);
    backend.expectOne(REFRESH).flush(apiError, unauthorized);

    expect(store.status()).toBe('anonymous');
    expect(store.accessToken()).toBeNull();
    expect(store.me()).toBeNull();
    expect(failure).toBeInstanceOf(HttpErrorResponse);
    expect(navigate).toHaveBeenCalledWith(['/login'], { queryParams: { returnUrl: '/' } });
  });

  it('does not refresh for a 401 of the auth endpoints themselves (wrong password)', () => {
    let failure: unknown;
    http
      .post(`${AUTH_URL}/login`, { email: 'a', password: 'b' })
      .subscribe({ error: (error: unknown) => (failure = error) });
    backend.expectOne(`${AUTH_URL}/login`).flush(apiError, unauthorized);
    backend.expectNone(REFRESH);
    expect((failure as HttpErrorResponse).status).toBe(401);
  });
});

describe('AuthStore', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
  });

  it('restores the session from the refresh cookie at start-up', async () => {
    const store = TestBed.inject(AuthStore);
    expect(store.status()).toBe('unknown');
    const restored = store.restore();
    TestBed.inject(HttpTestingController).expectOne(REFRESH).flush(authResponse('t', undefined));
    await restored;
    expect(store.status()).toBe('authenticated');
    expect(store.accessToken()).toBe('t');
  });

  it('is anonymous when there is no session, and checks permissions of the active role', async () => {
    const store = TestBed.inject(AuthStore);
    const restored = store.restore();
    TestBed.inject(HttpTestingController).expectOne(REFRESH).flush(apiError, unauthorized);
    await restored;
    expect(store.status()).toBe('anonymous');
    expect(store.can('members:read')).toBe(false);

    store.setSession(authResponse('t', { ...authResponse('t').me, permissions: ['members:read'] }));
    expect(store.can('members:read')).toBe(true);
    expect(store.can('audit:read')).toBe(false);
  });
});
