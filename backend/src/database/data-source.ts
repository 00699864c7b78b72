import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from '../platform/database/snake-naming.strategy';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

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

/**
 * The one description of Beacon's database, shared by Nest (`DatabaseModule`) and the command
 * line (`cli.ts`: migrate, revert, check, seed). Migrations only: `synchronize` is never on.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: settings.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
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

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
