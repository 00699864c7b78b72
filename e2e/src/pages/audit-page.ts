import { expect, type Locator, type Page } from '@playwright/test';

/** `/audit`: the organization's audit events and the chain check. */
export class AuditPage {
  readonly actions: Locator;

  constructor(private readonly page: Page) {
    this.actions = page.getByTestId('audit-row').getByTestId('audit-action');
  }

  async expectActions(expected: readonly string[]): Promise<void> {
    for (const action of expected)
      await expect(this.actions.filter({ hasText: action }).first()).toBeVisible();
  }

  async verifyChain(): Promise<Locator> {
    await this.page.getByTestId('audit-verify').click();
    const result = this.page.getByTestId('audit-verify-result');
    await expect(result).not.toBeEmpty();
    return result;
  }
}
