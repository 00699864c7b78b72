import type { Permission } from '@beacon/domain';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import {
  HttpTestingController,
  type TestRequest,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatButtonHarness } from '@angular/material/button/testing';
import { MatSnackBarHarness } from '@angular/material/snack-bar/testing';
import { errorInterceptor } from '../../../core/http/error.interceptor';
import { I18n } from '../../../core/i18n/i18n';
import { provideAppIcons } from '../../../core/layout/icons';
import { AuthStore } from '../../../core/auth/auth-store';
import { authResponse, me } from '../../../core/auth/auth-test-data';
import { PROBES_URL, STATUS_URL } from '../data/status-api';
import { STATUS_TIMINGS, type StatusTimings } from '../data/status-store';
import { anonymousSystemStatus, probe, systemStatus } from '../data/status-test-data';
import { StatusPage } from './status-page';

const FAST: StatusTimings = { refreshMs: 60_000, probeIntervalMs: 10, probeTimeoutMs: 2_000 };
const PARTS = ['api', 'database', 'redis', 'worker'] as const;

describe('StatusPage', () => {
  let fixture: ComponentFixture<StatusPage>;
  let loader: HarnessLoader;
  let backend: HttpTestingController;

  function setUp(timings: StatusTimings = FAST, permissions: Permission[] = ['queues:monitor']): void {
    TestBed.configureTestingModule({
      imports: [StatusPage],
      providers: [
        provideHttpClient(withInterceptors([errorInterceptor])),
        provideHttpClientTesting(),
        provideAppIcons(),
        { provide: STATUS_TIMINGS, useValue: timings },
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    TestBed.inject(AuthStore).setSession(authResponse('t', me({}, permissions)));
    fixture = TestBed.createComponent(StatusPage);
    loader = TestbedHarnessEnvironment.loader(fixture);
  }

  const element = (): HTMLElement => fixture.nativeElement as HTMLElement;
  const text = (selector: string): string | undefined =>
    element().querySelector(selector)?.textContent?.trim();
  const states = (): Record<string, string | undefined> =>
    Object.fromEntries(
      PARTS.map((part) => [part, text(`[data-testid="status-${part}"] [data-testid="state"]`)]),
    );

  /** Waits (real time) for the next request to `url`, e.g. a poll driven by a timer. */
  async function nextRequest(url: string): Promise<TestRequest> {
    for (let attempt = 0; attempt < 200; attempt++) {
      const [request] = backend.match(url);
      if (request) return request;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    throw new Error(`No request to ${url}`);
  }

  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
  });

  afterEach(() => {
    fixture.destroy();
    backend.verify();
    jest.restoreAllMocks();
  });

  it('shows Healthy or Unavailable for each part, and the workers', async () => {
    setUp();
    backend
      .expectOne({ method: 'GET', url: STATUS_URL })
      .flush(systemStatus({ database: 'down', worker: 'down' }));
    await fixture.whenStable();

    expect(text('[data-testid="page-title"]')).toBe('System status');
    expect(states()).toEqual({
      api: 'Healthy',
      database: 'Unavailable',
      redis: 'Healthy',
      worker: 'Unavailable',
    });
    expect(text('[data-testid="version"]')).toBe('Version 0.1.0');
    const rows = element().querySelectorAll('[data-testid="worker-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.textContent).toContain('worker-1');
    expect(rows[0]?.textContent).toContain('host-a');
    expect(rows[0]?.textContent).toContain('scoring');
    expect(element().querySelector('[data-testid="workers-operators-only"]')).toBeNull();
  });

  it('lists the workers without the ID and host columns when the API leaves them out (not an operator)', async () => {
    setUp(FAST, []);
    backend.expectOne(STATUS_URL).flush(anonymousSystemStatus());
    await fixture.whenStable();

    const headers = [...element().querySelectorAll('[data-testid="workers"] th')].map((th) =>
      th.textContent?.trim(),
    );
    expect(headers).toEqual(['Queues', 'Last seen', 'State']);
    const rows = element().querySelectorAll('[data-testid="worker-row"]');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.querySelectorAll('td')).toHaveLength(3);
    expect(rows[0]?.textContent).toContain('scoring');
    expect(text('[data-testid="workers-operators-only"]')).toBe(
      'Worker IDs and host names are shown to platform operators only.',
    );

    TestBed.inject(I18n).setLocale('fr');
    await fixture.whenStable();
    expect(text('[data-testid="workers-operators-only"]')).toContain('opérateurs de la plateforme');
  });

  it('speaks French when the locale is French', async () => {
    setUp();
    TestBed.inject(I18n).setLocale('fr');
    backend.expectOne(STATUS_URL).flush(systemStatus({ redis: 'down' }));
    await fixture.whenStable();

    expect(text('[data-testid="page-title"]')).toBe('État du système');
    expect(states()).toEqual({
      api: 'Opérationnel',
      database: 'Opérationnel',
      redis: 'Indisponible',
      worker: 'Opérationnel',
    });
  });

  it('shows the API as unavailable, without a snack bar, when the status cannot be loaded', async () => {
    setUp();
    backend.expectOne(STATUS_URL).error(new ProgressEvent('error'), { status: 0 });
    await fixture.whenStable();

    expect(states()).toEqual({
      api: 'Unavailable',
      database: 'Unknown',
      redis: 'Unknown',
      worker: 'Unknown',
    });
    expect(element().querySelector('[data-testid="load-failed"]')).not.toBeNull();
    expect(
      await TestbedHarnessEnvironment.documentRootLoader(fixture).getAllHarnesses(MatSnackBarHarness),
    ).toHaveLength(0);
  });

  it('offers the pipeline check to operators only, and says so to everyone else', async () => {
    setUp(FAST, []);
    backend.expectOne(STATUS_URL).flush(systemStatus());
    await fixture.whenStable();

    expect(element().querySelector('[data-testid="run-probe"]')).toBeNull();
    expect(text('[data-testid="probe-operators-only"]')).toContain('Only platform operators');
  });

  it('runs the pipeline check: posts, polls until completed, shows the round trip and the queues', async () => {
    setUp();
    backend.expectOne(STATUS_URL).flush(systemStatus());
    await fixture.whenStable();

    const button = await loader.getHarness(MatButtonHarness.with({ selector: '[data-testid="run-probe"]' }));
    expect(await button.getText()).toBe('Run pipeline check');
    await button.click();
    expect(await button.isDisabled()).toBe(true);

    backend.expectOne({ method: 'POST', url: PROBES_URL }).flush(probe());
    (await nextRequest(`${PROBES_URL}/probe-1`)).flush(probe());
    (await nextRequest(`${PROBES_URL}/probe-1`)).flush(
      probe({
        state: 'completed',
        roundTripMs: 1234,
        answers: [
          { queue: 'scoring', answeredAt: '2026-01-01T10:05:00.100Z', workerId: 'worker-1' },
          { queue: 'reports', answeredAt: '2026-01-01T10:05:00.200Z', workerId: 'worker-2' },
        ],
      }),
    );
    await fixture.whenStable();

    expect(text('[data-testid="round-trip"]')).toBe('Round trip: 1,234 ms');
    const answers = [...element().querySelectorAll('[data-testid="probe-answers"] li')].map((item) =>
      item.textContent?.trim(),
    );
    expect(answers).toEqual(['scoring: answered by worker-1', 'reports: answered by worker-2']);
    expect(await button.isDisabled()).toBe(false);
  });

  it('reports a pipeline check that does not complete in time', async () => {
    setUp({ ...FAST, probeTimeoutMs: 100 });
    backend.expectOne(STATUS_URL).flush(systemStatus());
    const button = await loader.getHarness(MatButtonHarness.with({ text: 'Run pipeline check' }));
    await button.click();
    backend.expectOne(PROBES_URL).flush(probe());
    // The first poll never answers; the time limit then cancels it.
    const poll = await nextRequest(`${PROBES_URL}/probe-1`);
    const result = () => element().querySelector('[data-testid="probe-result"]');
    for (let attempt = 0; attempt < 100 && result()?.getAttribute('data-state') === 'running'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 5));
      await fixture.whenStable();
    }
    expect(poll.cancelled).toBe(true);
    expect(result()?.getAttribute('data-state')).toBe('timedOut');
    expect(result()?.textContent).toContain('The check did not complete within');
  });

  it('refreshes every refreshMs while open, and stops when destroyed', async () => {
    setUp({ ...FAST, refreshMs: 20 });
    backend.expectOne(STATUS_URL).flush(systemStatus());
    (await nextRequest(STATUS_URL)).flush(systemStatus({ api: 'up', redis: 'down' }));
    await fixture.whenStable();
    expect(states()['redis']).toBe('Unavailable');

    // A poll may have started while the page rendered; only what comes after closing matters.
    backend.match(STATUS_URL);
    fixture.destroy();
    await new Promise((resolve) => setTimeout(resolve, 60));
    backend.expectNone(STATUS_URL);
  });
});
