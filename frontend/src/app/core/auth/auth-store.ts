import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthResponse, MeResponse } from '@beacon/contracts';
import type { Permission } from '@beacon/domain';
import { type Observable, catchError, finalize, firstValueFrom, map, of, shareReplay, tap } from 'rxjs';
import { AuthApi } from './auth-api';

export type AuthStatus = 'unknown' | 'anonymous' | 'authenticated';

/**
 * Who is signed in. The access token lives in memory only (never in storage): a reload gets a
 * new one from the httpOnly refresh cookie (`restore()`).
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(AuthApi);
  private readonly _accessToken = signal<string | null>(null);
  private readonly _me = signal<MeResponse | null>(null);
  private readonly _status = signal<AuthStatus>('unknown');
  private refreshing?: Observable<string | null>;

  readonly accessToken = this._accessToken.asReadonly();
  readonly me = this._me.asReadonly();
  readonly status = this._status.asReadonly();
  readonly permissions = computed<readonly Permission[]>(() => this._me()?.permissions ?? []);
  readonly activeOrganization = computed(() => this._me()?.activeOrganization ?? null);

  can(permission: Permission): boolean {
    return this.permissions().includes(permission);
  }

  setSession(response: AuthResponse): void {
    this._accessToken.set(response.accessToken);
    this._me.set(response.me);
    this._status.set('authenticated');
  }

  /** Updates what the UI knows about the user (e.g. after a profile change). */
  setMe(me: MeResponse): void {
    this._me.set(me);
  }

  clear(): void {
    this._accessToken.set(null);
    this._me.set(null);
    this._status.set('anonymous');
  }

  /**
   * Gets a new access token from the refresh cookie. Concurrent callers share one request; the
   * answer is the new token, or `null` (and the store is anonymous) when the session is over.
   */
  refresh(): Observable<string | null> {
    this.refreshing ??= this.api.refresh().pipe(
      tap((response) => this.setSession(response)),
      map((response) => response.accessToken),
      catchError(() => {
        this.clear();
        return of(null);
      }),
      finalize(() => (this.refreshing = undefined)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshing;
  }

  /** At start-up: resumes the session of the refresh cookie, if any. Never fails. */
  restore(): Promise<unknown> {
    return firstValueFrom(this.refresh());
  }

  signOut(): Observable<void> {
    return this.api.logout().pipe(
      catchError(() => of(null)),
      map(() => this.clear()),
    );
  }
}
