import { Global, Module } from '@nestjs/common';
import { RequestAdmission } from './request-admission';

/** Letting signed-in requests in (the API only): used by the guard and, after the body, by upload routes. */
@Global()
@Module({ providers: [RequestAdmission], exports: [RequestAdmission] })
export class AuthModule {}
