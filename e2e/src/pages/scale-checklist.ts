import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { AssessmentsPage } from './assessments-page';
import { AuthPages, newAccount } from './auth-pages';
import { BeaconApi } from './beacon-api';
import { ShellPage } from './shell-page';
import { SyntheticFramework } from './synthetic-framework';

export interface ScaleChecklist {
  page: Page;
  framework: SyntheticFramework;
  checklist: AssessmentsPage;
}

/**
 * A 300-question checklist (a synthetic framework of 100 requirements in two sections, 240 + 60
 * questions) opened by a new company owner; the framework is removed afterwards. Shared by the
 * behaviour test and the checklist benchmark. `beforeOpen` runs before the page navigates (e.g.
 * to install measuring scripts).
 */
export async function withScaleChecklist(
  page: Page,
  request: APIRequestContext,
  use: (scale: ScaleChecklist) => Promise<void>,
  beforeOpen: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const framework = new SyntheticFramework([
    { key: 'bulk', requirements: 80 },
    { key: 'rest', requirements: 20 },
  ]);
  expect(framework.questionCount).toBe(300);
  await framework.insert();
  const created: string[] = [];
  try {
    const owner = newAccount('scale');
    await new AuthPages(page).signUp(owner);
    await new ShellPage(page).expectSignedIn();
    const api = await BeaconApi.signIn(request, owner.email, owner.password);
    created.push(await api.createAssessment('Scale', [framework.slug], []));
    await beforeOpen();
    await page.goto(`/assessments/${created[0]!}`);
    const checklist = new AssessmentsPage(page);
    await expect(checklist.requirement('SYN-1')).toBeVisible();
    await use({ page, framework, checklist });
  } finally {
    await framework.remove(created);
  }
}

/** Lists every requirement ("unanswered" spans both sections) and waits until all 100 cards are rendered. */
export async function renderAllRequirements({ page, checklist }: ScaleChecklist): Promise<void> {
  await checklist.filter('Unanswered').check();
  await expect(page.getByTestId('filter-summary')).toHaveText('100 of 100 requirements match');
  const cards = page.locator('app-requirement-card');
  // The sentinel renders the next batches as they come near; the button may go while it is clicked.
  await expect
    .poll(
      async () => {
        const more = page.getByTestId('show-more');
        if ((await more.count()) > 0) await more.click({ timeout: 1_000 }).catch(() => undefined);
        return cards.count();
      },
      { timeout: 60_000 },
    )
    .toBe(100);
}
