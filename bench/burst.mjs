#!/usr/bin/env node
// Burst benchmark (security issue, "no request can hang the API"): starts the stack like `npm start`,
// then sends, route by route, a burst of 3× the connection pool size (60 with the default pool of
// 20) at every public route and at /auth/login (right and wrong passwords), while a prober asks
// GET /health every 20 ms. It prints, per route, the statuses and the slowest answer, and the /health
// latency under each burst. Every request must be answered (2xx, 4xx or 503); none may hang (a
// request still open after 60 s counts as hung).
// Usage: npm run bench:burst   (BENCH_POOL_SIZE overrides the pool size, BENCH_PORT the port)
import { percentile, startStack } from './lib/stack.mjs';

const poolSize = Number(process.env.BENCH_POOL_SIZE ?? 20);
const port = Number(process.env.BENCH_PORT ?? 3291);
const burst = 3 * poolSize;
const hungAfterMs = 60000;

async function call(url, init = {}) {
  const started = performance.now();
  try {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(hungAfterMs) });
    await res.arrayBuffer();
    return { status: res.status, ms: performance.now() - started };
  } catch (error) {
    return { status: error.name === 'TimeoutError' ? 'hung' : 'network-error', ms: performance.now() - started };
  }
}

const stack = await startStack(port, { DATABASE_POOL_SIZE: String(poolSize) });
const base = stack.base;
let failed = false;
try {
  const email = `burst-${Date.now()}@example.test`;
  const password = 'quiet lantern harbour 1987';
  const registered = await fetch(`${base}/auth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, name: 'Burst Bench', organizationName: 'Burst Bench Ltd' }),
  });
  if (registered.status !== 201) throw new Error(`sign-up failed: ${registered.status}`);
  const json = (body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const form = () => {
    const body = new FormData();
    body.append('file', new Blob(['not a report']), 'report.pdf');
    return { method: 'POST', body };
  };
  const routes = [
    ['GET /frameworks', `${base}/frameworks`],
    ['GET /frameworks/:slug/versions/:version', `${base}/frameworks/ncmec-minimum-safety-measures/versions/1.0.0`],
    ['GET /frameworks/:slug/versions/:version/oscal', `${base}/frameworks/ncmec-minimum-safety-measures/versions/1.0.0/oscal`],
    ['GET /frameworks/:slug/versions/:version/diff/:other', `${base}/frameworks/ncmec-minimum-safety-measures/versions/1.0.0/diff/1.0.0`],
    ['GET /mappings', `${base}/mappings`],
    ['GET /mappings/oscal', `${base}/mappings/oscal`],
    ['GET /ready', `${base}/ready`],
    ['GET /status', `${base}/status`],
    ['GET /reports/signing-keys', `${base}/reports/signing-keys`],
    ['GET /invitations/:token', `${base}/invitations/no-such-token`],
    ['POST /auth/refresh', `${base}/auth/refresh`, () => ({ method: 'POST' })],
    ['POST /auth/logout', `${base}/auth/logout`, () => ({ method: 'POST' })],
    ['POST /reports/verify', `${base}/reports/verify`, form],
    ['POST /auth/login (right password)', `${base}/auth/login`, () => json({ email, password })],
    ['POST /auth/login (wrong password)', `${base}/auth/login`, () => json({ email: `nobody-${Math.random()}@example.test`, password: 'wrong wrong wrong 1' })],
  ];

  // A running service is warm: one request per route first (JIT, the catalogue's caches), not timed.
  for (const [, url, init] of routes) await call(url, init?.());
  console.log(`Burst of ${burst} concurrent requests per route (pool ${poolSize}); /health probed every 20 ms during each burst.\n`);
  console.log('| route | statuses | slowest answer | /health p50 | /health max |');
  console.log('| --- | --- | --- | --- | --- |');
  const allHealth = [];
  for (const [label, url, init] of routes) {
    let bursting = true;
    const health = [];
    const prober = (async () => {
      while (bursting) {
        health.push((await call(`${base}/health`)).ms);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answers = await Promise.all(Array.from({ length: burst }, () => call(url, init?.())));
    bursting = false;
    await prober;
    const statuses = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    if (answers.some((a) => typeof a.status !== 'number' || (a.status >= 500 && a.status !== 503))) failed = true;
    health.sort((a, b) => a - b);
    allHealth.push(...health);
    const slowest = Math.max(...answers.map((a) => a.ms));
    const summary = Object.entries(statuses).map(([s, n]) => `${s}×${n}`).join(' ');
    console.log(`| ${label} | ${summary} | ${slowest.toFixed(0)} ms | ${percentile(health, 50).toFixed(1)} ms | ${health.at(-1).toFixed(1)} ms |`);
  }
  allHealth.sort((a, b) => a - b);
  console.log(`\n/health during all bursts: ${allHealth.length} probes, p50 ${percentile(allHealth, 50).toFixed(1)} ms, p99 ${percentile(allHealth, 99).toFixed(1)} ms, max ${allHealth.at(-1).toFixed(1)} ms`);
  if (failed) console.log('SOME REQUESTS HUNG OR ANSWERED A 5xx OTHER THAN 503');
} finally {
  await stack.stop();
}
process.exit(failed ? 1 : 0);
