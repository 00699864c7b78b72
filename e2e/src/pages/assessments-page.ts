import { expect, type Locator, type Page } from '@playwright/test';

/** `/assessments`, the creation wizard and one assessment's checklist. */
export class AssessmentsPage {
  constructor(private readonly page: Page) {}

  /** Creates an assessment from the list page and waits for its checklist. */
  async create(title: string, framework: string, features: readonly string[]): Promise<string> {
    await this.page.getByTestId('nav-assessments').click();
    await this.page.getByTestId('new-assessment').click();
    await this.page.getByTestId('wizard-title').fill(title);
    await this.page.getByTestId(`wizard-framework-${framework}`).locator('input').check();
    await this.page.getByTestId('wizard-next').click();
    for (const feature of features)
      await this.page.getByTestId(`wizard-feature-${feature}`).locator('input').check();
    await this.page.getByTestId('wizard-create').click();
    await expect(this.page).toHaveURL(/\/assessments\/[0-9a-f-]{36}$/);
    await expect(this.page.getByTestId('page-title')).toHaveText(title);
    return this.page.url();
  }

  question(key: string): Locator {
    return this.page.getByTestId(`question-${key}`);
  }

  saveState(key: string): Locator {
    return this.question(key).getByTestId('save-state');
  }

  async openSection(id: string): Promise<void> {
    await this.page.getByTestId(`section-${id}`).click();
  }

  /** Picks an option of a choice question (toggle, radio or checkbox). */
  async choose(key: string, option: string): Promise<void> {
    const control = this.question(key).getByTestId(`option-${option}`);
    const radio = control.locator('input, button').first();
    await radio.click();
  }

  async fill(key: string, value: string): Promise<void> {
    await this.question(key).getByTestId('answer-input').fill(value);
  }

  async expectSaved(key: string): Promise<void> {
    await expect(this.saveState(key)).toHaveText('Saved');
  }
}
