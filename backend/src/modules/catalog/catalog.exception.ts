import { AppException } from '../../platform/errors/app.exception';

export const CATALOG_ERRORS = {
  frameworkNotFound: 'FRAMEWORK_NOT_FOUND',
  invalidCatalog: 'INVALID_CATALOG',
  publishedVersionChanged: 'PUBLISHED_VERSION_CHANGED',
} as const;

export class CatalogException extends AppException {}

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
