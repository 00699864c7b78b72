import { DestroyRef, Injectable, InjectionToken, computed, inject, signal } from '@angular/core';
import { type ComponentState, type StatusProbeResponse, type SystemStatusResponse } from '@beacon/contracts';
import { type Subscription, concat, exhaustMap, of, switchMap, takeUntil, takeWhile, timer } from 'rxjs';
import { StatusApi } from './status-api';

export interface StatusTimings {
  /** How often the open status page reloads the status. */
  refreshMs: number;
  /** Delay between two reads of a pending probe. */
  probeIntervalMs: number;
  /** How long a probe may take, from the POST on, before it is reported as timed out. */
  probeTimeoutMs: number;
}

export const STATUS_TIMINGS = new InjectionToken<StatusTimings>('STATUS_TIMINGS', {
  factory: () => ({ refreshMs: 5_000, probeIntervalMs: 300, probeTimeoutMs: 10_000 }),
});

/** The parts of Beacon the status page reports on, in display order. */
export const SYSTEM_COMPONENTS = ['api', 'database', 'redis', 'worker'] as const;
export type SystemComponent = (typeof SYSTEM_COMPONENTS)[number];

/** What the page shows for a part: `unknown` when the API could not be asked. */
export type DisplayState = ComponentState | 'unknown';

export type ProbeRunState = 'idle' | 'running' | 'completed' | 'timedOut' | 'failed';

/**
 * State of the status page. Provided by the page itself, so its subscriptions end with it.
 */
@Injectable()
export class StatusStore {
  private readonly api = inject(StatusApi);
  private readonly timings = inject(STATUS_TIMINGS);

  private readonly _status = signal<SystemStatusResponse | null>(null);
  private readonly _loading = signal(false);
  private readonly _loadFailed = signal(false);
  private readonly _probe = signal<StatusProbeResponse | null>(null);
  private readonly _probeState = signal<ProbeRunState>('idle');

  /** The last status the API sent; `null` before the first answer or after a failed load. */
  readonly status = this._status.asReadonly();
  readonly loading = this._loading.asReadonly();
  /** Whether the last load failed (the API could not be reached or answered with an error). */
  readonly loadFailed = this._loadFailed.asReadonly();
  readonly probe = this._probe.asReadonly();
  readonly probeState = this._probeState.asReadonly();
  readonly probeRunning = computed(() => this._probeState() === 'running');

  /** State of every part; when the API itself failed, it is down and the others are unknown. */
  readonly components = computed<Record<SystemComponent, DisplayState>>(() => {
    const status = this._status();
    if (this._loadFailed()) return { api: 'down', database: 'unknown', redis: 'unknown', worker: 'unknown' };
    if (!status) return { api: 'unknown', database: 'unknown', redis: 'unknown', worker: 'unknown' };
    return { api: status.api, database: status.database, redis: status.redis, worker: status.worker };
  });
  readonly workers = computed(() => this._status()?.workers ?? []);
  /** Worker ids and host names: the API sends them to operators (`queues:monitor`) only. */
  readonly workerIdentities = computed(() => this.workers().some((w) => w.workerId !== undefined));

  private loadSubscription?: Subscription;
  private probeSubscription?: Subscription;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.loadSubscription?.unsubscribe();
      this.probeSubscription?.unsubscribe();
    });
  }

  /** Reloads the status; a load still in flight is abandoned for the new one. */
  load(): void {
    this.loadSubscription?.unsubscribe();
    this._loading.set(true);
    this.loadSubscription = this.api.getStatus().subscribe({
      next: (status) => {
        this._status.set(status);
        this._loadFailed.set(false);
        this._loading.set(false);
      },
      error: () => {
        this._status.set(null);
        this._loadFailed.set(true);
        this._loading.set(false);
      },
    });
  }

  /**
   * Posts a probe, then reads it every `probeIntervalMs` until it is completed, for at most
   * `probeTimeoutMs` in all. Ignored while a probe is already running.
   */
  runProbe(): void {
    if (this._probeState() === 'running') return;
    const { probeIntervalMs, probeTimeoutMs } = this.timings;
    this._probe.set(null);
    this._probeState.set('running');
    this.probeSubscription?.unsubscribe();
    this.probeSubscription = this.api
      .startProbe()
      .pipe(
        switchMap((started) =>
          started.state === 'completed'
            ? of(started)
            : concat(
                of(started),
                timer(probeIntervalMs, probeIntervalMs).pipe(
                  exhaustMap(() => this.api.getProbe(started.id)),
                  takeWhile((probe) => probe.state !== 'completed', true),
                ),
              ),
        ),
        takeUntil(timer(probeTimeoutMs)),
      )
      .subscribe({
        next: (probe) => this._probe.set(probe),
        error: () => this._probeState.set('failed'),
        complete: () => this._probeState.set(this._probe()?.state === 'completed' ? 'completed' : 'timedOut'),
      });
  }
}
