import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PublicReportVerificationResponse } from '@beacon/contracts';
import { type Observable } from 'rxjs';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

/** `POST /reports/verify` (public): the file as the `file` part of multipart/form-data. */
export const VERIFY_URL = '/api/v1/reports/verify';
/** The public keys report signatures verify with. */
export const SIGNING_KEYS_URL = '/api/v1/reports/signing-keys';
/**
 * The largest file the API accepts for verification (its default `REPORT_VERIFY_MAX_BYTES`):
 * bigger files are refused here, before anything is sent.
 */
export const VERIFY_MAX_BYTES = 10 * 1024 * 1024;

/** Typed client for the public verification of a report file. */
@Injectable({ providedIn: 'root' })
export class VerifyApi {
  private readonly http = inject(HttpClient);

  /** Whether Beacon issued exactly this file; the page shows failures in place. */
  verify(file: Blob, fileName: string): Observable<PublicReportVerificationResponse> {
    const body = new FormData();
    body.append('file', file, fileName);
    return this.http.post<PublicReportVerificationResponse>(VERIFY_URL, body, {
      context: new HttpContext().set(SILENT_ERRORS, true),
    });
  }
}
