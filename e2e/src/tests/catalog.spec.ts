import { expect, test } from '@playwright/test';
import { CatalogPage } from '../pages/catalog-page';
import { ShellPage } from '../pages/shell-page';

const MSM = 'ncmec-minimum-safety-measures';
const VP = 'five-country-voluntary-principles';

test.describe('framework catalogue', () => {
  test('browses a framework in French, filters it and follows a crosswalk', async ({ page }) => {
    const shell = new ShellPage(page);
    const catalog = new CatalogPage(page);
    await shell.open('/');
    await shell.switchLanguage('en');
    await catalog.goToFrameworks();
    await expect(catalog.title).toHaveText('Frameworks');
    await expect(catalog.card(MSM)).toContainText('5'); // requirements in the list's counts

    await shell.switchLanguage('fr');
    await expect(catalog.title).toHaveText('Référentiels');
    await expect(page.getByTestId('nav-frameworks')).toHaveText('Référentiels');

    await catalog.openFramework(MSM);
    await expect(catalog.title).toHaveText(
      'Position du NCMEC — Mesures minimales de sécurité des enfants sur les plateformes en ligne',
    );
    await expect(catalog.criticalBadge('MSM-1')).toHaveText('Critique');

    // No filter: all five requirements, MSM-5 (user images or video only) included.
    await catalog.expandAll();
    await expect(catalog.applicableCount).toHaveText('5 exigences sur 5 s’appliquent');
    await expect(catalog.requirement('MSM-5')).toBeVisible();

    // A livestreaming-only service: MSM-5 does not apply, MSM-4 (generative AI or livestreaming) does.
    await catalog.toggleFeature('livestreaming');
    await expect(catalog.applicableCount).toHaveText('4 exigences sur 5 s’appliquent');
    await expect(page).toHaveURL(/[?&]features=livestreaming(&|#|$)/);
    await catalog.expandAll();
    await expect(catalog.requirement('MSM-5')).toHaveCount(0);
    await expect(catalog.requirement('MSM-4')).toBeVisible();
    await expect(catalog.requirement('MSM-1')).toBeVisible();

    // MSM-1 maps to VP-1 of the Voluntary Principles.
    const link = catalog.crosswalkLink('MSM-1', 'VP-1');
    await expect(link).toHaveAttribute('href', `/frameworks/${VP}/versions/1.0.0#VP-1`);
    await expect(link.locator('xpath=..')).toContainText('recoupement');
    await link.click();
    await expect(page).toHaveURL(new RegExp(`/frameworks/${VP}/versions/1\\.0\\.0#VP-1$`));
    await expect(catalog.title).toHaveText(
      "Principes volontaires pour lutter contre l'exploitation et les abus sexuels d'enfants en ligne",
    );
    await expect(catalog.requirement('VP-1')).toBeInViewport();
    await expect(catalog.requirement('VP-1')).toHaveClass(/highlighted/);
    // The filter belonged to the other framework's page.
    await expect(catalog.applicableCount).toHaveText('11 exigences sur 11 s’appliquent');
  });

  test('opens the newest version and scrolls to a linked requirement further down', async ({ page }) => {
    const shell = new ShellPage(page);
    const catalog = new CatalogPage(page);
    await shell.open('/');
    await shell.switchLanguage('en');

    await page.goto(`/frameworks/${VP}#VP-9`);
    await expect(page).toHaveURL(new RegExp(`/frameworks/${VP}/versions/1\\.0\\.0#VP-9$`));
    await expect(catalog.requirement('VP-9')).toBeInViewport();
    await expect(catalog.requirement('VP-9')).toHaveClass(/highlighted/);
    // A section not asked for stays closed, so its requirements are not rendered.
    await expect(catalog.requirement('VP-5')).toHaveCount(0);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-oscal').click(),
    ]);
    expect(download.url()).toContain(`/api/v1/frameworks/${VP}/versions/1.0.0/oscal`);
  });
});
