import { Module } from '@nestjs/common';
import { CatalogController } from './catalog.controller';
import { CatalogService } from './catalog.service';
import { FrameworkCache } from './framework-cache';

@Module({
  controllers: [CatalogController],
  providers: [CatalogService, FrameworkCache],
  exports: [CatalogService, FrameworkCache],
})
export class CatalogModule {}
