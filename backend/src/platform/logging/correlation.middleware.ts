import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { JsonLogger } from './json-logger';
import { acceptCorrelationId, runWithContext } from './request-context';

export const CORRELATION_HEADER = 'x-correlation-id';

/** Gives every request a correlation id (kept from the caller or new), echoes it, logs the request. */
@Injectable()
export class CorrelationMiddleware implements NestMiddleware {
  constructor(private readonly logger: JsonLogger) {}

  use(req: Request, res: Response, next: NextFunction): void {
    const correlationId = acceptCorrelationId(req.header(CORRELATION_HEADER));
    res.setHeader(CORRELATION_HEADER, correlationId);
    const started = process.hrtime.bigint();
    runWithContext({ correlationId }, () => {
      res.on('finish', () => {
        this.logger.event(res.statusCode >= 500 ? 'error' : 'info', 'http.request', {
          correlationId,
          method: req.method,
          path: req.originalUrl.split('?')[0],
          status: res.statusCode,
          durationMs: Number(process.hrtime.bigint() - started) / 1e6,
        });
      });
      next();
    });
  }
}
