import { HttpErrorResponse, HttpEventType } from '@angular/common/http';
import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import type { EvidenceResponse } from '@beacon/contracts';
import { type Observable, type Subscription, map } from 'rxjs';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { saveBlob } from '../../../shared/util/save-blob';
import { EvidenceApi } from './evidence-api';

/** Why an upload or a link was refused: too large (413), not an accepted type (415), or else. */
export type EvidenceProblem = 'too-large' | 'unsupported' | 'other';

/** A file being sent, or refused. */
export interface EvidenceUpload {
  /** Local id (the server's id comes with the answer). */
  id: number;
  requirementKey: string;
  name: string;
  sizeBytes: number;
  /** 0..100 */
  percent: number;
  problem?: EvidenceProblem;
  /** The API's message (or the browser's) for `other` problems. */
  message?: string;
}

export function evidenceProblem(error: unknown): { problem: EvidenceProblem; message: string } {
  if (error instanceof HttpErrorResponse) {
    if (error.status === 413) return { problem: 'too-large', message: apiMessage(error) };
    if (error.status === 415) return { problem: 'unsupported', message: apiMessage(error) };
    return { problem: 'other', message: apiMessage(error) };
  }
  return { problem: 'other', message: error instanceof Error ? error.message : String(error) };
}

function apiMessage(error: HttpErrorResponse): string {
  return isErrorResponse(error.error) ? error.error.message : error.message;
}

/** Evidence of one assessment (files and links), uploads in progress and their failures. */
@Injectable()
export class EvidenceStore {
  private readonly api = inject(EvidenceApi);
  private readonly document = inject(DOCUMENT);
  private readonly _items = signal<readonly EvidenceResponse[]>([]);
  private readonly _uploads = signal<readonly EvidenceUpload[]>([]);
  private readonly _loadFailed = signal(false);
  private assessmentId = '';
  private nextUploadId = 1;
  /** The list in flight: loading another assessment cancels it, so its answer never lands. */
  private loading: Subscription | undefined;

  readonly loadFailed = this._loadFailed.asReadonly();
  readonly uploads = this._uploads.asReadonly();

  /** Evidence by requirement key, oldest first. */
  readonly byRequirement = computed<ReadonlyMap<string, readonly EvidenceResponse[]>>(() => {
    const byKey = new Map<string, EvidenceResponse[]>();
    for (const item of this._items()) {
      const list = byKey.get(item.requirementKey) ?? [];
      list.push(item);
      byKey.set(item.requirementKey, list);
    }
    return byKey;
  });

  /** Uploads in progress or refused, by requirement key. */
  readonly uploadsByRequirement = computed<ReadonlyMap<string, readonly EvidenceUpload[]>>(() => {
    const byKey = new Map<string, EvidenceUpload[]>();
    for (const upload of this._uploads()) {
      const list = byKey.get(upload.requirementKey) ?? [];
      list.push(upload);
      byKey.set(upload.requirementKey, list);
    }
    return byKey;
  });

  /** Loads the list; a failure leaves an empty list and `loadFailed`. */
  load(assessmentId: string): void {
    this.assessmentId = assessmentId;
    this._items.set([]);
    this._uploads.set([]);
    this._loadFailed.set(false);
    this.loading?.unsubscribe();
    this.loading = this.api.list(assessmentId).subscribe({
      next: (items) => this._items.set(items),
      error: () => this._loadFailed.set(true),
    });
  }

  /** Sends files one request each, in parallel, with their progress. */
  upload(requirementKey: string, files: Iterable<File>): void {
    const assessmentId = this.assessmentId;
    for (const file of files) {
      const id = this.nextUploadId++;
      this._uploads.update((uploads) => [
        ...uploads,
        { id, requirementKey, name: file.name, sizeBytes: file.size, percent: 0 },
      ]);
      this.api.upload(assessmentId, requirementKey, file).subscribe({
        next: (event) => {
          // The upload ends on the server, but the page has moved to another assessment meanwhile.
          if (this.assessmentId !== assessmentId) return;
          if (event.type === HttpEventType.UploadProgress) {
            const total = event.total ?? file.size;
            const percent = total > 0 ? Math.min(100, Math.round((event.loaded / total) * 100)) : 100;
            this.patchUpload(id, { percent });
          } else if (event.type === HttpEventType.Response && event.body) {
            const stored = event.body;
            this._uploads.update((uploads) => uploads.filter((upload) => upload.id !== id));
            this._items.update((items) => [...items, stored]);
          }
        },
        error: (error: unknown) => {
          if (this.assessmentId === assessmentId)
            this.patchUpload(id, { percent: 0, ...evidenceProblem(error) });
        },
      });
    }
  }

  /** Forgets a refused upload. */
  dismiss(uploadId: number): void {
    this._uploads.update((uploads) => uploads.filter((upload) => upload.id !== uploadId));
  }

  /** Adds a link; the observable answers whether it was stored, or the problem. */
  addLink(requirementKey: string, url: string, title: string): Observable<EvidenceResponse> {
    return this.api.addLink(this.assessmentId, { requirementKey, url, title }).pipe(
      map((stored) => {
        this._items.update((items) => [...items, stored]);
        return stored;
      }),
    );
  }

  /** Removes an item; the list changes once the API confirms. */
  remove(evidenceId: string): Observable<void> {
    return this.api.remove(this.assessmentId, evidenceId).pipe(
      map(() => {
        this._items.update((items) => items.filter((item) => item.id !== evidenceId));
      }),
    );
  }

  /** Fetches a file with the session's token and hands it to the browser as a download. */
  download(item: EvidenceResponse): Observable<void> {
    return this.api.download(this.assessmentId, item.id).pipe(
      map((response) => {
        const blob = response.body;
        if (blob) saveBlob(this.document, blob, item.fileName ?? 'evidence');
      }),
    );
  }

  private patchUpload(id: number, changes: Partial<EvidenceUpload>): void {
    this._uploads.update((uploads) =>
      uploads.map((upload) => (upload.id === id ? { ...upload, ...changes } : upload)),
    );
  }
}
