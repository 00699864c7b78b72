import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { HealthResponse, ReadinessResponse, StatusProbeResponse, SystemStatusResponse } from '@beacon/contracts';
import type { Response } from 'express';
import { HealthService } from './health.service';
import { Public, RequirePermission } from '../../platform/auth/auth.decorators';
import { RequestAdmission } from '../../platform/auth/request-admission';

@ApiTags('health')
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthService,
    private readonly admission: RequestAdmission,
  ) {}

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

  /**
   * Public, and reads the bearer token only when one is sent: operators also see which hosts and
   * workers answer. No request transaction: the service runs one short statement at a time.
   */
  @Get('status')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'State of the API, database, Redis and workers, for the status page; worker ids and host names only for operators (queues:monitor).',
  })
  async status(@Headers('authorization') authorization?: string): Promise<SystemStatusResponse> {
    const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
    const operator = token !== undefined && (await this.admission.allows(token, 'queues:monitor').catch(() => false));
    return this.health.systemStatus(operator);
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

  /** Operators only: the answers name the workers (ids) that took the probe. */
  @Get('status/probes/:id')
  @RequirePermission('queues:monitor')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Operators (queues:monitor): a status probe and the queues (and workers) that answered it.' })
  probe(@Param('id', new ParseUUIDPipe({ version: '4' })) id: string): Promise<StatusProbeResponse> {
    return this.health.probe(id);
  }
}
