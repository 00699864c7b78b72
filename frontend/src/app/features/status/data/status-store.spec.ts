import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { PROBES_URL, STATUS_URL } from './status-api';
import { StatusStore } from './status-store';
import { probe, systemStatus } from './status-test-data';

describe('StatusStore', () => {
  let store: StatusStore;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting(), StatusStore],
    });
    store = TestBed.inject(StatusStore);
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    backend.verify();
    jest.useRealTimers();
  });

  describe('load()', () => {
    it('exposes the state of each part and the workers', () => {
      store.load();
      expect(store.loading()).toBe(true);
      backend
        .expectOne({ method: 'GET', url: STATUS_URL })
        .flush(systemStatus({ redis: 'down', worker: 'down' }));

      expect(store.loading()).toBe(false);
      expect(store.components()).toEqual({ api: 'up', database: 'up', redis: 'down', worker: 'down' });
      expect(store.workers().map((worker) => worker.workerId)).toEqual(['worker-1']);
    });

    it('reports the API down and the rest unknown when the call fails', () => {
      store.load();
      backend.expectOne(STATUS_URL).flush(systemStatus());
      store.load();
      backend.expectOne(STATUS_URL).error(new ProgressEvent('error'), { status: 0 });

      expect(store.loadFailed()).toBe(true);
      expect(store.status()).toBeNull();
      expect(store.components()).toEqual({
        api: 'down',
        database: 'unknown',
        redis: 'unknown',
        worker: 'unknown',
      });
    });

    it('abandons a load still in flight', () => {
      store.load();
      store.load();
      const [stale, fresh] = backend.match(STATUS_URL);
      expect(stale?.cancelled).toBe(true);
      fresh?.flush(systemStatus());
      expect(store.status()?.version).toBe('0.1.0');
    });
  });

  describe('runProbe()', () => {
    const completed = probe({
      state: 'completed',
      answers: [{ queue: 'scoring', answeredAt: '2026-01-01T10:05:00.120Z', workerId: 'worker-1' }],
      roundTripMs: 120,
    });

    it('posts a probe, then polls it every 300 ms until it is completed', () => {
      jest.useFakeTimers();
      store.runProbe();
      expect(store.probeState()).toBe('running');
      const post = backend.expectOne({ method: 'POST', url: PROBES_URL });
      post.flush(probe());
      expect(store.probe()?.state).toBe('pending');

      jest.advanceTimersByTime(299);
      backend.expectNone(`${PROBES_URL}/probe-1`);
      jest.advanceTimersByTime(1);
      backend.expectOne({ method: 'GET', url: `${PROBES_URL}/probe-1` }).flush(probe());
      expect(store.probeState()).toBe('running');

      jest.advanceTimersByTime(300);
      backend.expectOne(`${PROBES_URL}/probe-1`).flush(completed);
      expect(store.probeState()).toBe('completed');
      expect(store.probe()?.roundTripMs).toBe(120);

      jest.advanceTimersByTime(1_000);
      backend.expectNone(`${PROBES_URL}/probe-1`);
    });

    it('does not poll when the POST already answers completed', () => {
      jest.useFakeTimers();
      store.runProbe();
      backend.expectOne(PROBES_URL).flush(completed);
      expect(store.probeState()).toBe('completed');
      jest.advanceTimersByTime(1_000);
      backend.expectNone(`${PROBES_URL}/probe-1`);
    });

    it('gives up after 10 seconds', () => {
      jest.useFakeTimers();
      store.runProbe();
      backend.expectOne(PROBES_URL).flush(probe());
      for (let elapsed = 300; elapsed < 10_000; elapsed += 300) {
        jest.advanceTimersByTime(300);
        backend.expectOne(`${PROBES_URL}/probe-1`).flush(probe());
      }
      expect(store.probeState()).toBe('running');
      jest.advanceTimersByTime(100);
      expect(store.probeState()).toBe('timedOut');
      jest.advanceTimersByTime(1_000);
      backend.expectNone(`${PROBES_URL}/probe-1`);
    });

    it('reports a failed start and ignores clicks while running', () => {
      store.runProbe();
      store.runProbe();
      backend
        .expectOne(PROBES_URL)
        .flush(
          { code: 'INTERNAL_ERROR', message: 'boom', correlationId: 'c' },
          { status: 500, statusText: 'Error' },
        );
      expect(store.probeState()).toBe('failed');
    });
  });
});
