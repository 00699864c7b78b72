import { expect, test } from '@playwright/test';
import { AuthPages } from '../pages/auth-pages';
import { ShellPage } from '../pages/shell-page';
import { StatusPage } from '../pages/status-page';

test.describe('application shell', () => {
  test('loads, switches to French and back, and remembers the choice', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('/');
    await shell.switchLanguage('en');
    await shell.goToStatus();
    await expect(shell.title).toHaveText('System status');

    await shell.switchLanguage('fr');
    await expect(shell.title).toHaveText('État du système');
    await page.reload();
    await expect(shell.title).toHaveText('État du système');
    await expect(page.locator('html')).toHaveAttribute('lang', 'fr');

    await shell.switchLanguage('en');
    await expect(shell.title).toHaveText('System status');
  });

  test('shows API, database, Redis and worker healthy, and a pipeline round trip', async ({ page }) => {
    const shell = new ShellPage(page);
    await shell.open('/status');
    await shell.switchLanguage('en');
    const status = new StatusPage(page);
    await status.expectAllHealthy('Healthy');
    // Anyone sees the health; only an operator may send jobs through the queues.
    await expect(page.getByTestId('run-probe')).toHaveCount(0);
    await expect(page.getByTestId('probe-operators-only')).toBeVisible();

    // The development operator that `npm start` creates outside production.
    await shell.open('/login');
    await new AuthPages(page).signIn('admin@beacon.test', 'lighthouse keeper on duty');
    await expect(page).not.toHaveURL(/\/login/);
    await shell.open('/status');

    const result = await status.runProbe();
    await expect(result).toContainText('scoring');
    await expect(result).toContainText('reports');
    await expect(result).toContainText('benchmarks');
  });

  test('answers unknown API routes with the JSON error shape', async ({ request }) => {
    const res = await request.get('/api/v1/does-not-exist');
    expect(res.status()).toBe(404);
    const body = (await res.json()) as { code: string; correlationId: string };
    expect(body.code).toBe('NOT_FOUND');
    expect(body.correlationId).toBe(res.headers()['x-correlation-id']);
  });
});
