import { Body, Controller, Get, HttpCode, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthResponse, ChangePasswordDto, LoginDto, type MeResponse, RegisterDto, SwitchOrganizationDto } from '@beacon/contracts';
import type { Request, Response } from 'express';
import { Authenticated, type AuthContext, ClientAddress, CurrentAuth, Public } from '../../platform/auth/auth.decorators';
import { AppConfig } from '../../platform/config/app-config';
import { PublicTransaction } from '../../platform/tenancy/tenant-transaction.interceptor';
import { AuthService, type IssuedSession } from './auth.service';
import { clearRefreshCookie, readRefreshCookie, setRefreshCookie } from './refresh-cookie';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly config: AppConfig,
  ) {}

  @Post('auth/register')
  @Public()
  @PublicTransaction()
  @ApiOperation({ summary: 'Company sign-up: a user and a company organization (owner).' })
  async register(@Body() dto: RegisterDto, @ClientAddress() ip: string, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    return this.answer(res, await this.auth.register(dto, ip));
  }

  @Post('auth/login')
  @Public()
  @PublicTransaction()
  @HttpCode(200)
  @ApiOperation({ summary: 'Access token in the body, rotating refresh token in an httpOnly cookie. 429 after repeated failures.' })
  async login(@Body() dto: LoginDto, @ClientAddress() ip: string, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    return this.answer(res, await this.auth.login(dto.email, dto.password, ip));
  }

  @Post('auth/refresh')
  @Public()
  @PublicTransaction()
  @HttpCode(200)
  @ApiOperation({ summary: 'Rotates the refresh cookie; a reused refresh token ends the whole session family.' })
  async refresh(@Req() req: Request, @ClientAddress() ip: string, @Res({ passthrough: true }) res: Response): Promise<AuthResponse> {
    return this.answer(res, await this.auth.refresh(readRefreshCookie(req), ip));
  }

  @Post('auth/logout')
  @Public()
  @PublicTransaction()
  @HttpCode(204)
  @ApiOperation({ summary: 'Ends the session of the refresh cookie.' })
  async logout(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(readRefreshCookie(req));
    clearRefreshCookie(res, this.config.secureCookies);
  }

  @Post('auth/switch-organization')
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Makes another of your organizations the active one.' })
  async switchOrganization(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: SwitchOrganizationDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.answer(res, await this.auth.switchOrganization(auth, dto.organizationId, readRefreshCookie(req)));
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The signed-in user, the active organization and its permissions.' })
  me(@CurrentAuth() auth: AuthContext): Promise<MeResponse> {
    return this.auth.me(auth);
  }

  @Put('me/password')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Changes the password and ends every other session.' })
  async changePassword(
    @CurrentAuth() auth: AuthContext,
    @Body() dto: ChangePasswordDto,
    @ClientAddress() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.answer(res, await this.auth.changePassword(auth, dto.currentPassword, dto.newPassword, ip));
  }

  private answer(res: Response, session: IssuedSession): AuthResponse {
    setRefreshCookie(res, session, this.config.secureCookies);
    return session.response;
  }
}
