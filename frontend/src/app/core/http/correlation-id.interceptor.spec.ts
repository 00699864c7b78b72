import { HttpClient, HttpHeaders, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiBaseUrlInterceptor } from './api-base-url.interceptor';
import { API_BASE_URL } from './api-url';
import {
  CORRELATION_ID_HEADER,
  correlationIdInterceptor,
  newCorrelationId,
} from './correlation-id.interceptor';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function setUp(baseUrl?: string): { http: HttpClient; backend: HttpTestingController } {
  TestBed.configureTestingModule({
    providers: [
      provideHttpClient(withInterceptors([apiBaseUrlInterceptor, correlationIdInterceptor])),
      provideHttpClientTesting(),
      ...(baseUrl === undefined ? [] : [{ provide: API_BASE_URL, useValue: baseUrl }]),
    ],
  });
  return { http: TestBed.inject(HttpClient), backend: TestBed.inject(HttpTestingController) };
}

describe('correlationIdInterceptor', () => {
  it('sets a fresh x-correlation-id on every API request', () => {
    const { http, backend } = setUp();
    http.get('/api/v1/status').subscribe();
    http.post('/api/v1/status/probes', {}).subscribe();
    const [first, second] = backend.match((request) => request.url.startsWith('/api/'));
    const ids = [first, second].map((request) => request?.request.headers.get(CORRELATION_ID_HEADER));
    expect(ids[0]).toMatch(UUID_V4);
    expect(ids[1]).toMatch(UUID_V4);
    expect(ids[0]).not.toBe(ids[1]);
    backend.verify();
  });

  it('keeps an id the caller set and leaves non-API requests alone', () => {
    const { http, backend } = setUp();
    http.get('/api/v1/status', { headers: new HttpHeaders({ [CORRELATION_ID_HEADER]: 'mine' }) }).subscribe();
    http.get('/favicon.svg', { responseType: 'text' }).subscribe();
    expect(backend.expectOne('/api/v1/status').request.headers.get(CORRELATION_ID_HEADER)).toBe('mine');
    expect(backend.expectOne('/favicon.svg').request.headers.has(CORRELATION_ID_HEADER)).toBe(false);
    backend.verify();
  });

  it('follows the configured API base URL', () => {
    const { http, backend } = setUp('https://api.example.org/');
    http.get('/api/v1/status').subscribe();
    const request = backend.expectOne('https://api.example.org/api/v1/status');
    expect(request.request.headers.get(CORRELATION_ID_HEADER)).toMatch(UUID_V4);
    backend.verify();
  });
});

describe('newCorrelationId', () => {
  afterEach(() => jest.restoreAllMocks());

  it('builds a UUID v4 where crypto.randomUUID is unavailable (plain HTTP)', () => {
    const original = Object.getOwnPropertyDescriptor(crypto, 'randomUUID');
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(newCorrelationId()).toMatch(UUID_V4);
    } finally {
      if (original) Object.defineProperty(crypto, 'randomUUID', original);
      else delete (crypto as Partial<Crypto>).randomUUID;
    }
  });
});
