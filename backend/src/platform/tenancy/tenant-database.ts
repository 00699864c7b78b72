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

/**
 * Every tenant read and write runs in a transaction whose organization is set with
 * `set_config('app.organization_id', …, true)`, so PostgreSQL's row-level security scopes it a
 * second time, whatever the query. The API opens one per request (TenantTransactionInterceptor);
 * the worker one per job.
 */
@Injectable()
export class TenantDatabase {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `fn` in a new transaction with the given scope (nested calls reuse the current one). */
  async transaction<T>(scope: TenantScope, fn: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(async (manager) => {
      await applyScope(manager, scope);
      return storage.run({ manager, scope }, () => fn(manager));
    });
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
