import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import ts from 'typescript';
import { canonicalJson } from '../canonical-json';
import { ZONES } from './review.test-fixtures';
import { type ProbeInput, probe } from './time-zone-probe.test-fixtures';

/**
 * The clocks must give the same answers on a server in UTC, a laptop in Sydney and a browser in
 * Los Angeles. Two proofs: the sources use no local-time `Date` API at all, and the computations,
 * run under several process time zones, agree to the byte.
 */

// Local-time Date APIs, and the ways of reading the process's clock or zone.
const FORBIDDEN: readonly [RegExp, string][] = [
  [
    /\.(?:get|set)(?:FullYear|Month|Date|Day|Hours|Minutes|Seconds|Milliseconds|Year)\(/,
    'a local-time Date getter or setter',
  ],
  [/\.getTimezoneOffset\(/, 'the process time zone offset'],
  [/\.to(?:Locale\w*|Date|Time)String\(/, 'a local-time rendering'],
  [/new Date\(\s*\)|Date\.now\(/, 'the process clock'],
  [/new Date\([^()]*,/, 'the local-time Date constructor'],
  [/Date\.parse\(|new Date\(\s*['"`]/, 'date parsing, local for some formats'],
  [/resolvedOptions\(\)\.timeZone/, 'the process time zone'],
];

function offences(source: string): string[] {
  const found = FORBIDDEN.filter(([pattern]) => pattern.test(source)).map(([, what]) => what);
  // Every Intl formatter must name its zone: without `timeZone` it would use the process's.
  for (const match of source.matchAll(/Intl\.DateTimeFormat\(/g))
    if (!source.slice(match.index, match.index + 400).includes('timeZone'))
      found.push('an Intl formatter without a time zone');
  return found;
}

const SOURCES = readdirSync(__dirname)
  .filter((name) => name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.test-fixtures.ts'))
  .map((name) => ({ name, source: readFileSync(join(__dirname, name), 'utf8') }));

describe('independence from the process time zone — the sources', () => {
  it('scans every source of review/', () => {
    expect(SOURCES.map((file) => file.name)).toEqual(
      expect.arrayContaining(['clock.ts', 'time-zone.ts', 'calendar-date.ts', 'due-dates.ts']),
    );
  });

  it.each(SOURCES.map((file) => [file.name, file.source] as const))(
    '%s uses no local-time Date API',
    (_name, source) => {
      expect(offences(source)).toEqual([]);
    },
  );

  it.each([
    ['date.getHours()', 'a local-time Date getter or setter'],
    ['date.setDate(1)', 'a local-time Date getter or setter'],
    ['date.getDay()', 'a local-time Date getter or setter'],
    ['date.getTimezoneOffset()', 'the process time zone offset'],
    ['date.toLocaleDateString()', 'a local-time rendering'],
    ['new Date()', 'the process clock'],
    ['Date.now()', 'the process clock'],
    ['new Date(2026, 11, 4)', 'the local-time Date constructor'],
    ["new Date('2026-12-04T10:00')", 'date parsing, local for some formats'],
    ['Intl.DateTimeFormat().resolvedOptions().timeZone', 'the process time zone'],
    ["new Intl.DateTimeFormat('en', { hour: 'numeric' })", 'an Intl formatter without a time zone'],
  ])('would catch %s', (source, what) => {
    expect(offences(source)).toContain(what);
  });

  it('lets UTC and zone-explicit APIs through', () => {
    expect(
      offences("date.getUTCHours(); new Date(ms).toISOString(); new Intl.DateTimeFormat('en', { timeZone })"),
    ).toEqual([]);
  });
});

describe('independence from the process time zone — the results', () => {
  // Jest gives each test file its own copy of process.env, so setting TZ here would change nothing:
  // the computations run again in child processes, each started with another TZ.
  const PROCESS_ZONES = [
    'UTC',
    'Australia/Sydney',
    'America/Los_Angeles',
    'Pacific/Kiritimati',
    'Asia/Kathmandu',
  ];
  const DOMAIN_SRC = resolve(__dirname, '..');
  let build: string;

  /** Transpiles the probe and everything it imports (relative imports only) to CommonJS in a temporary folder. */
  beforeAll(() => {
    build = mkdtempSync(join(tmpdir(), 'beacon-clocks-'));
    const pending = [join(__dirname, 'time-zone-probe.test-fixtures.ts')];
    const done = new Set<string>();
    for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
      if (done.has(file)) continue;
      done.add(file);
      const source = readFileSync(file, 'utf8');
      // Value imports only: `import type` disappears in the output.
      for (const [, specifier] of source.matchAll(/^import (?!type )[^;]*? from '([^']+)';/gm)) {
        if (!specifier!.startsWith('.')) throw new Error(`${file} imports the package ${specifier}`);
        pending.push(resolve(dirname(file), `${specifier}.ts`));
      }
      const output = ts.transpileModule(source, {
        compilerOptions: {
          module: ts.ModuleKind.CommonJS,
          target: ts.ScriptTarget.ES2023,
          esModuleInterop: true,
        },
      }).outputText;
      const target = join(build, relative(DOMAIN_SRC, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, output);
    }
  });

  afterAll(() => rmSync(build, { recursive: true, force: true }));

  const CHILD = `
    const { probe } = require(process.argv[1]);
    const inputs = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
    process.stdout.write(JSON.stringify({
      offset: new Date(Date.UTC(2026, 0, 15)).getTimezoneOffset(),
      results: inputs.map(probe),
    }));
  `;

  function runUnder(zone: string, inputs: ProbeInput[]): { offset: number; results: unknown[] } {
    const child = spawnSync(
      process.execPath,
      ['-e', CHILD, join(build, 'review', 'time-zone-probe.test-fixtures.js')],
      {
        input: JSON.stringify(inputs),
        env: { ...process.env, TZ: zone },
        encoding: 'utf8',
      },
    );
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout) as { offset: number; results: unknown[] };
  }

  it('gives the same dates, deadlines, clocks and series under every process zone', () => {
    const inputs: ProbeInput[] = [
      // Around the 2026 changes in Europe (29 March, 25 October) and Sydney (5 April, 4 October).
      ...ZONES.map((zone) => ({ openedAtMs: Date.UTC(2026, 2, 28, 23, 30), zone, offsetDays: 1 })),
      ...ZONES.map((zone) => ({ openedAtMs: Date.UTC(2026, 3, 4, 14, 0), zone, offsetDays: 1 })),
      ...ZONES.map((zone) => ({ openedAtMs: Date.UTC(2026, 9, 3, 14, 0), zone, offsetDays: 22 })),
      ...fc.sample(
        fc.record({
          openedAtMs: fc.integer({ min: 1_577_836_800_000, max: 2_051_222_400_000 }),
          zone: fc.constantFrom(...ZONES),
          offsetDays: fc.integer({ min: 0, max: 400 }),
        }),
        { numRuns: 200, seed: 20_261_204 },
      ),
    ];
    const here = inputs.map((input) => canonicalJson(probe(input)));
    const runs = PROCESS_ZONES.map((zone) => ({ zone, ...runUnder(zone, inputs) }));
    // Each child really ran in another zone (otherwise the comparison would prove nothing)…
    expect(new Set(runs.map((run) => run.offset)).size).toBe(PROCESS_ZONES.length);
    // …and computed exactly what this process computed, for every input.
    for (const run of runs) {
      const differing = inputs.filter((_, index) => canonicalJson(run.results[index]) !== here[index]);
      expect({ processZone: run.zone, differing: differing.slice(0, 3) }).toEqual({
        processZone: run.zone,
        differing: [],
      });
    }
  });
});
