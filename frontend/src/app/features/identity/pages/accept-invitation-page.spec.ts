import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { InvitationPreviewResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse, me } from '../../../core/auth/auth-test-data';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { API } from '../data/identity-api';
import { provideIdentityI18n } from '../i18n/identity-i18n';
import { AcceptInvitationPage } from './accept-invitation-page';

const TOKEN = 'T'.repeat(43);
const PREVIEW: InvitationPreviewResponse = {
  organizationName: 'Acme',
  organizationType: 'company',
  role: 'viewer',
  email: 'guest@example.test',
  expiresAt: '2030-01-01T00:00:00.000Z',
};

describe('AcceptInvitationPage', () => {
  let backend: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'invitations/:token', component: AcceptInvitationPage }]),
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideIdentityI18n(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  async function open(): Promise<void> {
    await harness.navigateByUrl(`/invitations/${TOKEN}`, AcceptInvitationPage);
    backend.expectOne(`${API}/invitations/${TOKEN}`).flush(PREVIEW);
    await harness.fixture.whenStable();
  }
  const byTestId = <T extends HTMLElement>(id: string): T | null =>
    (harness.routeNativeElement as HTMLElement).querySelector<T>(`[data-testid="${id}"]`);

  async function createAccount(): Promise<void> {
    for (const [id, value] of [
      ['accept-name', 'Gus Guest'],
      ['accept-password', 'correct horse battery staple 42'],
    ] as const) {
      const input = byTestId<HTMLInputElement>(id)!;
      input.value = value;
      input.dispatchEvent(new Event('input'));
    }
    byTestId<HTMLButtonElement>('accept-submit')!.click();
    await harness.fixture.whenStable();
  }

  it('offers both signing in (and coming back) and creating a password, and never asks for a current password', async () => {
    await open();
    const signIn = byTestId<HTMLAnchorElement>('accept-sign-in')!;
    const target = new URL(signIn.href, 'http://localhost');
    expect(target.pathname).toBe('/login');
    expect(target.searchParams.get('returnUrl')).toBe(`/invitations/${TOKEN}`);
    expect(target.searchParams.get('email')).toBe(PREVIEW.email);
    expect(byTestId('accept-name')).not.toBeNull();
    expect(byTestId<HTMLInputElement>('accept-password')!.autocomplete).toBe('new-password');
    expect(byTestId('accept-signed-in')).toBeNull();
  });

  it('creates the account with a name and a password', async () => {
    await open();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    await createAccount();
    const request = backend.expectOne(`${API}/invitations/${TOKEN}/accept`);
    expect(request.request.body).toEqual({ name: 'Gus Guest', password: 'correct horse battery staple 42' });
    request.flush(authResponse('t'));
    expect(TestBed.inject(AuthStore).status()).toBe('authenticated');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('sends an existing account to sign in when the address is taken', async () => {
    await open();
    await createAccount();
    backend
      .expectOne(`${API}/invitations/${TOKEN}/accept`)
      .flush(
        {
          code: 'EMAIL_TAKEN',
          message: 'taken',
          details: [{ field: 'email', reasons: ['already registered'] }],
          correlationId: 'c',
        },
        { status: 409, statusText: 'Conflict' },
      );
    await harness.fixture.whenStable();
    expect(byTestId('accept-error')?.textContent?.trim()).toBe(
      'An account with guest@example.test already exists: sign in to accept the invitation.',
    );
    expect(byTestId('accept-sign-in')).not.toBeNull();
  });

  it('accepts as the signed-in invited account, with no password', async () => {
    TestBed.inject(AuthStore).setSession(
      authResponse('old', me({ user: { id: 'u', email: PREVIEW.email, name: 'Gus' } })),
    );
    await open();
    expect(byTestId('accept-name')).toBeNull();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    byTestId<HTMLButtonElement>('accept-signed-in')!.click();
    const request = backend.expectOne(`${API}/me/invitations/${TOKEN}/accept`);
    expect(request.request.headers.get('Authorization')).toBe('Bearer old');
    expect(request.request.body).toEqual({});
    request.flush(authResponse('new'));
    expect(TestBed.inject(AuthStore).accessToken()).toBe('new');
    expect(navigate).toHaveBeenCalledWith('/');
  });

  it('tells another signed-in account whom the invitation is for', async () => {
    TestBed.inject(AuthStore).setSession(authResponse('t'));
    await open();
    expect(byTestId('other-account')?.textContent?.trim()).toBe(
      'You are signed in as owner@example.test, but this invitation is for guest@example.test.',
    );
    expect(byTestId('accept-signed-in')).toBeNull();
  });
});
