import { expect, type Page } from '@playwright/test';

export interface NewAccount {
  name: string;
  email: string;
  password: string;
  organizationName: string;
}

/** A fresh company owner for one test run (unique e-mail, strong password). */
export function newAccount(label = 'owner'): NewAccount {
  const stamp = `${Date.now()}-${Math.floor(Math.random() * 1e6)}`;
  return {
    name: `Olivia ${label}`,
    email: `${label}-${stamp}@example.test`,
    password: 'correct horse battery staple 42',
    organizationName: `Acme ${stamp}`,
  };
}

/** `/signup` and `/login`. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(account: NewAccount): Promise<void> {
    await this.page.goto('/signup');
    await this.page.getByTestId('signup-name').fill(account.name);
    await this.page.getByTestId('signup-email').fill(account.email);
    await this.page.getByTestId('signup-password').fill(account.password);
    await this.page.getByTestId('signup-organization').fill(account.organizationName);
    await this.page.getByTestId('signup-submit').click();
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.getByTestId('login-email').fill(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
  }

  async expectSignInError(text: string): Promise<void> {
    await expect(this.page.getByTestId('login-error')).toHaveText(text);
  }
}

/** `/invitations/:token`, opened from the link an inviter handed over. */
export class InvitationPage {
  constructor(private readonly page: Page) {}

  /** Someone who already has an account: signs in from the invitation, comes back, and accepts. */
  async acceptAsExistingUser(link: string, email: string, password: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.page.getByTestId('invitation-summary')).toBeVisible();
    await this.page.getByTestId('accept-sign-in').click();
    await expect(this.page.getByTestId('login-email')).toHaveValue(email);
    await this.page.getByTestId('login-password').fill(password);
    await this.page.getByTestId('login-submit').click();
    await this.page.getByTestId('accept-signed-in').click();
  }

  async acceptAsNewUser(link: string, name: string, password: string): Promise<void> {
    await this.page.goto(link);
    await expect(this.page.getByTestId('invitation-summary')).toBeVisible();
    await this.page.getByTestId('accept-name').fill(name);
    await this.page.getByTestId('accept-password').fill(password);
    await this.page.getByTestId('accept-submit').click();
  }
}
