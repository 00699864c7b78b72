#!/usr/bin/env node
// Benchmark of report rendering (issue "compliance reports"): builds the report model of an assessment
// with ~150 applicable requirements (three renamed copies of the shipped frameworks, every answer
// given) and renders it repeatedly in-process, as the worker does: PDF (target p95 ≤ 300 ms for
// ~20 pages), JSON and CSV (target p95 ≤ 50 ms). Uses the compiled backend: build it first.
// Usage: npm exec -- nx run backend:build && node bench/reports.mjs   (BENCH_RUNS overrides the PDF runs)
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/backend/backend/src/modules/reports');
const require = createRequire(import.meta.url);
const fixtures = require(join(dist, 'reports.test-fixtures.js'));
const { renderReport } = require(join(dist, 'render/render-report.js'));

const pdfRuns = Number(process.env.BENCH_RUNS ?? 40);
const fastRuns = pdfRuns * 5;
const warmup = 3;

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function measure(label, runs, fn) {
  for (let i = 0; i < warmup; i += 1) await fn();
  const times = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const result = { label, runs, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1] };
  console.log(`${label.padEnd(22)} p50 ${result.p50.toFixed(1).padStart(6)} ms   p95 ${result.p95.toFixed(1).padStart(6)} ms   max ${result.max.toFixed(1).padStart(6)} ms   (${runs} runs)`);
  return result;
}

fixtures.fixtureCatalog(join(root, 'shared/catalog'));
const frameworks = fixtures.enlargedFrameworks(3);
const model = fixtures.fixtureModel('en', { frameworks, mappingSets: [] });
const requirements = model.frameworks.flatMap((f) => f.requirements);
const applicable = requirements.filter((r) => r.applicable).length;
const sample = await renderReport('pdf', model);
const pages = (sample.bytes.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
console.log(`Assessment: ${model.frameworks.length} frameworks, ${requirements.length} requirements (${applicable} applicable), ` +
  `${model.remediationPlan.length} gaps; PDF ${pages} pages, ${(sample.bytes.length / 1024).toFixed(0)} KiB. Node ${process.version}.`);

const results = [
  await measure('model (buildReportModel)', fastRuns, () => fixtures.fixtureModel('en', { frameworks, mappingSets: [] })),
  await measure('PDF', pdfRuns, () => renderReport('pdf', model)),
  await measure('JSON', fastRuns, () => renderReport('json', model)),
  await measure('CSV', fastRuns, () => renderReport('csv', model)),
  await measure('OSCAL', fastRuns, () => renderReport('oscal', model)),
];
const targets = { PDF: 300, JSON: 50, CSV: 50 };
let failed = false;
for (const r of results) {
  const target = targets[r.label];
  if (target === undefined) continue;
  const ok = r.p95 <= target;
  failed ||= !ok;
  console.log(`${r.label}: p95 ${r.p95.toFixed(1)} ms ${ok ? '≤' : '>'} target ${target} ms ${ok ? 'OK' : 'MISSED'}`);
}
process.exitCode = failed ? 1 : 0;
