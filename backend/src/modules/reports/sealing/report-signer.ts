import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { keyIdOf, parseSigningKey, parseVerifyKeys } from '../../../platform/config/signing-keys';

export interface ReportSeal {
  /** SHA-256 (hex) of the file. */
  sha256: string;
  /** Ed25519 signature of the file's bytes, base64. */
  signature: string;
  keyId: string;
}

export type SignatureCheck = 'valid' | 'invalid' | 'unknown-key';

export interface SigningKeySettings {
  /** Always configured: there is no built-in key (see `serviceSecrets`). */
  signingKey: string;
  verifyKeys?: string;
}

export const sha256Hex = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Seals report files: their SHA-256 and an Ed25519 signature (node:crypto) with the configured key.
 * Every report stores the id of the key that signed it (the SHA-256 of the public key), and
 * verification looks that key up among the current key and REPORT_VERIFY_KEYS, so reports sealed
 * before a key rotation keep verifying.
 */
export class ReportSigner {
  private readonly privateKey: KeyObject;
  readonly keyId: string;
  private readonly publicKeys: ReadonlyMap<string, KeyObject>;

  constructor(settings: SigningKeySettings) {
    this.privateKey = parseSigningKey(settings.signingKey);
    const current = createPublicKey(this.privateKey);
    this.keyId = keyIdOf(current);
    const keys = new Map<string, KeyObject>([[this.keyId, current]]);
    for (const key of parseVerifyKeys(settings.verifyKeys ?? '')) keys.set(keyIdOf(key), key);
    this.publicKeys = keys;
  }

  seal(bytes: Buffer): ReportSeal {
    return { sha256: sha256Hex(bytes), signature: sign(null, bytes, this.privateKey).toString('base64'), keyId: this.keyId };
  }

  /** Checks a signature of `bytes` made with the key `keyId`. */
  check(bytes: Buffer, signature: string, keyId: string): SignatureCheck {
    const key = this.publicKeys.get(keyId.trim());
    if (!key) return 'unknown-key';
    try {
      return verify(null, bytes, key, Buffer.from(signature, 'base64')) ? 'valid' : 'invalid';
    } catch {
      return 'invalid';
    }
  }

  /** The public keys reports can be verified with (SPKI PEM), current one first. */
  verificationKeys(): { keyId: string; current: boolean; publicKeyPem: string }[] {
    return [...this.publicKeys].map(([keyId, key]) => ({
      keyId,
      current: keyId === this.keyId,
      publicKeyPem: key.export({ format: 'pem', type: 'spki' }).toString(),
    }));
  }
}
