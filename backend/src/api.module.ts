import { type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { CatalogModule } from './modules/catalog/catalog.module';
import { HealthModule } from './modules/health/health.module';
import { AllExceptionsFilter } from './platform/errors/all-exceptions.filter';
import { CorrelationMiddleware } from './platform/logging/correlation.middleware';
import { PlatformModule } from './platform/platform.module';

/** The HTTP API: every context's controllers over the shared platform. */
@Module({
  imports: [PlatformModule, HealthModule, CatalogModule],
  providers: [{ provide: APP_FILTER, useClass: AllExceptionsFilter }],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(CorrelationMiddleware).forRoutes('*path');
  }
}
