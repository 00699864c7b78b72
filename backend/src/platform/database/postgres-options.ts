import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseSettings {
  url: string;
  poolSize?: number;
  applicationName?: string;
  /** How long to wait for a pooled connection (or a new one to open) before failing; unset = forever. */
  acquireTimeoutMs?: number;
  /** Session limits of the application's connections (migrations and seeds run without them). */
  statementTimeoutMs?: number;
  idleInTransactionTimeoutMs?: number;
}

/** What the data source maps and runs: given by whoever gathers the contexts (API, worker, CLI). */
export interface DatabaseSchema {
  entities: NonNullable<DataSourceOptions['entities']>;
  migrations?: NonNullable<DataSourceOptions['migrations']>;
}

/**
 * Beacon's PostgreSQL options: snake_case names, migrations only (`synchronize` is never on), the
 * pool and its limits. The platform knows no context's entities; the caller passes them.
 */
export function postgresOptions(settings: DatabaseSettings, schema: DatabaseSchema): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: schema.entities,
    migrations: schema.migrations ?? [],
    migrationsTableName: 'schema_migrations',
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    uuidExtension: 'pgcrypto',
    extra: {
      max: settings.poolSize ?? 10,
      application_name: settings.applicationName ?? 'beacon',
      ...(settings.acquireTimeoutMs === undefined ? {} : { connectionTimeoutMillis: settings.acquireTimeoutMs }),
      ...(settings.statementTimeoutMs === undefined ? {} : { statement_timeout: settings.statementTimeoutMs }),
      ...(settings.idleInTransactionTimeoutMs === undefined ? {} : { idle_in_transaction_session_timeout: settings.idleInTransactionTimeoutMs }),
    },
  };
}
