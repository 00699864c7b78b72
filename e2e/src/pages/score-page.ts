import { type APIRequestContext, expect, type Locator, type Page } from '@playwright/test';

type Answer = string | number | string[];

/**
 * The API as the test's own client (signed in with the same account as the browser): it creates
 * assessments and fills the bulk of their answers, so the browser only does what the story shows.
 */
export class AssessmentApi {
  private constructor(
    private readonly request: APIRequestContext,
    private readonly token: string,
  ) {}

  static async signIn(request: APIRequestContext, email: string, password: string): Promise<AssessmentApi> {
    const response = await request.post('/api/v1/auth/login', { data: { email, password } });
    expect(response.status(), await response.text()).toBe(200);
    const body = (await response.json()) as { accessToken: string };
    return new AssessmentApi(request, body.accessToken);
  }

  /** Creates a draft on one framework version for a service with these features; returns its id. */
  async create(title: string, framework: string, features: readonly string[]): Promise<string> {
    const all = [
      'userMedia',
      'livestreaming',
      'generativeAi',
      'under18Accounts',
      'messaging',
      'endToEndEncryption',
      'search',
      'appStore',
      'fileStorage',
      'usReportingDuty',
      'deviceMaker',
    ];
    const response = await this.request.post('/api/v1/assessments', {
      headers: this.headers(),
      data: {
        title,
        frameworks: [{ slug: framework, version: '1.0.0' }],
        profile: {
          features: Object.fromEntries(all.map((feature) => [feature, features.includes(feature)])),
          sizeBand: 'medium',
          sector: 'social-media',
          jurisdictions: ['US', 'FR'],
          languages: ['en', 'fr'],
        },
      },
    });
    expect(response.status(), await response.text()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }

  /** First answers (version 0), one request each. */
  async answer(assessmentId: string, answers: Readonly<Record<string, Answer>>): Promise<void> {
    for (const [questionKey, value] of Object.entries(answers)) {
      const response = await this.request.put(
        `/api/v1/assessments/${assessmentId}/answers/${encodeURIComponent(questionKey)}`,
        { headers: this.headers(), data: { value, expectedVersion: 0 } },
      );
      expect(response.status(), `${questionKey}: ${await response.text()}`).toBe(200);
    }
  }

  private headers(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }
}

/** The live preview in the checklist and `/assessments/:id/score`. */
export class ScorePage {
  readonly preview: Locator;
  readonly result: Locator;

  constructor(private readonly page: Page) {
    this.preview = page.getByTestId('live-score');
    this.result = page.getByTestId('score-result');
  }

  /** The preview's number for a framework, e.g. "68.2 / 100". */
  previewValue(framework: string): Locator {
    return this.preview.getByTestId(`live-score-${framework}`).getByTestId('live-score-value');
  }

  previewCritical(framework: string): Locator {
    return this.preview.getByTestId(`live-score-${framework}`).getByTestId('live-score-critical');
  }

  /**
   * Remembers whether the "Scoring…" state ever shows from now on, however briefly (a fast job can
   * finish within one poll): see {@link sawScoring}.
   */
  async watchForScoring(): Promise<void> {
    await this.page.evaluate(() => {
      const seen = window as unknown as { beaconSawScoring?: boolean };
      seen.beaconSawScoring = false;
      const check = (): void => {
        const pending = document.querySelector('[data-testid="score-pending"]');
        if (pending?.textContent?.trim()) seen.beaconSawScoring = true;
      };
      new MutationObserver(check).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
  }

  /** The `status` of every score the page reads from now on (pending, scored, failed), in order. */
  recordStatuses(): string[] {
    const statuses: string[] = [];
    this.page.on('response', (response) => {
      if (!/\/api\/v1\/assessments\/[^/]+\/score$/.test(new URL(response.url()).pathname)) return;
      void response
        .json()
        .then((body: { status?: string }) => statuses.push(body.status ?? `http ${response.status()}`))
        .catch(() => statuses.push(`http ${response.status()}`));
    });
    return statuses;
  }

  async sawScoring(): Promise<boolean> {
    return this.page.evaluate(() => (window as unknown as { beaconSawScoring?: boolean }).beaconSawScoring === true);
  }

  /** Fills the attestation (name and statement are prefilled) and submits. */
  async submit(title: string): Promise<void> {
    await this.page.getByTestId('submit-assessment').click();
    await this.page.getByTestId('attest-title').fill(title);
    await this.page.getByTestId('attest-submit').click();
  }

  framework(slug: string): Locator {
    return this.page.getByTestId(`score-${slug}`);
  }

  sectionLight(slug: string, section: string): Locator {
    return this.framework(slug).getByTestId(`section-light-${section}`);
  }

  gaps(slug: string): Locator {
    return this.framework(slug).locator('[data-testid="gap-list"] > li');
  }

  async openMethodology(): Promise<Locator> {
    await this.page.getByTestId('open-methodology').click();
    const dialog = this.page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    return dialog;
  }
}
