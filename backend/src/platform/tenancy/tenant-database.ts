import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, type EntityManager } from 'typeorm';

/** Transaction-local settings that row-level security policies read. */
export interface TenantScope {
  organizationId?: string | null;
  userId?: string | null;
  /** A named, narrow cross-organization path (`outbox-relay`, `platform-audit`, `invitation`…). */
  scope?: string;
}

interface ActiveTransaction {
  manager: EntityManager;
  scope: TenantScope;
}

const storage = new AsyncLocalStorage<ActiveTransaction>();

async function applyScope(manager: EntityManager, scope: TenantScope): Promise<void> {
  await manager.query(
    `SELECT set_config('app.organization_id', $1, true), set_config('app.user_id', $2, true), set_config('app.scope', $3, true)`,
    [scope.organizationId ?? '', scope.userId ?? '', scope.scope ?? ''],
  );
}

/** A transaction opened ahead of the code that will use it (the guard opens, the interceptor finishes). */
export interface OpenTransaction {
  manager: EntityManager;
  /** Runs `fn` inside the transaction, then commits it (or rolls back on error) and releases the connection. */
  finish<T>(fn: () => Promise<T>): Promise<T>;
  /** Rolls back and releases (when the request is refused before the handler). */
  abandon(): Promise<void>;
  setScope(scope: TenantScope): Promise<void>;
}

/**
 * Every tenant read and write runs in a transaction whose organization is set with
 * `set_config('app.organization_id', …, true)`, so PostgreSQL's row-level security scopes it a
 * second time, whatever the query. The API opens one per request (TenantTransactionInterceptor);
 * the worker one per job.
 */
@Injectable()
export class TenantDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `fn` in a new transaction, on a connection of its own, with the given scope (even when called inside another one). */
  async transaction<T>(scope: TenantScope, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await applyScope(manager, scope);
      return storage.run({ manager, scope }, () => fn(manager));
    });
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
    const state: ActiveTransaction = { manager: runner.manager, scope };
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
      abandon: () => release(false),
      finish: async <T>(fn: () => Promise<T>): Promise<T> => {
        let result: T;
        try {
          result = await storage.run(state, fn);
        } catch (error) {
          await release(false);
          throw error;
        }
        await release(true);
        return result;
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
