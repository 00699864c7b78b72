import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { bootOrExit } from './platform/boot';
import type { JsonLogger } from './platform/logging/json-logger';
import { WorkerModule } from './worker.module';

void bootOrExit('worker', async (logger: JsonLogger) => {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  app.enableShutdownHooks();
  await app.init();
});
