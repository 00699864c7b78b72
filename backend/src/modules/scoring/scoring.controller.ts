import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { PreviewScoreResponse, ScoreResponse } from '@beacon/contracts';
import { type AuthContext, CurrentAuth, RequirePermission } from '../../platform/auth/auth.decorators';
import { scoringError } from './scoring.exception';
import { ScoringService } from './scoring.service';

const uuid = new ParseUUIDPipe({ version: '4' });

@ApiTags('scoring')
@ApiBearerAuth()
@Controller('assessments')
export class ScoringController {
  constructor(private readonly scoring: ScoringService) {}

  @Get(':id/score')
  @RequirePermission('scores:read')
  @ApiOperation({
    summary: 'The score of the latest submission, computed in the background.',
    description:
      '`status` is `pending` until the worker has scored the submission, then `scored` (with `result`, `computedAt`, ' +
      '`engineVersion`) or `failed` (with `failureReason`). Poll until it is no longer `pending`.',
  })
  @ApiOkResponse({ description: 'ScoreResponse: pending, scored or failed, for the latest snapshot (revision, content hash).' })
  @ApiNotFoundResponse({ description: `${scoringError.codes.ASSESSMENT_NOT_FOUND}: no such assessment in the active organization.` })
  @ApiConflictResponse({ description: `${scoringError.codes.NOT_SUBMITTED}: a draft never submitted has no score; use preview-score.` })
  score(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<ScoreResponse> {
    return this.scoring.score(auth.organizationId!, id);
  }

  @Get(':id/preview-score')
  @RequirePermission('scores:read')
  @ApiOperation({
    summary: 'The scoring engine on the assessment as it stands now (answers, requirement statuses, mapping sets).',
    description: 'Computed on request and never stored; unanswered required questions count as 0.',
  })
  @ApiOkResponse({ description: 'PreviewScoreResponse: the engine result with `preview: true`.' })
  @ApiNotFoundResponse({ description: `${scoringError.codes.ASSESSMENT_NOT_FOUND}: no such assessment in the active organization.` })
  preview(@CurrentAuth() auth: AuthContext, @Param('id', uuid) id: string): Promise<PreviewScoreResponse> {
    return this.scoring.preview(auth.organizationId!, id);
  }
}
