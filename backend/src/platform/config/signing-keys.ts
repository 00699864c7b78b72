import { createHash, createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';

/**
 * Reading the Ed25519 keys that seal reports from configuration values. Shared by the environment
 * check (a bad key stops the start-up, naming the variable) and by the reports signer.
 */
export class SigningKeyError extends Error {
  override readonly name = 'SigningKeyError';
}

const PEM_BLOCK = /-----BEGIN ([A-Z ]+)-----[\s\S]+?-----END \1-----/g;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** An Ed25519 private key from PKCS#8 PEM, or from the base64 of its DER bytes. */
export function parseSigningKey(value: string): KeyObject {
  const text = value.trim();
  let key: KeyObject;
  try {
    if (text.includes('-----BEGIN')) {
      key = createPrivateKey({ key: text, format: 'pem' });
    } else {
      const compact = text.replace(/\s+/g, '');
      if (!BASE64.test(compact)) throw new SigningKeyError('not PEM and not base64');
      key = createPrivateKey({ key: Buffer.from(compact, 'base64'), format: 'der', type: 'pkcs8' });
    }
  } catch (error) {
    throw new SigningKeyError(`not a PKCS#8 private key (${error instanceof Error ? error.message : String(error)})`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`an Ed25519 key is required, got ${key.asymmetricKeyType ?? 'a secret key'}`);
  return key;
}

/** Public keys (SPKI) from PEM blocks, or from base64 DER values separated by commas or whitespace. */
export function parseVerifyKeys(value: string): KeyObject[] {
  const text = value.trim();
  if (text === '') return [];
  const sources: (string | Buffer)[] = text.includes('-----BEGIN')
    ? [...text.matchAll(PEM_BLOCK)].map((m) => m[0])
    : text.split(/[\s,]+/).filter((part) => part !== '').map((part) => {
        if (!BASE64.test(part)) throw new SigningKeyError('a verification key is neither PEM nor base64');
        return Buffer.from(part, 'base64');
      });
  return sources.map((source, index) => {
    let key: KeyObject;
    try {
      key = typeof source === 'string' ? createPublicKey({ key: source, format: 'pem' }) : createPublicKey({ key: source, format: 'der', type: 'spki' });
    } catch (error) {
      throw new SigningKeyError(`verification key ${index + 1} is not an SPKI public key (${error instanceof Error ? error.message : String(error)})`);
    }
    if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`verification key ${index + 1} is not an Ed25519 key`);
    return key;
  });
}

/** The key id stored with each report: the SHA-256 (hex) of the public key's SPKI DER encoding. */
export function keyIdOf(publicKey: KeyObject): string {
  return createHash('sha256').update(publicKey.export({ format: 'der', type: 'spki' })).digest('hex');
}

/** The reason a configured key is unusable, or null when it is fine (for the environment check). */
export function signingKeyProblem(kind: 'signing' | 'verify', value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    if (kind === 'signing') parseSigningKey(value);
    else parseVerifyKeys(value);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
