import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createRequire } from 'node:module';
import { from, type Observable, switchMap } from 'rxjs';
import { AppException } from '../errors/app.exception';

/** The part of multer (a direct dependency; it has no type package) used here. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  size: number;
  buffer: Buffer;
}
export type SingleFileRequest = Request & { file?: UploadedFile };

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

export interface SingleFileUploadOptions {
  /** The multipart part that carries the file. */
  field: string;
  maxBytes: number;
  /** How many plain text fields may come with the file. */
  textFields: number;
  /** What a well-formed upload holds, for the 400 message (e.g. 'one file in the "file" part only'). */
  expected: string;
}

/**
 * Receives `multipart/form-data` with one file part into memory. The size limit is enforced while
 * the bytes arrive: the part is cut off at `maxBytes + 1` and the request answers 413 without
 * anything being kept. Each module says, in its own error codes, what too large and malformed mean.
 */
export abstract class SingleFileUploadInterceptor implements NestInterceptor {
  private readonly middleware: Middleware;

  protected constructor(protected readonly upload: SingleFileUploadOptions) {
    const fields = upload.textFields;
    this.middleware = multer({
      storage: multer.memoryStorage(),
      limits: { fileSize: upload.maxBytes, files: 1, fields, fieldSize: 1024, parts: fields + 1 },
      defParamCharset: 'utf8',
    }).single(upload.field);
  }

  /** 413: the file is larger than `maxBytes`. */
  protected abstract tooLarge(maxBytes: number): AppException;
  /** 400: the body is not the expected multipart (`reason` names the limit or the parse error). */
  protected abstract malformed(field: string, reason: string, message: string): AppException;

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
    if (error instanceof AppException) return error;
    const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
    if (code === 'LIMIT_FILE_SIZE') return this.tooLarge(this.upload.maxBytes);
    if (typeof code === 'string' && code.startsWith('LIMIT_')) {
      const field = (error as { field?: string }).field ?? this.upload.field;
      return this.malformed(field, code, `Send ${this.upload.expected}.`);
    }
    if (error instanceof Error) {
      // busboy: malformed multipart (no boundary, truncated body…).
      return this.malformed(this.upload.field, 'malformed multipart/form-data', `The upload is not valid multipart/form-data: ${error.message}`);
    }
    return new Error(String(error));
  }
}
