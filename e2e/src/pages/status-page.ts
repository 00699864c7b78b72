import { expect, type Locator, type Page } from '@playwright/test';

export type Component = 'api' | 'database' | 'redis' | 'worker';

/** The system status page. */
export class StatusPage {
  constructor(private readonly page: Page) {}

  state(component: Component): Locator {
    return this.page.getByTestId(`status-${component}`).getByTestId('state');
  }

  async expectAllHealthy(healthyText: string): Promise<void> {
    for (const component of ['api', 'database', 'redis', 'worker'] as const) {
      await expect(this.state(component)).toHaveText(healthyText, { timeout: 20_000 });
    }
  }

  async runProbe(): Promise<Locator> {
    await this.page.getByTestId('run-probe').click();
    return this.page.getByTestId('probe-result');
  }
}
