import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { type DatabaseSchema, postgresOptions } from './postgres-options';

/** PostgreSQL for the API or the worker, mapping the entities the application module gathers. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(entities: DatabaseSchema['entities']): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...postgresOptions(
              {
                url: config.database.url,
                poolSize: config.database.poolSize,
                acquireTimeoutMs: config.database.acquireTimeoutMs,
                statementTimeoutMs: config.database.statementTimeoutMs,
                idleInTransactionTimeoutMs: config.database.idleInTransactionTimeoutMs,
              },
              { entities },
            ),
            autoLoadEntities: false,
          }),
        }),
      ],
    };
  }
}
