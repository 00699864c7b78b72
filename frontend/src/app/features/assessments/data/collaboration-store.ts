import { Injectable, computed, inject, signal } from '@angular/core';
import type { AssignmentResponse, CommentResponse, MemberResponse } from '@beacon/contracts';
import { type Observable, type Subscription, map } from 'rxjs';
import { AuthStore } from '../../../core/auth/auth-store';
import { AssessmentsApi } from './assessments-api';

/** The comment thread of one requirement: loaded when first opened. */
export interface CommentThread {
  state: 'loading' | 'ready' | 'error';
  comments: readonly CommentResponse[];
}

/** Who works on which requirement, who could, and what they said. */
@Injectable()
export class CollaborationStore {
  private readonly api = inject(AssessmentsApi);
  private readonly auth = inject(AuthStore);
  private readonly _assignments = signal<ReadonlyMap<string, AssignmentResponse>>(new Map());
  private readonly _members = signal<readonly MemberResponse[]>([]);
  private readonly _threads = signal<Readonly<Record<string, CommentThread>>>({});
  private assessmentId = '';
  /** Loads in flight: loading another assessment cancels them, so their answers never land. */
  private loading: Subscription[] = [];

  readonly assignments = this._assignments.asReadonly();
  /** Active members, by name: who a requirement can be assigned to. */
  readonly members = computed(() =>
    this._members()
      .filter((member) => !member.disabled)
      .sort((a, b) => a.name.localeCompare(b.name)),
  );
  readonly threads = this._threads.asReadonly();
  readonly userId = computed(() => this.auth.me()?.user.id ?? null);

  /** Loads the assignments and, for those who may assign, the members to pick from. */
  load(assessmentId: string): void {
    this.assessmentId = assessmentId;
    this._assignments.set(new Map());
    this._threads.set({});
    for (const request of this.loading) request.unsubscribe();
    this.loading = [
      this.api
        .assignments(assessmentId)
        .subscribe((assignments) =>
          this._assignments.set(new Map(assignments.map((a) => [a.requirementKey, a]))),
        ),
    ];
    const organizationId = this.auth.activeOrganization()?.organizationId;
    if (organizationId && this.auth.can('assignments:manage'))
      this.loading.push(this.api.members(organizationId).subscribe((members) => this._members.set(members)));
  }

  /** Assigns a requirement (null unassigns); the observable fails with the API's message. */
  assign(requirementKey: string, userId: string | null): Observable<void> {
    return this.api.assign(this.assessmentId, requirementKey, userId).pipe(
      map((assignment) => {
        this._assignments.update((assignments) => {
          const next = new Map(assignments);
          if (assignment) next.set(requirementKey, assignment);
          else next.delete(requirementKey);
          return next;
        });
      }),
    );
  }

  /** Loads a requirement's comments (again). */
  openThread(requirementKey: string): void {
    const current = this._threads()[requirementKey];
    this.patchThread(requirementKey, { state: 'loading', comments: current?.comments ?? [] });
    const assessmentId = this.assessmentId;
    this.api.comments(assessmentId, requirementKey).subscribe({
      // A thread of the assessment the page has left is not shown on the one it opened since.
      next: (comments) => {
        if (this.assessmentId === assessmentId)
          this.patchThread(requirementKey, { state: 'ready', comments });
      },
      error: () => {
        if (this.assessmentId === assessmentId)
          this.patchThread(requirementKey, { state: 'error', comments: current?.comments ?? [] });
      },
    });
  }

  /** Adds a comment at the end of its thread. */
  comment(requirementKey: string, body: string): Observable<CommentResponse> {
    return this.api.addComment(this.assessmentId, requirementKey, body).pipe(
      map((comment) => {
        const thread = this._threads()[requirementKey];
        this.patchThread(requirementKey, {
          state: thread?.state ?? 'ready',
          comments: [...(thread?.comments ?? []), comment],
        });
        return comment;
      }),
    );
  }

  private patchThread(requirementKey: string, thread: CommentThread): void {
    this._threads.update((threads) => ({ ...threads, [requirementKey]: thread }));
  }
}
