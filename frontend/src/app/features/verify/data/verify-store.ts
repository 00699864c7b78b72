import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, type OnDestroy, inject, signal } from '@angular/core';
import type { PublicReportVerificationResponse } from '@beacon/contracts';
import { type Subscription } from 'rxjs';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { VERIFY_MAX_BYTES, VerifyApi } from './verify-api';

/** The file being checked, as the page names it. */
export interface CheckedFile {
  name: string;
  size: number;
}

/**
 * What the verification page shows:
 * - `idle`: waiting for a file;
 * - `checking`: the file is being sent and checked;
 * - `verdict`: the API's answer (issued by Beacon, unchanged — or not);
 * - `refused`: the file was not sent (empty, or over the size limit) or the API refused it (413);
 * - `error`: the check could not be made: the API's sentence when it sent one, else the HTTP
 *   status (0 when the network failed).
 */
export type VerifyState =
  | { kind: 'idle' }
  | { kind: 'checking'; file: CheckedFile }
  | { kind: 'verdict'; file: CheckedFile; result: PublicReportVerificationResponse }
  | { kind: 'refused'; file: CheckedFile; reason: 'too-large' | 'empty' }
  | { kind: 'error'; file: CheckedFile; message: string | null; status: number | null };

/** The verification of one file at a time; a new file replaces the one being checked. */
@Injectable()
export class VerifyStore implements OnDestroy {
  private readonly api = inject(VerifyApi);
  private readonly _state = signal<VerifyState>({ kind: 'idle' });
  private request: Subscription | undefined;

  readonly state = this._state.asReadonly();

  check(file: File): void {
    this.cancel();
    const checked: CheckedFile = { name: file.name, size: file.size };
    if (file.size === 0) {
      this._state.set({ kind: 'refused', file: checked, reason: 'empty' });
      return;
    }
    if (file.size > VERIFY_MAX_BYTES) {
      this._state.set({ kind: 'refused', file: checked, reason: 'too-large' });
      return;
    }
    this._state.set({ kind: 'checking', file: checked });
    this.request = this.api.verify(file, file.name).subscribe({
      next: (result) => this._state.set({ kind: 'verdict', file: checked, result }),
      error: (error: unknown) => this._state.set(failure(checked, error)),
    });
  }

  reset(): void {
    this.cancel();
    this._state.set({ kind: 'idle' });
  }

  ngOnDestroy(): void {
    this.cancel();
  }

  private cancel(): void {
    this.request?.unsubscribe();
    this.request = undefined;
  }
}

function failure(file: CheckedFile, error: unknown): VerifyState {
  if (!(error instanceof HttpErrorResponse)) {
    return {
      kind: 'error',
      file,
      message: error instanceof Error ? error.message : String(error),
      status: null,
    };
  }
  if (error.status === 413) return { kind: 'refused', file, reason: 'too-large' };
  const body: unknown = error.error;
  return { kind: 'error', file, message: isErrorResponse(body) ? body.message : null, status: error.status };
}
