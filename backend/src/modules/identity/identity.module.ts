import { Module } from '@nestjs/common';
import { RateLimitModule } from '../../platform/rate-limit/rate-limit.module';
import { AuthController } from './auth.controller';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { MembersService } from './members.service';
import { OrganizationsController } from './organizations.controller';
import { Passwords } from './passwords';

@Module({
  imports: [RateLimitModule],
  controllers: [AuthController, OrganizationsController],
  providers: [AuthService, MembersService, Passwords, LoginRateLimiter],
  exports: [AuthService, Passwords],
})
export class IdentityModule {}
