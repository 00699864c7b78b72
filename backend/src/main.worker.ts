import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { bootOrExit } from './platform/boot';
import type { JsonLogger } from './platform/logging/json-logger';
import { WorkerModule } from './worker.module';

void bootOrExit('worker', async (logger: JsonLogger) => {
  const app = await NestFactory.createApplicationContext(WorkerModule, { logger });
  // On SIGTERM/SIGINT: finish the jobs in hand, take no new one, then exit 0 (a clean stop, not a kill).
  app.enableShutdownHooks([], { useProcessExit: true });
  await app.init();
});
