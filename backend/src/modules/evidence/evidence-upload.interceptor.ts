import { type CallHandler, type ExecutionContext, Inject, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createRequire } from 'node:module';
import { from, type Observable, switchMap } from 'rxjs';
import { EvidenceSettings } from './evidence-settings';
import { EVIDENCE_ERRORS, EvidenceException } from './evidence.exception';

/** The part of multer (a direct dependency; it has no type package) used here. */
interface MulterFile {
  fieldname: string;
  originalname: string;
  size: number;
  buffer: Buffer;
}
type Middleware = (req: Request, res: Response, done: (error?: unknown) => void) => void;
interface Multer {
  (options: {
    storage: unknown;
    limits: { fileSize: number; files: number; fields: number; fieldSize: number; parts: number };
    defParamCharset: string;
  }): { single(field: string): Middleware };
  memoryStorage(): unknown;
}

const multer = createRequire(__filename)('multer') as Multer;

export type UploadedEvidenceFile = MulterFile;
export type UploadRequest = Request & { file?: MulterFile };

const FIELD = 'file';

/**
 * Receives `multipart/form-data` with one `file` part, after authentication (the guard runs first).
 * The size limit is enforced while the bytes arrive: the part is cut off at `maxBytes + 1` and the
 * request answers 413 without anything being stored.
 */
@Injectable()
export class EvidenceUploadInterceptor implements NestInterceptor {
  private readonly middleware: Middleware;

  constructor(@Inject(EvidenceSettings) private readonly settings: EvidenceSettings) {
    this.middleware = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: settings.maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6 },
      defParamCharset: 'utf8',
    }).single(FIELD);
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
      return new EvidenceException(
        'payload-too-large',
        EVIDENCE_ERRORS.fileTooLarge,
        `The file is larger than the ${this.settings.maxBytes} bytes an evidence file may have.`,
        { maxBytes: this.settings.maxBytes },
      );
    }
    if (typeof code === 'string' && code.startsWith('LIMIT_')) {
      const field = (error as { field?: string }).field;
      return new EvidenceException('validation', EVIDENCE_ERRORS.malformedUpload, `Send one file in the "${FIELD}" part and the requirementKey field only.`, [
        { field: field ?? FIELD, reasons: [String(code)] },
      ]);
    }
    if (error instanceof Error && !(error instanceof EvidenceException)) {
      // busboy: malformed multipart (no boundary, truncated body…).
      return new EvidenceException('validation', EVIDENCE_ERRORS.malformedUpload, `The upload is not valid multipart/form-data: ${error.message}`);
    }
    return error instanceof Error ? error : new Error(String(error));
  }
}
