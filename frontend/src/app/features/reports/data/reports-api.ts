import { HttpClient, HttpContext, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateReportDto,
  ReportFormat,
  ReportIntegrityResponse,
  ReportLocale,
  ReportRequestedResponse,
  ReportResponse,
} from '@beacon/contracts';
import { type Observable, map } from 'rxjs';
import { API_URL, assessmentUrl } from '../../../core/http/api-url';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

/** The reports panel shows every failure in place, so its calls raise no snack bar. */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });

/**
 * The formats and languages a report can be asked in, in the order the form offers them (the API's
 * `REPORT_FORMATS` and `REPORT_LOCALES`, restated here because the web app imports only types from
 * the contracts library, which keeps class-validator out of the bundle).
 */
export const REPORT_FORMAT_CHOICES = [
  'pdf',
  'json',
  'csv',
  'oscal',
] as const satisfies readonly ReportFormat[];
export const REPORT_LOCALE_CHOICES = ['en', 'fr'] as const satisfies readonly ReportLocale[];

/** The file name used when the response does not name one. */
const EXTENSIONS: Readonly<Record<ReportFormat, string>> = {
  pdf: 'pdf',
  json: 'json',
  csv: 'csv',
  oscal: 'oscal.json',
};

export function assessmentReportsUrl(assessmentId: string): string {
  return `${assessmentUrl(assessmentId)}/reports`;
}

export function reportUrl(reportId: string, part?: 'file' | 'verify'): string {
  const url = `${API_URL}/reports/${encodeURIComponent(reportId)}`;
  return part === undefined ? url : `${url}/${part}`;
}

/** A report's file, fetched with the session's token. */
export interface DownloadedReport {
  blob: Blob;
  fileName: string;
}

/** Whether the report will not change any more (no need to ask for it again). */
export function isFinished(report: Pick<ReportResponse, 'status'>): boolean {
  return report.status === 'ready' || report.status === 'failed';
}

/**
 * The file name of a `Content-Disposition: attachment; filename="…"` header, reduced to a safe
 * base name; `fallback` when the header is missing or names nothing usable.
 */
export function attachmentFileName(contentDisposition: string | null, fallback: string): string {
  const match = /filename\*?=(?:UTF-8'')?"?([^";]+)"?/i.exec(contentDisposition ?? '');
  let name = match?.[1]?.trim() ?? '';
  try {
    name = decodeURIComponent(name);
  } catch {
    // Not percent-encoded: keep it as it is.
  }
  const base = name.split(/[\\/]/).pop() ?? '';
  return /^[\w.-]+$/.test(base) && !base.startsWith('.') ? base : fallback;
}

/** Typed client for the reports of an assessment: list, ask for one, follow it, download, verify. */
@Injectable({ providedIn: 'root' })
export class ReportsApi {
  private readonly http = inject(HttpClient);

  /** Every report of the assessment (all submissions), newest first. */
  list(assessmentId: string): Observable<ReportResponse[]> {
    return this.http.get<ReportResponse[]>(assessmentReportsUrl(assessmentId), silent());
  }

  /**
   * Asks for a report of the latest submission (202). The same submission, format and language
   * give the same id; 409 while the submission is not scored.
   */
  request(assessmentId: string, body: CreateReportDto): Observable<ReportRequestedResponse> {
    return this.http.post<ReportRequestedResponse>(assessmentReportsUrl(assessmentId), body, silent());
  }

  /** One report: status, progress and, once ready, its digest and signature. */
  get(reportId: string): Observable<ReportResponse> {
    return this.http.get<ReportResponse>(reportUrl(reportId), silent());
  }

  /** The file of a ready report (the API needs the bearer token, so not a plain link). */
  download(report: Pick<ReportResponse, 'id' | 'format' | 'locale'>): Observable<DownloadedReport> {
    const fallback = `beacon-report-${report.id}-${report.locale}.${EXTENSIONS[report.format]}`;
    return this.http
      .get(reportUrl(report.id, 'file'), { ...silent(), responseType: 'blob', observe: 'response' })
      .pipe(map((response: HttpResponse<Blob>) => toDownload(response, fallback)));
  }

  /** The stored file checked again on the server against its digest and signature. */
  verify(reportId: string): Observable<ReportIntegrityResponse> {
    return this.http.get<ReportIntegrityResponse>(reportUrl(reportId, 'verify'), silent());
  }
}

function toDownload(response: HttpResponse<Blob>, fallback: string): DownloadedReport {
  if (!response.body) throw new Error('The report file is empty.');
  return {
    blob: response.body,
    fileName: attachmentFileName(response.headers.get('content-disposition'), fallback),
  };
}
