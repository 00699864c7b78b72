import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createRequire } from 'node:module';
import { from, type Observable, switchMap } from 'rxjs';
import { AppConfig } from '../../platform/config/app-config';
import { REPORT_ERRORS, ReportsException } from './reports.exception';

/** The part of multer (a direct dependency without a type package) used here. */
interface MulterFile {
  fieldname: string;
  originalname: string;
  size: number;
  buffer: Buffer;
}
type Middleware = (req: Request, res: Response, done: (error?: unknown) => void) => void;
interface Multer {
  (options: { storage: unknown; limits: { fileSize: number; files: number; fields: number; fieldSize: number; parts: number } }): {
    single(field: string): Middleware;
  };
  memoryStorage(): unknown;
}

const multer = createRequire(__filename)('multer') as Multer;

export type ReportUploadRequest = Request & { file?: MulterFile };

export const REPORT_UPLOAD_FIELD = 'file';

/**
 * Receives `multipart/form-data` with one `file` part for the public verification. The size limit
 * (REPORT_VERIFY_MAX_BYTES) is enforced while the bytes arrive: 413 and nothing kept.
 */
@Injectable()
export class ReportUploadInterceptor implements NestInterceptor {
  private readonly middleware: Middleware;
  private readonly maxBytes: number;

  constructor(config: AppConfig) {
    this.maxBytes = config.reports.verifyMaxBytes;
    this.middleware = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: this.maxBytes, files: 1, fields: 2, fieldSize: 1024, parts: 3 },
    }).single(REPORT_UPLOAD_FIELD);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const req = http.getRequest<Request>();
    const res = http.getResponse<Response>();
    const receive = new Promise<void>((resolve, reject) => {
      this.middleware(req, res, (error) => (error ? reject(this.translate(error)) : resolve()));
    });
    return from(receive).pipe(switchMap(() => next.handle()));
  }

  private translate(error: unknown): Error {
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code === 'LIMIT_FILE_SIZE') {
      return new ReportsException('payload-too-large', REPORT_ERRORS.fileTooLarge, `The file is larger than the ${this.maxBytes} bytes a report may have.`, {
        maxBytes: this.maxBytes,
      });
    }
    if (typeof code === 'string' && code.startsWith('LIMIT_')) {
      const field = (error as { field?: string }).field;
      return new ReportsException('validation', REPORT_ERRORS.malformedUpload, `Send one file in the "${REPORT_UPLOAD_FIELD}" part only.`, [
        { field: field ?? REPORT_UPLOAD_FIELD, reasons: [String(code)] },
      ]);
    }
    if (error instanceof Error && !(error instanceof ReportsException)) {
      return new ReportsException('validation', REPORT_ERRORS.malformedUpload, `The upload is not valid multipart/form-data: ${error.message}`, [
        { field: REPORT_UPLOAD_FIELD, reasons: ['malformed multipart/form-data'] },
      ]);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
