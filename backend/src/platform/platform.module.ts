import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import type { DatabaseSchema } from './database/postgres-options';
import { LoggingModule } from './logging/logging.module';
import { OutboxModule } from './outbox/outbox.module';
import type { JobDeclaration } from './queue/jobs';
import { QueueModule } from './queue/queue.module';
import { TenancyModule } from './tenancy/tenancy.module';

/**
 * Configuration, logging, PostgreSQL, the queue producer and the outbox: shared by API and worker.
 * The application module gathers the contexts' entities and jobs and passes them in (the platform
 * knows none).
 */
@Module({})
export class PlatformModule {
  static forRoot(application: Pick<DatabaseSchema, 'entities'> & { jobs: readonly JobDeclaration[] }): DynamicModule {
    return {
      module: PlatformModule,
      imports: [ConfigModule, LoggingModule, DatabaseModule.forRoot(application.entities), QueueModule.forRoot(application.jobs), OutboxModule, TenancyModule],
    };
  }
}
