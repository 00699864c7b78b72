import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerResponse,
  AssessmentResponse,
  FrameworkSummaryResponse,
  FrameworkVersionResponse,
  SubmissionResponse,
} from '@beacon/contracts';
import type { ServiceProfile } from '@beacon/domain';
import { type Observable } from 'rxjs';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

/** Calls whose failures the page shows in place (conflicts, refused answers, missing answers). */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });

export const ASSESSMENTS_URL = '/api/v1/assessments';
export const FRAMEWORKS_URL = '/api/v1/frameworks';

export function assessmentUrl(id: string): string {
  return `${ASSESSMENTS_URL}/${encodeURIComponent(id)}`;
}

export function answerUrl(id: string, questionKey: string): string {
  return `${assessmentUrl(id)}/answers/${encodeURIComponent(questionKey)}`;
}

export function frameworkVersionUrl(slug: string, version: string): string {
  return `${FRAMEWORKS_URL}/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}`;
}

export interface CreateAssessmentBody {
  title: string;
  frameworks: { slug: string; version: string }[];
  profile: ServiceProfile;
}

export interface Attestation {
  name: string;
  title: string;
  statement: string;
}

/** Typed client for the assessment endpoints (the auth interceptor adds the bearer token). */
@Injectable({ providedIn: 'root' })
export class AssessmentsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<AssessmentResponse[]> {
    return this.http.get<AssessmentResponse[]>(ASSESSMENTS_URL);
  }

  get(id: string): Observable<AssessmentResponse> {
    return this.http.get<AssessmentResponse>(assessmentUrl(id));
  }

  create(body: CreateAssessmentBody): Observable<AssessmentResponse> {
    return this.http.post<AssessmentResponse>(ASSESSMENTS_URL, body);
  }

  answers(id: string): Observable<AnswerResponse[]> {
    return this.http.get<AnswerResponse[]>(`${assessmentUrl(id)}/answers`);
  }

  putAnswer(
    id: string,
    questionKey: string,
    value: unknown,
    expectedVersion: number,
  ): Observable<AnswerResponse> {
    return this.http.put<AnswerResponse>(answerUrl(id, questionKey), { value, expectedVersion }, silent());
  }

  submit(id: string, attestation: Attestation): Observable<SubmissionResponse> {
    return this.http.post<SubmissionResponse>(`${assessmentUrl(id)}/submit`, { attestation }, silent());
  }

  frameworks(): Observable<FrameworkSummaryResponse[]> {
    return this.http.get<FrameworkSummaryResponse[]>(FRAMEWORKS_URL);
  }

  frameworkVersion(slug: string, version: string): Observable<FrameworkVersionResponse> {
    return this.http.get<FrameworkVersionResponse>(frameworkVersionUrl(slug, version));
  }
}
