import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse, StatusProbeResponse, SystemStatusResponse } from '@beacon/contracts';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { Public, RequirePermission } from '../../platform/auth/auth.decorators';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(private readonly health: HealthService) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness: the API process answers.' })
  @ApiOkResponse({ description: '{ status: "ok" }' })
  liveness(): HealthResponse {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness: PostgreSQL and Redis are reachable (503 otherwise).' })
  async readiness(@Res({ passthrough: true }) res: Response): Promise<ReadinessResponse> {
    const result = await this.health.readiness();
    if (result.status !== 'ready') res.status(503);
    return result;
  }

  @Get('status')
  @ApiOperation({ summary: 'State of the API, database, Redis and workers, for the status page.' })
  status(): Promise<SystemStatusResponse> {
    return this.health.systemStatus();
  }

  /** Not public: each probe writes rows and enqueues a job per queue, so only operators may send one. */
  @Post('status/probes')
  @RequirePermission('queues:monitor')
  @ApiBearerAuth()
  @HttpCode(202)
  @ApiOperation({ summary: 'Operators (queues:monitor): sends a probe job through every queue; poll it to see the workers answer.' })
  requestProbe(): Promise<StatusProbeResponse> {
    return this.health.requestProbe();
  }

  @Get('status/probes/:id')
  @ApiOperation({ summary: 'A status probe and the queues that answered it.' })
  probe(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<StatusProbeResponse> {
    return this.health.probe(id);
  }
}
