export type ComponentState = 'up' | 'down';

export interface HealthResponse {
  status: 'ok';
}

export interface ReadinessResponse {
  status: 'ready' | 'not-ready';
  checks: { database: ComponentState; redis: ComponentState };
}

export interface WorkerStatus {
  /** Operators only (`queues:monitor`): absent for everyone else. */
  workerId?: string;
  /** Operators only (`queues:monitor`): absent for everyone else. */
  hostname?: string;
  queues: string[];
  startedAt: string;
  lastSeenAt: string;
  healthy: boolean;
}

/** What the status page shows: each part of Beacon and whether it is healthy. */
export interface SystemStatusResponse {
  api: ComponentState;
  database: ComponentState;
  redis: ComponentState;
  worker: ComponentState;
  workers: WorkerStatus[];
  version: string;
  checkedAt: string;
}

export interface StatusProbeResponse {
  id: string;
  state: 'pending' | 'completed';
  requestedAt: string;
  /** Queues whose worker answered the probe, with when. */
  answers: { queue: string; answeredAt: string; workerId: string }[];
  roundTripMs: number | null;
}
