import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { type StatusProbeResponse, type SystemStatusResponse } from '@beacon/contracts';
import { type Observable } from 'rxjs';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

export const STATUS_URL = '/api/v1/status';
export const PROBES_URL = '/api/v1/status/probes';

/** Typed client for the API's status endpoints. */
@Injectable({ providedIn: 'root' })
export class StatusApi {
  private readonly http = inject(HttpClient);

  /**
   * Health of every part of Beacon. Errors are not shown in a snack bar: the status page polls this
   * and shows a failure in place.
   */
  getStatus(): Observable<SystemStatusResponse> {
    return this.http.get<SystemStatusResponse>(STATUS_URL, {
      context: new HttpContext().set(SILENT_ERRORS, true),
    });
  }

  /** Sends a probe job through the queues; the answer usually still says `pending`. */
  startProbe(): Observable<StatusProbeResponse> {
    return this.http.post<StatusProbeResponse>(PROBES_URL, {});
  }

  getProbe(id: string): Observable<StatusProbeResponse> {
    return this.http.get<StatusProbeResponse>(`${PROBES_URL}/${encodeURIComponent(id)}`);
  }
}
