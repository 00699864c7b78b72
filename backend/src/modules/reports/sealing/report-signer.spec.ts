import { generateKeyPairSync } from 'node:crypto';
import { keyIdOf, parseSigningKey, parseVerifyKeys, SigningKeyError } from '../../../platform/config/signing-keys';
import { ReportSigner, sha256Hex } from './report-signer';

const pkcs8Pem = () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('ReportSigner', () => {
  const file = Buffer.from('%PDF-1.7\n… a report …\n%%EOF\n');

  it('seals a file with its SHA-256 and an Ed25519 signature that verifies', () => {
    const signer = new ReportSigner({ signingKey: pkcs8Pem() });
    const seal = signer.seal(file);
    expect(seal.sha256).toBe(sha256Hex(file));
    expect(seal.keyId).toMatch(/^[0-9a-f]{64}$/);
    expect(signer.check(file, seal.signature, seal.keyId)).toBe('valid');
  });

  it('fails verification when one byte of the file changes, or the signature does', () => {
    const signer = new ReportSigner({ signingKey: pkcs8Pem() });
    const seal = signer.seal(file);
    for (let i = 0; i < file.length; i += 7) {
      const changed = Buffer.from(file);
      changed[i] = changed[i]! ^ 0x01;
      expect(signer.check(changed, seal.signature, seal.keyId)).toBe('invalid');
    }
    const signature = Buffer.from(seal.signature, 'base64');
    signature[0] = signature[0]! ^ 0x80;
    expect(signer.check(file, signature.toString('base64'), seal.keyId)).toBe('invalid');
    expect(signer.check(file, 'not base64 at all', seal.keyId)).toBe('invalid');
  });

  it('keeps verifying reports signed before a key rotation, through REPORT_VERIFY_KEYS', () => {
    const oldKey = pkcs8Pem();
    const before = new ReportSigner({ signingKey: oldKey });
    const seal = before.seal(file);
    const oldPublic = before.verificationKeys()[0]!.publicKeyPem;

    const rotatedWithoutOld = new ReportSigner({ signingKey: pkcs8Pem() });
    expect(rotatedWithoutOld.check(file, seal.signature, seal.keyId)).toBe('unknown-key');
    const rotated = new ReportSigner({ signingKey: pkcs8Pem(), verifyKeys: oldPublic });
    expect(rotated.keyId).not.toBe(seal.keyId);
    expect(rotated.check(file, seal.signature, seal.keyId)).toBe('valid');
    expect(rotated.verificationKeys().map((k) => [k.keyId, k.current])).toEqual([
      [rotated.keyId, true],
      [seal.keyId, false],
    ]);
  });

  it('publishes the current public key under the id it stores with each report', () => {
    const signer = new ReportSigner({ signingKey: pkcs8Pem() });
    expect(signer.keyId).toBe(keyIdOf(parseVerifyKeys(signer.verificationKeys()[0]!.publicKeyPem)[0]!));
  });
});

describe('signing key configuration', () => {
  it('reads PKCS#8 as PEM or as base64 DER, and refuses anything but an Ed25519 private key', () => {
    const pem = pkcs8Pem();
    const der = parseSigningKey(pem).export({ format: 'der', type: 'pkcs8' }).toString('base64');
    expect(parseSigningKey(der).asymmetricKeyType).toBe('ed25519');
    expect(() => parseSigningKey('not a key')).toThrow(SigningKeyError);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseSigningKey(rsa)).toThrow(/Ed25519/);
  });

  it('reads verification keys as PEM blocks or comma-separated base64 SPKI', () => {
    const keys = [0, 1].map(() => generateKeyPairSync('ed25519').publicKey);
    const pems = keys.map((k) => k.export({ format: 'pem', type: 'spki' }).toString()).join('\n');
    const b64 = keys.map((k) => k.export({ format: 'der', type: 'spki' }).toString('base64')).join(', ');
    expect(parseVerifyKeys(pems).map(keyIdOf)).toEqual(keys.map(keyIdOf));
    expect(parseVerifyKeys(b64).map(keyIdOf)).toEqual(keys.map(keyIdOf));
    expect(parseVerifyKeys('')).toEqual([]);
    expect(() => parseVerifyKeys('@@@')).toThrow(SigningKeyError);
  });
});
