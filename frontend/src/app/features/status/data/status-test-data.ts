import { type StatusProbeResponse, type SystemStatusResponse } from '@beacon/contracts';

// Sample API answers for the status specs.

export function systemStatus(overrides: Partial<SystemStatusResponse> = {}): SystemStatusResponse {
  return {
    api: 'up',
    database: 'up',
    redis: 'up',
    worker: 'up',
    workers: [
      {
        workerId: 'worker-1',
        hostname: 'host-a',
        queues: ['scoring', 'reports'],
        startedAt: '2026-01-01T10:00:00.000Z',
        lastSeenAt: '2026-01-01T10:05:00.000Z',
        healthy: true,
      },
    ],
    version: '0.1.0',
    checkedAt: '2026-01-01T10:05:01.000Z',
    ...overrides,
  };
}

/** What anyone but an operator gets: the same workers without their ids and host names. */
export function anonymousSystemStatus(overrides: Partial<SystemStatusResponse> = {}): SystemStatusResponse {
  const status = systemStatus(overrides);
  return { ...status, workers: status.workers.map(({ workerId: _id, hostname: _host, ...rest }) => rest) };
}

export function probe(overrides: Partial<StatusProbeResponse> = {}): StatusProbeResponse {
  return {
    id: 'probe-1',
    state: 'pending',
    requestedAt: '2026-01-01T10:05:00.000Z',
    answers: [],
    roundTripMs: null,
    ...overrides,
  };
}
