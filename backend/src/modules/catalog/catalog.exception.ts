import { AppException } from '../../platform/errors/app.exception';
import { defineErrors } from '../../platform/errors/define-errors';

export class CatalogException extends AppException {}

/** The catalog context's error codes. */
export const catalogError = defineErrors(CatalogException, {
  FRAMEWORK_NOT_FOUND: 'not-found',
});

/** The import refused the files; nothing was written. */
export class CatalogImportError extends Error {
  constructor(readonly problems: { file: string; path: string; message: string }[]) {
    super(
      `The catalogue was not imported (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.file}${p.path ? ` ${p.path}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'CatalogImportError';
  }
}
