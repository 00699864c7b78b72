import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests against the whole stack, started exactly as `npm start` starts it (on its own
 * port, database and queue prefix, reset at each run), in Debian's Chromium — never a
 * downloaded browser.
 */
const port = Number(process.env['E2E_PORT'] ?? 3210);
export const baseURL = `http://127.0.0.1:${port}`;
// One database and queue prefix per port, so two runs on one machine never share state.
const database = `beacon_e2e_${port}`;

export default defineConfig({
  testDir: './src/tests',
  outputDir: '../tmp/e2e-results',
  fullyParallel: false,
  workers: 1,
  retries: process.env['CI'] ? 1 : 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: '../tmp/test-results/e2e.json' }]],
  use: {
    baseURL,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
  webServer: {
    command: 'node tools/start.mjs --reset',
    cwd: '..',
    url: `${baseURL}/api/v1/ready`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    env: {
      HTTP_PORT: String(port),
      DATABASE_URL: `postgres://beacon_app@127.0.0.1:5432/${database}`,
      DATABASE_OWNER_URL: `postgres://beacon_owner@127.0.0.1:5432/${database}`,
      QUEUE_PREFIX: `beacon-e2e-${port}`,
      LOG_LEVEL: 'warn',
    },
  },
});
