import type { RatingColor } from '@beacon/domain';
import PDFDocument from 'pdfkit';
import type { ReportFramework, ReportModel, ReportRating, ReportRequirement } from '../model/report-model.types';
import { formatPercent, REPORT_TEXTS, type ReportTexts } from '../model/report-texts';
import { reportFonts } from './report-fonts';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, left: 50, right: 50 };
const CONTENT_WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
const BOTTOM = PAGE.height - MARGIN.bottom;

const INK = '#1f2933';
const MUTED = '#52606d';
const RULE = '#d9e2ec';
const HEADER_FILL = '#e4ebf2';
const SECTION_FILL = '#f3f6f9';
const BRAND = '#16325c';
const RATING_FILL: Record<RatingColor, string> = { green: '#2e7d32', amber: '#f0a30a', red: '#c62828' };
const RATING_INK: Record<RatingColor, string> = { green: '#ffffff', amber: '#1f2933', red: '#ffffff' };
const NO_RATING = '#9aa5b1';

const REGULAR = 'report-regular';
const BOLD = 'report-bold';

/** A paragraph of a table cell. */
interface Run {
  text: string;
  bold?: boolean;
  color?: string;
  size?: number;
}
type Cell = Run[];

interface Column {
  header: string;
  width: number;
}

interface TocEntry {
  title: string;
  level: 0 | 1;
  page: number;
  destination: string;
}

const CELL_PAD = 3.5;
const LINE_GAP = 1;

function ratingFill(rating: ReportRating | null): string {
  return rating ? RATING_FILL[rating.color] : NO_RATING;
}

/** A 64-hex digest in groups of 16, so that it wraps in a narrow column. */
function groupedHex(hex: string): string {
  return hex.replace(/(.{16})(?=.)/g, '$1 ');
}

/**
 * Renders a report model as a PDF (A4, DejaVu Sans embedded). Deterministic: the creation date is
 * the report's issue date and the document id derives from it, so the same model always gives the
 * same bytes. `contentDigest` (the SHA-256 of the model's canonical JSON) is printed in every
 * page's footer with the report id and "page n of m".
 */
export function renderPdfReport(model: ReportModel, contentDigest: string): Promise<Buffer> {
  return new PdfReportWriter(model, contentDigest).render();
}

class PdfReportWriter {
  private readonly doc: Doc;
  private readonly texts: ReportTexts;
  private readonly toc: TocEntry[] = [];
  private destinationCount = 0;

  constructor(
    private readonly model: ReportModel,
    private readonly contentDigest: string,
  ) {
    this.texts = REPORT_TEXTS[model.report.locale];
    const issued = new Date(model.report.issuedAt);
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGIN,
      bufferPages: true,
      autoFirstPage: false,
      compress: true,
      lang: model.report.locale,
      displayTitle: true,
      info: {
        Title: `${this.texts.documentTitle} — ${model.organization.name}`,
        Author: model.organization.name,
        Subject: model.assessment.title,
        Keywords: `beacon report ${model.report.id} content-digest ${contentDigest}`,
        Creator: 'Beacon',
        Producer: 'Beacon',
        CreationDate: issued,
        ModDate: issued,
      },
    });
    const fonts = reportFonts();
    this.doc.registerFont(REGULAR, fonts.regular);
    this.doc.registerFont(BOLD, fonts.bold);
  }

  render(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    const done = new Promise<Buffer>((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => chunks.push(chunk));
      this.doc.on('end', () => resolve(Buffer.concat(chunks)));
      this.doc.on('error', reject);
    });
    this.cover();
    const tocPages = this.reserveTableOfContents();
    this.executiveSummary();
    this.overview();
    this.criticalFailures();
    this.remediationPlan();
    this.requirementTables();
    this.profileAndApplicability();
    this.attestationAndMethodology();
    this.tableOfContents(tocPages);
    this.footers();
    this.doc.end();
    return done;
  }

  // ---- page furniture -------------------------------------------------------------------------

  private addPage(): void {
    this.doc.addPage({ size: 'A4', margins: MARGIN });
    this.doc.x = MARGIN.left;
    this.doc.y = MARGIN.top;
  }

  private get pageIndex(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count - 1;
  }

  /** A section heading on a new page, listed in the table of contents and the PDF outline. */
  private section(title: string): void {
    this.addPage();
    this.mark(title, 0);
    this.doc.font(BOLD).fontSize(17).fillColor(BRAND).text(title, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(0.4);
    this.rule();
  }

  /** A sub-heading, kept with at least `keep` points of what follows. */
  private subheading(title: string, keep = 80, toc = false): void {
    this.ensure(keep + 24);
    if (toc) this.mark(title, 1);
    this.doc.moveDown(0.3);
    this.doc.font(BOLD).fontSize(12).fillColor(INK).text(title, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH });
    this.doc.moveDown(0.3);
  }

  private mark(title: string, level: 0 | 1): void {
    const destination = `section-${++this.destinationCount}`;
    this.doc.addNamedDestination(destination, 'XYZ', null, PAGE.height - this.doc.y + 8, null);
    this.toc.push({ title, level, page: this.pageIndex, destination });
    if (level === 0) this.doc.outline.addItem(title);
    else (this.doc.outline.children[this.doc.outline.children.length - 1] ?? this.doc.outline).addItem(title);
  }

  private rule(): void {
    const y = this.doc.y;
    this.doc.moveTo(MARGIN.left, y).lineTo(PAGE.width - MARGIN.right, y).lineWidth(0.7).strokeColor(RULE).stroke();
    this.doc.y = y + 8;
  }

  /** Starts a new page unless `height` points are left on this one. */
  private ensure(height: number): void {
    if (this.doc.y + height > BOTTOM) this.addPage();
  }

  private paragraph(text: string, options: { size?: number; color?: string; bold?: boolean; gap?: number } = {}): void {
    const size = options.size ?? 10;
    this.doc.font(options.bold ? BOLD : REGULAR).fontSize(size);
    const height = this.doc.heightOfString(text, { width: CONTENT_WIDTH, lineGap: 2 });
    // A paragraph longer than the space left flows onto the next page by itself.
    if (height < BOTTOM - MARGIN.top) this.ensure(height);
    this.doc.fillColor(options.color ?? INK).text(text, MARGIN.left, this.doc.y, { width: CONTENT_WIDTH, lineGap: 2 });
    this.doc.moveDown(options.gap ?? 0.5);
  }

  private footers(): void {
    const range = this.doc.bufferedPageRange();
    const prefix = this.contentDigest.slice(0, 16);
    for (let i = range.start; i < range.start + range.count; i += 1) {
      this.doc.switchToPage(i);
      const saved = this.doc.page.margins.bottom;
      this.doc.page.margins.bottom = 0;
      const y = PAGE.height - 40;
      this.doc.moveTo(MARGIN.left, y - 6).lineTo(PAGE.width - MARGIN.right, y - 6).lineWidth(0.5).strokeColor(RULE).stroke();
      this.doc
        .font(REGULAR)
        .fontSize(7.5)
        .fillColor(MUTED)
        .text(this.texts.footer(this.model.report.id, prefix, i - range.start + 1, range.count), MARGIN.left, y, {
          width: CONTENT_WIDTH,
          align: 'center',
          lineBreak: false,
          height: 12,
        });
      this.doc.page.margins.bottom = saved;
    }
  }

  // ---- cover and contents -----------------------------------------------------------------------

  private cover(): void {
    const { doc, model, texts } = this;
    this.addPage();
    doc.rect(0, 0, PAGE.width, 150).fill(BRAND);
    doc.font(BOLD).fontSize(13).fillColor('#ffffff').text('BEACON', MARGIN.left, 48, { characterSpacing: 3 });
    doc.font(BOLD).fontSize(22).text(texts.documentTitle, MARGIN.left, 74, { width: CONTENT_WIDTH });
    doc.font(REGULAR).fontSize(10.5).fillColor('#d7e3f4').text(texts.coverSubtitle, MARGIN.left, doc.y + 4, { width: CONTENT_WIDTH });

    doc.y = 185;
    doc.font(REGULAR).fontSize(10).fillColor(MUTED).text(texts.preparedFor.toUpperCase(), MARGIN.left, doc.y, { characterSpacing: 1 });
    doc.font(BOLD).fontSize(24).fillColor(INK).text(model.organization.name, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH });
    doc.moveDown(0.6);
    doc.font(REGULAR).fontSize(10).fillColor(MUTED).text(texts.assessment.toUpperCase(), MARGIN.left, doc.y, { characterSpacing: 1 });
    doc.font(BOLD).fontSize(15).fillColor(INK).text(model.assessment.title, MARGIN.left, doc.y + 2, { width: CONTENT_WIDTH });
    doc.moveDown(1);

    const facts: [string, string][] = [
      [texts.revision, String(model.assessment.revision)],
      [texts.submittedOn, texts.formatDate(model.assessment.submittedAt)],
      [texts.issuedOn, texts.formatDate(model.report.issuedAt)],
      [texts.reportId, model.report.id],
      [texts.contentHash, model.assessment.contentHash],
    ];
    for (const [label, value] of facts) {
      const y = doc.y;
      doc.font(REGULAR).fontSize(9.5).fillColor(MUTED).text(label, MARGIN.left, y, { width: 150 });
      doc.font(REGULAR).fontSize(9.5).fillColor(INK).text(value, MARGIN.left + 155, y, { width: CONTENT_WIDTH - 155 });
      doc.y = Math.max(doc.y, y + 14);
    }

    doc.moveDown(1.2);
    doc.font(BOLD).fontSize(12).fillColor(INK).text(texts.frameworks, MARGIN.left, doc.y);
    doc.moveDown(0.4);
    for (const framework of model.frameworks) this.ratingCard(framework);
  }

  /** A framework line on the cover: title, version and publisher, with its rating badge. */
  private ratingCard(framework: ReportFramework): void {
    const { doc, texts } = this;
    const badgeWidth = 150;
    const textWidth = CONTENT_WIDTH - badgeWidth - 12;
    doc.font(BOLD).fontSize(10.5);
    const titleHeight = doc.heightOfString(framework.title, { width: textWidth });
    const height = Math.max(46, titleHeight + 30);
    this.ensure(height + 8);
    const y = doc.y;
    doc.roundedRect(MARGIN.left, y, CONTENT_WIDTH, height, 4).lineWidth(0.7).strokeColor(RULE).stroke();
    doc.font(BOLD).fontSize(10.5).fillColor(INK).text(framework.title, MARGIN.left + 10, y + 8, { width: textWidth - 10 });
    doc
      .font(REGULAR)
      .fontSize(8.5)
      .fillColor(MUTED)
      .text(`${framework.slug} · v${framework.version} · ${framework.publisher}`, MARGIN.left + 10, doc.y + 2, { width: textWidth - 10 });
    const bx = MARGIN.left + CONTENT_WIDTH - badgeWidth - 6;
    doc.roundedRect(bx, y + 6, badgeWidth, height - 12, 4).fill(ratingFill(framework.rating));
    const ink = framework.rating ? RATING_INK[framework.rating.color] : '#ffffff';
    doc
      .font(BOLD)
      .fontSize(10)
      .fillColor(ink)
      .text(framework.rating?.label ?? texts.notRated, bx + 6, y + 10, { width: badgeWidth - 12, align: 'center', height: 14, lineBreak: false });
    doc
      .font(REGULAR)
      .fontSize(9)
      .fillColor(ink)
      .text(
        `${texts.score} ${formatPercent(framework.score, this.model.report.locale)}${framework.capped ? ` · ${texts.cappedNote}` : ''}`,
        bx + 6,
        y + 25,
        { width: badgeWidth - 12, align: 'center', height: height - 28 },
      );
    doc.y = y + height + 8;
  }

  private tocLines(): number {
    // Every section and sub-section known before rendering: the table of contents' size.
    return 8 + this.model.frameworks.length * 3;
  }

  private reserveTableOfContents(): number[] {
    const perPage = 40;
    const pages: number[] = [];
    for (let i = 0; i < Math.ceil(this.tocLines() / perPage); i += 1) {
      this.addPage();
      pages.push(this.pageIndex);
    }
    return pages;
  }

  private tableOfContents(pages: number[]): void {
    const { doc, texts } = this;
    const first = this.doc.bufferedPageRange().start;
    let pageCursor = 0;
    const open = (index: number) => {
      doc.switchToPage(index);
      doc.x = MARGIN.left;
      doc.y = MARGIN.top;
    };
    open(pages[0]!);
    doc.font(BOLD).fontSize(17).fillColor(BRAND).text(texts.contents, MARGIN.left, doc.y, { width: CONTENT_WIDTH });
    doc.moveDown(0.4);
    this.rule();
    for (const entry of this.toc) {
      if (doc.y + 18 > BOTTOM) {
        pageCursor += 1;
        const next = pages[pageCursor];
        if (next === undefined) break;
        open(next);
      }
      const indent = entry.level === 0 ? 0 : 16;
      const y = doc.y;
      const pageText = String(entry.page - first + 1);
      doc.font(entry.level === 0 ? BOLD : REGULAR).fontSize(entry.level === 0 ? 11 : 10).fillColor(INK);
      const width = CONTENT_WIDTH - indent - 40;
      doc.text(entry.title, MARGIN.left + indent, y, { width, goTo: entry.destination, lineBreak: false, height: 16, ellipsis: true });
      doc.text(pageText, MARGIN.left + CONTENT_WIDTH - 36, y, { width: 36, align: 'right', goTo: entry.destination, lineBreak: false, height: 16 });
      doc.y = y + (entry.level === 0 ? 19 : 16);
    }
  }

  // ---- sections ----------------------------------------------------------------------------------

  private executiveSummary(): void {
    const { model, texts } = this;
    const locale = model.report.locale;
    this.section(texts.executiveSummary);
    this.paragraph(texts.summaryIntro(model.organization.name, model.frameworks.length, texts.formatDate(model.assessment.submittedAt)), { size: 10.5 });
    for (const f of model.frameworks) {
      const lines = [
        texts.summaryFramework({
          title: f.title,
          score: formatPercent(f.score, locale),
          rating: f.rating?.label ?? texts.notRated,
          counted: f.counts.counted,
          met: f.counts.met,
          partial: f.counts.partiallyMet,
          notMet: f.counts.notMet,
        }),
        texts.summaryCritical(f.criticalFailures.length),
        texts.summaryGaps(f.gapCount),
      ];
      if (f.coverage.viaMapping > 0) lines.push(texts.summaryMapping(f.coverage.viaMapping, formatPercent(f.coverage.viaMappingWeightPercent, locale)));
      this.paragraph(lines.join(' '), { size: 10 });
    }
    this.doc.moveDown(0.5);
    this.table(
      [
        { header: texts.frameworks, width: 195 },
        { header: texts.score, width: 60 },
        { header: texts.rating, width: 95 },
        { header: texts.criticalFailures, width: 75 },
        { header: texts.remediationPlan, width: CONTENT_WIDTH - 425 },
      ],
      model.frameworks.map((f) => [
        [{ text: f.title, bold: true }, { text: `v${f.version}`, color: MUTED, size: 8 }],
        [{ text: formatPercent(f.score, locale), bold: true }],
        [{ text: f.rating?.label ?? texts.notRated, bold: true, color: f.rating ? this.ratingInkOnWhite(f.rating.color) : MUTED }, ...(f.capped ? [{ text: texts.cappedNote, size: 7.5, color: MUTED }] : [])],
        [{ text: String(f.criticalFailures.length), color: f.criticalFailures.length > 0 ? RATING_FILL.red : INK, bold: f.criticalFailures.length > 0 }],
        [{ text: String(f.gapCount) }],
      ]),
    );
  }

  private ratingInkOnWhite(color: RatingColor): string {
    return color === 'amber' ? '#b26a00' : RATING_FILL[color];
  }

  private overview(): void {
    const { texts } = this;
    this.section(texts.overview);
    this.paragraph(texts.overviewIntro, { color: MUTED, size: 9.5 });
    for (const framework of this.model.frameworks) this.chart(framework);
  }

  /** A horizontal bar per section (and one for the framework), drawn with vector shapes. */
  private chart(framework: ReportFramework): void {
    const { doc, texts } = this;
    const locale = this.model.report.locale;
    const labelWidth = 190;
    const valueWidth = 48;
    const barX = MARGIN.left + labelWidth + 8;
    const barWidth = CONTENT_WIDTH - labelWidth - 8 - valueWidth - 6;
    const rows: { label: string; score: number | null; rating: ReportRating | null; bold: boolean }[] = [
      { label: texts.overall, score: framework.score, rating: framework.rating, bold: true },
      ...framework.sections.map((s) => ({ label: s.title, score: s.score, rating: s.rating, bold: false })),
    ];
    doc.font(REGULAR).fontSize(9);
    const heights = rows.map((r) => Math.max(18, doc.heightOfString(r.label, { width: labelWidth }) + 6));
    const total = heights.reduce((a, b) => a + b, 0) + 40;
    this.subheading(`${framework.title} (v${framework.version})`, total);
    const top = doc.y + 4;
    // Scale: 0, 25, 50, 75, 100 %.
    for (const tick of [0, 25, 50, 75, 100]) {
      const x = barX + (barWidth * tick) / 100;
      doc.moveTo(x, top - 2).lineTo(x, top + total - 36).lineWidth(0.4).strokeColor(RULE).stroke();
      doc.font(REGULAR).fontSize(7).fillColor(MUTED).text(`${tick}`, x - 10, top + total - 33, { width: 20, align: 'center', lineBreak: false, height: 10 });
    }
    let y = top;
    rows.forEach((row, i) => {
      const h = heights[i]!;
      doc.font(row.bold ? BOLD : REGULAR).fontSize(9).fillColor(INK).text(row.label, MARGIN.left, y + 3, { width: labelWidth, height: h });
      const barHeight = Math.min(12, h - 6);
      const barY = y + (h - barHeight) / 2;
      doc.rect(barX, barY, barWidth, barHeight).fill('#eef2f6');
      if (row.score !== null) {
        doc.rect(barX, barY, Math.max(1, (barWidth * row.score) / 100), barHeight).fill(ratingFill(row.rating));
      }
      doc
        .font(row.bold ? BOLD : REGULAR)
        .fontSize(9)
        .fillColor(row.score === null ? MUTED : INK)
        .text(formatPercent(row.score, locale), barX + barWidth + 6, barY + 1, { width: valueWidth, lineBreak: false, height: 12 });
      y += h;
    });
    doc.y = top + total - 18;
    doc.x = MARGIN.left;
    doc.moveDown(0.6);
  }

  private criticalFailures(): void {
    const { texts, model } = this;
    this.section(texts.criticalFailures);
    this.paragraph(texts.criticalFailuresIntro, { color: MUTED, size: 9.5 });
    const rows: Cell[] = [];
    for (const f of model.frameworks) {
      for (const c of f.criticalFailures) {
        rows.push([{ text: `${c.requirementKey} · ${f.slug}`, bold: true, size: 8 }, { text: c.title, bold: true }]);
        rows.push([
          { text: `${texts.score} ${formatPercent(c.score, model.report.locale)} (${texts.threshold} ${formatPercent(c.threshold, model.report.locale)})`, color: RATING_FILL.red, size: 8.5 },
          { text: `${texts.recommendation}: ${c.recommendation}`, size: 8.5 },
        ]);
      }
    }
    if (rows.length === 0) {
      this.paragraph(texts.noCriticalFailure, { bold: true });
      return;
    }
    const table: Cell[][] = [];
    for (let i = 0; i < rows.length; i += 2) table.push([rows[i]!, rows[i + 1]!]);
    this.table(
      [
        { header: texts.requirement, width: 210 },
        { header: texts.recommendation, width: CONTENT_WIDTH - 210 },
      ],
      table,
    );
  }

  private remediationPlan(): void {
    const { texts, model } = this;
    this.section(texts.remediationPlan);
    this.paragraph(texts.remediationIntro, { color: MUTED, size: 9.5 });
    if (model.remediationPlan.length === 0) {
      this.paragraph(texts.noGap, { bold: true });
      return;
    }
    this.table(
      [
        { header: '#', width: 24 },
        { header: texts.requirement, width: 150 },
        { header: texts.recommendation, width: CONTENT_WIDTH - 24 - 150 - 60 - 80 },
        { header: texts.score, width: 60 },
        { header: texts.owner, width: 80 },
      ],
      model.remediationPlan.map((item) => [
        [{ text: String(item.rank), bold: true }],
        [
          { text: `${item.requirementKey}${item.critical ? ` · ${texts.critical}` : ''}`, bold: true, size: 8, color: item.critical ? RATING_FILL.red : INK },
          { text: item.title },
          { text: `${item.framework} v${item.frameworkVersion}`, size: 7.5, color: MUTED },
        ],
        [{ text: item.recommendation }],
        [{ text: formatPercent(item.score, model.report.locale) }, { text: `${texts.priority} ${texts.formatNumber(item.priority)}`, size: 7.5, color: MUTED }],
        [{ text: item.owner?.name ?? texts.unassigned, color: item.owner ? INK : MUTED }],
      ]),
    );
  }

  private requirementTables(): void {
    const { texts } = this;
    this.section(texts.requirementTable);
    this.paragraph(texts.requirementTableIntro, { color: MUTED, size: 9.5 });
    const columns: Column[] = [
      { header: texts.requirement, width: 118 },
      { header: texts.result, width: 72 },
      { header: texts.answersAndNotes, width: 207 },
      { header: texts.evidence, width: CONTENT_WIDTH - 397 },
    ];
    this.model.frameworks.forEach((framework) => {
      this.subheading(`${framework.title} (v${framework.version})`, 160, true);
      for (const section of framework.sections) {
        const requirements = framework.requirements.filter((r) => r.sectionKey === section.key);
        if (requirements.length === 0) continue;
        const label = `${section.title} — ${formatPercent(section.score, this.model.report.locale)}${section.rating ? ` (${section.rating.label})` : ''}`;
        this.table(columns, requirements.map((r) => this.requirementRow(r)), { caption: label });
      }
    });
  }

  private requirementRow(r: ReportRequirement): Cell[] {
    const { texts } = this;
    const locale = this.model.report.locale;
    const requirement: Cell = [
      { text: `${r.key}${r.critical ? ` · ${texts.critical}` : ''}`, bold: true, size: 7.5, color: r.critical ? RATING_FILL.red : INK },
      { text: r.title, size: 8 },
    ];
    if (r.owner) requirement.push({ text: `${texts.owner}: ${r.owner.name}`, size: 7, color: MUTED });
    const outcomeColor = r.outcome === 'met' ? RATING_FILL.green : r.outcome === 'partially-met' ? '#b26a00' : r.outcome === 'not-met' ? RATING_FILL.red : MUTED;
    const result: Cell = [
      { text: texts.outcomes[r.outcome], bold: true, color: outcomeColor, size: 8 },
      { text: formatPercent(r.score, locale), size: 8 },
    ];
    if (r.basis !== 'answers') result.push({ text: texts.bases[r.basis], size: 7, color: MUTED });
    if (r.criticalFailure) result.push({ text: texts.criticalFailure, bold: true, size: 7, color: RATING_FILL.red });
    const answers: Cell = [];
    for (const q of r.questions) {
      const score = q.score !== null ? ` (${formatPercent(q.score, locale)})` : '';
      answers.push({ text: `${q.prompt} → ${q.answer ?? texts.noAnswer}${score}`, size: 7.5, color: q.answer === null ? MUTED : INK });
      if (q.note) answers.push({ text: `${texts.note}: ${q.note}`, size: 7, color: MUTED });
    }
    if (r.coveredBy) answers.push({ text: texts.coveredBy(`${r.coveredBy.requirementKey} (${r.coveredBy.framework} v${r.coveredBy.version})`), size: 8 });
    if (r.justification) answers.push({ text: `${texts.justification}: ${r.justification}`, size: 8 });
    if (answers.length === 0) answers.push({ text: '—', color: MUTED });
    const evidence: Cell =
      r.evidence.length === 0
        ? [{ text: texts.noEvidence, color: MUTED, size: 7.5 }]
        : r.evidence.flatMap((e): Run[] =>
            e.kind === 'file'
              ? [
                  { text: e.name, size: 7.5, bold: true },
                  { text: `SHA-256 ${groupedHex(e.sha256 ?? '')}`, size: 6.5, color: MUTED },
                ]
              : [
                  { text: `${e.name} (${texts.link})`, size: 7.5, bold: true },
                  { text: e.url ?? '', size: 6.5, color: MUTED },
                ],
          );
    return [requirement, result, answers, evidence];
  }

  private profileAndApplicability(): void {
    const { texts, model } = this;
    this.section(texts.serviceProfile);
    this.paragraph(texts.serviceProfileIntro, { color: MUTED, size: 9.5 });
    const profile = model.profile;
    this.table(
      [
        { header: texts.feature, width: 300 },
        { header: '', width: CONTENT_WIDTH - 300 },
      ],
      [
        ...profile.features.map((f): Cell[] => [[{ text: f.label }], [{ text: f.enabled ? texts.present : texts.absent, bold: f.enabled }]]),
        [[{ text: texts.sizeBand }], [{ text: profile.sizeBand.label }]],
        [[{ text: texts.sector }], [{ text: profile.sector.label }]],
        [[{ text: texts.jurisdictions }], [{ text: profile.jurisdictions.join(', ') }]],
        [[{ text: texts.languages }], [{ text: profile.languages.join(', ') }]],
      ],
    );
    this.subheading(texts.notApplicable, 60, true);
    this.paragraph(texts.notApplicableIntro, { color: MUTED, size: 9.5 });
    if (model.notApplicable.length === 0) {
      this.paragraph(texts.noNotApplicable);
      return;
    }
    this.table(
      [
        { header: texts.requirement, width: 200 },
        { header: texts.result, width: CONTENT_WIDTH - 200 },
      ],
      model.notApplicable.map((n) => [
        [{ text: `${n.requirementKey} · ${n.framework}`, bold: true, size: 8 }, { text: n.title }],
        n.basis === 'not-applicable-profile'
          ? [{ text: texts.bases['not-applicable-profile'], bold: true, size: 8.5 }, { text: `${texts.appliesWhen}: ${n.reason}`, size: 8.5 }]
          : [{ text: texts.declaredNotApplicable, bold: true, size: 8.5 }, { text: `${texts.justification}: ${n.reason}`, size: 8.5 }],
      ]),
    );
  }

  private attestationAndMethodology(): void {
    const { texts, model, doc } = this;
    this.section(texts.attestation);
    this.paragraph(texts.attestationIntro, { color: MUTED, size: 9.5 });
    this.table(
      [
        { header: '', width: 130 },
        { header: '', width: CONTENT_WIDTH - 130 },
      ],
      [
        [[{ text: texts.attestedBy, bold: true }], [{ text: `${model.attestation.name}, ${model.attestation.title}` }]],
        [[{ text: texts.attestedOn, bold: true }], [{ text: model.attestation.attestedAt ? texts.formatDate(model.attestation.attestedAt) : '—' }]],
        [[{ text: texts.statement, bold: true }], [{ text: model.attestation.statement }]],
      ],
      { noHeader: true },
    );
    doc.moveDown(1);
    this.subheading(texts.methodology, 120, true);
    for (const text of texts.methodologyParagraphs(model.report.scoringEngineVersion)) this.paragraph(text, { size: 9.5 });
    this.subheading(texts.digestSection, 100, true);
    for (const text of texts.digestParagraphs) this.paragraph(text, { size: 9.5 });
    this.table(
      [
        { header: '', width: 150 },
        { header: '', width: CONTENT_WIDTH - 150 },
      ],
      [
        [[{ text: texts.reportId, bold: true }], [{ text: model.report.id }]],
        [[{ text: texts.contentDigest, bold: true }], [{ text: this.contentDigest, size: 8.5 }]],
        [[{ text: texts.snapshot, bold: true }], [{ text: model.assessment.snapshotId }]],
        [[{ text: texts.contentHash, bold: true }], [{ text: model.assessment.contentHash, size: 8.5 }]],
      ],
      { noHeader: true },
    );
  }

  // ---- tables --------------------------------------------------------------------------------------

  private setRun(run: Run): void {
    this.doc.font(run.bold ? BOLD : REGULAR).fontSize(run.size ?? 8.5);
  }

  /** Text heights, memoised: every row is measured to place it, then drawn with the same numbers. */
  private readonly heights = new Map<string, number>();

  private runHeight(run: Run, width: number): number {
    const key = `${run.bold ? 'b' : 'r'}|${run.size ?? 8.5}|${width}|${run.text}`;
    let height = this.heights.get(key);
    if (height === undefined) {
      this.setRun(run);
      height = this.doc.heightOfString(run.text || ' ', { width, lineGap: LINE_GAP });
      this.heights.set(key, height);
    }
    return height;
  }

  private cellHeight(cell: Cell, width: number): number {
    return cell.reduce((total, run, i) => total + this.runHeight(run, width) + (i > 0 ? 1.5 : 0), 0);
  }

  private rowHeight(row: Cell[], columns: Column[]): number {
    return Math.max(...row.map((cell, i) => this.cellHeight(cell, columns[i]!.width - 2 * CELL_PAD))) + 2 * CELL_PAD;
  }

  /** The longest head of `cell` that fits in `height`, and the rest (for rows taller than a page). */
  private splitCell(cell: Cell, width: number, height: number): [Cell, Cell] {
    const head: Cell = [];
    let used = 0;
    for (let i = 0; i < cell.length; i += 1) {
      const run = cell[i]!;
      const gap = head.length > 0 ? 1.5 : 0;
      const h = this.runHeight(run, width);
      if (used + gap + h <= height) {
        head.push(run);
        used += gap + h;
        continue;
      }
      const words = run.text.split(/(?<=\s)/);
      let lo = 0;
      let hi = words.length;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (used + gap + this.runHeight({ ...run, text: words.slice(0, mid).join('') }, width) <= height) lo = mid;
        else hi = mid - 1;
      }
      if (lo > 0) head.push({ ...run, text: words.slice(0, lo).join('').trimEnd() });
      const rest = words.slice(lo).join('');
      return [head, [...(rest.trim() ? [{ ...run, text: rest }] : []), ...cell.slice(i + 1)]];
    }
    return [head, []];
  }

  private drawHeader(columns: Column[]): number {
    const { doc } = this;
    const y = doc.y;
    doc.font(BOLD).fontSize(8);
    const height = Math.max(...columns.map((c) => doc.heightOfString(c.header || ' ', { width: c.width - 2 * CELL_PAD }))) + 2 * CELL_PAD;
    doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(HEADER_FILL);
    let x = MARGIN.left;
    for (const column of columns) {
      doc.font(BOLD).fontSize(8).fillColor(INK).text(column.header, x + CELL_PAD, y + CELL_PAD, { width: column.width - 2 * CELL_PAD, height });
      x += column.width;
    }
    doc.y = y + height;
    return height;
  }

  private drawCaption(caption: string): void {
    const { doc } = this;
    const y = doc.y;
    doc.font(BOLD).fontSize(9);
    const height = doc.heightOfString(caption, { width: CONTENT_WIDTH - 2 * CELL_PAD }) + 2 * CELL_PAD;
    doc.rect(MARGIN.left, y, CONTENT_WIDTH, height).fill(SECTION_FILL);
    doc.fillColor(BRAND).text(caption, MARGIN.left + CELL_PAD, y + CELL_PAD, { width: CONTENT_WIDTH - 2 * CELL_PAD, height });
    doc.y = y + height;
  }

  private drawRow(row: Cell[], columns: Column[], height: number): void {
    const { doc } = this;
    const y = doc.y;
    let x = MARGIN.left;
    row.forEach((cell, i) => {
      const width = columns[i]!.width - 2 * CELL_PAD;
      let cy = y + CELL_PAD;
      cell.forEach((run, j) => {
        if (j > 0) cy += 1.5;
        const h = this.runHeight(run, width);
        this.setRun(run);
        doc.fillColor(run.color ?? INK).text(run.text || ' ', x + CELL_PAD, cy, { width, lineGap: LINE_GAP, height: h + 2 });
        cy += h;
      });
      x += columns[i]!.width;
    });
    doc.moveTo(MARGIN.left, y + height).lineTo(MARGIN.left + CONTENT_WIDTH, y + height).lineWidth(0.5).strokeColor(RULE).stroke();
    doc.x = MARGIN.left;
    doc.y = y + height;
  }

  /**
   * A table whose rows wrap their text; the header (and the caption) repeat on every page the table
   * spans, and a row taller than a whole page is split across pages.
   */
  private table(columns: Column[], rows: Cell[][], options: { caption?: string; noHeader?: boolean } = {}): void {
    const { doc } = this;
    const head = () => {
      if (options.caption) this.drawCaption(options.caption);
      if (!options.noHeader) this.drawHeader(columns);
    };
    const firstRow = rows[0] ? this.rowHeight(rows[0], columns) : 0;
    this.ensure(Math.min(firstRow, 200) + 40);
    head();
    for (const row of rows) {
      let remaining = row;
      for (let guard = 0; guard < 50; guard += 1) {
        const height = this.rowHeight(remaining, columns);
        const available = BOTTOM - doc.y;
        if (height <= available) {
          this.drawRow(remaining, columns, height);
          break;
        }
        const fresh = BOTTOM - MARGIN.top - 60;
        if (height <= fresh || available < 48) {
          this.addPage();
          head();
          continue;
        }
        const split = remaining.map((cell, i) => this.splitCell(cell, columns[i]!.width - 2 * CELL_PAD, available - 2 * CELL_PAD - 2));
        this.drawRow(
          split.map(([h]) => h),
          columns,
          available,
        );
        remaining = split.map(([, tail]) => tail);
        this.addPage();
        head();
      }
    }
    doc.moveDown(0.8);
  }
}
