import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { OutboxModule } from './outbox/outbox.module';
import { QueueModule } from './queue/queue.module';
import { TenancyModule } from './tenancy/tenancy.module';

/** Configuration, logging, PostgreSQL, the queue producer and the outbox: shared by API and worker. */
@Module({ imports: [ConfigModule, LoggingModule, DatabaseModule, QueueModule, OutboxModule, TenancyModule] })
export class PlatformModule {}
