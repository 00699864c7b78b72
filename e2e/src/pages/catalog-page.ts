import { expect, type Locator, type Page } from '@playwright/test';

/** The framework catalogue: the list of frameworks and one framework's page. */
export class CatalogPage {
  readonly title: Locator;
  readonly applicableCount: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId('page-title');
    this.applicableCount = page.getByTestId('applicable-count');
  }

  async goToFrameworks(): Promise<void> {
    await this.page.getByTestId('nav-frameworks').click();
    await expect(this.page).toHaveURL(/\/frameworks$/);
  }

  card(slug: string): Locator {
    return this.page.getByTestId(`framework-card-${slug}`);
  }

  async openFramework(slug: string): Promise<void> {
    await this.card(slug).getByRole('link').click();
    await expect(this.page).toHaveURL(new RegExp(`/frameworks/${slug}/versions/`));
    await expect(this.applicableCount).toBeVisible();
  }

  /** Opens every section (sections render their requirements only when open). */
  async expandAll(): Promise<void> {
    await this.page.getByTestId('expand-all').click();
  }

  requirement(key: string): Locator {
    return this.page.getByTestId(`requirement-${key}`);
  }

  criticalBadge(key: string): Locator {
    return this.requirement(key).getByTestId('critical-badge');
  }

  featureFilter(feature: string): Locator {
    return this.page.getByTestId(`feature-filter-${feature}`);
  }

  async toggleFeature(feature: string): Promise<void> {
    await this.featureFilter(feature).click();
  }

  crosswalkLink(fromKey: string, toKey: string): Locator {
    return this.page.getByTestId(`crosswalk-${fromKey}`).getByTestId(`crosswalk-link-${toKey}`);
  }
}
