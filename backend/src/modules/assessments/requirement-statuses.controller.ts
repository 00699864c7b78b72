import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClearRequirementStatusQueryDto, PutRequirementStatusDto, type RequirementStatusResponse } from '@beacon/contracts';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { RequirementStatusesService } from './requirement-statuses.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments/:id')
export class RequirementStatusesController {
  constructor(private readonly statuses: RequirementStatusesService) {}

  @Get('requirement-statuses')
  @RequirePermission('assessments:read')
  @ApiOperation({ summary: 'Requirements declared not applicable or met by an alternative measure, with their justification.' })
  list(@Param('id', uuid) id: string): Promise<RequirementStatusResponse[]> {
    return this.statuses.list(id);
  }

  @Put('requirements/:requirementKey/status')
  @RequirePermission('answers:write')
  @ApiOperation({ summary: 'Declares a requirement not applicable or met by an alternative measure; a stale expectedVersion gets 409 with the stored status.' })
  set(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('requirementKey') requirementKey: string,
    @Body() dto: PutRequirementStatusDto,
  ): Promise<RequirementStatusResponse> {
    return this.statuses.set(auth, id, requirementKey, dto);
  }

  @Delete('requirements/:requirementKey/status')
  @RequirePermission('answers:write')
  @HttpCode(204)
  @ApiOperation({ summary: 'Clears a requirement status (its questions are asked again); a stale expectedVersion gets 409.' })
  clear(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('requirementKey') requirementKey: string,
    @Query() query: ClearRequirementStatusQueryDto,
  ): Promise<void> {
    return this.statuses.clear(auth, id, requirementKey, query.expectedVersion);
  }
}
