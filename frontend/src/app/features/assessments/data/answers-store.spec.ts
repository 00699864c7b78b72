import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { AUTOSAVE_DELAY_MS, AnswersStore } from './answers-store';
import { answerUrl } from './assessments-api';
import { ASSESSMENT_ID, answer, durationQuestion, textQuestion, yesNo } from './assessments-test-data';

describe('AnswersStore', () => {
  let store: AnswersStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [AnswersStore, provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(AnswersStore);
    backend = TestBed.inject(HttpTestingController);
    store.init(ASSESSMENT_ID, [answer(yesNo.key, 'no', 3)]);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('saves a choice at once with the last known version, then keeps the new version', () => {
    store.change(yesNo, 'yes');
    expect(store.entry(yesNo.key)?.state).toBe('saving');
    const put = backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key));
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({ value: 'yes', expectedVersion: 3 });
    put.flush(answer(yesNo.key, 'yes', 4));
    expect(store.entry(yesNo.key)).toMatchObject({ value: 'yes', version: 4, state: 'saved' });

    store.change(yesNo, 'partial');
    const next = backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key));
    expect(next.request.body).toEqual({ value: 'partial', expectedVersion: 4 });
    next.flush(answer(yesNo.key, 'partial', 5));
  });

  it('debounces typed answers and sends only the last one, as version 0 for a first answer', () => {
    jest.useFakeTimers();
    store.change(textQuestion, 'Draft policy', AUTOSAVE_DELAY_MS);
    store.change(textQuestion, 'Draft policy v2 ', AUTOSAVE_DELAY_MS);
    expect(store.entry(textQuestion.key)?.state).toBe('saving');
    backend.expectNone(answerUrl(ASSESSMENT_ID, textQuestion.key));
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const first = backend.expectOne(answerUrl(ASSESSMENT_ID, textQuestion.key));
    // Sent normalised (trimmed) by validateAnswer.
    expect(first.request.body).toEqual({ value: 'Draft policy v2', expectedVersion: 0 });

    // A change typed while the save is in flight goes out after it, on top of the new version.
    store.change(textQuestion, 'Final policy', AUTOSAVE_DELAY_MS);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    backend.expectNone(answerUrl(ASSESSMENT_ID, textQuestion.key));
    first.flush(answer(textQuestion.key, 'Draft policy v2', 1));
    expect(store.entry(textQuestion.key)?.state).toBe('saving');
    const second = backend.expectOne(answerUrl(ASSESSMENT_ID, textQuestion.key));
    expect(second.request.body).toEqual({ value: 'Final policy', expectedVersion: 1 });
    second.flush(answer(textQuestion.key, 'Final policy', 2));
    expect(store.entry(textQuestion.key)).toMatchObject({ state: 'saved', version: 2 });
  });

  it('refuses an invalid answer client-side without calling the API', () => {
    store.change(durationQuestion, -2);
    expect(store.entry(durationQuestion.key)).toMatchObject({ value: -2, state: 'error' });
    expect(store.entry(durationQuestion.key)?.error).toBeTruthy();
    backend.expectNone(answerUrl(ASSESSMENT_ID, durationQuestion.key));
  });

  it('on 409 keeps the user value and exposes theirs; keep-mine re-sends with the current version', () => {
    store.change(yesNo, 'yes');
    backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key)).flush(
      {
        code: 'STALE_VERSION',
        message: 'Stale',
        correlationId: 'c',
        details: { current: answer(yesNo.key, 'partial', 7) },
      },
      { status: 409, statusText: 'Conflict' },
    );
    expect(store.entry(yesNo.key)).toMatchObject({ value: 'yes', version: 3, state: 'conflict' });
    expect(store.entry(yesNo.key)?.theirs?.value).toBe('partial');

    store.keepMine(yesNo);
    const retry = backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key));
    expect(retry.request.body).toEqual({ value: 'yes', expectedVersion: 7 });
    retry.flush(answer(yesNo.key, 'yes', 8));
    expect(store.entry(yesNo.key)).toMatchObject({
      value: 'yes',
      version: 8,
      state: 'saved',
      theirs: undefined,
    });
  });

  it('take-theirs adopts the stored answer and its version', () => {
    store.change(yesNo, 'yes');
    backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key)).flush(
      {
        code: 'STALE_VERSION',
        message: 'Stale',
        correlationId: 'c',
        details: { current: answer(yesNo.key, 'no', 9) },
      },
      { status: 409, statusText: 'Conflict' },
    );
    store.takeTheirs(yesNo.key);
    expect(store.entry(yesNo.key)).toMatchObject({ value: 'no', version: 9, state: 'saved' });
    expect(store.values().get(yesNo.key)).toBe('no');
  });

  it('shows the API message of a refused answer', () => {
    store.change(yesNo, 'yes');
    backend
      .expectOne(answerUrl(ASSESSMENT_ID, yesNo.key))
      .flush(
        { code: 'VALIDATION_FAILED', message: 'TST-1-q1: option not allowed', correlationId: 'c' },
        { status: 400, statusText: 'Bad Request' },
      );
    expect(store.entry(yesNo.key)).toMatchObject({ state: 'error', error: 'TST-1-q1: option not allowed' });
  });

  it('sends the note with the answer; a note without an answer waits for it', () => {
    jest.useFakeTimers();
    store.changeNote(textQuestion, 'Ask legal first.');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    backend.expectNone(answerUrl(ASSESSMENT_ID, textQuestion.key));
    expect(store.entry(textQuestion.key)).toMatchObject({ note: 'Ask legal first.', state: 'idle' });

    store.change(textQuestion, 'Policy v1', AUTOSAVE_DELAY_MS);
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    const first = backend.expectOne(answerUrl(ASSESSMENT_ID, textQuestion.key));
    expect(first.request.body).toEqual({ value: 'Policy v1', note: 'Ask legal first.', expectedVersion: 0 });
    first.flush({ ...answer(textQuestion.key, 'Policy v1', 1), note: 'Ask legal first.' });

    // Changing only the note saves the answer again, on top of its version; a blank note is cleared.
    store.changeNote(yesNo, '   ');
    jest.advanceTimersByTime(AUTOSAVE_DELAY_MS);
    expect(backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key)).request.body).toEqual({
      value: 'no',
      expectedVersion: 3,
    });
  });

  it('on a conflict shows their note too, and take-theirs adopts it', () => {
    store.change(yesNo, 'yes');
    backend.expectOne(answerUrl(ASSESSMENT_ID, yesNo.key)).flush(
      {
        code: 'STALE_VERSION',
        message: 'Stale',
        correlationId: 'c',
        details: { current: { ...answer(yesNo.key, 'partial', 7), note: 'Only on uploads.' } },
      },
      { status: 409, statusText: 'Conflict' },
    );
    store.takeTheirs(yesNo.key);
    expect(store.entry(yesNo.key)).toMatchObject({ value: 'partial', note: 'Only on uploads.', version: 7 });
  });
});
