import { expect, test } from '@playwright/test';
import { SCORING_ENGINE_VERSION } from '@beacon/domain';
import { AssessmentsPage } from '../pages/assessments-page';
import { AuthPages, newAccount } from '../pages/auth-pages';
import { AssessmentApi, ScorePage } from '../pages/score-page';
import { ShellPage } from '../pages/shell-page';

const MSM = 'ncmec-minimum-safety-measures';

/**
 * Answers to the minimum safety measures for a service with user media and livestreaming, chosen so
 * that each section lands in another colour: detection all met (green), high-risk surfaces half met
 * (amber), response not met (red — and MSM-5 is critical, so the rating is capped).
 */
const DETECTION_MET = {
  'MSM-1-q1': 'yes',
  'MSM-1-q3': ['ncmec', 'iwf', 'industry-sharing', 'c3p'],
  'MSM-1-q4': 100,
  'MSM-2-q1': 'yes',
  'MSM-2-q2': 'video-hash',
  'MSM-3-q1': 4,
  'MSM-3-q2': 'yes',
  'MSM-3-q3': 12,
};
const HIGH_RISK_HALF = { 'MSM-4-q1': 'partial', 'MSM-4-q2': 'partial' };
const RESPONSE_NOT_MET = { 'MSM-5-q2': ['none'], 'MSM-5-q3': 50, 'MSM-5-q4': 500 };

test.describe('scores: live preview, scoring after submission, results and methodology', () => {
  test('the preview moves while answering; after submitting, "Scoring…" then the rating, traffic lights and gaps, in English and French', async ({
    page,
    request,
  }) => {
    test.setTimeout(150_000);
    const owner = newAccount('scorer');
    await new AuthPages(page).signUp(owner);
    const shell = new ShellPage(page);
    await shell.expectSignedIn();
    const api = await AssessmentApi.signIn(request, owner.email, owner.password);

    // An assessment with every required answer but one given through the API.
    const id = await api.create('Quarterly child-safety review', MSM, ['userMedia', 'livestreaming']);
    await api.answer(id, { ...DETECTION_MET, ...HIGH_RISK_HALF, ...RESPONSE_NOT_MET });

    const checklist = new AssessmentsPage(page);
    const score = new ScorePage(page);
    await page.goto(`/assessments/${id}`);
    await expect(page.getByTestId('page-title')).toHaveText('Quarterly child-safety review');
    await expect(score.preview).toContainText('Score preview');
    await expect(score.preview).toContainText('Preview');
    // MSM-5-q1 (weight 2) is required and unanswered: it counts as 0, so MSM-5 = 0 and
    // (5 × 1 + 4 × 1 + 4 × 1 + 4 × 0.5 + 5 × 0) ÷ 22 = 68.2.
    await expect(score.previewValue(MSM)).toHaveText('68.2 / 100');
    await expect(score.previewCritical(MSM)).toHaveText(/Critical failures: 1/);

    // Answering moves the preview at once, computed in the browser: MSM-5 = 2 × 0.5 ÷ 5 = 0.2 → 72.7.
    await checklist.openSection(`${MSM}-response`);
    await checklist.choose('MSM-5-q1', 'partial');
    await expect(score.previewValue(MSM)).toHaveText('72.7 / 100');
    await checklist.expectSaved('MSM-5-q1');

    // Submitting leads to the score page, which says "Scoring…" until the job has run (the job is
    // often done before the page first asks: the statuses the API answered are noted in the report).
    const statuses = score.recordStatuses();
    await score.watchForScoring();
    await score.submit('Head of Trust & Safety');
    await expect(page).toHaveURL(new RegExp(`/assessments/${id}/score$`));
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(score.result).toBeVisible({ timeout: 30_000 });
    expect(await score.sawScoring()).toBe(true);
    await expect.poll(() => statuses.at(-1)).toBe('scored');
    test.info().annotations.push({ type: 'score responses (EN)', description: statuses.join(', ') });
    await expect(page.getByTestId('page-title')).toHaveText('Score: Quarterly child-safety review');
    await expect(page.getByTestId('submission-hash')).toHaveText(/\S{16,}/);

    const framework = score.framework(MSM);
    await expect(framework.getByTestId('framework-score')).toHaveText('72.7');
    // 72.7 would be "Established", but the failed critical requirement caps the rating.
    await expect(framework.getByTestId('framework-rating')).toContainText('Red');
    await expect(framework.getByTestId('framework-rating')).toContainText('Below baseline');
    await expect(framework.getByTestId('framework-capped')).toBeVisible();
    await expect(framework.getByTestId('critical-MSM-5')).toBeVisible();
    await expect(score.sectionLight(MSM, 'detection')).toHaveAttribute('data-light', 'green');
    await expect(score.sectionLight(MSM, 'detection')).toContainText('Green');
    await expect(score.sectionLight(MSM, 'high-risk-surfaces')).toHaveAttribute('data-light', 'amber');
    await expect(score.sectionLight(MSM, 'high-risk-surfaces')).toContainText('Amber');
    await expect(score.sectionLight(MSM, 'response')).toHaveAttribute('data-light', 'red');
    await expect(score.sectionLight(MSM, 'response')).toContainText('Red');
    await expect(framework.getByRole('heading', { name: 'Gaps and recommendations' })).toBeVisible();
    // Critical first, then by weighted shortfall: MSM-5 (5 × 0.8), then MSM-4 (4 × 0.5).
    await expect(score.gaps(MSM)).toHaveCount(2);
    await expect(score.gaps(MSM).nth(0)).toHaveAttribute('data-testid', 'gap-MSM-5');
    await expect(score.gaps(MSM).nth(1)).toHaveAttribute('data-testid', 'gap-MSM-4');
    await expect(page.getByTestId('score-meta')).toContainText(`Engine version ${SCORING_ENGINE_VERSION}`);

    // A gap's question links back to it in the checklist.
    await framework.getByTestId('gap-question-MSM-5-q3').click();
    await expect(page).toHaveURL(new RegExp(`/assessments/${id}\\?question=MSM-5-q3$`));
    await expect(checklist.question('MSM-5-q3')).toBeInViewport();
    // The submitted checklist has no preview any more, but a link to the score.
    await expect(score.preview).toHaveCount(0);
    await page.getByTestId('score-link').click();
    await expect(page).toHaveURL(new RegExp(`/assessments/${id}/score$`));
    await expect(score.result).toBeVisible();

    // The same page in French.
    await shell.switchLanguage('fr');
    await expect(page.getByTestId('page-title')).toHaveText('Score : Quarterly child-safety review');
    await expect(framework.getByTestId('framework-rating')).toContainText('Rouge');
    await expect(framework.getByTestId('framework-rating')).toContainText('Sous le socle minimal');
    await expect(score.sectionLight(MSM, 'detection')).toContainText('Vert');
    await expect(score.sectionLight(MSM, 'high-risk-surfaces')).toContainText('Orange');
    await expect(score.sectionLight(MSM, 'response')).toContainText('Rouge');
    await expect(framework.getByRole('heading', { name: 'Écarts et recommandations' })).toBeVisible();
    await expect(framework.getByRole('heading', { name: 'Défaillances critiques' })).toBeVisible();

    // The methodology, from docs/methodology.md, in the current language.
    const methodology = await score.openMethodology();
    await expect(methodology.getByRole('heading', { name: 'Méthodologie de notation' })).toBeVisible();
    await expect(methodology).not.toContainText('Scoring methodology');
    await methodology.getByTestId('methodology-close').click();
    await expect(methodology).toHaveCount(0);

    // A second assessment, fully answered through the API, submitted in French.
    const second = await api.create('Revue annuelle', MSM, ['userMedia', 'livestreaming']);
    await api.answer(second, { ...DETECTION_MET, ...HIGH_RISK_HALF, ...RESPONSE_NOT_MET, 'MSM-5-q1': 'yes' });
    await page.goto(`/assessments/${second}`);
    await expect(score.preview).toContainText('Aperçu du score');
    // MSM-5 = 2 × 1 ÷ 5 = 0.4 → (13 + 2 + 2) ÷ 22 = 77.3, still a critical failure (below 0.5).
    await expect(score.previewValue(MSM)).toHaveText('77,3 / 100');
    const statusesFr = score.recordStatuses();
    await score.watchForScoring();
    await score.submit('Responsable de la sécurité');
    await expect(score.result).toBeVisible({ timeout: 30_000 });
    expect(await score.sawScoring()).toBe(true);
    await expect.poll(() => statusesFr.at(-1)).toBe('scored');
    test.info().annotations.push({ type: 'score responses (FR)', description: statusesFr.join(', ') });
    await expect(score.framework(MSM).getByTestId('framework-score')).toHaveText('77,3');
    await expect(score.framework(MSM).getByTestId('framework-rating')).toContainText('Sous le socle minimal');
    await expect(score.gaps(MSM).nth(0)).toHaveAttribute('data-testid', 'gap-MSM-5');
  });
});
