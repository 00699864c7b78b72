import 'reflect-metadata';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { type DatabaseSettings, postgresOptions } from '../platform/database/postgres-options';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export type { DatabaseSettings } from '../platform/database/postgres-options';

/**
 * The whole database — every context's entities and every migration — for the command line
 * (`cli.ts`: migrate, revert, check, seed) and tests. The API and the worker pass the same entity
 * list to `PlatformModule.forRoot`.
 */
export function dataSourceOptions(settings: DatabaseSettings): DataSourceOptions {
  return postgresOptions(settings, { entities: ENTITIES, migrations: MIGRATIONS });
}

export function createDataSource(settings: DatabaseSettings): DataSource {
  return new DataSource(dataSourceOptions(settings));
}
