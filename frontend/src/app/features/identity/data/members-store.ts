import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import type { InvitationResponse, MemberResponse } from '@beacon/contracts';
import type { Role } from '@beacon/domain';
import { type Observable, type Subscription, forkJoin, map, of, tap } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { IdentityApi } from './identity-api';
import { grantableRoles } from './roles';

/** Members and pending invitations of the active organization. Provided by the members page. */
@Injectable()
export class MembersStore {
  private readonly api = inject(IdentityApi);
  private readonly auth = inject(AuthStore);

  private readonly _members = signal<MemberResponse[]>([]);
  private readonly _invitations = signal<InvitationResponse[]>([]);
  private readonly _loading = signal(false);
  private readonly _loadFailed = signal(false);
  /** Links of the invitations created here (the token is only in the creation's answer). */
  private readonly _tokens = signal<ReadonlyMap<string, string>>(new Map());

  readonly members = this._members.asReadonly();
  readonly invitations = this._invitations.asReadonly();
  readonly loading = this._loading.asReadonly();
  readonly loadFailed = this._loadFailed.asReadonly();
  readonly tokens = this._tokens.asReadonly();

  readonly organization = this.auth.activeOrganization;
  /** Roles the signed-in member may grant in the active organization. */
  readonly grantableRoles = computed(() => grantableRoles(this.auth.activeOrganization()));
  readonly canInvite = computed(() => this.auth.can('members:invite') && this.grantableRoles().length > 0);
  readonly canChangeRole = computed(() => this.auth.can('members:change-role'));
  readonly canRemove = computed(() => this.auth.can('members:remove'));
  readonly canSeeInvitations = computed(() => this.auth.can('members:invite'));
  readonly userId = computed(() => this.auth.me()?.user.id ?? null);

  private loadSubscription?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => this.loadSubscription?.unsubscribe());
  }

  private orgId(): string {
    return this.auth.activeOrganization()?.organizationId ?? '';
  }

  /** Loads members (and, for those who may invite, pending invitations) of the active organization. */
  load(): void {
    const organizationId = this.orgId();
    this.loadSubscription?.unsubscribe();
    if (!organizationId) return;
    this._loading.set(true);
    this.loadSubscription = forkJoin({
      members: this.api.getMembers(organizationId),
      invitations: this.canSeeInvitations()
        ? this.api.getInvitations(organizationId)
        : of<InvitationResponse[]>([]),
    }).subscribe({
      next: ({ members, invitations }) => {
        this._members.set(members);
        this._invitations.set(invitations);
        this._loadFailed.set(false);
        this._loading.set(false);
      },
      error: () => {
        this._loadFailed.set(true);
        this._loading.set(false);
      },
    });
  }

  /** Whether the signed-in member may give `member` another role (and not to themselves). */
  mayChangeRoleOf(member: MemberResponse): boolean {
    return (
      this.canChangeRole() && member.userId !== this.userId() && this.grantableRoles().includes(member.role)
    );
  }

  mayRemove(member: MemberResponse): boolean {
    return this.canRemove() && member.userId !== this.userId() && this.grantableRoles().includes(member.role);
  }

  invite(email: string, role: Role): Observable<InvitationResponse> {
    return this.api.invite(this.orgId(), { email, role }).pipe(
      tap((invitation) => {
        const token = invitation.token;
        if (token !== undefined) this._tokens.update((tokens) => new Map(tokens).set(invitation.id, token));
        this._invitations.update((list) => [
          invitation,
          ...list.filter((other) => other.id !== invitation.id),
        ]);
      }),
    );
  }

  changeRole(member: MemberResponse, role: Role): Observable<MemberResponse> {
    return this.api.changeRole(this.orgId(), member.userId, role).pipe(
      tap({
        next: (updated) =>
          this._members.update((list) =>
            list.map((other) => (other.userId === updated.userId ? updated : other)),
          ),
        // Puts the select back on the role the API still has.
        error: () => this._members.update((list) => [...list]),
      }),
    );
  }

  remove(member: MemberResponse): Observable<void> {
    return this.api.removeMember(this.orgId(), member.userId).pipe(
      tap(() => this._members.update((list) => list.filter((other) => other.userId !== member.userId))),
      map(() => undefined),
    );
  }
}

/** The link to hand to an invitee. */
export function invitationLink(origin: string, token: string): string {
  return `${origin}/invitations/${encodeURIComponent(token)}`;
}
