import { expect, test } from '@playwright/test';
import { AssessmentsPage } from '../pages/assessments-page';
import { AuthPages, newAccount } from '../pages/auth-pages';
import { ShellPage } from '../pages/shell-page';

const MSM = 'ncmec-minimum-safety-measures';

test.describe('assessments: checklist, autosave and conflicts', () => {
  test('an owner creates an assessment, answers it with autosave, resolves a conflict and sees what is missing', async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    const owner = newAccount('assessor');
    await new AuthPages(page).signUp(owner);
    await new ShellPage(page).expectSignedIn();

    const checklist = new AssessmentsPage(page);
    const url = await checklist.create('Annual child-safety review', MSM, ['userMedia', 'messaging']);

    // Section "detection": a choice is saved at once; a dependent question appears on "No".
    await checklist.openSection(`${MSM}-detection`);
    await checklist.choose('MSM-1-q1', 'no');
    await checklist.expectSaved('MSM-1-q1');
    await expect(checklist.question('MSM-1-q2')).toBeVisible();
    await checklist.fill('MSM-1-q2', 'Rolling out hash matching next quarter.');
    await checklist.expectSaved('MSM-1-q2');
    // Only the requirements that apply to the profile are listed (MSM-4 needs AI or livestreaming).
    await expect(page.getByTestId('requirement-MSM-4')).toHaveCount(0);

    // Section "response": a figure is debounced, then saved.
    await checklist.openSection(`${MSM}-response`);
    await checklist.choose('MSM-5-q1', 'yes');
    await checklist.expectSaved('MSM-5-q1');
    await checklist.fill('MSM-5-q3', '85');
    await checklist.expectSaved('MSM-5-q3');

    // The same user opens the checklist in a second browser and both change one answer.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(url);
      await expect(otherPage).toHaveURL(/\/login\?returnUrl=/);
      await new AuthPages(otherPage).signIn(owner.email, owner.password);
      await expect(otherPage).toHaveURL(url);
      const second = new AssessmentsPage(otherPage);
      await second.openSection(`${MSM}-detection`);
      await expect(second.question('MSM-2-q1')).toBeVisible();

      await checklist.openSection(`${MSM}-detection`);
      await checklist.choose('MSM-2-q1', 'yes');
      await checklist.expectSaved('MSM-2-q1');

      await second.choose('MSM-2-q1', 'partial');
      await expect(second.saveState('MSM-2-q1')).toHaveText('Conflict');
      await expect(second.question('MSM-2-q1').getByTestId('conflict-mine')).toContainText('Partial');
      await expect(second.question('MSM-2-q1').getByTestId('conflict-theirs')).toContainText('Yes');
      await second.question('MSM-2-q1').getByTestId('conflict-keep-mine').click();
      await second.expectSaved('MSM-2-q1');
    } finally {
      await other.close();
    }

    // The first browser sees the kept answer after a reload.
    await page.reload();
    await checklist.openSection(`${MSM}-detection`);
    await expect(checklist.question('MSM-2-q1').getByTestId('option-partial')).toHaveClass(
      /mat-button-toggle-checked/,
    );

    // Submitting now lists the required questions still unanswered, as links to them.
    await page.getByTestId('submit-assessment').click();
    await page.getByTestId('attest-title').fill('Head of Trust & Safety');
    await page.getByTestId('attest-submit').click();
    await expect(page.getByTestId('missing-list')).toBeVisible();
    await expect(page.getByTestId('missing-MSM-1-q3')).toBeVisible();
    await expect(page.getByTestId('missing-MSM-1-q1')).toHaveCount(0);
    await page.getByTestId('missing-MSM-5-q2').click();
    await expect(page.getByTestId('missing-list')).toHaveCount(0);
    await expect(checklist.question('MSM-5-q2')).toBeInViewport();
  });
});
