#!/usr/bin/env node
// Regenerates docs/report-sample.png: the first page of a sample PDF report (the test fixture: the
// shipped NCMEC and Five Country frameworks, answered), rendered with poppler's pdftoppm at 80 dpi.
// Usage: npm exec -- nx run backend:build && node bench/report-sample.mjs [en|fr]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist/backend/backend/src/modules/reports');
const require = createRequire(import.meta.url);
const fixtures = require(join(dist, 'reports.test-fixtures.js'));
const { renderReport } = require(join(dist, 'render/render-report.js'));

const locale = process.argv[2] === 'fr' ? 'fr' : 'en';
fixtures.fixtureCatalog(join(root, 'shared/catalog'));
const { bytes } = await renderReport('pdf', fixtures.fixtureModel(locale));
const work = mkdtempSync(join(tmpdir(), 'beacon-sample-'));
try {
  const pdf = join(work, 'sample.pdf');
  writeFileSync(pdf, bytes);
  execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', '-singlefile', pdf, join(work, 'page')]);
  renameSync(join(work, 'page.png'), join(root, 'docs/report-sample.png'));
  console.log(`docs/report-sample.png written (${locale}, first page of a ${bytes.length}-byte PDF).`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
