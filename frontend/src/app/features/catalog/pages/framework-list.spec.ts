import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { I18n } from '../../../core/i18n/i18n';
import { catalogRoutes } from '../catalog.routes';
import { FRAMEWORKS_URL } from '../data/catalog-api';
import { MSM, summaries } from '../data/catalog-test-data';

describe('FrameworkList', () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'frameworks', children: catalogRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  it('shows a card per framework with its newest version and counts, in both languages', async () => {
    await harness.navigateByUrl('/frameworks');
    backend.expectOne(FRAMEWORKS_URL).flush(summaries());
    await harness.fixture.whenStable();
    const element = harness.routeNativeElement as HTMLElement;

    expect(element.querySelector('[data-testid="page-title"]')?.textContent?.trim()).toBe('Frameworks');
    const card = element.querySelector(`[data-testid="framework-card-${MSM}"]`);
    expect(card?.querySelector('a')?.getAttribute('href')).toBe(`/frameworks/${MSM}/versions/1.0.0`);
    expect(card?.textContent).toContain('Minimum child safety measures');
    expect(card?.querySelector('[data-testid="latest-version"]')?.textContent?.trim()).toBe(
      'Latest version 1.0.0',
    );
    expect(card?.querySelector('[data-testid="count-requirements"]')?.textContent?.trim()).toBe('6');
    expect(card?.querySelector('[data-testid="count-critical"]')?.textContent?.trim()).toBe('3');

    TestBed.inject(I18n).setLocale('fr');
    await harness.fixture.whenStable();
    expect(element.querySelector('[data-testid="page-title"]')?.textContent?.trim()).toBe('Référentiels');
    expect(card?.textContent).toContain('Mesures minimales de sécurité des enfants');
  });
});
