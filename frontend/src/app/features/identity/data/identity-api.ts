import { HttpClient, HttpContext } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AuditEventResponse,
  AuditVerifyResponse,
  AuthResponse,
  InvitationPreviewResponse,
  InvitationResponse,
  MemberResponse,
} from '@beacon/contracts';
import type { Role } from '@beacon/domain';
import { type Observable } from 'rxjs';
import { SILENT_ERRORS } from '../../../core/http/error.interceptor';

export const API = '/api/v1';

/** For calls whose failure the page shows in place (forms). */
const silent = (): { context: HttpContext } => ({ context: new HttpContext().set(SILENT_ERRORS, true) });
const org = (organizationId: string): string => `${API}/organizations/${encodeURIComponent(organizationId)}`;

/** Typed client for members, invitations, profile and audit endpoints. */
@Injectable({ providedIn: 'root' })
export class IdentityApi {
  private readonly http = inject(HttpClient);

  changePassword(body: { currentPassword: string; newPassword: string }): Observable<AuthResponse> {
    return this.http.put<AuthResponse>(`${API}/me/password`, body, silent());
  }

  getMembers(organizationId: string): Observable<MemberResponse[]> {
    return this.http.get<MemberResponse[]>(`${org(organizationId)}/members`);
  }

  getInvitations(organizationId: string): Observable<InvitationResponse[]> {
    return this.http.get<InvitationResponse[]>(`${org(organizationId)}/invitations`);
  }

  invite(organizationId: string, body: { email: string; role: Role }): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(`${org(organizationId)}/invitations`, body, silent());
  }

  changeRole(organizationId: string, userId: string, role: Role): Observable<MemberResponse> {
    return this.http.put<MemberResponse>(
      `${org(organizationId)}/members/${encodeURIComponent(userId)}/role`,
      {
        role,
      },
    );
  }

  removeMember(organizationId: string, userId: string): Observable<unknown> {
    return this.http.delete(`${org(organizationId)}/members/${encodeURIComponent(userId)}`);
  }

  previewInvitation(token: string): Observable<InvitationPreviewResponse> {
    return this.http.get<InvitationPreviewResponse>(
      `${API}/invitations/${encodeURIComponent(token)}`,
      silent(),
    );
  }

  /** Accepts by creating an account (the invited address has none yet). */
  acceptWithNewAccount(token: string, body: { name: string; password: string }): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(
      `${API}/invitations/${encodeURIComponent(token)}/accept`,
      body,
      silent(),
    );
  }

  /** Accepts as the signed-in user (the invitation must be addressed to their e-mail). */
  acceptAsSignedIn(token: string): Observable<AuthResponse> {
    return this.http.post<AuthResponse>(
      `${API}/me/invitations/${encodeURIComponent(token)}/accept`,
      {},
      silent(),
    );
  }

  getAudit(): Observable<AuditEventResponse[]> {
    return this.http.get<AuditEventResponse[]>(`${API}/audit`);
  }

  verifyAudit(): Observable<AuditVerifyResponse> {
    return this.http.get<AuditVerifyResponse>(`${API}/audit/verify`);
  }
}
