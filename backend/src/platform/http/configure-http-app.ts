import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import cookieParser from 'cookie-parser';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '../config/app-config';
import { createValidationPipe } from '../errors/validation';
import { noStore } from './no-store.middleware';
import { refuseUnsafeInput } from './request-input.middleware';
import { setupApiDocs } from './openapi';

export const API_PREFIX = 'api/v1';

/** Everything HTTP-specific about the API, applied the same way in production and in tests. */
export function configureHttpApp(app: NestExpressApplication): INestApplication {
  const config = app.get(AppConfig);
  app.disable('x-powered-by');
  app.set('trust proxy', config.trustedProxies);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          'script-src': ["'self'"],
          'style-src': ["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com'],
          'font-src': ["'self'", 'data:', 'https://fonts.gstatic.com'],
          'img-src': ["'self'", 'data:'],
          'connect-src': ["'self'"],
        },
      },
      hsts: config.isProduction,
    }),
  );
  app.use('/api', noStore);
  app.use(cookieParser());
  app.useBodyParser('json', { limit: config.http.bodyLimit });
  app.useBodyParser('urlencoded', { limit: config.http.bodyLimit, extended: false });
  app.use(refuseUnsafeInput);
  app.setGlobalPrefix(API_PREFIX);
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  setupApiDocs(app, config.apiDocsEnabled);

  const webRoot = config.webRoot ? resolve(config.webRoot) : undefined;
  if (webRoot && existsSync(join(webRoot, 'index.html'))) serveWebApp(app, webRoot);
  return app;
}

/** Serves the built Angular app on the API's origin, with index.html for client-side routes. */
function serveWebApp(app: NestExpressApplication, webRoot: string): void {
  app.use(express.static(webRoot, { index: false, maxAge: '1h', setHeaders: noCacheForIndex }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method === 'GET' || req.method === 'HEAD') && !req.path.startsWith('/api') && req.accepts('html')) {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(join(webRoot, 'index.html'));
      return;
    }
    next();
  });
}

function noCacheForIndex(res: Response, path: string): void {
  if (path.endsWith('.html')) res.setHeader('Cache-Control', 'no-cache');
}
