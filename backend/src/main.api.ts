import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { ApiModule } from './api.module';
import { AppConfig } from './platform/config/app-config';
import { JsonLogger } from './platform/logging/json-logger';
import { configureHttpApp } from './platform/http/configure-http-app';
import { bootOrExit } from './platform/boot';

void bootOrExit('api', async (logger: JsonLogger) => {
  const app = await NestFactory.create<NestExpressApplication>(ApiModule, { logger, bodyParser: false });
  configureHttpApp(app);
  const { host, port } = app.get(AppConfig).http;
  await app.listen(port, host);
  logger.event('info', 'api.listening', { url: `http://${host}:${port}` });
});
