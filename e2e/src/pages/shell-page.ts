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

  /** Signed in: the organization switcher is in the toolbar, the sign-in link is not. */
  async expectSignedIn(): Promise<void> {
    await expect(this.page.getByTestId('org-switcher')).toBeVisible();
    await expect(this.page.getByTestId('sign-in')).toHaveCount(0);
  }

  async expectAnonymous(): Promise<void> {
    await expect(this.page.getByTestId('sign-in')).toBeVisible();
    await expect(this.page.getByTestId('org-switcher')).toHaveCount(0);
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('user-menu').click();
    await this.page.getByTestId('sign-out').click();
    await this.expectAnonymous();
  }

  async goToMembers(): Promise<void> {
    await this.page.getByTestId('nav-members').click();
    await expect(this.title).toHaveText('Members');
  }

  async goToAudit(): Promise<void> {
    await this.page.getByTestId('nav-audit').click();
    await expect(this.title).toHaveText('Audit log');
  }
}
