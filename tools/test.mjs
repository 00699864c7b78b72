#!/usr/bin/env node
// `npm test`: lint, typecheck and unit tests of every project, integration tests against the real
// PostgreSQL and Redis, and the Playwright end-to-end tests in Debian's Chromium against the stack
// started the way `npm start` starts it. Every step runs; the exit code is non-zero if any failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres, ensureRedis } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);
const log = (message) => process.stdout.write(`[beacon:test] ${message}\n`);
const fail = (message) => {
  process.stderr.write(`[beacon:test] ${message}\n`);
  process.exit(1);
};

if (Number(process.versions.node.split('.')[0]) !== 24) fail(`Node 24 is required (found ${process.version}); run \`npm test\`.`);
await ensurePostgres(process.env.DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres', log, fail);
await ensureRedis(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379', log, fail);

const results = join(root, 'tmp', 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false', PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };
const nx = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
const steps = [
  ['Lint, typecheck and unit tests', ['run-many', '-t', 'lint', 'typecheck', 'test', '--outputStyle=static']],
  ['Integration tests (PostgreSQL, Redis)', ['run', 'backend:integration', '--outputStyle=static']],
  ['End-to-end tests (Chromium)', ['run', 'e2e:e2e', '--outputStyle=static']],
];
// In CI every test runs again: no result is taken from Nx's cache.
const cacheFlag = process.env.CI ? ['--skip-nx-cache'] : [];
const only = process.argv[2];
const failedSteps = [];
for (const [title, args] of steps) {
  if (only && !title.toLowerCase().startsWith(only)) continue;
  log(`${title}…`);
  const started = Date.now();
  const { status } = spawnSync(process.execPath, [nx, ...args, ...cacheFlag], { stdio: 'inherit', env });
  log(`${title}: ${status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (status !== 0) failedSteps.push(title);
}

// Jest (`--json`) and Playwright (json reporter) leave their counts here.
let passed = 0;
let failed = 0;
for (const file of existsSync(results) ? readdirSync(results) : []) {
  const report = JSON.parse(readFileSync(join(results, file), 'utf8'));
  if (report.stats) {
    passed += report.stats.expected + (report.stats.flaky ?? 0);
    failed += report.stats.unexpected;
  } else {
    passed += report.numPassedTests ?? 0;
    failed += (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  }
}
if (failedSteps.length > 0) log(`Failed steps: ${failedSteps.join(', ')}`);
process.stdout.write(`Tests: ${passed} passed, ${failed} failed\n`);
process.exit(failedSteps.length > 0 || failed > 0 || passed === 0 ? 1 : 0);
