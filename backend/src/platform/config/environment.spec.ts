import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EnvironmentError, parseEnvironment, serviceSecrets } from './environment';

const valid = { DATABASE_URL: 'postgres://beacon_app@127.0.0.1:5432/beacon' };
const signingKey = generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();

describe('parseEnvironment', () => {
  it('applies defaults and converts numbers', () => {
    const env = parseEnvironment({ ...valid, HTTP_PORT: '8080' });
    expect(env.HTTP_PORT).toBe(8080);
    expect(env.REDIS_URL).toBe('redis://127.0.0.1:6379');
    expect(env.NODE_ENV).toBe('development');
    expect(env.OSCAL_SCHEMA_DIR).toBe('../shared/standards/oscal');
  });

  it('names every bad variable at once', () => {
    let error: unknown;
    try {
      parseEnvironment({ DATABASE_URL: 'mysql://x', HTTP_PORT: '99999', LOG_LEVEL: 'loud', QUEUE_PREFIX: 'a:b' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    const variables = (error as EnvironmentError).problems.map((p) => p.variable).sort();
    expect(variables).toEqual(['DATABASE_URL', 'HTTP_PORT', 'LOG_LEVEL', 'QUEUE_PREFIX']);
  });

  it('requires JWT_SECRET in production and refuses a short one anywhere', () => {
    expect(() => parseEnvironment({ ...valid, NODE_ENV: 'production' })).toThrow(/JWT_SECRET \(required in production\)/);
    expect(() => parseEnvironment({ ...valid, JWT_SECRET: 'short' })).toThrow(/JWT_SECRET/);
    expect(parseEnvironment({ ...valid, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32), REPORT_SIGNING_KEY: signingKey }).JWT_SECRET).toHaveLength(32);
  });

  it('requires an Ed25519 REPORT_SIGNING_KEY in production, refuses a bad key anywhere, and the render delay in production', () => {
    const production = { ...valid, NODE_ENV: 'production', JWT_SECRET: 'x'.repeat(32) };
    expect(() => parseEnvironment(production)).toThrow(/REPORT_SIGNING_KEY \(required in production\)/);
    expect(parseEnvironment({ ...production, REPORT_SIGNING_KEY: signingKey }).REPORT_SIGNING_KEY).toBe(signingKey);
    expect(() => parseEnvironment({ ...valid, REPORT_SIGNING_KEY: 'not-a-key' })).toThrow(/REPORT_SIGNING_KEY \(not a PKCS#8 private key/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    expect(() => parseEnvironment({ ...valid, REPORT_SIGNING_KEY: rsa })).toThrow(/REPORT_SIGNING_KEY \(an Ed25519 key is required/);
    expect(() => parseEnvironment({ ...valid, REPORT_VERIFY_KEYS: 'bad key!' })).toThrow(/REPORT_VERIFY_KEYS/);
    expect(parseEnvironment({ ...valid, REPORT_RENDER_DELAY_MS: '5000' }).REPORT_RENDER_DELAY_MS).toBe(5000);
    expect(() => parseEnvironment({ ...production, REPORT_SIGNING_KEY: signingKey, REPORT_RENDER_DELAY_MS: '5000' })).toThrow(/REPORT_RENDER_DELAY_MS \(a test setting/);
  });

  it('refuses the placeholders of the example files as a JWT_SECRET', () => {
    expect(() => parseEnvironment({ ...valid, JWT_SECRET: 'change-me-to-a-long-random-string-of-32-or-more' })).toThrow(/JWT_SECRET \(a placeholder/);
    expect(() => parseEnvironment({ ...valid, JWT_SECRET: 'CHANGE_ME_TO_48_RANDOM_BYTES_IN_BASE64' })).toThrow(/JWT_SECRET \(a placeholder/);
  });

  it('reads JWT_SECRET_FILE and REPORT_SIGNING_KEY_FILE, and refuses one given both ways or unreadable', () => {
    const dir = mkdtempSync(join(tmpdir(), 'beacon-env-'));
    try {
      writeFileSync(join(dir, 'jwt'), `${'s'.repeat(40)}\n`);
      writeFileSync(join(dir, 'key'), signingKey);
      const env = parseEnvironment({ ...valid, JWT_SECRET_FILE: join(dir, 'jwt'), REPORT_SIGNING_KEY_FILE: join(dir, 'key') });
      expect(serviceSecrets(env)).toEqual({ jwtSecret: 's'.repeat(40), reportSigningKey: signingKey.trim() });
      expect(() => parseEnvironment({ ...valid, JWT_SECRET: 'x'.repeat(32), JWT_SECRET_FILE: join(dir, 'jwt') })).toThrow(
        /JWT_SECRET_FILE \(set JWT_SECRET or JWT_SECRET_FILE, not both\)/,
      );
      expect(() => parseEnvironment({ ...valid, REPORT_SIGNING_KEY_FILE: join(dir, 'missing') })).toThrow(/REPORT_SIGNING_KEY_FILE \(cannot read .*ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('has no built-in secret: the API and the worker refuse to run without both, in every mode', () => {
    let error: unknown;
    try {
      serviceSecrets(parseEnvironment({ ...valid, NODE_ENV: 'development' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(EnvironmentError);
    expect((error as EnvironmentError).problems.map((p) => p.variable)).toEqual(['JWT_SECRET', 'REPORT_SIGNING_KEY']);
    expect(() => serviceSecrets(parseEnvironment({ ...valid, NODE_ENV: 'test', JWT_SECRET: 'x'.repeat(32) }))).toThrow(/REPORT_SIGNING_KEY \(not set/);
  });

  it('requires DATABASE_URL', () => {
    expect(() => parseEnvironment({})).toThrow(/DATABASE_URL/);
  });

  it('treats empty strings as unset', () => {
    expect(parseEnvironment({ ...valid, WEB_ROOT: '' }).WEB_ROOT).toBeUndefined();
  });

  it('takes trusted proxies as addresses, CIDR ranges and Express names, and names the bad entries', () => {
    expect(parseEnvironment(valid).TRUSTED_PROXIES).toBe('loopback');
    expect(parseEnvironment({ ...valid, TRUSTED_PROXIES: 'loopback, 10.0.0.0/8, 172.28.0.10, fd00::/8, uniquelocal' }).TRUSTED_PROXIES).toContain('fd00::/8');
    expect(() => parseEnvironment({ ...valid, TRUSTED_PROXIES: 'loopback, nginx, 10.0.0.0/33' })).toThrow(/TRUSTED_PROXIES \(.*nginx, 10\.0\.0\.0\/33/);
    expect(() => parseEnvironment({ ...valid, TRUSTED_PROXIES: ' , ' })).toThrow(/TRUSTED_PROXIES/);
  });
});
