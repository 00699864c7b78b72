import { HttpErrorResponse } from '@angular/common/http';
import { Injectable, type OnDestroy, computed, inject, signal } from '@angular/core';
import type { AnswerResponse, StaleAnswerDetails } from '@beacon/contracts';
import { type QuestionDefinition, answerMessage, validateAnswer } from '@beacon/domain';
import { isErrorResponse } from '../../../core/http/error.interceptor';
import { I18n } from '../../../core/i18n/i18n';
import { failureMessage } from '../../../core/http/failure-message';
import { AssessmentsApi } from './assessments-api';

export type SaveState = 'idle' | 'saving' | 'saved' | 'error' | 'conflict';

/** What the page knows about one question's answer. */
export interface AnswerEntry {
  /** The user's value (what the control shows), saved or not. */
  value: unknown;
  /** The user's note on the answer ('' when none); saved with the answer. */
  note: string;
  /** The last version the server confirmed (0: never answered). */
  version: number;
  state: SaveState;
  /** Why the last save failed (client-side rule or the API's message). */
  error?: string;
  /** On a conflict: the answer someone else saved meanwhile. */
  theirs?: AnswerResponse;
}

/** Debounce of typed answers (text, figures) and notes; choices are saved at once. */
export const AUTOSAVE_DELAY_MS = 600;

/** Longest note the API accepts. */
export const NOTE_MAX_LENGTH = 5000;

/**
 * Answers of one assessment with their versions and save states. Saves send the last known
 * version (`expectedVersion`); a 409 keeps the user's value and exposes the stored one.
 */
@Injectable()
export class AnswersStore implements OnDestroy {
  private readonly api = inject(AssessmentsApi);
  private readonly i18n = inject(I18n);
  private readonly _entries = signal<Readonly<Record<string, AnswerEntry>>>({});
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  /** Keys changed while their save was in flight: saved again when it ends. */
  private readonly dirty = new Map<string, QuestionDefinition>();
  private assessmentId = '';

  readonly entries = this._entries.asReadonly();
  /** Answer values by question key (for `isQuestionVisible`). */
  readonly values = computed(() => {
    const values = new Map<string, never>();
    for (const [key, entry] of Object.entries(this._entries()))
      if (entry.value !== undefined && entry.value !== null) values.set(key, entry.value as never);
    return values;
  });

  /** Starts over with the answers of an assessment. */
  init(assessmentId: string, answers: readonly AnswerResponse[]): void {
    this.assessmentId = assessmentId;
    this._entries.set(
      Object.fromEntries(
        answers.map((answer) => [
          answer.questionKey,
          { value: answer.value, note: answer.note ?? '', version: answer.version, state: 'idle' },
        ]),
      ),
    );
  }

  entry(key: string): AnswerEntry | undefined {
    return this._entries()[key];
  }

  /**
   * The user changed an answer: shows it at once, checks it with `validateAnswer`, then saves it
   * after `delayMs` (0: now). Only the last change of a burst is sent.
   */
  change(question: QuestionDefinition, value: unknown, delayMs = 0): void {
    const key = question.key;
    this.clearTimer(key);
    const checked = validateAnswer(question, value);
    if (!checked.ok) {
      this.patch(key, {
        value,
        state: 'error',
        error: answerMessage(key, checked.problem, this.i18n.locale()),
      });
      return;
    }
    this.patch(key, {
      value,
      error: undefined,
      state: this.entry(key)?.state === 'conflict' ? 'conflict' : 'saving',
    });
    this.schedule(question, delayMs);
  }

  /**
   * The user changed the note of an answer. It travels with the answer: saved after `delayMs` when
   * the question has a valid answer, otherwise kept until the answer is given.
   */
  changeNote(question: QuestionDefinition, note: string, delayMs = AUTOSAVE_DELAY_MS): void {
    const key = question.key;
    this.clearTimer(key);
    const entry = this.entry(key);
    const answered = entry !== undefined && entry.value !== undefined && entry.value !== null;
    if (!answered || !validateAnswer(question, entry.value).ok) {
      this.patch(key, { note });
      return;
    }
    this.patch(key, {
      note,
      error: undefined,
      state: entry.state === 'conflict' ? 'conflict' : 'saving',
    });
    this.schedule(question, delayMs);
  }

  /** Conflict: overwrite the stored answer with the user's, on top of its current version. */
  keepMine(question: QuestionDefinition): void {
    const theirs = this.entry(question.key)?.theirs;
    if (!theirs) return;
    this.patch(question.key, { version: theirs.version, theirs: undefined, state: 'saving' });
    this.save(question);
  }

  /** Conflict: drop the user's value for the stored one. */
  takeTheirs(key: string): void {
    const theirs = this.entry(key)?.theirs;
    if (!theirs) return;
    this.patch(key, {
      value: theirs.value,
      note: theirs.note ?? '',
      version: theirs.version,
      theirs: undefined,
      state: 'saved',
      error: undefined,
    });
  }

  ngOnDestroy(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private save(question: QuestionDefinition): void {
    const key = question.key;
    const entry = this.entry(key);
    if (!entry || entry.state === 'conflict') return;
    if (this.inFlight.has(key)) {
      this.dirty.set(key, question);
      return;
    }
    const checked = validateAnswer(question, entry.value);
    if (!checked.ok || entry.note.length > NOTE_MAX_LENGTH) return;
    const sent = entry.value;
    const sentNote = entry.note;
    const note = entry.note.trim() === '' ? null : entry.note;
    this.inFlight.add(key);
    this.api.putAnswer(this.assessmentId, key, checked.value, entry.version, note).subscribe({
      next: (answer) => {
        this.inFlight.delete(key);
        const now = this.entry(key);
        const changed = !now || now.value !== sent || now.note !== sentNote;
        this.patch(key, { version: answer.version, state: changed ? 'saving' : 'saved', error: undefined });
        this.flushDirty(key);
      },
      error: (error: unknown) => {
        this.inFlight.delete(key);
        this.dirty.delete(key);
        const current = staleCurrent(error);
        if (current) this.patch(key, { state: 'conflict', theirs: current });
        else this.patch(key, { state: 'error', error: failureMessage(error) });
      },
    });
  }

  /** Saves after `delayMs` (0: now); a later change of the same answer replaces the pending save. */
  private schedule(question: QuestionDefinition, delayMs: number): void {
    const key = question.key;
    if (delayMs <= 0) {
      this.save(question);
      return;
    }
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.save(question);
      }, delayMs),
    );
  }

  private flushDirty(key: string): void {
    const question = this.dirty.get(key);
    if (!question) return;
    this.dirty.delete(key);
    this.save(question);
  }

  private patch(key: string, changes: Partial<AnswerEntry>): void {
    this._entries.update((entries) => ({
      ...entries,
      [key]: { value: undefined, note: '', version: 0, state: 'idle', ...entries[key], ...changes },
    }));
  }

  private clearTimer(key: string): void {
    const timer = this.timers.get(key);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(key);
  }
}

/** The stored answer of a 409 `STALE_VERSION`, if that is the failure. */
function staleCurrent(error: unknown): AnswerResponse | undefined {
  if (!(error instanceof HttpErrorResponse) || error.status !== 409 || !isErrorResponse(error.error))
    return undefined;
  const details = error.error.details as Partial<StaleAnswerDetails> | undefined;
  return details?.current;
}
