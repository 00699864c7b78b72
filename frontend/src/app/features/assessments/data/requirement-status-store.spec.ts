import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { RequirementDefinition } from '@beacon/domain';
import { requirement } from '../../catalog/testing';
import { requirementUrl } from './assessments-api';
import { ASSESSMENT_ID, statusResponse } from './assessments-test-data';
import { RequirementStatusStore, STATUS_AUTOSAVE_DELAY_MS } from './requirement-status-store';

const statusUrl = (key: string): string => `${requirementUrl(ASSESSMENT_ID, key)}/status`;
const JUSTIFIED = 'We never store or send any video at all.';

describe('RequirementStatusStore', () => {
  let store: RequirementStatusStore;
  let backend: HttpTestingController;
  const plain: RequirementDefinition = requirement('TST-1');
  const flexible: RequirementDefinition = requirement('TST-2', { allowsAlternative: true });

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [RequirementStatusStore, provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(RequirementStatusStore);
    backend = TestBed.inject(HttpTestingController);
    store.init(ASSESSMENT_ID, [plain, flexible], [statusResponse('TST-2', 'alternative', JUSTIFIED, 4)]);
    jest.useFakeTimers();
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  it('saves a justified status after the debounce, once valid, as version 0 for a first one', () => {
    store.choose(plain, 'not-applicable');
    expect(store.entry('TST-1')).toMatchObject({ kind: 'not-applicable', state: 'idle', rule: 'length' });
    backend.expectNone(statusUrl('TST-1'));
    // Not valid yet: it does not count for the plan.
    expect(store.values()['TST-1']).toBeUndefined();

    store.changeJustification(plain, `  ${JUSTIFIED}  `);
    expect(store.values()['TST-1']).toEqual({ kind: 'not-applicable', justification: JUSTIFIED });
    expect(store.entry('TST-1')?.state).toBe('saving');
    jest.advanceTimersByTime(STATUS_AUTOSAVE_DELAY_MS);
    const put = backend.expectOne(statusUrl('TST-1'));
    expect(put.request.body).toEqual({
      kind: 'not-applicable',
      justification: JUSTIFIED,
      expectedVersion: 0,
    });
    put.flush(statusResponse('TST-1', 'not-applicable', JUSTIFIED, 1));
    expect(store.entry('TST-1')).toMatchObject({ version: 1, state: 'saved' });
  });

  it('refuses an alternative where the requirement allows none, without calling the API', () => {
    store.changeJustification(plain, JUSTIFIED);
    store.choose(plain, 'alternative');
    jest.advanceTimersByTime(STATUS_AUTOSAVE_DELAY_MS);
    backend.expectNone(statusUrl('TST-1'));
    expect(store.entry('TST-1')?.rule).toBe('not-allowed');
    expect(store.values()['TST-1']).toBeUndefined();
  });

  it('removes a stored status with its version when the user goes back to the questions', () => {
    expect(store.values()['TST-2']).toEqual({ kind: 'alternative', justification: JUSTIFIED });
    store.choose(flexible, null);
    const removal = backend.expectOne((req) => req.url === statusUrl('TST-2'));
    expect(removal.request.method).toBe('DELETE');
    expect(removal.request.params.get('expectedVersion')).toBe('4');
    expect(store.values()['TST-2']).toBeUndefined();
    removal.flush(null, { status: 204, statusText: 'No Content' });
    expect(store.entry('TST-2')).toMatchObject({ kind: null, version: 0, state: 'saved' });
  });

  it('on 409 keeps the choice and exposes theirs; take-theirs adopts it, keep-mine re-sends on top', () => {
    store.changeJustification(flexible, 'An equivalent in-house classifier covers every upload.');
    jest.advanceTimersByTime(STATUS_AUTOSAVE_DELAY_MS);
    backend
      .expectOne(statusUrl('TST-2'))
      .flush(
        { code: 'STALE_VERSION', message: 'Stale', correlationId: 'c', details: { current: null } },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.entry('TST-2')).toMatchObject({ state: 'conflict', theirs: null, kind: 'alternative' });

    // Someone removed the status meanwhile: keeping mine creates it again (version 0).
    store.keepMine(flexible);
    const retry = backend.expectOne(statusUrl('TST-2'));
    expect(retry.request.body).toMatchObject({ kind: 'alternative', expectedVersion: 0 });
    retry.flush(
      {
        code: 'STALE_VERSION',
        message: 'Stale',
        correlationId: 'c',
        details: { current: statusResponse('TST-2', 'not-applicable', 'Decided by the board in May.', 9) },
      },
      { status: 409, statusText: 'Conflict' },
    );
    store.takeTheirs('TST-2');
    expect(store.entry('TST-2')).toMatchObject({
      kind: 'not-applicable',
      justification: 'Decided by the board in May.',
      version: 9,
      state: 'saved',
    });
  });

  it('shows the API message of a refused status', () => {
    store.choose(plain, 'not-applicable');
    store.changeJustification(plain, JUSTIFIED, 0);
    backend
      .expectOne(statusUrl('TST-1'))
      .flush(
        { code: 'ALREADY_SUBMITTED', message: 'This assessment was submitted.', correlationId: 'c' },
        { status: 409, statusText: 'Conflict' },
      );
    expect(store.entry('TST-1')).toMatchObject({ state: 'error', error: 'This assessment was submitted.' });
  });
});
