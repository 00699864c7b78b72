import type { Pool, PoolClient } from 'pg';
import type { DataSource } from 'typeorm';

/** Thrown when code that holds a connection asks the pool for another one. */
export class NestedConnectionError extends Error {
  constructor() {
    super(
      'A second database connection was requested while this unit of work already holds one. ' +
        'Use the transaction in hand (TenantDatabase.manager()) or TenantDatabase.independently().',
    );
    this.name = 'NestedConnectionError';
  }
}

const GUARDED = Symbol('beacon:nested-acquire-guard');

type ConnectCallback = (error: Error | undefined, client: PoolClient | undefined, done: (release?: unknown) => void) => void;
type GuardedPool = Pool & { [GUARDED]?: true };

/**
 * Makes the pool refuse a connection to code that already holds one (`holds()` answers from the
 * caller's async context). A request or job that waits for a second connection while keeping its
 * first can deadlock the whole pool under a burst — every connection held, every holder waiting —
 * so the rule is enforced where connections are handed out rather than left to review.
 */
export function guardPoolAgainstNestedAcquire(dataSource: DataSource, holds: () => boolean): void {
  const pool = (dataSource.driver as unknown as { master?: GuardedPool }).master;
  if (!pool || pool[GUARDED]) return;
  const connect = pool.connect.bind(pool) as (callback?: ConnectCallback) => Promise<PoolClient> | undefined;
  const guarded = (callback?: ConnectCallback): Promise<PoolClient> | undefined => {
    if (holds()) {
      const error = new NestedConnectionError();
      if (callback) {
        process.nextTick(() => callback(error, undefined, () => undefined));
        return undefined;
      }
      return Promise.reject(error);
    }
    return connect(callback);
  };
  Object.assign(pool, { connect: guarded, [GUARDED]: true });
}

const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
  '53300', // too_many_connections
  '57014', // query_canceled (statement_timeout)
  '25P03', // idle_in_transaction_session_timeout
]);
const UNAVAILABLE_NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH']);

/**
 * Whether an error means "the database cannot serve this now" (pool exhausted past its acquire
 * timeout, server unreachable or shutting down, statement or idle-transaction timeout) rather than
 * a fault of the request: such errors are answered 503 with Retry-After.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Duck-typed: socket errors may come from another realm than this module's `Error`.
  if (typeof error !== 'object' || error === null) return false;
  const { message, code, driverError } = error as { message?: unknown; code?: unknown; driverError?: unknown };
  if (typeof message === 'string' && /timeout exceeded when trying to connect|Connection terminated/i.test(message)) return true;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_NETWORK_CODES.has(code))) return true;
  return driverError !== undefined && driverError !== error && isDatabaseUnavailable(driverError);
}
