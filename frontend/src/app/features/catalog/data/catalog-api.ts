import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import {
  type FrameworkSummaryResponse,
  type FrameworkVersionResponse,
  type MappingResponse,
} from '@beacon/contracts';
import { type Observable } from 'rxjs';

export const FRAMEWORKS_URL = '/api/v1/frameworks';
export const MAPPINGS_URL = '/api/v1/mappings';

/** `/api/v1/frameworks/<slug>/versions/<version>` */
export function frameworkVersionUrl(slug: string, version: string): string {
  return `${FRAMEWORKS_URL}/${encodeURIComponent(slug)}/versions/${encodeURIComponent(version)}`;
}

/** The OSCAL catalog of a framework version (a plain download link, not an XHR). */
export function oscalUrl(slug: string, version: string): string {
  return `${frameworkVersionUrl(slug, version)}/oscal`;
}

/** Typed client for the API's catalogue endpoints (public, no sign-in). */
@Injectable({ providedIn: 'root' })
export class CatalogApi {
  private readonly http = inject(HttpClient);

  /** Every framework with its versions, newest first, and their counts. */
  getFrameworks(): Observable<FrameworkSummaryResponse[]> {
    return this.http.get<FrameworkSummaryResponse[]>(FRAMEWORKS_URL);
  }

  /** A whole framework version in both languages (no `?locale`: a language switch needs no refetch). */
  getVersion(slug: string, version: string): Observable<FrameworkVersionResponse> {
    return this.http.get<FrameworkVersionResponse>(frameworkVersionUrl(slug, version));
  }

  /** Crosswalks whose source (`from`) or target (`to`) is the framework `slug`. */
  getMappings(direction: 'from' | 'to', slug: string): Observable<MappingResponse[]> {
    return this.http.get<MappingResponse[]>(MAPPINGS_URL, { params: { [direction]: slug } });
  }
}
