import { Body, Controller, Delete, Get, HttpCode, Param, ParseUUIDPipe, Post, Req, Res, StreamableFile, UseInterceptors } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddEvidenceLinkDto, type EvidenceLinkTarget, type EvidenceResponse, UploadEvidenceDto } from '@beacon/contracts';
import type { Response } from 'express';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { EvidenceUploadInterceptor, type UploadRequest } from './evidence-upload.interceptor';
import { EvidenceService } from './evidence.service';

const uuid = new ParseUUIDPipe({ version: '4' });

/** `attachment` with an ASCII fallback name and the exact name as RFC 5987 `filename*`. */
export function attachmentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

@ApiTags('evidence')
@ApiBearerAuth()
@Controller('assessments')
export class EvidenceController {
  constructor(private readonly evidence: EvidenceService) {}

  @Post(':id/evidence')
  @RequirePermission('evidence:upload')
  @UseInterceptors(EvidenceUploadInterceptor)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: {
      type: 'object',
      required: ['file', 'requirementKey'],
      properties: { file: { type: 'string', format: 'binary' }, requirementKey: { type: 'string', example: 'MSM-1' } },
    },
  })
  @ApiOperation({
    summary:
      'Uploads a file as evidence for a requirement: PDF, PNG, JPEG, text, CSV, DOCX or XLSX, recognised by content; 415 otherwise, and for markup or script (by content, name or declared type), macros and office files that expand too far (the reason in details); 413 over the size limit or the quota.',
  })
  upload(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Body() dto: UploadEvidenceDto,
    @Req() req: UploadRequest,
    @Res({ passthrough: true }) res: Response,
  ): Promise<EvidenceResponse> {
    const file = req.file
      ? { originalName: req.file.originalname, mimeType: req.file.mimetype, path: req.file.path, size: req.file.size, sha256: req.file.sha256 }
      : undefined;
    return this.evidence.addFile(auth, id, dto.requirementKey, file, (key) => {
      // The row commits after the handler returns; if the response is not a success, the
      // transaction rolled back and the bytes must go too.
      res.once('finish', () => {
        if (res.statusCode >= 300) void this.evidence.discardStored(key).catch(() => undefined);
      });
    });
  }

  @Post(':id/evidence/links')
  @RequirePermission('evidence:upload')
  @ApiOperation({ summary: 'Adds a link (http or https) as evidence for a requirement.' })
  addLink(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string, @Body() dto: AddEvidenceLinkDto): Promise<EvidenceResponse> {
    return this.evidence.addLink(auth, id, dto.requirementKey, dto.url, dto.title);
  }

  @Get(':id/evidence')
  @RequirePermission('evidence:read')
  @ApiOperation({ summary: 'Evidence of an assessment, by requirement then age.' })
  list(@Param('id', uuid) id: string): Promise<EvidenceResponse[]> {
    return this.evidence.list(id);
  }

  @Get(':id/evidence/:evidenceId')
  @RequirePermission('evidence:read')
  @ApiOperation({
    summary: 'Downloads a file as an attachment (never rendered inline), its detected type and an extension that fits it; a link answers its URL as JSON.',
  })
  async download(
    @Param('id', uuid) id: string,
    @Param('evidenceId', uuid) evidenceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile | EvidenceLinkTarget> {
    const found = await this.evidence.download(id, evidenceId);
    if (found.kind === 'link') return found;
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    const type = found.mediaType.startsWith('text/') ? `${found.mediaType}; charset=utf-8` : found.mediaType;
    return new StreamableFile(found.bytes, { type, disposition: attachmentDisposition(found.fileName), length: found.bytes.length });
  }

  @Delete(':id/evidence/:evidenceId')
  @RequirePermission('evidence:upload')
  @HttpCode(204)
  @ApiOperation({
    summary: "Removes a file or link from a draft assessment's evidence; 409 once the assessment is submitted (its snapshot keeps its evidence).",
  })
  remove(
    @CurrentAuth() auth: AuthContext,
    @Param('id', uuid) id: string,
    @Param('evidenceId', uuid) evidenceId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    return this.evidence.remove(auth, id, evidenceId, (deleteFile) => {
      // The removal commits after the handler returns and before the response is sent: a success
      // means the row is gone for good, so only then may the bytes go.
      res.once('finish', () => {
        if (res.statusCode < 300) void deleteFile();
      });
    });
  }
}
