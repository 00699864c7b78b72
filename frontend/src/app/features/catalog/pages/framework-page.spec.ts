import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatCheckboxHarness } from '@angular/material/checkbox/testing';
import { MatExpansionPanelHarness } from '@angular/material/expansion/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { I18n } from '../../../core/i18n/i18n';
import { catalogRoutes } from '../catalog.routes';
import { FRAMEWORKS_URL, MAPPINGS_URL, frameworkVersionUrl } from '../data/catalog-api';
import { MSM, mappingsFromMsm, mappingsToMsm, msmVersion, summaries } from '../data/catalog-test-data';

describe('FrameworkPage', () => {
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;
  let backend: HttpTestingController;
  const PAGE = `/frameworks/${MSM}/versions/1.0.0`;

  beforeEach(async () => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
    Element.prototype.scrollIntoView = jest.fn();
    TestBed.configureTestingModule({
      providers: [
        provideRouter([{ path: 'frameworks', children: catalogRoutes }]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  });

  afterEach(() => {
    backend.verify();
    jest.restoreAllMocks();
  });

  /** Navigates and answers the list, version and mapping requests. */
  async function open(url = PAGE): Promise<void> {
    const navigation = harness.navigateByUrl(url);
    await new Promise((resolve) => setTimeout(resolve));
    await navigation;
    backend.expectOne(FRAMEWORKS_URL).flush(summaries());
    backend.expectOne(frameworkVersionUrl(MSM, '1.0.0')).flush(msmVersion());
    backend.expectOne(`${MAPPINGS_URL}?from=${MSM}`).flush(mappingsFromMsm());
    backend.expectOne(`${MAPPINGS_URL}?to=${MSM}`).flush(mappingsToMsm());
    await harness.fixture.whenStable();
  }

  const element = (): HTMLElement => harness.routeNativeElement as HTMLElement;
  const text = (selector: string): string | undefined =>
    element().querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim();
  const requirement = (key: string): HTMLElement | null =>
    element().querySelector(`[data-testid="requirement-${key}"]`);

  async function expandAll(): Promise<void> {
    (element().querySelector('[data-testid="expand-all"]') as HTMLButtonElement).click();
    await harness.fixture.whenStable();
  }

  it('shows the framework, a critical badge on critical requirements, and the first section', async () => {
    await open();

    expect(text('[data-testid="page-title"]')).toBe('Minimum child safety measures');
    expect(text('[data-testid="content-hash"]')).toBe('Content hash 0123456789ab');
    expect(element().querySelector('[data-testid="export-oscal"]')?.getAttribute('href')).toBe(
      `/api/v1/frameworks/${MSM}/versions/1.0.0/oscal?locale=en`,
    );
    const panels = await loader.getAllHarnesses(MatExpansionPanelHarness);
    expect(await Promise.all(panels.map((panel) => panel.isExpanded()))).toEqual([true, false, false]);

    expect(requirement('MSM-1')?.id).toBe('MSM-1');
    expect(requirement('MSM-1')?.querySelector('[data-testid="critical-badge"]')?.textContent?.trim()).toBe(
      'Critical',
    );
    expect(requirement('MSM-2')?.querySelector('[data-testid="critical-badge"]')).toBeNull();
    const chips = [...requirement('MSM-1')!.querySelectorAll('[data-testid="applicability-chip"]')];
    expect(chips.map((chip) => chip.textContent?.trim())).toEqual([
      'User images or video',
      'Cloud file storage or sharing',
      'Livestreaming',
      'Generative AI',
    ]);
    expect(text('[data-testid="question-MSM-1-q2"] [data-testid="depends-on"]')).toBe(
      'Shown when MSM-1-q1 is partly or no',
    );
    expect(text('[data-testid="question-MSM-1-q4"]')).toContain('Unit: hours');
    expect(text('[data-testid="question-MSM-1-q4"]')).toContain('Maximum: 72');
    expect(requirement('MSM-4')).toBeNull(); // its section is closed, so not rendered

    await expandAll();
    expect(
      requirement('MSM-7')?.querySelector('[data-testid="applicability-chip"]')?.textContent?.trim(),
    ).toBe('All services');
  });

  it('links each crosswalk to the other framework’s requirement, in both directions', async () => {
    await open();

    const link = element().querySelector(
      '[data-testid="crosswalk-MSM-1"] [data-testid="crosswalk-link-VP-1"]',
    );
    expect(link?.getAttribute('href')).toBe(
      '/frameworks/five-country-voluntary-principles/versions/1.0.0#VP-1',
    );
    expect(link?.textContent).toContain('Voluntary Principles');
    const item = link?.closest('li');
    expect(item?.querySelector('[data-testid="relationship"]')?.textContent?.trim()).toBe('overlaps');
    expect(item?.querySelector('[data-testid="strength"]')?.textContent?.trim()).toBe('strength 8/10');
    expect(item?.textContent).toContain('Why MSM-1 maps to VP-1');

    await expandAll();
    const reverse = element().querySelector(
      '[data-testid="crosswalk-MSM-4"] [data-testid="crosswalk-link-VP-5"]',
    );
    expect(reverse?.getAttribute('href')).toBe(
      '/frameworks/five-country-voluntary-principles/versions/1.0.0#VP-5',
    );
    expect(reverse?.closest('li')?.querySelector('[data-testid="relationship"]')?.textContent?.trim()).toBe(
      'subset',
    );
  });

  it('filters on service features, with the count, and keeps the selection in the URL', async () => {
    await open();
    expect(text('[data-testid="applicable-count"]')).toBe('6 of 6 requirements apply');

    const livestreaming = await loader.getHarness(
      MatCheckboxHarness.with({ selector: '[data-testid="feature-filter-livestreaming"]' }),
    );
    await livestreaming.check();
    await harness.fixture.whenStable();

    expect(TestBed.inject(Router).url).toBe(`${PAGE}?features=livestreaming`);
    expect(text('[data-testid="applicable-count"]')).toBe('3 of 6 requirements apply');
    await expandAll();
    expect(requirement('MSM-1')).not.toBeNull();
    expect(requirement('MSM-4')).not.toBeNull();
    expect(requirement('MSM-2')).toBeNull();
    expect(requirement('MSM-5')).toBeNull();

    await livestreaming.uncheck();
    await harness.fixture.whenStable();
    expect(TestBed.inject(Router).url).toBe(PAGE);
    expect(text('[data-testid="applicable-count"]')).toBe('6 of 6 requirements apply');
  });

  it('restores the filter from a shared URL', async () => {
    await open(`${PAGE}?features=messaging,endToEndEncryption`);

    const selected = await loader.getAllHarnesses(MatCheckboxHarness.with({ checked: true }));
    expect(await Promise.all(selected.map((checkbox) => checkbox.getLabelText()))).toEqual([
      'User-to-user messaging',
      'End-to-end encryption',
    ]);
    expect(text('[data-testid="applicable-count"]')).toBe('2 of 6 requirements apply');
  });

  it('opens, highlights and scrolls to the requirement named in the fragment', async () => {
    await open(`${PAGE}#MSM-5`);
    await new Promise((resolve) => setTimeout(resolve, 10));

    const target = requirement('MSM-5');
    expect(target).not.toBeNull();
    expect(target?.classList).toContain('highlighted');
    expect(Element.prototype.scrollIntoView).toHaveBeenCalled();
  });

  it('speaks French after switching the language, without reloading', async () => {
    await open();
    TestBed.inject(I18n).setLocale('fr');
    await harness.fixture.whenStable();

    expect(text('[data-testid="page-title"]')).toBe('Mesures minimales de sécurité des enfants');
    expect(requirement('MSM-1')?.querySelector('[data-testid="critical-badge"]')?.textContent?.trim()).toBe(
      'Critique',
    );
    expect(text('[data-testid="requirement-MSM-1"] [data-testid="statement"]')).toBe('Énoncé MSM-1');
    expect(text('[data-testid="crosswalk-MSM-1"] [data-testid="relationship"]')).toBe('recoupement');
    expect(text('[data-testid="crosswalk-link-VP-1"]')).toContain('Principes volontaires');
    expect(text('[data-testid="applicable-count"]')).toBe('6 exigences sur 6 s’appliquent');
    expect(text('[data-testid="question-MSM-1-q2"] [data-testid="depends-on"]')).toBe(
      'Affichée lorsque MSM-1-q1 vaut en partie ou non',
    );
    expect(element().querySelector('[data-testid="export-oscal"]')?.getAttribute('href')).toContain(
      'locale=fr',
    );
  });

  it('opens the newest version for /frameworks/<slug>', async () => {
    const navigation = harness.navigateByUrl(`/frameworks/${MSM}`);
    await new Promise((resolve) => setTimeout(resolve));
    backend.expectOne(FRAMEWORKS_URL).flush(summaries());
    await navigation;
    expect(TestBed.inject(Router).url).toBe(PAGE);
    backend.expectOne(FRAMEWORKS_URL).flush(summaries());
    backend.expectOne(frameworkVersionUrl(MSM, '1.0.0')).flush(msmVersion());
    backend.match(() => true).forEach((request) => request.flush([]));
    await harness.fixture.whenStable();
    expect(text('[data-testid="page-title"]')).toBe('Minimum child safety measures');
  });
});
