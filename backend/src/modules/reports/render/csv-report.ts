import type { ReportModel, ReportQuestion } from '../model/report-model.types';
import { REPORT_TEXTS } from '../model/report-texts';

/** Characters that make a spreadsheet read a cell as a formula (or smuggle one in after a control character). */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell per RFC 4180: quoted when it holds a comma, a quote, CR or LF (quotes doubled). A
 * cell a spreadsheet would run as a formula is neutralised first with a leading single quote.
 */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'framework',
  'framework_version',
  'section',
  'requirement_key',
  'title',
  'applicable',
  'basis',
  'outcome',
  'score_percent',
  'critical',
  'critical_failure',
  'answers',
  'notes',
  'evidence',
  'recommendation',
  'owner',
] as const;

function answersSummary(questions: ReportQuestion[], noAnswer: string): string {
  return questions.map((q) => `${q.prompt}: ${q.answer ?? noAnswer}`).join(' | ');
}

/**
 * The CSV report: a header, then one row per requirement of every framework. RFC 4180 (CRLF line
 * ends, quoted fields), UTF-8 with a byte order mark so spreadsheets read accents right. Texts are in
 * the report's language; keys, bases and outcomes keep their stable machine values.
 */
export function renderCsvReport(model: ReportModel): Buffer {
  const texts = REPORT_TEXTS[model.report.locale];
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const framework of model.frameworks) {
    const sections = new Map(framework.sections.map((s) => [s.key, s.title]));
    for (const r of framework.requirements) {
      rows.push([
        framework.slug,
        framework.version,
        sections.get(r.sectionKey) ?? r.sectionKey,
        r.key,
        r.title,
        r.applicable ? 'yes' : 'no',
        r.basis,
        r.outcome,
        r.score === null ? '' : r.score.toFixed(1),
        r.critical ? 'yes' : 'no',
        r.criticalFailure ? 'yes' : 'no',
        answersSummary(r.questions, texts.noAnswer),
        [
          ...r.questions.filter((q) => q.note).map((q) => `${q.key}: ${q.note ?? ''}`),
          ...(r.justification ? [`${texts.justification}: ${r.justification}`] : []),
        ].join(' | '),
        r.evidence.map((e) => (e.kind === 'file' ? `${e.name} (sha256:${e.sha256 ?? ''})` : `${e.name} <${e.url ?? ''}>`)).join(' | '),
        r.recommendation ?? '',
        r.owner?.name ?? '',
      ]);
    }
  }
  return Buffer.from(`\ufeff${rows.map((row) => row.map(csvCell).join(',')).join('\r\n')}\r\n`, 'utf8');
}
