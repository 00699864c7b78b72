import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { Router, TitleStrategy, provideRouter } from '@angular/router';
import { App } from './app';
import { routes } from './app.routes';
import { AuthStore } from './core/auth/auth-store';
import { authResponse, me } from './core/auth/auth-test-data';
import { LOCALE_STORAGE_KEY } from './core/i18n/i18n';
import { I18nTitleStrategy } from './core/i18n/title-strategy';
import { provideAppIcons } from './core/layout/icons';

describe('App shell', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter(routes),
        { provide: TitleStrategy, useExisting: I18nTitleStrategy },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideAppIcons(),
      ],
    });
  });

  afterEach(() => jest.restoreAllMocks());

  async function render() {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    return {
      fixture,
      element: fixture.nativeElement as HTMLElement,
      loader: TestbedHarnessEnvironment.loader(fixture),
    };
  }

  it('has header, navigation and main landmarks, and the home page', async () => {
    const { element } = await render();
    expect(element.querySelector('header mat-toolbar')?.textContent).toContain('Beacon');
    expect(element.querySelector('nav')?.getAttribute('aria-label')).toBe('Main navigation');
    expect(element.querySelector('main#main-content')).not.toBeNull();
    expect(element.querySelector('[data-testid="nav-home"]')?.getAttribute('aria-current')).toBe('page');
    expect(element.querySelector('[data-testid="nav-status"]')?.getAttribute('href')).toBe('/status');
    expect(element.querySelector('[data-testid="nav-frameworks"]')?.getAttribute('href')).toBe('/frameworks');
    expect(element.querySelector('[data-testid="nav-frameworks"]')?.textContent?.trim()).toBe('Frameworks');
    expect(element.querySelector('[data-testid="page-title"]')?.textContent?.trim()).toBe(
      'Welcome to Beacon',
    );
    expect(document.title).toBe('Home · Beacon');
  });

  it('switches to French from the toolbar and remembers it', async () => {
    const { element, loader, fixture } = await render();
    const french = await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="lang-fr"]' }));
    const pressed = async (): Promise<string | null> => (await french.host()).getAttribute('aria-pressed');
    expect(await pressed()).toBe('false');

    await french.click();
    await fixture.whenStable();

    expect(await pressed()).toBe('true');
    expect(document.documentElement.lang).toBe('fr');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('fr');
    expect(element.querySelector('[data-testid="nav-home"]')?.textContent?.trim()).toBe('Accueil');
    expect(element.querySelector('[data-testid="nav-status"]')?.textContent?.trim()).toBe('État du système');
    expect(element.querySelector('[data-testid="page-title"]')?.textContent?.trim()).toBe(
      'Bienvenue sur Beacon',
    );
    expect(document.title).toBe('Accueil · Beacon');
  });

  it('lazy-loads the status page', async () => {
    const { element, fixture } = await render();
    await TestBed.inject(Router).navigateByUrl('/status');
    TestBed.inject(HttpTestingController).expectOne('/api/v1/status').flush({
      api: 'up',
      database: 'up',
      redis: 'up',
      worker: 'up',
      workers: [],
      version: '0.1.0',
      checkedAt: '2026-01-01T00:00:00Z',
    });
    await fixture.whenStable();
    expect(element.querySelector('[data-testid="page-title"]')?.textContent?.trim()).toBe('System status');
    expect(
      element.querySelector('[data-testid="status-api"] [data-testid="state"]')?.textContent?.trim(),
    ).toBe('Healthy');
    expect(element.querySelector('[data-testid="nav-status"]')?.getAttribute('aria-current')).toBe('page');
    fixture.destroy();
  });

  it('offers sign-in and sign-up to anonymous visitors, and hides members and audit', async () => {
    TestBed.inject(AuthStore).clear();
    const { element } = await render();
    expect(element.querySelector('[data-testid="sign-in"]')?.getAttribute('href')).toBe('/login');
    expect(element.querySelector('[data-testid="sign-up"]')?.getAttribute('href')).toBe('/signup');
    expect(element.querySelector('[data-testid="nav-members"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-audit"]')).toBeNull();
  });

  it('shows signed-in users their organization menu and only the links their role allows', async () => {
    TestBed.inject(AuthStore).setSession(authResponse('t', me({}, ['members:read'])));
    const { element, fixture } = await render();
    for (let attempt = 0; attempt < 50 && !element.querySelector('[data-testid="org-switcher"]'); attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
      await fixture.whenStable();
    }
    expect(element.querySelector('[data-testid="org-switcher"]')?.textContent?.trim()).toBe('Acme');
    expect(element.querySelector('[data-testid="sign-in"]')).toBeNull();
    expect(element.querySelector('[data-testid="nav-members"]')?.getAttribute('href')).toBe('/members');
    expect(element.querySelector('[data-testid="nav-audit"]')).toBeNull();
  });
});
