import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, type OnDestroy, inject, signal } from '@angular/core';
import type { ScoreResponse } from '@beacon/contracts';
import type { ScoringResult } from '@beacon/domain';
import { type Subscription } from 'rxjs';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { ScoreApi } from './score-api';

/**
 * What the score page shows:
 * - `loading`: the first answer has not come back yet;
 * - `draft`: the assessment was never submitted (409), nothing to score;
 * - `pending`: submitted, the background job has not stored a result yet (polling); also the state
 *   right after the user submitted, before the first answer (`response` is then null);
 * - `slow`: still pending after {@link POLL_LIMIT_MS}; polling stopped until asked again;
 * - `scored`: the result;
 * - `failed`: the job gave up, with its reason;
 * - `error`: the score could not be read (network, 404, server error).
 */
export type ScoreState =
  | { kind: 'loading' }
  | { kind: 'draft' }
  | { kind: 'pending'; response: ScoreResponse | null }
  | { kind: 'slow'; response: ScoreResponse }
  | { kind: 'scored'; response: ScoreResponse; result: ScoringResult }
  | { kind: 'failed'; response: ScoreResponse }
  | { kind: 'error'; message: string | null };

/** Navigation state (`{ [JUST_SUBMITTED]: true }`) of the move from the submit dialog to the score page. */
export const JUST_SUBMITTED = 'justSubmitted';

/** First poll after 1 s, then 1.5× longer each time, never more than 5 s apart. */
export const POLL_FIRST_DELAY_MS = 1_000;
export const POLL_MAX_DELAY_MS = 5_000;
/** Polling stops after three minutes without a result (the page then offers to check again). */
export const POLL_LIMIT_MS = 180_000;

/** The wait before poll number `attempt` (0-based). */
export function pollDelay(attempt: number): number {
  return Math.min(POLL_MAX_DELAY_MS, Math.round(POLL_FIRST_DELAY_MS * 1.5 ** attempt));
}

/**
 * The score of one assessment's latest submission. While the job runs it polls with backoff, so
 * the result appears without a reload; it stops on a result, a failure, an error or the time limit.
 */
@Injectable()
export class ScoreStore implements OnDestroy {
  private readonly api = inject(ScoreApi);
  private readonly _state = signal<ScoreState>({ kind: 'loading' });
  private assessmentId = '';
  private attempt = 0;
  private startedAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private request: Subscription | undefined;

  readonly state = this._state.asReadonly();

  /**
   * Reads the score of `assessmentId` (again). `justSubmitted`: the user has just submitted it, so it
   * is being scored — the page says so at once rather than "loading".
   */
  load(assessmentId: string, justSubmitted = false): void {
    this.stop();
    this.assessmentId = assessmentId;
    this._state.set(justSubmitted ? { kind: 'pending', response: null } : { kind: 'loading' });
    this.startPolling();
  }

  /** After `slow` or `error`: asks again and polls for another full period. */
  retry(): void {
    this.stop();
    const state = this._state();
    if (state.kind === 'slow') this._state.set({ kind: 'pending', response: state.response });
    else if (state.kind === 'error') this._state.set({ kind: 'loading' });
    this.startPolling();
  }

  ngOnDestroy(): void {
    this.stop();
  }

  private startPolling(): void {
    this.attempt = 0;
    this.startedAt = Date.now();
    this.fetch();
  }

  private fetch(): void {
    this.timer = undefined;
    this.request = this.api.score(this.assessmentId).subscribe({
      next: (response) => this.receive(response),
      error: (error: unknown) => this.fail(error),
    });
  }

  private receive(response: ScoreResponse): void {
    switch (response.status) {
      case 'scored':
        if (response.result) this._state.set({ kind: 'scored', response, result: response.result });
        else this._state.set({ kind: 'failed', response });
        return;
      case 'failed':
        this._state.set({ kind: 'failed', response });
        return;
      case 'pending':
        this.schedule(response);
        return;
    }
  }

  private schedule(response: ScoreResponse): void {
    if (Date.now() - this.startedAt >= POLL_LIMIT_MS) {
      this._state.set({ kind: 'slow', response });
      return;
    }
    this._state.set({ kind: 'pending', response });
    this.timer = setTimeout(() => this.fetch(), pollDelay(this.attempt));
    this.attempt += 1;
  }

  private fail(error: unknown): void {
    if (error instanceof HttpErrorResponse && error.status === 409) {
      this._state.set({ kind: 'draft' });
      return;
    }
    const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
    this._state.set({ kind: 'error', message: isErrorResponse(body) ? body.message : null });
  }

  private stop(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.timer = undefined;
    this.request?.unsubscribe();
    this.request = undefined;
  }
}
