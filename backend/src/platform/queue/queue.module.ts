import { type DynamicModule, Global, Module } from '@nestjs/common';
import { JobCatalog, type JobDeclaration } from './jobs';
import { QueueProducer } from './queue-producer';

/** The queue producer and the catalogue of the jobs the application declared (gathered from its contexts). */
@Global()
@Module({})
export class QueueModule {
  static forRoot(jobs: readonly JobDeclaration[]): DynamicModule {
    return {
      module: QueueModule,
      providers: [{ provide: JobCatalog, useValue: new JobCatalog(jobs) }, QueueProducer],
      exports: [JobCatalog, QueueProducer],
    };
  }
}
