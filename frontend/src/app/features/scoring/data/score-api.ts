import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AssessmentResponse, ScoreResponse } from '@beacon/contracts';
import { type Observable } from 'rxjs';
import { assessmentUrl } from '../../../core/http/api-url';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

/** The score page shows its own states (draft, failure), so its calls raise no snack bar. */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });

export function scoreUrl(id: string): string {
  return `${assessmentUrl(id)}/score`;
}

/**
 * docs/methodology.md, copied into the build as a static asset (see `assets` in
 * frontend/project.json): the rules are written once and the app shows that file.
 */
export const METHODOLOGY_URL = '/docs/methodology.md';

/**
 * Typed client for the stored score and the methodology document. (The checklist's preview runs the
 * engine in the browser, so `GET …/preview-score` is not needed here.)
 */
@Injectable({ providedIn: 'root' })
export class ScoreApi {
  private readonly http = inject(HttpClient);

  /** The score of the latest submission; 409 while the assessment was never submitted. */
  score(id: string): Observable<ScoreResponse> {
    return this.http.get<ScoreResponse>(scoreUrl(id), silent());
  }

  /** The assessment scored, for its title and its frameworks (failures raise the usual snack bar). */
  assessment(id: string): Observable<AssessmentResponse> {
    return this.http.get<AssessmentResponse>(assessmentUrl(id));
  }

  /** The methodology as Markdown, English then French. */
  methodology(): Observable<string> {
    return this.http.get(METHODOLOGY_URL, { ...silent(), responseType: 'text' });
  }
}
