import { createHash } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { AuthPages, newAccount } from '../pages/auth-pages';
import { BeaconApi } from '../pages/beacon-api';
import { ReportsPanel, VerifyPage } from '../pages/reports-page';
import { ScorePage } from '../pages/score-page';
import { ShellPage } from '../pages/shell-page';

const MSM = 'ncmec-minimum-safety-measures';

test.describe('reports: a sealed PDF of a scored submission, downloaded and verified by anyone', () => {
  test('a new company owner gets a PDF report of their scored submission; a visitor verifies it, and a one-byte change is caught', async ({
    page,
    request,
    browser,
  }) => {
    test.setTimeout(240_000);
    const owner = newAccount('reporter');
    await new AuthPages(page).signUp(owner);
    const shell = new ShellPage(page);
    await shell.expectSignedIn();

    // The bulk of the answers through the API; the submission in the browser.
    const api = await BeaconApi.signIn(request, owner.email, owner.password);
    const title = 'Annual child-safety report';
    const id = await api.createAssessment(title, [MSM], ['userMedia', 'livestreaming']);
    await api.answerEveryRequired(id);
    await page.goto(`/assessments/${id}`);
    await expect(page.getByTestId('page-title')).toHaveText(title);
    const score = new ScorePage(page);
    await score.submit('Head of Trust & Safety');
    await expect(page).toHaveURL(new RegExp(`/assessments/${id}/score$`));
    await expect(score.result).toBeVisible({ timeout: 60_000 });

    // The reports panel sits under the score. Scoring asked for the default reports by itself:
    // the PDF and the JSON in the organization's language (English) appear without a request.
    const reports = new ReportsPanel(page);
    await expect(reports.panel.getByRole('heading', { name: 'Reports', exact: true })).toBeVisible();
    const pdf = reports.report('pdf', 'en');
    await expect(pdf).toHaveAttribute('aria-label', 'PDF report, English');
    await reports.expectReady('pdf', 'en', 120_000);
    await reports.expectReady('json', 'en', 120_000);
    await expect(pdf.getByTestId('report-status')).toHaveText('Ready');

    // Other formats and languages on request: a CSV in French.
    await reports.generate('csv', 'fr');
    await reports.expectReady('csv', 'fr', 120_000);

    // The download is the PDF, and the digest shown is its SHA-256 (short, then in full on focus).
    const file = await reports.download('pdf', 'en');
    expect(file.bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    expect(file.name).toMatch(/^beacon-report-[0-9a-f-]{36}-en\.pdf$/);
    const sha256 = createHash('sha256').update(file.bytes).digest('hex');
    const digest = pdf.getByTestId('report-digest');
    await expect(digest).toHaveText(`${sha256.slice(0, 12)}…`);
    await digest.focus();
    await expect(digest).toHaveText(sha256);
    await expect(pdf.getByTestId('report-key-id')).toHaveText(/^[0-9a-f]{12}…$/);

    // The server checks its stored copy again.
    await pdf.getByTestId('report-verify').click();
    await expect(pdf.getByTestId('report-check')).toHaveAttribute('data-valid', 'true');
    await expect(pdf.getByTestId('report-check')).toHaveText(
      'Verified: the stored file matches its digest and signature.',
    );

    // A visitor who is not signed in finds the verification page in the navigation.
    const visitorContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
    try {
      const visitor = await visitorContext.newPage();
      await visitor.goto('/');
      await new ShellPage(visitor).expectAnonymous();
      await visitor.getByTestId('nav-verify').click();
      await expect(visitor).toHaveURL(/\/verify$/);
      await expect(visitor.getByTestId('page-title')).toHaveText('Verify a report');
      await expect(visitor.getByTestId('verify-privacy')).toContainText('sent nowhere else');
      await expect(visitor.getByTestId('verify-drop')).toContainText('up to 10 MiB');

      // The file as downloaded: issued by Beacon, for the owner's organization and this assessment.
      const verify = new VerifyPage(visitor);
      await verify.drop(file, 'application/pdf');
      await expect(verify.verdict).toHaveAttribute('data-valid', 'true');
      await expect(verify.verdictTitle).toHaveText(`Issued by Beacon for ${owner.organizationName}`);
      await expect(verify.verdictTitle).toBeFocused();
      await expect(visitor.getByTestId('verify-organization')).toHaveText(owner.organizationName);
      await expect(visitor.getByTestId('verify-assessment')).toHaveText(id);
      await expect(visitor.getByTestId('verify-format')).toHaveText('PDF');
      await expect(visitor.getByTestId('verify-sha256')).toHaveText(sha256);

      // The same file with one byte changed is not.
      const altered = Buffer.from(file.bytes);
      const middle = Math.floor(altered.length / 2);
      altered[middle] = (altered[middle] ?? 0) ^ 0x01;
      expect(altered.equals(file.bytes)).toBe(false);
      await verify.checkAnother();
      await verify.drop({ name: file.name, bytes: altered }, 'application/pdf');
      await expect(verify.verdict).toHaveAttribute('data-valid', 'false');
      await expect(verify.verdictTitle).toHaveText('Not issued by Beacon (or altered)');
      await expect(visitor.getByTestId('verify-organization')).toHaveCount(0);

      // The verdict follows the language.
      await new ShellPage(visitor).switchLanguage('fr');
      await expect(verify.verdictTitle).toHaveText('Non émis par Beacon (ou modifié)');
    } finally {
      await visitorContext.close();
    }
  });
});
