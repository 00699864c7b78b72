import { expect, type Locator, type Page } from '@playwright/test';

/** `/assessments`, the creation wizard and one assessment's checklist. */
export class AssessmentsPage {
  constructor(private readonly page: Page) {}

  /** Creates an assessment from the list page and waits for its checklist. */
  async create(
    title: string,
    framework: string | readonly string[],
    features: readonly string[],
  ): Promise<string> {
    await this.page.getByTestId('nav-assessments').click();
    await this.page.getByTestId('new-assessment').click();
    await this.page.getByTestId('wizard-title').fill(title);
    for (const slug of typeof framework === 'string' ? [framework] : framework)
      await this.page.getByTestId(`wizard-framework-${slug}`).locator('input').check();
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

  requirement(key: string): Locator {
    return this.page.getByTestId(`requirement-${key}`);
  }

  section(id: string): Locator {
    return this.page.getByTestId(`section-${id}`);
  }

  saveState(key: string): Locator {
    return this.question(key).getByTestId('save-state');
  }

  async openSection(id: string): Promise<void> {
    await this.section(id).click();
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

  /** Opens the note of an answer and types it (saved with the answer). */
  async writeNote(key: string, note: string): Promise<void> {
    const question = this.question(key);
    const field = question.getByTestId('answer-note');
    if ((await field.count()) === 0) await question.getByRole('button', { name: /^Note on / }).click();
    await field.fill(note);
  }

  /** Opens a requirement's evidence panel (once). */
  async openEvidence(key: string): Promise<Locator> {
    const requirement = this.requirement(key);
    const toggle = requirement.getByTestId('toggle-evidence');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    return requirement;
  }

  /** Uploads files through the keyboard-accessible picker of a requirement. */
  async uploadEvidence(
    key: string,
    files: { name: string; mimeType: string; buffer: Buffer }[],
  ): Promise<void> {
    const requirement = await this.openEvidence(key);
    const chooser = this.page.waitForEvent('filechooser');
    await requirement.getByRole('button', { name: `Choose evidence files for ${key}` }).click();
    await (await chooser).setFiles(files);
  }

  /** Assigns a requirement through its member picker. */
  async assign(key: string, memberName: string): Promise<void> {
    await this.requirement(key)
      .getByRole('button', { name: `Assign ${key} to a member` })
      .click();
    await this.page.getByRole('menuitem', { name: memberName }).click();
    await expect(this.requirement(key).getByTestId('assignee')).toHaveText(`Assigned to ${memberName}`);
  }

  async comment(key: string, body: string): Promise<void> {
    const requirement = this.requirement(key);
    const toggle = requirement.getByTestId('toggle-comments');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await requirement.getByLabel('Your comment').fill(body);
    await requirement.getByRole('button', { name: 'Post the comment' }).click();
    await expect(requirement.getByTestId('comment-body').last()).toHaveText(body);
  }

  /** Declares a requirement "not applicable to our service" with a justification. */
  async declareNotApplicable(key: string, justification: string): Promise<void> {
    const requirement = this.requirement(key);
    await requirement.getByRole('button', { name: `Status of ${key}` }).click();
    await requirement.getByRole('radio', { name: 'Not applicable to our service' }).check();
    await requirement.getByLabel('Justification').fill(justification);
    await expect(requirement.getByTestId('status-save-state')).toHaveText('Saved');
  }

  filter(label: 'Assigned to me' | 'Unanswered' | 'Critical'): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${label} \\(\\d+\\)$`) });
  }

  /** Changes the service features from the profile dialog. */
  async editFeatures(changes: Readonly<Record<string, boolean>>): Promise<void> {
    await this.page.getByTestId('edit-profile').click();
    const dialog = this.page.getByRole('dialog');
    for (const [feature, on] of Object.entries(changes)) {
      const box = dialog.getByTestId(`profile-feature-${feature}`).locator('input');
      if (on) await box.check();
      else await box.uncheck();
    }
    await dialog.getByTestId('profile-save').click();
    await expect(dialog).toHaveCount(0);
  }
}
