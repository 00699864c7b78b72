import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { from, lastValueFrom, type Observable } from 'rxjs';
import type { AuthenticatedRequest } from '../auth/auth.decorators';
import type { RequestAdmission } from '../auth/request-admission';
import { AppException } from '../errors/app.exception';
import { commonError } from '../errors/common-error';

/** A received file: on disk in a private temporary file, measured and hashed while it arrived. */
export interface UploadedFile {
  fieldname: string;
  originalname: string;
  /** The type the client declared for the part (a claim, never trusted for what the file is). */
  mimetype: string;
  size: number;
  /** SHA-256 of the bytes, hex. */
  sha256: string;
  /** The temporary file; removed once the response is sent. */
  path: string;
}
export type SingleFileRequest = AuthenticatedRequest & { file?: UploadedFile };

type Middleware = (req: Request, res: Response, done: (error?: unknown) => void) => void;
interface IncomingPart {
  fieldname: string;
  originalname: string;
  mimetype: string;
  stream: Readable;
}
type StorageDone = (error: unknown, info?: Partial<UploadedFile>) => void;
interface StorageEngine {
  _handleFile(req: Request, file: IncomingPart, done: StorageDone): void;
  _removeFile(req: Request, file: Partial<UploadedFile>, done: (error: unknown) => void): void;
}
interface Multer {
  (options: {
    storage: StorageEngine;
    limits: { fileSize: number; files: number; fields: number; fieldSize: number; parts: number };
    defParamCharset: string;
  }): { single(field: string): Middleware };
}

/** The part of multer (a direct dependency; it has no type package) used here. */
const multer = createRequire(__filename)('multer') as Multer;

/** Where uploads wait while their request is handled: private to this process's user. */
const UPLOAD_DIRECTORY = join(tmpdir(), 'beacon-uploads');

/** Streams each file part to a private temporary file, counting and hashing it on the way. */
const temporaryFiles: StorageEngine = {
  _handleFile(_req, file, done) {
    mkdirSync(UPLOAD_DIRECTORY, { recursive: true, mode: 0o700 });
    const path = join(UPLOAD_DIRECTORY, randomUUID());
    const hash = createHash('sha256');
    let size = 0;
    const measure = new Transform({
      transform(chunk: Buffer, _encoding, next) {
        hash.update(chunk);
        size += chunk.length;
        next(null, chunk);
      },
    });
    pipeline(file.stream, measure, createWriteStream(path, { mode: 0o600, flags: 'wx' })).then(
      () => done(null, { path, size, sha256: hash.digest('hex') }),
      (error: unknown) => void rm(path, { force: true }).finally(() => done(error)),
    );
  },
  _removeFile(_req, file, done) {
    if (!file.path) return done(null);
    rm(file.path, { force: true }).then(() => done(null), done);
  },
};

export interface SingleFileUploadOptions {
  /** The multipart part that carries the file. */
  field: string;
  maxBytes: number;
  /** How many plain text fields may come with the file. */
  textFields: number;
  /** What a well-formed upload holds, for the 400 message (e.g. 'one file in the "file" part only'). */
  expected: string;
  /** The whole body must be in within this time, or the request is answered 408 and the connection closed. */
  timeoutMs: number;
}

/**
 * Receives `multipart/form-data` with one file part, streamed to a temporary file (never held in
 * memory). The size limit is enforced while the bytes arrive: the part is cut off at `maxBytes + 1`
 * and the request answers 413 without anything being kept; a body that does not arrive in time is
 * answered 408. Only then, on a signed-in route, is the caller let in again and the request's
 * transaction opened (see AuthGuard): no connection waits on a client's upload. Each module says,
 * in its own error codes, what too large and malformed mean.
 */
export abstract class SingleFileUploadInterceptor implements NestInterceptor {
  private readonly middleware: Middleware;

  protected constructor(
    protected readonly upload: SingleFileUploadOptions,
    private readonly admission: RequestAdmission,
  ) {
    const fields = upload.textFields;
    this.middleware = multer({
      storage: temporaryFiles,
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
    const req = http.getRequest<SingleFileRequest>();
    const res = http.getResponse<Response>();
    return from(this.handle(req, res, () => lastValueFrom(next.handle(), { defaultValue: undefined })));
  }

  private async handle(req: SingleFileRequest, res: Response, handler: () => Promise<unknown>): Promise<unknown> {
    try {
      await this.receive(req, res);
      const access = req.admitAfterUpload;
      if (!access) return await handler();
      req.admitAfterUpload = undefined;
      const transaction = await this.admission.admit(req, access);
      return await transaction.finish(handler);
    } finally {
      if (req.file?.path) await rm(req.file.path, { force: true });
    }
  }

  private receive(req: SingleFileRequest, res: Response): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        // The client is too slow: answer now and close the connection, so it holds nothing.
        res.setHeader('Connection', 'close');
        reject(
          commonError('REQUEST_TIMEOUT', `The upload did not arrive within ${this.upload.timeoutMs} ms.`, [
            { field: this.upload.field, reasons: ['body not received in time'] },
          ]),
        );
      }, this.upload.timeoutMs);
      this.middleware(req, res, (error) => {
        clearTimeout(timer);
        if (error) reject(this.translate(error));
        else resolve();
      });
    });
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
