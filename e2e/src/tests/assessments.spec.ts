import { expect, test } from '@playwright/test';
import { createHash } from 'node:crypto';
import { AssessmentsPage } from '../pages/assessments-page';
import { AuthPages, newAccount } from '../pages/auth-pages';
import { BeaconApi } from '../pages/beacon-api';
import { ShellPage } from '../pages/shell-page';
import { renderAllRequirements, withScaleChecklist } from '../pages/scale-checklist';

const MSM = 'ncmec-minimum-safety-measures';
const POSITIONS = 'ncmec-platform-positions';

/** A one-page PDF policy, made here (the API recognises PDFs by their bytes). */
function policyPdf(): Buffer {
  const text = 'Trust and safety policy: hash matching on every upload path.';
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n` +
      `2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n` +
      `3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 300 100] /Contents 4 0 R >> endobj\n` +
      `4 0 obj << /Length ${text.length + 24} >> stream\nBT /F1 10 Tf 10 50 Td (${text}) Tj ET\nendstream endobj\n` +
      `trailer << /Root 1 0 R >>\n%%EOF\n`,
  );
}

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

  test('a new owner scopes, answers with a note, attaches evidence, assigns, comments, declares a requirement not applicable, resolves a conflict and submits', async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const owner = newAccount('owner');
    await new AuthPages(page).signUp(owner);
    await new ShellPage(page).expectSignedIn();
    const checklist = new AssessmentsPage(page);
    const url = await checklist.create('First child-safety self-assessment', MSM, ['userMedia', 'messaging']);
    const id = url.split('/').pop() ?? '';

    // Scope: livestreaming brings the high-risk surfaces in; its answers stay when it goes and comes back.
    const highRisk = checklist.section(`${MSM}-high-risk-surfaces`);
    await expect(highRisk).toHaveCount(0);
    await checklist.editFeatures({ livestreaming: true });
    await expect(page.getByTestId('checklist-notice')).toHaveText(
      'Service profile saved: the checklist now follows it.',
    );
    await highRisk.click();
    await checklist.choose('MSM-4-q1', 'yes');
    await checklist.expectSaved('MSM-4-q1');
    await checklist.editFeatures({ livestreaming: false });
    await expect(highRisk).toHaveCount(0);
    await checklist.editFeatures({ livestreaming: true });
    await highRisk.click();
    await expect(checklist.question('MSM-4-q1').getByTestId('option-yes')).toHaveClass(
      /mat-button-toggle-checked/,
    );
    await checklist.editFeatures({ livestreaming: false });

    // Two sections answered, one answer with a note; the section list follows.
    await checklist.openSection(`${MSM}-detection`);
    await expect(checklist.section(`${MSM}-detection`).getByTestId('section-progress')).toHaveText(
      /^0\/\d+$/,
    );
    await checklist.choose('MSM-1-q1', 'partial');
    await checklist.expectSaved('MSM-1-q1');
    await checklist.writeNote('MSM-1-q1', 'Uploads are hashed; direct messages follow next quarter.');
    await checklist.expectSaved('MSM-1-q1');
    await checklist.fill('MSM-1-q2', 'Direct messages and backups.');
    await checklist.expectSaved('MSM-1-q2');
    await expect(checklist.section(`${MSM}-detection`).getByTestId('section-progress')).toHaveText(
      /^2\/\d+$/,
    );
    await checklist.openSection(`${MSM}-response`);
    await checklist.choose('MSM-5-q1', 'yes');
    await checklist.expectSaved('MSM-5-q1');

    // Evidence: a PDF policy with its SHA-256; an HTML page named .txt is refused plainly.
    await checklist.openSection(`${MSM}-detection`);
    const pdf = policyPdf();
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    await checklist.uploadEvidence('MSM-1', [
      { name: 'csam-policy.pdf', mimeType: 'application/pdf', buffer: pdf },
    ]);
    const msm1 = checklist.requirement('MSM-1');
    await expect(msm1.getByTestId('evidence-guidance')).toContainText('never any image of a child');
    const item = msm1.getByTestId('evidence-item').filter({ hasText: 'csam-policy.pdf' });
    await expect(item.getByTestId('evidence-hash')).toHaveText(`SHA-256 ${sha256.slice(0, 12)}…`);
    await expect(item.getByTestId('evidence-hash')).toHaveAttribute('title', sha256);
    await expect(msm1.getByTestId('toggle-evidence')).toContainText('Evidence (1)');
    await checklist.uploadEvidence('MSM-1', [
      {
        name: 'notes.txt',
        mimeType: 'text/plain',
        buffer: Buffer.from('<html><body>not a policy</body></html>'),
      },
    ]);
    await expect(msm1.getByTestId('evidence-upload-error')).toHaveText(
      'notes.txt was not added: this kind of file is not accepted. Use PDF, PNG, JPEG, text, CSV, Word or Excel.',
    );
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      item.getByTestId('evidence-download').click(),
    ]);
    expect(download.suggestedFilename()).toBe('csam-policy.pdf');

    // Assignment and a comment; "assigned to me" finds it.
    await checklist.assign('MSM-1', owner.name);
    await checklist.comment('MSM-1', 'Please attach the DM roll-out plan once it is approved.');
    await expect(checklist.filter('Assigned to me')).toHaveAccessibleName('Assigned to me (1)');
    await checklist.filter('Assigned to me').check();
    await expect(page.locator('app-requirement-card')).toHaveCount(1);
    await expect(checklist.requirement('MSM-1')).toBeVisible();
    await page.getByTestId('clear-filters').click();

    // MSM-2 does not apply to this service: its questions are no longer asked.
    await checklist.declareNotApplicable(
      'MSM-2',
      'We only accept still images; no video is ever stored or sent.',
    );
    await expect(checklist.requirement('MSM-2').getByTestId('not-asked')).toContainText(
      'declared not applicable',
    );
    await expect(checklist.question('MSM-2-q1')).toHaveCount(0);

    // A colleague's browser changes the same answer meanwhile: the conflict is resolved by taking theirs.
    const other = await browser.newContext();
    try {
      const otherPage = await other.newPage();
      await otherPage.goto(url);
      await new AuthPages(otherPage).signIn(owner.email, owner.password);
      await expect(otherPage).toHaveURL(url);
      const second = new AssessmentsPage(otherPage);
      await second.openSection(`${MSM}-response`);
      await expect(second.question('MSM-5-q1')).toBeVisible();
      await checklist.openSection(`${MSM}-response`);
      await second.choose('MSM-5-q1', 'partial');
      await second.expectSaved('MSM-5-q1');
      await checklist.choose('MSM-5-q1', 'no');
      await expect(checklist.saveState('MSM-5-q1')).toHaveText('Conflict');
      await expect(checklist.question('MSM-5-q1').getByTestId('conflict-theirs')).toContainText('Partial');
      await checklist.question('MSM-5-q1').getByTestId('conflict-take-theirs').click();
      await checklist.expectSaved('MSM-5-q1');
      await expect(checklist.question('MSM-5-q1').getByTestId('option-partial')).toHaveClass(
        /mat-button-toggle-checked/,
      );
    } finally {
      await other.close();
    }

    // The rest of the required answers through the API; then the attested submission in the UI.
    const api = await BeaconApi.signIn(request, owner.email, owner.password);
    const filled = await api.answerEveryRequired(id);
    expect(filled).not.toContain('MSM-2-q1');
    await page.reload();
    await checklist.openSection(`${MSM}-detection`);
    await expect(checklist.section(`${MSM}-detection`).getByTestId('section-missing')).toHaveText(
      '· complete',
    );
    await page.getByTestId('submit-assessment').click();
    await page.getByTestId('attest-title').fill('Head of Trust & Safety');
    await page.getByTestId('attest-submit').click();
    await expect(page).toHaveURL(new RegExp(`/assessments/${id}/score$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(page.getByTestId('submission').getByTestId('submission-hash')).toHaveText(
      /^(sha256:)?[0-9a-f]{64}$/,
    );
    await page.goto(url);
    await expect(page.getByTestId('assessment-status')).toHaveText('Submitted');
    await expect(page.getByTestId('read-only')).toBeVisible();
  });

  test('a requirement covered by an earlier framework is answered once', async ({ page, request }) => {
    test.setTimeout(90_000);
    const owner = newAccount('owner');
    await new AuthPages(page).signUp(owner);
    await new ShellPage(page).expectSignedIn();
    // Platform positions first: its VD-1 contains MSM-1 (an MSM → positions "subset" crosswalk).
    const api = await BeaconApi.signIn(request, owner.email, owner.password);
    const id = await api.createAssessment('Two frameworks', [POSITIONS, MSM], ['userMedia', 'messaging']);
    await page.goto(`/assessments/${id}`);
    const checklist = new AssessmentsPage(page);
    await checklist.openSection(`${MSM}-detection`);
    const msm1 = checklist.requirement('MSM-1');
    await expect(msm1.getByTestId('answered-once')).toContainText('Answered once: covered by VD-1');
    await expect(checklist.question('MSM-1-q1')).toHaveCount(0);
    await msm1.getByRole('link', { name: 'Go to VD-1' }).click();
    await expect(checklist.requirement('VD-1')).toBeInViewport();
    await expect(checklist.section(`${POSITIONS}-voluntary-detection`)).toHaveAttribute(
      'aria-current',
      'true',
    );
  });
});

test.describe('assessments: a checklist of 300 questions', () => {
  // Behaviour only; how fast it opens and types is measured by `npm run bench:checklist`.
  test('renders incrementally, and typing into the first and the last requirement saves what was typed', async ({
    page,
    request,
  }) => {
    test.setTimeout(180_000);
    await withScaleChecklist(page, request, async (scale) => {
      const { checklist, framework } = scale;
      // Every question is asked: 240 + 60, none answered.
      await expect(checklist.section(`${framework.slug}-bulk`).getByTestId('section-progress')).toHaveText('0/240');
      await expect(checklist.section(`${framework.slug}-rest`).getByTestId('section-progress')).toHaveText('0/60');
      // Not every card at once: a first batch, then more as the list scrolls.
      const cards = page.locator('app-requirement-card');
      const firstBatch = await cards.count();
      expect(firstBatch).toBeGreaterThan(0);
      expect(firstBatch).toBeLessThan(80);
      await page.getByTestId('show-more').scrollIntoViewIfNeeded();
      await expect.poll(() => cards.count()).toBeGreaterThan(firstBatch);

      const text = 'Reviewed by the trust and safety team every quarter.';
      const typeAndSave = async (questionKey: string): Promise<void> => {
        const field = checklist.question(questionKey).getByTestId('answer-input');
        await field.scrollIntoViewIfNeeded();
        await field.click();
        await page.keyboard.type(text, { delay: 10 });
        await checklist.expectSaved(questionKey);
        await expect(field).toHaveValue(text);
      };
      await typeAndSave('SYN-2-q2');
      await renderAllRequirements(scale);
      await typeAndSave('SYN-95-q2');
      await expect(checklist.section(`${framework.slug}-bulk`).getByTestId('section-progress')).toHaveText('1/240');
      await expect(checklist.section(`${framework.slug}-rest`).getByTestId('section-progress')).toHaveText('1/60');
    });
  });
});
