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
import { SignupPage } from './signup-page';

describe('SignupPage', () => {
  let fixture: ComponentFixture<SignupPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      imports: [SignupPage],
      providers: [
        provideRouter([]),
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideIdentityI18n(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SignupPage);
    await fixture.whenStable();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;

  async function fill(password: string): Promise<void> {
    const values: Record<string, string> = {
      'signup-name': 'Olivia Owner',
      'signup-email': 'owner@example.test',
      'signup-password': password,
      'signup-organization': 'Acme',
    };
    for (const [id, value] of Object.entries(values)) {
      const input = element().querySelector<HTMLInputElement>(`[data-testid="${id}"]`);
      if (!input) throw new Error(id);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    element().querySelector<HTMLButtonElement>('[data-testid="signup-submit"]')?.click();
    await fixture.whenStable();
  }

  it('states the password policy and shows why the API refused a password', async () => {
    expect(element().textContent).toContain('At least 12 characters; common passwords are refused.');
    await fill('password1234');
    const request = backend.expectOne(`${AUTH_URL}/register`);
    expect(request.request.body).toEqual({
      name: 'Olivia Owner',
      email: 'owner@example.test',
      password: 'password1234',
      organizationName: 'Acme',
    });
    request.flush(
      {
        code: 'VALIDATION_FAILED',
        message: 'This password is too common.',
        details: [{ field: 'password', reasons: ['common'] }],
        correlationId: 'c',
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(element().querySelector('[data-testid="password-error"]')?.textContent?.trim()).toBe(
      'This password is too common.',
    );
    expect(TestBed.inject(AuthStore).status()).not.toBe('authenticated');
  });

  it('does not send a password shorter than 12 characters', async () => {
    await fill('short');
    backend.expectNone(`${AUTH_URL}/register`);
    expect(element().querySelector('mat-error')?.textContent?.trim()).toBe('At least 12 characters.');
  });

  it('signs the new owner in', async () => {
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await fill('correct horse battery staple 42');
    backend.expectOne(`${AUTH_URL}/register`).flush(authResponse('t'));
    expect(TestBed.inject(AuthStore).status()).toBe('authenticated');
    expect(navigate).toHaveBeenCalledWith('/');
  });
});
