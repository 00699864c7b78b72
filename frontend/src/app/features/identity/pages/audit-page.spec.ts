import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import type { AuditVerifyResponse } from '@beacon/contracts';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse, me } from '../../../core/auth/auth-test-data';
import { authInterceptor } from '../../../core/auth/auth.interceptor';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { I18n } from '../../../core/i18n/i18n';
import { provideIdentityI18n } from '../i18n/identity-i18n';
import { AuditPage } from './audit-page';

const BROKEN: AuditVerifyResponse = {
  valid: false,
  checked: 12,
  firstBrokenEventId: '4',
  brokenEvents: [
    { eventId: '4', reasons: ['content-altered'] },
    { eventId: '9', reasons: ['content-altered', 'link-broken'] },
  ],
};

describe('AuditPage', () => {
  let fixture: ComponentFixture<AuditPage>;
  let backend: HttpTestingController;

  async function open(locale: 'en' | 'fr'): Promise<void> {
    localStorage.clear();
    TestBed.configureTestingModule({
      imports: [AuditPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor, authInterceptor])),
        provideHttpClientTesting(),
        provideIdentityI18n(),
      ],
    });
    TestBed.inject(I18n).setLocale(locale);
    TestBed.inject(AuthStore).setSession(authResponse('t', me({}, ['audit:read'])));
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(AuditPage);
    await fixture.whenStable();
    backend.expectOne('/api/v1/audit').flush([]);
    await fixture.whenStable();
  }

  async function verify(answer: AuditVerifyResponse): Promise<void> {
    const button = await TestbedHarnessEnvironment.loader(fixture).getHarness(
      MatButtonHarness.with({ selector: '[data-testid="audit-verify"]' }),
    );
    await button.click();
    backend.expectOne('/api/v1/audit/verify').flush(answer);
    await fixture.whenStable();
  }

  const text = (testId: string): string[] =>
    [...(fixture.nativeElement as HTMLElement).querySelectorAll(`[data-testid="${testId}"]`)].map((e) =>
      e.textContent.trim(),
    );

  afterEach(() => {
    fixture.destroy();
    backend.verify();
  });

  it('lists every event that fails verification, with its reasons', async () => {
    await open('en');
    await verify(BROKEN);
    expect(text('audit-verify-result')).toEqual(['The chain is broken: 2 of 12 events fail verification.']);
    expect(text('audit-broken-event')).toEqual([
      'Event 4: its content no longer matches its hash',
      'Event 9: its content no longer matches its hash, it no longer links to the event before it',
    ]);
  });

  it('says so in French', async () => {
    await open('fr');
    await verify(BROKEN);
    expect(text('audit-broken-event')[1]).toBe(
      'Événement 9 : son contenu ne correspond plus à son empreinte, il n’est plus relié à l’événement précédent',
    );
  });

  it('lists nothing when the chain is intact', async () => {
    await open('en');
    await verify({ valid: true, checked: 12, firstBrokenEventId: null, brokenEvents: [] });
    expect(text('audit-verify-result')).toEqual(['The chain is intact (12 events checked).']);
    expect(text('audit-broken-event')).toEqual([]);
  });
});
