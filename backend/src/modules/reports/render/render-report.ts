import type { ReportFormat } from '../entities';
import type { ReportModel } from '../model/report-model.types';
import { renderPdfReport } from '../pdf/pdf-report';
import { renderCsvReport } from './csv-report';
import { contentDigestOf, renderJsonReport } from './json-report';
import { renderOscalReport } from './oscal-report';

export interface RenderedReport {
  bytes: Buffer;
  /** SHA-256 (hex) of the model's canonical JSON. */
  contentDigest: string;
}

/** The media type each format is served with. */
export const REPORT_MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  pdf: 'application/pdf',
  json: 'application/json',
  csv: 'text/csv; charset=utf-8',
  oscal: 'application/json',
};

export const REPORT_FILE_EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  pdf: 'pdf',
  json: 'json',
  csv: 'csv',
  oscal: 'oscal.json',
};

/** One report model in one format: pure, deterministic bytes (what the render job stores). */
export async function renderReport(format: ReportFormat, model: ReportModel): Promise<RenderedReport> {
  const contentDigest = contentDigestOf(model);
  switch (format) {
    case 'pdf':
      return { bytes: await renderPdfReport(model, contentDigest), contentDigest };
    case 'json':
      return { bytes: renderJsonReport(model), contentDigest };
    case 'csv':
      return { bytes: renderCsvReport(model), contentDigest };
    case 'oscal':
      return { bytes: renderOscalReport(model), contentDigest };
  }
}
