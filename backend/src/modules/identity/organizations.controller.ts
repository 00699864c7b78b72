import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptInvitationDto,
  type AuthResponse,
  ChangeRoleDto,
  CreateInvitationDto,
  CreateOrganizationDto,
  type InvitationPreviewResponse,
  type InvitationResponse,
  type MemberResponse,
  type OrganizationResponse,
} from '@beacon/contracts';
import type { Request, Response } from 'express';
import { Authenticated, type AuthContext, ClientAddress, CurrentAuth, Public, RequirePermission } from '../../platform/auth/auth.decorators';
import { AppConfig } from '../../platform/config/app-config';
import type { IssuedSession } from './auth.service';
import { MembersService } from './members.service';
import { PublicTransaction } from '../../platform/tenancy/tenant-transaction.interceptor';
import { readRefreshCookie, setRefreshCookie } from './refresh-cookie';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('organizations')
@ApiBearerAuth()
@Controller()
export class OrganizationsController {
  constructor(
    private readonly members: MembersService,
    private readonly config: AppConfig,
  ) {}

  @Get('organizations')
  @RequirePermission('organizations:read')
  @ApiOperation({ summary: 'Platform admin: every organization.' })
  listOrganizations(): Promise<OrganizationResponse[]> {
    return this.members.listOrganizations();
  }

  @Post('organizations')
  @RequirePermission('organizations:create')
  @ApiOperation({ summary: 'Platform admin: a regulator or NGO organization.' })
  createOrganization(@CurrentAuth() auth: AuthContext, @Body() dto: CreateOrganizationDto): Promise<OrganizationResponse> {
    return this.members.createOrganization(auth, dto.name, dto.type);
  }

  @Get('organizations/:id/members')
  @RequirePermission('members:read')
  @ApiOperation({ summary: 'Members of the active organization.' })
  list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<MemberResponse[]> {
    return this.members.list(auth, id);
  }

  @Get('organizations/:id/invitations')
  @RequirePermission('members:invite')
  @ApiOperation({ summary: 'Pending invitations of the active organization.' })
  invitations(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<InvitationResponse[]> {
    return this.members.pendingInvitations(auth, id);
  }

  @Post('organizations/:id/invitations')
  @RequirePermission('members:invite')
  @ApiOperation({ summary: 'Invites someone with a role within your own rights; the answer carries the single-use token (7 days).' })
  invite(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: CreateInvitationDto): Promise<InvitationResponse> {
    return this.members.invite(auth, id, dto.email, dto.role);
  }

  @Put('organizations/:id/members/:userId/role')
  @RequirePermission('members:change-role')
  @ApiOperation({ summary: 'Changes a member’s role (never above your own; the last owner stays).' })
  changeRole(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('userId', uuid) userId: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<MemberResponse> {
    return this.members.changeRole(auth, id, userId, dto.role);
  }

  @Delete('organizations/:id/members/:userId')
  @RequirePermission('members:remove')
  @HttpCode(204)
  @ApiOperation({ summary: 'Removes a member from the active organization.' })
  remove(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Param('userId', uuid) userId: string): Promise<void> {
    return this.members.remove(auth, id, userId);
  }

  @Get('invitations/:token')
  @Public()
  @PublicTransaction()
  @ApiOperation({ summary: 'What an invitation offers (organization, role), without using it.' })
  preview(@Param('token') token: string): Promise<InvitationPreviewResponse> {
    return this.members.preview(token);
  }

  @Post('invitations/:token/accept')
  @Public()
  @PublicTransaction()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Accepts an invitation by creating an account (name and password). 409 when the address already has an account: ' +
      'sign in as it and use POST /me/invitations/{token}/accept. Refusals count towards the per-address sign-in limit (429).',
  })
  async acceptWithNewAccount(
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
    @ClientAddress() ip: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.answer(res, await this.members.acceptWithNewAccount(token, dto, ip));
  }

  @Post('me/invitations/:token/accept')
  @Authenticated()
  @HttpCode(200)
  @ApiOperation({
    summary: 'The signed-in user accepts an invitation addressed to their e-mail; the invited organization becomes the active one (new session).',
  })
  async acceptAsSignedIn(
    @CurrentAuth() auth: AuthContext,
    @Param('token') token: string,
    @ClientAddress() ip: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AuthResponse> {
    return this.answer(res, await this.members.acceptAsSignedIn(auth, token, readRefreshCookie(req), ip));
  }

  private answer(res: Response, session: IssuedSession): AuthResponse {
    setRefreshCookie(res, session, this.config.secureCookies);
    return session.response;
  }
}
