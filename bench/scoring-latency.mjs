#!/usr/bin/env node
// Benchmark of background scoring (issue "scoring backend"): starts the stack the way `npm start`
// does (its own port, database and queue prefix), prepares BENCH_SUBMISSIONS assessments with every
// question answered (not timed), then measures in the same run
//   1. submit → score visible: POST /api/v1/assessments/:id/submit, then GET …/score in a tight
//      loop until it is no longer `pending` (API → outbox → relay → BullMQ → worker → PostgreSQL → API);
//   2. the floor: BullMQ's round trip of an empty job on the same Redis (add to a scratch queue with
//      a no-op worker → completed event), the part of (1) no application code can remove.
// Usage: npm run bench:scoring   (BENCH_SUBMISSIONS, BENCH_CONCURRENCY, BENCH_POLL_MS, BENCH_PORT override the defaults)
import { Queue, QueueEvents, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { percentile, startStack } from './lib/stack.mjs';

const submissions = Number(process.env.BENCH_SUBMISSIONS ?? 200);
const concurrency = Number(process.env.BENCH_CONCURRENCY ?? 1);
const pollMs = Number(process.env.BENCH_POLL_MS ?? 5);
const port = Number(process.env.BENCH_PORT ?? 3291);
const base = `http://127.0.0.1:${port}/api/v1`;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
/** The empty-job floor's own scratch queues. */
const prefix = `beacon-bench-floor-${port}`;
const frameworks = [{ slug: 'ncmec-minimum-safety-measures', version: '1.0.0' }];
const profile = {
  features: { userMedia: true, livestreaming: true, generativeAi: true, under18Accounts: true, messaging: true, endToEndEncryption: false, search: false, appStore: false, fileStorage: true, usReportingDuty: true, deviceMaker: false },
  sizeBand: 'large',
  jurisdictions: ['US', 'FR'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
const attestation = { name: 'Load Tester', title: 'Head of Trust & Safety', statement: 'I attest these answers are accurate and complete.' };

function summary(label, latencies, extra = '') {
  const sorted = [...latencies].sort((a, b) => a - b);
  const line = `${label}: p50 ${percentile(sorted, 50).toFixed(1)} ms, p95 ${percentile(sorted, 95).toFixed(1)} ms, max ${sorted.at(-1).toFixed(1)} ms (${sorted.length} samples${extra})`;
  console.log(line);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
}

async function json(path, init = {}) {
  const res = await fetch(`${base}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.headers ?? {}) } });
  const body = res.status === 204 ? null : await res.json();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path} → ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Runs `task(i)` for i in 0..count-1 with at most `width` at once. */
async function pool(count, width, task) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) {
        const i = next;
        next += 1;
        await task(i);
      }
    }),
  );
}

function sampleValue(q, i) {
  switch (q.type) {
    case 'yes-partial-no':
      return ['yes', 'partial', 'no'][i % 3];
    case 'maturity':
      return i % 5;
    case 'single-choice':
      return q.options[i % q.options.length].value;
    case 'multiple-choice':
      return [(q.options.find((o) => !o.exclusive) ?? q.options[0]).value];
    case 'number':
    case 'duration':
      return q.min ?? 1;
    case 'percentage':
      return q.max ?? 100;
    case 'date':
      return '2026-01-15';
    case 'text':
      return 'Documented in our child-safety policy.';
    case 'url':
      return 'https://example.org/policy';
    default:
      throw new Error(`no sample answer for question type ${q.type}`);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** submit → score visible, for each prepared assessment. */
async function measureScoring(headers, ids) {
  const latencies = [];
  const failures = [];
  await pool(ids.length, concurrency, async (i) => {
    const id = ids[i];
    const started = performance.now();
    await json(`/assessments/${id}/submit`, { method: 'POST', headers, body: JSON.stringify({ attestation }) });
    for (;;) {
      const score = await json(`/assessments/${id}/score`, { headers });
      if (score.status !== 'pending') {
        latencies.push(performance.now() - started);
        if (score.status !== 'scored') failures.push(`${id}: ${score.failureReason}`);
        return;
      }
      if (performance.now() - started > 30_000) throw new Error(`assessment ${id} still pending after 30 s`);
      await sleep(pollMs);
    }
  });
  if (failures.length > 0) console.error(`scoring failed for ${failures.length} submission(s), e.g. ${failures[0]}`);
  return summary('submit → score visible', latencies, `, concurrency ${concurrency}, poll every ${pollMs} ms`);
}

/** The floor: an empty job through BullMQ on the same Redis, add → completed event. */
async function measureBullmqFloor(count) {
  const name = `bench-floor-${process.pid}`;
  const connections = [];
  const connection = () => {
    const redis = new Redis(redisUrl, { maxRetriesPerRequest: null });
    connections.push(redis);
    return redis;
  };
  const queue = new Queue(name, { connection: connection(), prefix });
  const events = new QueueEvents(name, { connection: connection(), prefix });
  const worker = new Worker(name, async () => undefined, { connection: connection(), prefix, concurrency });
  await Promise.all([queue.waitUntilReady(), events.waitUntilReady(), worker.waitUntilReady()]);
  const waiting = new Map();
  events.on('completed', ({ jobId }) => waiting.get(jobId)?.());
  const latencies = [];
  try {
    await pool(count, concurrency, async (i) => {
      const jobId = `floor-${i}`;
      const done = new Promise((resolve) => waiting.set(jobId, resolve));
      const started = performance.now();
      await queue.add('noop', {}, { jobId, removeOnComplete: true });
      await done;
      latencies.push(performance.now() - started);
    });
  } finally {
    await worker.close();
    await events.close();
    await queue.obliterate({ force: true });
    await queue.close();
    // Connections handed to BullMQ stay open until their owner closes them.
    for (const redis of connections) redis.disconnect();
  }
  return summary('BullMQ empty job add → completed (floor)', latencies, `, concurrency ${concurrency}`);
}

const stack = await startStack(port);

try {
  const auth = await json('/auth/register', {
    method: 'POST',
    body: JSON.stringify({ email: `bench-${Date.now()}@example.test`, password: 'quiet lantern harbour 2026', name: 'Load Tester', organizationName: 'Bench Co' }),
  });
  const headers = { authorization: `Bearer ${auth.accessToken}` };
  const trees = await Promise.all(frameworks.map((f) => json(`/frameworks/${f.slug}/versions/${f.version}`)));
  const questions = trees.flatMap((t) => t.framework.sections.flatMap((s) => s.requirements.flatMap((r) => r.questions)));

  // Preparation, not timed: assessments with every question answered.
  const prepared = performance.now();
  const ids = [];
  await pool(submissions, 10, async () => {
    const assessment = await json('/assessments', { method: 'POST', headers, body: JSON.stringify({ title: 'Bench', frameworks, profile }) });
    for (const [i, question] of questions.entries()) {
      await json(`/assessments/${assessment.id}/answers/${question.key}`, {
        method: 'PUT',
        headers,
        body: JSON.stringify({ value: sampleValue(question, i), expectedVersion: 0 }),
      });
    }
    ids.push(assessment.id);
  });
  console.log(`prepared ${ids.length} assessments (${questions.length} answers each) in ${((performance.now() - prepared) / 1000).toFixed(1)} s`);

  const scoring = await measureScoring(headers, ids);
  const floor = await measureBullmqFloor(submissions);
  console.log(`target p95 ≤ 1000 ms: ${scoring.p95 <= 1000 ? 'met' : 'NOT met'}; p50 above the BullMQ floor: ${(scoring.p50 - floor.p50).toFixed(1)} ms`);
} finally {
  await stack.stop();
}
