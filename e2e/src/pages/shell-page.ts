import { expect, type Locator, type Page } from '@playwright/test';

/** The application shell: toolbar, language switch, navigation. */
export class ShellPage {
  readonly title: Locator;

  constructor(private readonly page: Page) {
    this.title = page.getByTestId('page-title');
  }

  async open(path = '/'): Promise<void> {
    await this.page.goto(path);
    await expect(this.title).toBeVisible();
  }

  async switchLanguage(locale: 'en' | 'fr'): Promise<void> {
    await this.page.getByTestId(`lang-${locale}`).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', locale);
  }

  async goToStatus(): Promise<void> {
    await this.page.getByTestId('nav-status').click();
  }
}
