import { readFile } from 'node:fs/promises';
import { expect, type Locator, type Page } from '@playwright/test';

export type ReportFormat = 'pdf' | 'json' | 'csv' | 'oscal';
export type ReportLocale = 'en' | 'fr';

/** A file as the browser handed it over (a download) or as the test hands it in (a drop). */
export interface ReportFile {
  name: string;
  bytes: Buffer;
}

/** The reports panel on `/assessments/:id/score`. */
export class ReportsPanel {
  readonly panel: Locator;

  constructor(private readonly page: Page) {
    this.panel = page.getByTestId('reports-panel');
  }

  report(format: ReportFormat, locale: ReportLocale): Locator {
    return this.panel.locator(
      `[data-testid="report-item"][data-format="${format}"][data-locale="${locale}"]`,
    );
  }

  /** Asks for a report with the "Generate" form. */
  async generate(format: ReportFormat, locale: ReportLocale): Promise<void> {
    await this.panel.getByTestId(`report-format-${format}`).click();
    await this.panel.getByTestId(`report-locale-${locale}`).click();
    await this.panel.getByTestId('report-generate').click();
  }

  async expectReady(format: ReportFormat, locale: ReportLocale, timeout: number): Promise<void> {
    await expect(this.report(format, locale)).toHaveAttribute('data-status', 'ready', { timeout });
  }

  /** Clicks "Download" and returns the file the browser saved. */
  async download(format: ReportFormat, locale: ReportLocale): Promise<ReportFile> {
    const downloading = this.page.waitForEvent('download');
    await this.report(format, locale).getByTestId('report-download').click();
    const download = await downloading;
    return { name: download.suggestedFilename(), bytes: await readFile(await download.path()) };
  }
}

/** The public `/verify` page. */
export class VerifyPage {
  readonly dropZone: Locator;
  readonly verdict: Locator;
  readonly verdictTitle: Locator;

  constructor(private readonly page: Page) {
    this.dropZone = page.getByTestId('verify-drop');
    this.verdict = page.getByTestId('verify-verdict');
    this.verdictTitle = page.getByTestId('verify-verdict-title');
  }

  /**
   * Drops `file` on the drop zone as a person dragging it from their desktop would: the browser
   * receives `dragenter`, `dragover` and `drop` carrying the file.
   */
  async drop(file: ReportFile, type: string): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, base64, mediaType }) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const transfer = new DataTransfer();
        transfer.items.add(new File([bytes], name, { type: mediaType }));
        return transfer;
      },
      { name: file.name, base64: file.bytes.toString('base64'), mediaType: type },
    );
    for (const event of ['dragenter', 'dragover', 'drop'])
      await this.dropZone.dispatchEvent(event, { dataTransfer });
    await dataTransfer.dispose();
  }

  async checkAnother(): Promise<void> {
    await this.page.getByTestId('verify-another').click();
    await expect(this.verdict).toHaveCount(0);
  }
}
