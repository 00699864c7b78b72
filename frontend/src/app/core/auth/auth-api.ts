import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AuthResponse } from '@beacon/contracts';
import { type Observable } from 'rxjs';
import { SILENT_ERRORS } from '../http/error.interceptor';

export const AUTH_URL = '/api/v1/auth';

/** Calls whose failures the caller shows itself (sign-in forms, start-up refresh). */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });

/** Typed client for the API's session endpoints (the refresh token is an httpOnly cookie). */
@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(body: { email: string; password: string }): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${AUTH_URL}/login`, body, silent());
  }

  register(body: {
    email: string;
    password: string;
    name: string;
    organizationName: string;
  }): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${AUTH_URL}/register`, body, silent());
  }

  refresh(): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${AUTH_URL}/refresh`, null, silent());
  }

  logout(): Observable<unknown> {
    return this.http.post(`${AUTH_URL}/logout`, null, silent());
  }

  switchOrganization(organizationId: string): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(`${AUTH_URL}/switch-organization`, { organizationId });
  }
}
