import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, type OnDestroy, computed, inject, signal } from '@angular/core';
import type { RequirementStatusResponse, StaleRequirementStatusDetails } from '@beacon/contracts';
import {
  type RequirementDefinition,
  type RequirementStatus,
  type RequirementStatusKind,
  type RequirementStatusRule,
  validateRequirementStatus,
} from '@beacon/domain';
import { type Observable } from 'rxjs';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { failureMessage } from '../../../core/http/failure-message';
import { type SaveState } from './answers-store';
import { AssessmentsApi } from './assessments-api';

/** Debounce of a typed justification. */
export const STATUS_AUTOSAVE_DELAY_MS = 600;

/** What the page knows about one requirement's status ("not applicable" / "alternative"). */
export interface StatusEntry {
  /** The user's choice: null = the requirement is answered through its questions. */
  kind: RequirementStatusKind | null;
  justification: string;
  /** The last version the server confirmed (0: no stored status). */
  version: number;
  state: SaveState;
  /** Why the choice is not saved yet (client-side rule), shown translated. */
  rule?: RequirementStatusRule;
  /** The API's message when it refused the change. */
  error?: string;
  /** On a conflict: what someone else stored meanwhile (null: they removed the status). */
  theirs?: RequirementStatusResponse | null;
}

/**
 * Requirement-level answers of one assessment, saved like answers: with the last known version
 * (`expectedVersion`); a 409 keeps the user's choice and exposes the stored one. A status counts
 * (hides the requirement's questions) once it is valid, before the save completes.
 */
@Injectable()
export class RequirementStatusStore implements OnDestroy {
  private readonly api = inject(AssessmentsApi);
  private readonly _entries = signal<Readonly<Record<string, StatusEntry>>>({});
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private readonly dirty = new Map<string, RequirementDefinition>();
  private readonly requirements = new Map<string, RequirementDefinition>();
  private assessmentId = '';

  readonly entries = this._entries.asReadonly();

  /** Valid statuses by requirement key, for the assessment plan. */
  readonly values = computed<Readonly<Partial<Record<string, RequirementStatus>>>>(() => {
    const values: Record<string, RequirementStatus> = {};
    for (const [key, entry] of Object.entries(this._entries())) {
      const requirement = this.requirements.get(key);
      if (!requirement || entry.kind === null) continue;
      const checked = validateRequirementStatus(requirement, {
        kind: entry.kind,
        justification: entry.justification,
      });
      if (checked.ok) values[key] = checked.value;
    }
    return values;
  });

  /** Starts over with the stored statuses; `requirements` are those of the assessment's frameworks. */
  init(
    assessmentId: string,
    requirements: Iterable<RequirementDefinition>,
    statuses: readonly RequirementStatusResponse[],
  ): void {
    this.assessmentId = assessmentId;
    this.requirements.clear();
    for (const requirement of requirements) this.requirements.set(requirement.key, requirement);
    this._entries.set(
      Object.fromEntries(
        statuses.map((status) => [
          status.requirementKey,
          {
            kind: status.kind,
            justification: status.justification,
            version: status.version,
            state: 'idle',
          } satisfies StatusEntry,
        ]),
      ),
    );
  }

  entry(key: string): StatusEntry | undefined {
    return this._entries()[key];
  }

  /** The user picked a status (null: answer the questions instead). */
  choose(requirement: RequirementDefinition, kind: RequirementStatusKind | null): void {
    const key = requirement.key;
    this.clearTimer(key);
    this.patch(key, { kind, error: undefined });
    this.settle(requirement, 0);
  }

  /** The user typed a justification: saved after `delayMs` once it is valid. */
  changeJustification(
    requirement: RequirementDefinition,
    justification: string,
    delayMs = STATUS_AUTOSAVE_DELAY_MS,
  ): void {
    this.clearTimer(requirement.key);
    this.patch(requirement.key, { justification, error: undefined });
    this.settle(requirement, delayMs);
  }

  /** Conflict: store the user's choice on top of the stored version. */
  keepMine(requirement: RequirementDefinition): void {
    const entry = this.entry(requirement.key);
    if (!entry || entry.theirs === undefined) return;
    this.patch(requirement.key, { version: entry.theirs?.version ?? 0, theirs: undefined, state: 'saving' });
    this.save(requirement);
  }

  /** Conflict: drop the user's choice for the stored one. */
  takeTheirs(key: string): void {
    const entry = this.entry(key);
    if (!entry || entry.theirs === undefined) return;
    const theirs = entry.theirs;
    this.patch(key, {
      kind: theirs?.kind ?? null,
      justification: theirs?.justification ?? entry.justification,
      version: theirs?.version ?? 0,
      theirs: undefined,
      state: 'saved',
      rule: undefined,
      error: undefined,
    });
  }

  ngOnDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** Decides what the current choice needs: nothing, a removal, a save, or a justification first. */
  private settle(requirement: RequirementDefinition, delayMs: number): void {
    const key = requirement.key;
    const entry = this.entry(key);
    if (!entry) return;
    const conflict = entry.state === 'conflict';
    if (entry.kind === null) {
      this.patch(key, {
        rule: undefined,
        state: conflict ? 'conflict' : entry.version > 0 ? 'saving' : 'idle',
      });
      if (entry.version > 0) this.schedule(requirement, 0);
      return;
    }
    const checked = validateRequirementStatus(requirement, {
      kind: entry.kind,
      justification: entry.justification,
    });
    if (!checked.ok) {
      this.patch(key, { rule: checked.rule, state: conflict ? 'conflict' : 'idle' });
      return;
    }
    this.patch(key, { rule: undefined, state: conflict ? 'conflict' : 'saving' });
    this.schedule(requirement, delayMs);
  }

  private schedule(requirement: RequirementDefinition, delayMs: number): void {
    if (delayMs <= 0) {
      this.save(requirement);
      return;
    }
    this.timers.set(
      requirement.key,
      setTimeout(() => {
        this.timers.delete(requirement.key);
        this.save(requirement);
      }, delayMs),
    );
  }

  private save(requirement: RequirementDefinition): void {
    const key = requirement.key;
    const entry = this.entry(key);
    if (!entry || entry.state === 'conflict') return;
    if (this.inFlight.has(key)) {
      this.dirty.set(key, requirement);
      return;
    }
    const sent = { kind: entry.kind, justification: entry.justification };
    let request: Observable<unknown>;
    if (entry.kind === null) {
      if (entry.version === 0) {
        this.patch(key, { state: 'idle' });
        return;
      }
      request = this.api.deleteRequirementStatus(this.assessmentId, key, entry.version);
    } else {
      const checked = validateRequirementStatus(requirement, sent);
      if (!checked.ok) return;
      request = this.api.putRequirementStatus(this.assessmentId, key, checked.value, entry.version);
    }
    this.inFlight.add(key);
    request.subscribe({
      next: (stored: unknown) => {
        this.inFlight.delete(key);
        const now = this.entry(key);
        const changed = !now || now.kind !== sent.kind || now.justification !== sent.justification;
        const version = sent.kind === null ? 0 : (stored as RequirementStatusResponse).version;
        this.patch(key, { version, state: changed ? 'saving' : 'saved', error: undefined });
        this.flushDirty(key);
      },
      error: (error: unknown) => {
        this.inFlight.delete(key);
        this.dirty.delete(key);
        const stale = staleCurrent(error);
        if (stale) this.patch(key, { state: 'conflict', theirs: stale.current });
        else this.patch(key, { state: 'error', error: failureMessage(error) });
      },
    });
  }

  private flushDirty(key: string): void {
    const requirement = this.dirty.get(key);
    if (!requirement) return;
    this.dirty.delete(key);
    this.settle(requirement, 0);
  }

  private patch(key: string, changes: Partial<StatusEntry>): void {
    this._entries.update((entries) => ({
      ...entries,
      [key]: { kind: null, justification: '', version: 0, state: 'idle', ...entries[key], ...changes },
    }));
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }
}

/** The stored status of a 409 `STALE_VERSION`, if that is the failure. */
function staleCurrent(error: unknown): StaleRequirementStatusDetails | undefined {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409 || !isErrorResponse(error.error))
    return undefined;
  const details = error.error.details as Partial<StaleRequirementStatusDetails> | undefined;
  if (!details || !('current' in details)) return undefined;
  return { current: details.current ?? null };
}
