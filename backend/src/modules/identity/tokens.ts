import { createHash, randomBytes } from 'node:crypto';

/** A random token of 256 bits, URL-safe; only its SHA-256 is ever stored. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
