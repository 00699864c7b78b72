import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AUTH_URL } from '../../../core/auth/auth-api';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse } from '../../../core/auth/auth-test-data';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { provideIdentityI18n } from '../i18n/identity-i18n';
import { LoginPage, safeReturnUrl } from './login-page';

describe('LoginPage', () => {
  let fixture: ComponentFixture<LoginPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideIdentityI18n(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LoginPage);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const byTestId = <T extends HTMLElement>(id: string): T =>
    element().querySelector<T>(`[data-testid="${id}"]`) as T;

  async function submit(email: string, password: string): Promise<void> {
    for (const [id, value] of [
      ['login-email', email],
      ['login-password', password],
    ] as const) {
      const input = byTestId<HTMLInputElement>(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    byTestId<HTMLButtonElement>('login-submit').click();
    await fixture.whenStable();
  }

  it('has labelled fields and a submit button', () => {
    expect(byTestId('page-title').textContent?.trim()).toBe('Sign in');
    const labels = [...element().querySelectorAll('mat-label')].map((label) => label.textContent?.trim());
    expect(labels).toEqual(['Email', 'Password']);
  });

  it('shows a clear message on wrong credentials, without signing in', async () => {
    await submit('owner@example.test', 'wrong password!');
    const request = backend.expectOne(`${AUTH_URL}/login`);
    expect(request.request.body).toEqual({ email: 'owner@example.test', password: 'wrong password!' });
    request.flush(
      { code: 'INVALID_CREDENTIALS', message: 'Invalid email or password.', correlationId: 'c' },
      { status: 401, statusText: 'Unauthorized' },
    );
    await fixture.whenStable();
    expect(byTestId('login-error').textContent?.trim()).toBe('Wrong email or password.');
    expect(TestBed.inject(AuthStore).status()).not.toBe('authenticated');
  });

  it('says when to try again after too many attempts', async () => {
    await submit('owner@example.test', 'wrong password!');
    backend
      .expectOne(`${AUTH_URL}/login`)
      .flush(
        { code: 'TOO_MANY_ATTEMPTS', message: 'Too many attempts.', correlationId: 'c' },
        { status: 429, statusText: 'Too Many Requests', headers: { 'Retry-After': '42' } },
      );
    await fixture.whenStable();
    expect(byTestId('login-error').textContent?.trim()).toBe('Too many attempts. Try again in 42 seconds.');
  });

  it('signs in and goes to the return URL', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await submit('owner@example.test', 'correct horse battery staple 42');
    backend.expectOne(`${AUTH_URL}/login`).flush(authResponse('t'));
    expect(TestBed.inject(AuthStore).status()).toBe('authenticated');
    expect(navigate).toHaveBeenCalledWith('/');
  });
});

describe('safeReturnUrl', () => {
  it('keeps paths of this app only', () => {
    expect(safeReturnUrl('/members?x=1')).toBe('/members?x=1');
    expect(safeReturnUrl('//evil.example')).toBe('/');
    expect(safeReturnUrl('https://evil.example')).toBe('/');
    expect(safeReturnUrl(null)).toBe('/');
  });
});
