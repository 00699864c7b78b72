import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { I18n } from '../i18n/i18n';
import { acceptLanguageInterceptor } from './accept-language.interceptor';

describe('acceptLanguageInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([acceptLanguageInterceptor])),
        provideHttpClientTesting(),
      ],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('asks the API for the language the app shows, also after a switch', () => {
    http.get('/api/v1/me').subscribe();
    expect(backend.expectOne('/api/v1/me').request.headers.get('Accept-Language')).toBe('en');
    TestBed.inject(I18n).setLocale('fr');
    http.put('/api/v1/assessments/a/answers/q', {}).subscribe();
    expect(backend.expectOne('/api/v1/assessments/a/answers/q').request.headers.get('Accept-Language')).toBe(
      'fr',
    );
  });

  it('leaves other requests alone', () => {
    TestBed.inject(I18n).setLocale('fr');
    http.get('/favicon.svg', { responseType: 'text' }).subscribe();
    expect(backend.expectOne('/favicon.svg').request.headers.has('Accept-Language')).toBe(false);
  });
});
