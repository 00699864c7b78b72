import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { CreateReportDto, type ReportRequestedResponse, type ReportResponse } from '@beacon/contracts';
import { ReportsService } from './reports.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('reports')
@ApiBearerAuth()
@Controller('assessments')
export class AssessmentReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post(':id/reports')
  @RequirePermission('reports:generate')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Asks for a report (pdf, json, csv or oscal; en or fr) of the latest submission, once scored (409 before). The same submission, format and locale give the same report id.',
  })
  request(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: CreateReportDto): Promise<ReportRequestedResponse> {
    return this.reports.request(auth, id, dto.format, dto.locale);
  }

  @Get(':id/reports')
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'Reports of an assessment (every submission), newest first, with status and digest.' })
  list(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ReportResponse[]> {
    return this.reports.list(auth.organizationId!, id);
  }
}
