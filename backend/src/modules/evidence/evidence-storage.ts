import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { chmod, copyFile, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where evidence bytes live. Keys are chosen by the service (random, never from the client) and
 * match `STORAGE_KEY`; implementations must never serve the bytes themselves.
 */
export interface EvidenceStorage {
  /** Stores the content of a local file (an upload received to a temporary file) under `key`. */
  putFile(key: string, sourcePath: string): Promise<void>;
  /** The bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export const EVIDENCE_STORAGE = Symbol('EVIDENCE_STORAGE');

/** `<organization uuid>/<32 hex>`: no dots, no leading slash, nothing a path could escape with. */
export const STORAGE_KEY = /^[0-9a-f-]{36}\/[0-9a-f]{32}$/;

export function newStorageKey(organizationId: string): string {
  return `${organizationId}/${randomBytes(16).toString('hex')}`;
}

function checkKey(key: string): void {
  if (!STORAGE_KEY.test(key)) throw new Error(`Invalid evidence storage key: ${JSON.stringify(key)}`);
}

/** Files under one local directory; each write goes to a temporary name first, then is renamed. */
export class LocalDirectoryStorage implements EvidenceStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string): string {
    checkKey(key);
    const path = join(this.root, ...key.split('/'));
    if (!path.startsWith(this.root + sep)) throw new Error('Evidence storage key escapes the storage directory');
    return path;
  }

  async putFile(key: string, sourcePath: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const temporary = `${path}.${randomBytes(6).toString('hex')}.partial`;
    try {
      await copyFile(sourcePath, temporary, constants.COPYFILE_EXCL);
      await chmod(temporary, 0o600);
      const handle = await open(temporary, 'r');
      await handle.sync().finally(() => handle.close());
      await rename(temporary, path);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}

/**
 * The storage named by `EVIDENCE_STORAGE_URL`.
 *
 * - `file:///absolute/dir`: `LocalDirectoryStorage`. Refused when the directory lies inside the
 *   folder the API serves (`WEB_ROOT`).
 * - `s3://bucket?endpoint=…&region=…`: NOT IMPLEMENTED. Doing it properly needs SigV4 signing,
 *   credentials and retries; no S3 client is installed and this change may not add one. Rather than
 *   pretend, choosing it stops the application at start-up with this explanation.
 */
export function createEvidenceStorage(storageUrl: string, servedRoot?: string): EvidenceStorage {
  let url: URL;
  try {
    url = new URL(storageUrl);
  } catch {
    throw new Error(`EVIDENCE_STORAGE_URL is not a URL: ${storageUrl}`);
  }
  switch (url.protocol) {
    case 'file:': {
      const root = resolve(fileURLToPath(url));
      if (servedRoot) {
        const served = resolve(servedRoot);
        const inside = relative(served, root);
        if (inside === '' || (!inside.startsWith('..') && !inside.startsWith(sep) && !/^[A-Za-z]:/.test(inside))) {
          throw new Error(`EVIDENCE_STORAGE_URL (${root}) lies inside the served web root (${served}); evidence must be stored outside it.`);
        }
      }
      return new LocalDirectoryStorage(root);
    }
    case 's3:':
      throw new Error(
        'EVIDENCE_STORAGE_URL uses s3://, but S3-compatible evidence storage is not implemented yet (it needs an S3 client). ' +
          'Use file:///absolute/directory, or implement EvidenceStorage for S3 in backend/src/modules/evidence/evidence-storage.ts.',
      );
    default:
      throw new Error(`EVIDENCE_STORAGE_URL must start with file:// or s3://, got ${url.protocol}//`);
  }
}
