import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AssignRequirementDto, type AssignmentResponse, type CommentResponse, CreateCommentDto } from '@beacon/contracts';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { CollaborationService } from './collaboration.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments/:id')
export class CollaborationController {
  constructor(private readonly collaboration: CollaborationService) {}

  @Get('assignments')
  @RequirePermission('assessments:read')
  @ApiOperation({ summary: 'Who is assigned to each requirement.' })
  assignments(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AssignmentResponse[]> {
    return this.collaboration.assignments(auth, id);
  }

  @Put('requirements/:requirementKey/assignee')
  @RequirePermission('assignments:manage')
  @ApiOperation({ summary: 'Assigns a requirement to a member (null unassigns).' })
  assign(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('requirementKey') requirementKey: string,
    @Body() dto: AssignRequirementDto,
  ): Promise<AssignmentResponse | null> {
    return this.collaboration.assign(auth, id, requirementKey, dto.userId ?? null);
  }

  @Get('requirements/:requirementKey/comments')
  @RequirePermission('assessments:read')
  @ApiOperation({ summary: 'Comments on a requirement, oldest first.' })
  comments(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Param('requirementKey') requirementKey: string): Promise<CommentResponse[]> {
    return this.collaboration.comments(auth, id, requirementKey);
  }

  @Post('requirements/:requirementKey/comments')
  @RequirePermission('comments:write')
  @ApiOperation({ summary: 'Adds a comment to a requirement.' })
  comment(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('requirementKey') requirementKey: string,
    @Body() dto: CreateCommentDto,
  ): Promise<CommentResponse> {
    return this.collaboration.comment(auth, id, requirementKey, dto.body);
  }
}
