import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  type AnswerResponse,
  type AssessmentResponse,
  CreateAssessmentDto,
  PutAnswerDto,
  type SubmissionResponse,
  SubmitAssessmentDto,
  UpdateProfileDto,
} from '@beacon/contracts';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { AnswersService } from './answers.service';
import { AssessmentsService } from './assessments.service';
import { SubmissionsService } from './submissions.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('assessments')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly answerService: AnswersService,
    private readonly submissions: SubmissionsService,
  ) {}

  @Post()
  @RequirePermission('assessments:create')
  @ApiOperation({ summary: 'A new assessment for framework versions and a service profile.' })
  create(@CurrentAuth() auth: AuthContext, @Body() dto: CreateAssessmentDto): Promise<AssessmentResponse> {
    return this.assessments.create(auth, dto.title, dto.frameworks, dto.profile);
  }

  @Get()
  @RequirePermission('assessments:read')
  @ApiOperation({ summary: 'Assessments of the active organization, with status and progress.' })
  list(@CurrentAuth() auth: AuthContext): Promise<AssessmentResponse[]> {
    return this.assessments.list(auth.organizationId!);
  }

  @Get(':id')
  @RequirePermission('assessments:read')
  @ApiOperation({ summary: 'One assessment with its progress.' })
  get(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AssessmentResponse> {
    return this.assessments.get(auth.organizationId!, id);
  }

  @Put(':id/profile')
  @RequirePermission('assessments:edit-profile')
  @ApiOperation({ summary: 'Changes the service profile; applicability is re-evaluated and no answer is deleted.' })
  updateProfile(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: UpdateProfileDto): Promise<AssessmentResponse> {
    return this.assessments.updateProfile(auth, id, dto.profile);
  }

  @Get(':id/answers')
  @RequirePermission('assessments:read')
  @ApiOperation({ summary: 'Every stored answer with its version.' })
  answers(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AnswerResponse[]> {
    return this.answerService.list(auth.organizationId!, id);
  }

  @Put(':id/answers/:questionKey')
  @RequirePermission('answers:write')
  @ApiOperation({ summary: 'Saves an answer; a stale expectedVersion gets 409 with the stored answer.' })
  putAnswer(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('questionKey') questionKey: string,
    @Body() dto: PutAnswerDto,
  ): Promise<AnswerResponse> {
    return this.answerService.put(auth, id, questionKey, dto.value, dto.note, dto.expectedVersion);
  }

  @Post(':id/submit')
  @RequirePermission('assessments:submit')
  @HttpCode(201)
  @ApiOperation({ summary: 'Attests and submits: 422 listing unanswered required questions, else an immutable snapshot with its hash.' })
  submit(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: SubmitAssessmentDto): Promise<SubmissionResponse> {
    return this.submissions.submit(auth, id, dto.attestation);
  }

  @Post(':id/new-cycle')
  @RequirePermission('assessments:create')
  @ApiOperation({ summary: 'A new draft copying the last submission’s frameworks, profile and answers.' })
  newCycle(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<AssessmentResponse> {
    return this.submissions.newCycle(auth, id);
  }
}
