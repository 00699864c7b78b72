import { defineConfig } from '@playwright/test';
import base from './playwright.config';

/** Browser benchmarks (`npm run bench:checklist`): the e2e set-up, its own port, figures printed instead of a test report. */
// Its own port, hence its own database (`beacon_e2e_<port>`, which the page objects also derive from E2E_PORT).
process.env['E2E_PORT'] ??= '3212';
const port = Number(process.env['E2E_PORT']);
const database = `beacon_e2e_${port}`;

export default defineConfig({
  ...base,
  testDir: './bench',
  testMatch: '**/*.bench.ts',
  retries: 0,
  reporter: [['list']],
  use: { ...base.use, baseURL: `http://127.0.0.1:${port}` },
  webServer: {
    ...base.webServer,
    command: 'node tools/start.mjs --reset',
    url: `http://127.0.0.1:${port}/api/v1/ready`,
    env: {
      HTTP_PORT: String(port),
      DATABASE_URL: `postgres://beacon_app@127.0.0.1:5432/${database}`,
      DATABASE_OWNER_URL: `postgres://beacon_owner@127.0.0.1:5432/${database}`,
      QUEUE_PREFIX: `beacon-bench-e2e-${port}`,
      LOG_LEVEL: 'warn',
    },
  },
});
