#!/usr/bin/env node
// Benchmark of the answer autosave (issue "self-assessment workflow"): starts the stack the way
// `npm start` does (its own port, database and queue prefix), then measures in the same run
//   1. PUT /api/v1/assessments/:id/answers/:key — 50 concurrent connections for 20 s: throughput, p50, p99;
//   2. the ceiling: the same single-row versioned upsert through a plain `pg` pool, same concurrency.
// Usage: npm run bench:answers   (BENCH_SECONDS, BENCH_CONNECTIONS override the defaults)
import http from 'node:http';
import pg from 'pg';
import { percentile, startStack } from './lib/stack.mjs';

const seconds = Number(process.env.BENCH_SECONDS ?? 20);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const port = Number(process.env.BENCH_PORT ?? 3290);
const base = `http://127.0.0.1:${port}/api/v1`;

async function measure(label, worker) {
  const latencies = [];
  let errors = 0;
  const deadline = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: connections }, async (_, index) => {
      while (performance.now() < deadline) {
        const started = performance.now();
        try {
          await worker(index);
          latencies.push(performance.now() - started);
        } catch (error) {
          errors += 1;
          if (errors < 5) console.error(`${label}: ${error.message}`);
        }
      }
    }),
  );
  latencies.sort((a, b) => a - b);
  const result = {
    label,
    requests: latencies.length,
    errors,
    perSecond: Math.round(latencies.length / seconds),
    p50: percentile(latencies, 50).toFixed(1),
    p99: percentile(latencies, 99).toFixed(1),
  };
  console.log(`${label}: ${result.perSecond} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms (${result.requests} requests, ${errors} errors)`);
  return result;
}

async function json(path, init = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const stack = await startStack(port);

try {
  const profile = {
    features: { userMedia: true, livestreaming: true, generativeAi: true, under18Accounts: true, messaging: true, endToEndEncryption: false, search: false, appStore: false, fileStorage: true, usReportingDuty: true, deviceMaker: false },
    sizeBand: 'large',
    jurisdictions: ['US', 'FR'],
    languages: ['en', 'fr'],
    sector: 'social-media',
  };
  const auth = await json('/auth/register', {
    method: 'POST',
    body: JSON.stringify({ email: `bench-${Date.now()}@example.test`, password: 'quiet lantern harbour 2026', name: 'Load Tester', organizationName: 'Bench Co' }),
  });
  const headers = { authorization: `Bearer ${auth.accessToken}` };
  const frameworks = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];
  // One assessment per connection, so each connection owns its row and never conflicts.
  const assessments = [];
  for (let i = 0; i < connections; i += 1) {
    assessments.push(await json('/assessments', { method: 'POST', headers, body: JSON.stringify({ title: `Bench ${i}`, frameworks, profile }) }));
  }
  const versions = new Array(connections).fill(0);
  const values = ['yes', 'partial', 'no'];

  // The load generator uses node:http with one kept-alive socket per connection: cheaper per
  // request than fetch, so less of the shared CPU goes to the generator itself.
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const put = (path, body) =>
    new Promise((resolve, reject) => {
      const req = http.request(
        `${base}${path}`,
        { method: 'PUT', agent, headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode, body: JSON.parse(Buffer.concat(chunks).toString()) }));
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });

  const api = await measure('PUT answer (API)', async (i) => {
    const { status, body } = await put(
      `/assessments/${assessments[i].id}/answers/MSM-1-q1`,
      JSON.stringify({ value: values[versions[i] % 3], expectedVersion: versions[i] }),
    );
    if (status !== 200) throw new Error(`status ${status}: ${body.code}`);
    versions[i] = body.version;
  });
  agent.destroy();

  // The ceiling: the same single-row versioned upsert, straight through a pg pool.
  const pool = new pg.Pool({ connectionString: stack.env.DATABASE_OWNER_URL, max: Number(process.env.DATABASE_POOL_SIZE ?? 20) });
  await pool.query(`CREATE TABLE IF NOT EXISTS bench_answers (assessment_id int, question_key text, value jsonb, version int, PRIMARY KEY (assessment_id, question_key))`);
  const ceiling = await measure('upsert (plain pg pool)', (i) =>
    pool.query(
      `INSERT INTO bench_answers VALUES ($1, 'MSM-1-q1', $2::jsonb, 1)
       ON CONFLICT (assessment_id, question_key) DO UPDATE SET value = excluded.value, version = bench_answers.version + 1`,
      [i, JSON.stringify(values[i % 3])],
    ),
  );
  await pool.end();
  console.log(`ratio API / ceiling: ${(api.perSecond / ceiling.perSecond).toFixed(2)}`);
} finally {
  await stack.stop();
}
