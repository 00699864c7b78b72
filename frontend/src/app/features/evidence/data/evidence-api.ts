import { HttpClient, HttpContext, type HttpEvent, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { EvidenceResponse } from '@beacon/contracts';
import { type Observable } from 'rxjs';
import { assessmentUrl } from '../../../core/http/api-url';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

/** Refusals (too large, wrong type, bad link) are shown next to the evidence, not in a snack bar. */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });

export function evidenceUrl(assessmentId: string, evidenceId?: string): string {
  return evidenceId === undefined
    ? `${assessmentUrl(assessmentId)}/evidence`
    : `${assessmentUrl(assessmentId)}/evidence/${encodeURIComponent(evidenceId)}`;
}

/** Typed client for the evidence of an assessment: files and links (the auth interceptor adds the token). */
@Injectable({ providedIn: 'root' })
export class EvidenceApi {
  private readonly http = inject(HttpClient);

  list(assessmentId: string): Observable<EvidenceResponse[]> {
    return this.http.get<EvidenceResponse[]>(evidenceUrl(assessmentId));
  }

  /** Uploads one file; the events include upload progress. */
  upload(assessmentId: string, requirementKey: string, file: File): Observable<HttpEvent<EvidenceResponse>> {
    const form = new FormData();
    form.append('requirementKey', requirementKey);
    form.append('file', file, file.name);
    return this.http.post<EvidenceResponse>(evidenceUrl(assessmentId), form, {
      ...silent(),
      reportProgress: true,
      observe: 'events',
    });
  }

  addLink(
    assessmentId: string,
    body: { requirementKey: string; url: string; title: string },
  ): Observable<EvidenceResponse> {
    return this.http.post<EvidenceResponse>(`${evidenceUrl(assessmentId)}/links`, body, silent());
  }

  download(assessmentId: string, evidenceId: string): Observable<HttpResponse<Blob>> {
    return this.http.get(evidenceUrl(assessmentId, evidenceId), {
      responseType: 'blob',
      observe: 'response',
    });
  }

  remove(assessmentId: string, evidenceId: string): Observable<unknown> {
    return this.http.delete(evidenceUrl(assessmentId, evidenceId), silent());
  }
}
