import { expect, type Locator, type Page } from '@playwright/test';

/** `/members`: member table, role selects, invite form. */
export class MembersPage {
  constructor(private readonly page: Page) {}

  row(email: string): Locator {
    return this.page.getByTestId(`member-row-${email}`);
  }

  /** Picks an option of an open `mat-select` (its panel lives in the overlay container). */
  private async choose(select: Locator, label: string): Promise<void> {
    await select.click();
    await this.page.getByRole('option', { name: label, exact: true }).click();
    await expect(this.page.getByRole('listbox')).toHaveCount(0);
  }

  /** Invites `email` as `roleLabel` and returns the invitation link the page shows. */
  async invite(email: string, roleLabel: string): Promise<string> {
    await this.page.getByTestId('invite-email').fill(email);
    await this.choose(this.page.getByTestId('invite-role'), roleLabel);
    await this.page.getByTestId('invite-submit').click();
    const link = this.page.getByTestId('invitation-link');
    await expect(link).toContainText('/invitations/');
    return (await link.textContent())?.trim() ?? '';
  }

  async changeRole(email: string, roleLabel: string): Promise<void> {
    const select = this.row(email).getByTestId('member-role');
    await this.choose(select, roleLabel);
    await expect(select).toContainText(roleLabel);
    await expect(this.page.getByTestId('members-notice')).toContainText(roleLabel);
  }
}
