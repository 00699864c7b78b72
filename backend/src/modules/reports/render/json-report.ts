import { canonicalJson } from '@beacon/domain';
import { createHash } from 'node:crypto';
import type { ReportModel } from '../model/report-model.types';

/** The report model as canonical JSON (keys sorted at every depth): the JSON report's exact bytes. */
export function canonicalReportJson(model: ReportModel): string {
  return canonicalJson(model);
}

/** The "content digest": SHA-256 (hex) of the model's canonical JSON, printed in the PDF's footer. */
export function contentDigestOf(model: ReportModel): string {
  return createHash('sha256').update(canonicalReportJson(model), 'utf8').digest('hex');
}

/**
 * The JSON report: the complete machine-readable result, validated by docs/schemas/report.schema.json.
 * Exactly the canonical JSON, so the file's SHA-256 is its content digest.
 */
export function renderJsonReport(model: ReportModel): Buffer {
  return Buffer.from(canonicalReportJson(model), 'utf8');
}
