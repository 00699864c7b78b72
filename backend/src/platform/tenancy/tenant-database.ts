import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager } from 'typeorm';
import { guardPoolAgainstNestedAcquire } from '../database/connection-rules';

/** Transaction-local settings that row-level security policies read. */
export interface TenantScope {
  organizationId?: string | null;
  userId?: string | null;
  /** A named, narrow cross-organization path (`outbox-relay`, `platform-audit`, `invitation`…). */
  scope?: string;
}

type Deferred = () => Promise<unknown>;

interface ActiveTransaction {
  manager: EntityManager;
  scope: TenantScope;
  /** Work that needs a transaction of its own: it runs once this one has given its connection back. */
  deferred: Deferred[];
}

const storage = new AsyncLocalStorage<ActiveTransaction>();

/** Whether the code running now holds a transaction (and so its connection). */
export function holdsTransaction(): boolean {
  return storage.getStore() !== undefined;
}

async function applyScope(manager: EntityManager, scope: TenantScope): Promise<void> {
  await manager.query(
    `SELECT set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true), set_config('app.scope', $3, true)`,
    [scope.organizationId ?? '', scope.userId ?? '', scope.scope ?? ''],
  );
}

/**
 * Runs the deferred work of a finished transaction, one after the other. The transaction's own
 * error wins; otherwise the first deferred failure is thrown (it may be a security write, such as
 * revoking a stolen session, that must not pass silently).
 */
async function settle<T>(state: ActiveTransaction, outcome: { ok: true; value: T } | { ok: false; error: unknown }): Promise<T> {
  let deferredError: { error: unknown } | undefined;
  for (const task of state.deferred.splice(0)) {
    try {
      await task();
    } catch (error) {
      deferredError ??= { error };
    }
  }
  if (!outcome.ok) throw outcome.error;
  if (deferredError) throw deferredError.error;
  return outcome.value;
}

/** A transaction opened ahead of the code that will use it (the guard opens, the interceptor finishes). */
export interface OpenTransaction {
  manager: EntityManager;
  /** Runs `fn` inside the transaction, then commits it (or rolls back on error), releases the connection and runs deferred work. */
  finish<T>(fn: () => Promise<T>): Promise<T>;
  /** Rolls back and releases (when the request is refused before the handler). */
  abandon(): Promise<void>;
  setScope(scope: TenantScope): Promise<void>;
}

/**
 * Every tenant read and write runs in a transaction whose organization is set with
 * `set_config('app.organization_id', …, true)`, so PostgreSQL's row-level security scopes it a
 * second time, whatever the query. The API opens one per authenticated request (AuthGuard +
 * TenantTransactionInterceptor); the worker one per job.
 *
 * One connection per unit of work, never two: code that holds a transaction cannot take a second
 * connection from the pool (the pool refuses it, see `connection-rules.ts`), because a burst of
 * such requests holds every connection while each waits for another — a deadlock that used to take
 * the API down. Work that must outlive the transaction (an audit event of a refused sign-in, the
 * revocation of a stolen session) is handed to `independently`, which runs it after the
 * connection is given back.
 */
@Injectable()
export class TenantDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    guardPoolAgainstNestedAcquire(dataSource, holdsTransaction);
  }

  /** Runs `fn` in a new transaction with the given scope. Refused while this code already holds one. */
  async transaction<T>(scope: TenantScope, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const state: ActiveTransaction = { manager: undefined as unknown as EntityManager, scope, deferred: [] };
    let outcome: { ok: true; value: T } | { ok: false; error: unknown };
    try {
      const value = await this.dataSource.transaction(async (manager) => {
        state.manager = manager;
        await applyScope(manager, scope);
        return storage.run(state, () => fn(manager));
      });
      outcome = { ok: true, value };
    } catch (error) {
      outcome = { ok: false, error };
    }
    return settle(state, outcome);
  }

  /**
   * Runs `fn` in a transaction of its own: now when no transaction is held, otherwise once the
   * current one has committed or rolled back and released its connection (its outcome does not
   * undo `fn`). The caller's transaction waits for it before it reports back.
   */
  async independently(scope: TenantScope, fn: (manager: EntityManager) => Promise<unknown>): Promise<void> {
    const active = storage.getStore();
    if (!active) {
      await this.transaction(scope, fn);
      return;
    }
    active.deferred.push(() => this.transaction(scope, fn));
  }

  /** Opens a transaction now, to be finished later with `finish` (or `abandon`). */
  async begin(scope: TenantScope): Promise<OpenTransaction> {
    return (await this.beginWith(scope, (manager) => applyScope(manager, scope))).transaction;
  }

  /**
   * Opens a transaction whose first statement sets the scope itself — a SQL function that calls
   * `set_config` with the same values, then reads — so opening and the first read cost one round
   * trip. Until `first` has run, row-level security sees no organization and no user: a `first`
   * that forgets the scope sees nothing rather than too much.
   */
  async beginWith<R>(scope: TenantScope, first: (manager: EntityManager) => Promise<R>): Promise<{ transaction: OpenTransaction; result: R }> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    const state: ActiveTransaction = { manager: runner.manager, scope, deferred: [] };
    let released = false;
    const release = async (commit: boolean) => {
      if (released) return;
      released = true;
      try {
        if (commit) await runner.commitTransaction();
        else await runner.rollbackTransaction();
      } finally {
        await runner.release();
      }
    };
    let result: R;
    try {
      result = await first(runner.manager);
    } catch (error) {
      await release(false);
      throw error;
    }
    const transaction: OpenTransaction = {
      manager: runner.manager,
      setScope: async (next) => {
        state.scope = next;
        await applyScope(runner.manager, next);
      },
      abandon: async () => {
        await release(false);
        await settle(state, { ok: true, value: undefined });
      },
      finish: async <T>(fn: () => Promise<T>): Promise<T> => {
        let value: T;
        try {
          value = await storage.run(state, fn);
        } catch (error) {
          await release(false);
          return settle(state, { ok: false, error });
        }
        await release(true);
        return settle(state, { ok: true, value });
      },
    };
    return { transaction, result };
  }

  /** The manager of the transaction in hand; services never see a connection without a tenant. */
  manager(): EntityManager {
    const active = storage.getStore();
    if (!active) throw new Error('No tenant transaction is open');
    return active.manager;
  }

  current(): TenantScope | undefined {
    return storage.getStore()?.scope;
  }

  /** Changes the scope of the current transaction (e.g. to the organization an invitation belongs to). */
  async switchScope(scope: TenantScope): Promise<void> {
    const active = storage.getStore();
    if (!active) throw new Error('No tenant transaction is open');
    active.scope = scope;
    await applyScope(active.manager, scope);
  }

  /** Runs `fn` with a temporary scope inside the current transaction, then restores the previous one. */
  async withScope<T>(scope: TenantScope, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    const active = storage.getStore();
    if (!active) return this.transaction(scope, fn);
    const previous = active.scope;
    await this.switchScope({ ...previous, ...scope });
    try {
      return await fn(active.manager);
    } finally {
      await this.switchScope(previous);
    }
  }
}
