#!/usr/bin/env node
// Benchmark of the scoring engine (`scoreAssessment` of @beacon/domain) on one core.
//
// How it loads the engine: @beacon/domain is TypeScript source with no build of its own (the
// backend compiles it into dist/ together with the API, and that output may be half-written while
// someone builds). So the script bundles shared/domain/src/index.ts in memory with esbuild (already
// in node_modules for the Angular build), imports the bundle from a data: URL and never writes a
// file. The code measured is the same source the API, the worker and the browser run.
//
// What it measures: the six shipped frameworks and every shipped mapping set, a service profile
// with every feature on (every requirement applies), and 32 different realistic answer sets (mixed
// yes / partial / no / not-applicable, maturity levels, choices, figures, some questions left
// unanswered, a few invalid stored values, one alternative and one declared not-applicable
// requirement), scored in turn. One second of warm-up, then at least BENCH_SECONDS (default 5) of
// timed scoring in a single thread. Exits with status 1 below the target of 5,000 scorings/s.
//
// Usage: npm run bench:scoring-engine   (BENCH_SECONDS overrides the timed duration)
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

const TARGET_PER_SECOND = 5_000;
const seconds = Math.max(5, Number(process.env.BENCH_SECONDS ?? 5));
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

async function loadDomain() {
  const bundle = await build({
    entryPoints: [join(root, 'shared/domain/src/index.ts')],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2023',
    write: false,
    logLevel: 'error',
  });
  const code = bundle.outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

function loadCatalog(folder) {
  const dir = join(root, 'shared/catalog', folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort()
    .map((name) => parse(readFileSync(join(dir, name), 'utf8')));
}

/** A small deterministic generator, so every run scores the same answer sets. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function pick(random, items) {
  return items[Math.floor(random() * items.length)];
}

function realisticAnswer(question, random) {
  switch (question.type) {
    case 'yes-partial-no':
      return pick(random, ['yes', 'yes', 'yes', 'partial', 'partial', 'no', 'not-applicable']);
    case 'maturity':
      return pick(random, [1, 2, 2, 3, 3, 4]);
    case 'single-choice':
      return pick(random, question.options).value;
    case 'multiple-choice': {
      const regular = question.options.filter((option) => option.exclusive !== true);
      const chosen = regular.filter(() => random() < 0.6).map((option) => option.value);
      const none = question.options.find((option) => option.exclusive === true);
      if (chosen.length > 0) return chosen;
      return none ? [none.value] : [regular[0].value];
    }
    case 'number':
    case 'percentage':
    case 'duration': {
      const min = question.min ?? 0;
      const max = question.max ?? (question.type === 'percentage' ? 100 : 200);
      return Math.round(min + random() * (max - min));
    }
    case 'date':
      return '2025-09-30';
    case 'text':
      return 'Handled by the trust and safety team, reviewed every quarter.';
    case 'url':
      return 'https://example.org/policies/child-safety';
    default:
      throw new Error(`unknown question type ${question.type}`);
  }
}

function answerSet(frameworks, questionsOf, seed) {
  const random = generator(seed);
  const answers = {};
  for (const framework of frameworks)
    for (const question of questionsOf(framework)) {
      const roll = random();
      if (roll < 0.08) continue; // not answered yet
      answers[question.key] = roll < 0.1 ? 'stale value' : realisticAnswer(question, random);
    }
  return answers;
}

const domain = await loadDomain();
const frameworks = loadCatalog('frameworks');
const mappingSets = loadCatalog('mappings');
const profile = {
  features: Object.fromEntries(domain.SERVICE_FEATURES.map((feature) => [feature, true])),
  sizeBand: 'large',
  jurisdictions: ['FR', 'GB', 'US'],
  languages: ['en', 'fr'],
  sector: 'social-media',
};
const requirementStatuses = {
  'MSM-1': { kind: 'alternative', justification: 'An in-house matcher with equivalent coverage.' },
  'VD-1': { kind: 'not-applicable', justification: 'The service has no video decoding pipeline.' },
};
const inputs = Array.from({ length: 32 }, (_, index) => ({
  frameworks,
  profile,
  answers: answerSet(frameworks, domain.frameworkQuestions, 1000 + index),
  requirementStatuses,
  mappingSets,
}));

const applicableQuestions = frameworks
  .flatMap((framework) => domain.applicableRequirements(framework, profile))
  .reduce((sum, requirement) => sum + requirement.questions.length, 0);
const sample = domain.scoreAssessment(inputs[0]);
const progress = domain.assessmentProgress(inputs[0]);
console.log(
  `scoring-engine: ${frameworks.length} frameworks, ${mappingSets.length} mapping sets, ` +
    `${applicableQuestions} applicable questions (${progress.visibleQuestions} asked after mappings, statuses and conditions), ` +
    `${inputs.length} answer sets`,
);
console.log(`sample scores: ${sample.frameworks.map((framework) => `${framework.slug} ${framework.score} ${framework.rating?.key}`).join(', ')}`);

function run(durationMs) {
  let count = 0;
  let sink = 0;
  const started = performance.now();
  let now = started;
  while (now - started < durationMs) {
    for (let index = 0; index < 100; index += 1) {
      const result = domain.scoreAssessment(inputs[count % inputs.length]);
      sink += result.frameworks.length;
      count += 1;
    }
    now = performance.now();
  }
  return { count, elapsedMs: now - started, sink };
}

run(1000);
const { count, elapsedMs, sink } = run(seconds * 1000);
if (sink === 0) throw new Error('nothing was scored');
const perSecond = count / (elapsedMs / 1000);
const meanMicros = (elapsedMs * 1000) / count;
console.log(
  `scoring-engine: ${Math.round(perSecond).toLocaleString('en-US')} scorings/s, mean ${meanMicros.toFixed(1)} µs per scoring ` +
    `(${count.toLocaleString('en-US')} scorings in ${(elapsedMs / 1000).toFixed(1)} s, Node ${process.version}, one thread)`,
);
if (perSecond < TARGET_PER_SECOND) {
  console.error(`scoring-engine: below the target of ${TARGET_PER_SECOND.toLocaleString('en-US')} scorings/s`);
  process.exit(1);
}
