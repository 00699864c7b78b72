import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';
import { EnvironmentVariables, loadEnvironment } from './environment';

@Global()
@Module({
  providers: [
    { provide: EnvironmentVariables, useFactory: loadEnvironment },
    AppConfig,
  ],
  exports: [AppConfig],
})
export class ConfigModule {}
