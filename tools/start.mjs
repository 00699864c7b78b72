#!/usr/bin/env node
// `npm start`: makes sure PostgreSQL and Redis run, creates the database and roles, migrates,
// seeds, builds, then runs the API (which also serves the web app) and the worker on one origin.
// Ctrl-C stops everything it started. Settings come from the environment or `.env`, with the
// development defaults of `.env.example`. Outside production, a JWT secret and a report-signing key
// that are not configured are generated once for this installation and kept in `.beacon/` (owner
// only, git-ignored); the API and the worker read them from there (`*_FILE`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensurePostgres, ensureRedis, waitUntil } from './services.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) fail(`Node 24 is required (found ${process.version}); run through npm: \`npm start\`.`);

if (existsSync('.env')) process.loadEnvFile('.env');
const defaults = {
  NODE_ENV: 'development',
  HTTP_HOST: '127.0.0.1',
  HTTP_PORT: '3000',
  DATABASE_URL: 'postgres://beacon_app@127.0.0.1:5432/beacon',
  DATABASE_OWNER_URL: 'postgres://beacon_owner@127.0.0.1:5432/beacon',
  DATABASE_ADMIN_URL: 'postgres://postgres@127.0.0.1:5432/postgres',
  REDIS_URL: 'redis://127.0.0.1:6379',
  WEB_ROOT: 'dist/frontend/browser',
};
// The development platform administrator (set your own in .env; production has no defaults).
const developmentAdmin = {
  PLATFORM_ADMIN_EMAIL: 'admin@beacon.test',
  PLATFORM_ADMIN_NAME: 'Beacon operator',
  PLATFORM_ADMIN_PASSWORD: 'lighthouse keeper on duty',
};
for (const [key, value] of Object.entries(defaults)) process.env[key] ??= value;
const production = process.env.NODE_ENV === 'production';
if (!production) for (const [key, value] of Object.entries(developmentAdmin)) process.env[key] ??= value;
const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_TUI: 'false' };
const reset = process.argv.includes('--reset') || process.env.BEACON_RESET_DATABASE === '1';

function log(message) {
  process.stdout.write(`[beacon] ${message}\n`);
}

function fail(message) {
  process.stderr.write(`[beacon] ${message}\n`);
  process.exit(1);
}

/** This installation's own secrets, for those the environment does not configure (never printed). */
function provideInstallationSecrets() {
  const require = createRequire(import.meta.url);
  const { ensureInstallationSecrets } = require(join(root, 'dist/backend/backend/src/platform/config/installation-secrets.js'));
  for (const secret of ensureInstallationSecrets(join(root, '.beacon'), process.env)) {
    env[`${secret.variable}_FILE`] = secret.path;
    const where = relative(root, secret.path);
    log(secret.generated ? `${secret.variable}: generated for this installation into ${where} (readable by you only).` : `${secret.variable}: read from ${where}.`);
  }
}

function run(command, args, what) {
  log(what);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) fail(`${what} failed (exit ${result.status ?? result.signal}).`);
}

const started = Date.now();
await ensurePostgres(process.env.DATABASE_ADMIN_URL, log, fail);
await ensureRedis(process.env.REDIS_URL, log, fail);

const nx = join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js');
run(process.execPath, [nx, 'run-many', '-t', 'build', '-p', 'backend', 'frontend', '--outputStyle=static'], 'Building backend and web app…');
if (!production) provideInstallationSecrets();
const cli = join(root, 'dist/backend/backend/src/database/cli.js');
if (reset) run(process.execPath, [cli, 'drop'], 'Dropping the database (--reset)…');
run(process.execPath, [cli, 'provision'], 'Creating the database and roles when missing…');
run(process.execPath, [cli, 'migrate'], 'Migrating…');
run(process.execPath, [cli, 'seed'], 'Seeding…');
if (process.env.PLATFORM_ADMIN_EMAIL && process.env.PLATFORM_ADMIN_PASSWORD) {
  run(process.execPath, [cli, 'create-admin'], 'Creating the platform administrator when missing…');
}
if (!production) run(process.execPath, [cli, 'seed-demo'], 'Adding the demo company when missing…');

const children = [];
function startProcess(name, script) {
  const child = spawn(process.execPath, [join(root, script)], { stdio: 'inherit', env });
  child.on('exit', (code, signal) => {
    if (!stopping) {
      process.stderr.write(`[beacon] ${name} exited (${code ?? signal}); stopping.\n`);
      stop(1);
    }
  });
  children.push(child);
}

let stopping = false;
function stop(code = 0) {
  if (stopping) return;
  stopping = true;
  log('Stopping…');
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  const force = setTimeout(() => children.forEach((c) => c.exitCode === null && c.kill('SIGKILL')), 15000);
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(() => {
    clearTimeout(force);
    process.exit(code);
  });
}
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

startProcess('api', 'dist/backend/backend/src/main.api.js');
startProcess('worker', 'dist/backend/backend/src/main.worker.js');

const base = `http://${process.env.HTTP_HOST}:${process.env.HTTP_PORT}`;
const ready = await waitUntil(async () => {
  try {
    return (await fetch(`${base}/api/v1/ready`)).ok;
  } catch {
    return false;
  }
}, 60);
if (!ready) {
  process.stderr.write('[beacon] The API did not become ready within 60 s.\n');
  stop(1);
} else {
  log(`Beacon is ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${base}/  (API docs: ${base}/api/docs). Ctrl-C stops it.`);
  if (!production) {
    log(`Demo company login: demo@beacon.test / harbour lights at dusk (a partly completed assessment is waiting).`);
    log(`Platform administrator: ${process.env.PLATFORM_ADMIN_EMAIL} / ${process.env.PLATFORM_ADMIN_PASSWORD}. Or sign up a company at ${base}/signup.`);
  }
}
