import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile, UseGuards, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Public, RequirePermission } from '../../platform/auth/auth.decorators';
import { ReportUploadInterceptor, type ReportUploadRequest } from './report-upload.interceptor';
import { ReportVerifyRateLimit } from './report-verify-rate-limit.guard';
import type { PublicReportVerificationResponse, ReportIntegrityResponse, ReportResponse, SigningKeyResponse } from '@beacon/contracts';
import { reportError } from './reports.exception';
import { ReportsService } from './reports.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post('verify')
  @Public()
  @HttpCode(200)
  // Before the upload is read: a refused client sends its body to no one.
  @UseGuards(ReportVerifyRateLimit)
  @UseInterceptors(ReportUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } })
  @ApiOperation({
    summary: 'Public: upload a report file to learn whether Beacon issued it unchanged — { valid: true, reportId, organizationName, … } or { valid: false }.',
  })
  verifyUpload(@Req() req: ReportUploadRequest): Promise<PublicReportVerificationResponse> {
    if (!req.file) {
      throw reportError('REPORT_FILE_MISSING', 'Send the report as the "file" part of multipart/form-data.', [
        { field: 'file', reasons: ['a file is required'] },
      ]);
    }
    return this.reports.verifyUpload(req.file);
  }

  @Get('signing-keys')
  @Public()
  @ApiOperation({ summary: 'Public: the Ed25519 public keys that report signatures verify with, by key id.' })
  signingKeys(): SigningKeyResponse[] {
    return this.reports.signingKeys();
  }

  @Get(':id')
  @ApiBearerAuth()
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'A report: status, progress, SHA-256, signature and key id.' })
  get(@Param('id', uuid) id: string): Promise<ReportResponse> {
    return this.reports.get(id);
  }

  @Get(':id/file')
  @ApiBearerAuth()
  @RequirePermission('reports:read')
  @ApiOperation({ summary: 'Downloads a ready report as an attachment (409 while it is rendering).' })
  async file(@Param('id', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const file = await this.reports.file(id);
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    res.setHeader('X-Report-SHA256', file.sha256);
    return new StreamableFile(file.bytes, { type: file.mediaType, disposition: `attachment; filename="${file.fileName}"`, length: file.bytes.length });
  }

  @Get(':id/verify')
  @ApiBearerAuth()
  @RequirePermission('reports:read')
  @ApiOperation({ summary: "Recomputes the stored file's SHA-256 and checks its Ed25519 signature." })
  verify(@Param('id', uuid) id: string): Promise<ReportIntegrityResponse> {
    return this.reports.verifyStored(id);
  }
}
