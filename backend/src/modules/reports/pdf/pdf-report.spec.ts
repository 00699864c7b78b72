import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ReportModel } from '../model/report-model.types';
import { contentDigestOf } from '../render/json-report';
import { FIXTURE_ORGANIZATION, fixtureModel } from '../reports.test-fixtures';
import { renderPdfReport } from './pdf-report';

const dir = mkdtempSync(join(tmpdir(), 'beacon-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The PDF's text as pdftotext (poppler) reads it, page by page. */
function pdfPages(bytes: Buffer): string[] {
  const file = join(dir, `report-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const text = execFileSync('/usr/bin/pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

const flat = (text: string) => text.replace(/\s+/g, ' ');

async function render(model: ReportModel): Promise<{ bytes: Buffer; pages: string[]; text: string; digest: string }> {
  const digest = contentDigestOf(model);
  const bytes = await renderPdfReport(model, digest);
  const pages = pdfPages(bytes);
  return { bytes, pages, text: flat(pages.join(' ')), digest };
}

describe('PDF report', () => {
  it.each([
    ['en', 'Executive summary', 'Critical failures', (n: number, m: number) => `page ${n} of ${m}`],
    ['fr', 'Synthèse', 'Échecs critiques', (n: number, m: number) => `page ${n} sur ${m}`],
  ] as const)('reads back (%s): company, ratings, every critical failure, and the footer on every page', async (locale, summary, critical, pageOf) => {
    const model = fixtureModel(locale);
    const { bytes, pages, text, digest } = await render(model);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(text).toContain(FIXTURE_ORGANIZATION);
    expect(text).toContain(model.assessment.title);
    expect(text).toContain(summary);
    expect(text).toContain(critical);
    for (const framework of model.frameworks) {
      expect(text).toContain(flat(framework.title));
      expect(framework.rating).not.toBeNull();
      expect(text).toContain(framework.rating!.label);
    }
    const failures = model.frameworks.flatMap((f) => f.criticalFailures);
    expect(failures.length).toBeGreaterThan(0);
    for (const failure of failures) {
      expect(text).toContain(failure.requirementKey);
      expect(text).toContain(flat(failure.title));
    }
    // Every page: the report id, the first 16 hex of the content digest, "page n of m".
    expect(pages.length).toBeGreaterThan(8);
    pages.forEach((page, i) => {
      const line = flat(page);
      expect(line).toContain(model.report.id);
      expect(line).toContain(digest.slice(0, 16));
      expect(line).toContain(pageOf(i + 1, pages.length));
    });
    // Evidence by name and SHA-256, owners, the attestation, the table of contents with page numbers.
    const file = model.evidence.find((e) => e.kind === 'file')!;
    expect(text).toContain(file.name);
    expect(text.replace(/ /g, '')).toContain(file.sha256);
    expect(text).toContain(model.attestation.name);
    expect(flat(pages[1]!)).toMatch(locale === 'en' ? /Contents Executive summary 3/ : /Sommaire Synthèse 3/);
  });

  it('renders French accents and ligature letters from the embedded font', async () => {
    const { text } = await render(fixtureModel('fr'));
    for (const word of ['Société', 'Œuvre', 'Çà', 'Réseaux', 'Évaluation', 'été', 'Satisfaite', 'Synthèse', 'Lefèvre', 'Responsable']) expect(text).toContain(word);
  });

  it('is deterministic: the same model gives the same bytes', async () => {
    const model = fixtureModel('en');
    const a = await renderPdfReport(model, contentDigestOf(model));
    const b = await renderPdfReport(fixtureModel('en'), contentDigestOf(model));
    expect(b.equals(a)).toBe(true);
  });

  it('wraps long text and splits a row taller than a page across pages, repeating the table header', async () => {
    const model = fixtureModel('en');
    const requirement = model.frameworks[0]!.requirements.find((r) => r.questions.length > 0)!;
    const long = `${'The moderation procedure is reviewed by the trust and safety lead every quarter. '.repeat(120)}END-OF-LONG-NOTE`;
    requirement.questions[0]!.note = long;
    const { pages, text } = await render(model);
    expect(text).toContain('END-OF-LONG-NOTE');
    const spanning = pages.filter((p) => flat(p).includes('The moderation procedure is reviewed'));
    expect(spanning.length).toBeGreaterThan(1);
    // The column headers are repeated on each page the table continues on.
    for (const page of spanning) expect(flat(page)).toContain('Answers and notes');
  });
});
