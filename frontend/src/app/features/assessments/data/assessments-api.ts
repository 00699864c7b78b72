import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerResponse,
  AssessmentResponse,
  AssignmentResponse,
  CommentResponse,
  FrameworkSummaryResponse,
  FrameworkVersionResponse,
  MappingResponse,
  MemberResponse,
  RequirementStatusResponse,
  SubmissionResponse,
} from '@beacon/contracts';
import type { RequirementStatusKind, ServiceProfile } from '@beacon/domain';
import { type Observable } from 'rxjs';
import { API_URL, ASSESSMENTS_URL, assessmentUrl } from '../../../core/http/api-url';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

/** Calls whose failures the page shows in place (conflicts, refused answers, missing answers). */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });

export const FRAMEWORKS_URL = `${API_URL}/frameworks`;
export const MAPPINGS_URL = `${API_URL}/mappings`;

export function answerUrl(id: string, questionKey: string): string {
  return `${assessmentUrl(id)}/answers/${encodeURIComponent(questionKey)}`;
}

export function requirementUrl(id: string, requirementKey: string): string {
  return `${assessmentUrl(id)}/requirements/${encodeURIComponent(requirementKey)}`;
}

export function frameworkVersionUrl(slug: string, version: string): string {
  return `${FRAMEWORKS_URL}/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}`;
}

export function membersUrl(organizationId: string): string {
  return `${API_URL}/organizations/${encodeURIComponent(organizationId)}/members`;
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

  updateProfile(id: string, profile: ServiceProfile): Observable<AssessmentResponse> {
    return this.http.put<AssessmentResponse>(`${assessmentUrl(id)}/profile`, { profile }, silent());
  }

  answers(id: string): Observable<AnswerResponse[]> {
    return this.http.get<AnswerResponse[]>(`${assessmentUrl(id)}/answers`);
  }

  /** Saves an answer with its note (an absent note would clear the stored one). */
  putAnswer(
    id: string,
    questionKey: string,
    value: unknown,
    expectedVersion: number,
    note: string | null = null,
  ): Observable<AnswerResponse> {
    const body = note === null ? { value, expectedVersion } : { value, note, expectedVersion };
    return this.http.put<AnswerResponse>(answerUrl(id, questionKey), body, silent());
  }

  requirementStatuses(id: string): Observable<RequirementStatusResponse[]> {
    return this.http.get<RequirementStatusResponse[]>(`${assessmentUrl(id)}/requirement-statuses`);
  }

  putRequirementStatus(
    id: string,
    requirementKey: string,
    status: { kind: RequirementStatusKind; justification: string },
    expectedVersion: number,
  ): Observable<RequirementStatusResponse> {
    return this.http.put<RequirementStatusResponse>(
      `${requirementUrl(id, requirementKey)}/status`,
      { ...status, expectedVersion },
      silent(),
    );
  }

  deleteRequirementStatus(id: string, requirementKey: string, expectedVersion: number): Observable<unknown> {
    return this.http.delete(`${requirementUrl(id, requirementKey)}/status`, {
      ...silent(),
      params: { expectedVersion },
    });
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

  /** Crosswalks whose source is the framework `slug` (every version; the caller filters). */
  mappingsFrom(slug: string): Observable<MappingResponse[]> {
    return this.http.get<MappingResponse[]>(MAPPINGS_URL, { params: { from: slug } });
  }

  // Collaboration

  assignments(id: string): Observable<AssignmentResponse[]> {
    return this.http.get<AssignmentResponse[]>(`${assessmentUrl(id)}/assignments`);
  }

  assign(id: string, requirementKey: string, userId: string | null): Observable<AssignmentResponse | null> {
    return this.http.put<AssignmentResponse | null>(
      `${requirementUrl(id, requirementKey)}/assignee`,
      { userId },
      silent(),
    );
  }

  comments(id: string, requirementKey: string): Observable<CommentResponse[]> {
    return this.http.get<CommentResponse[]>(`${requirementUrl(id, requirementKey)}/comments`);
  }

  addComment(id: string, requirementKey: string, body: string): Observable<CommentResponse> {
    return this.http.post<CommentResponse>(
      `${requirementUrl(id, requirementKey)}/comments`,
      { body },
      silent(),
    );
  }

  members(organizationId: string): Observable<MemberResponse[]> {
    return this.http.get<MemberResponse[]>(membersUrl(organizationId));
  }
}
