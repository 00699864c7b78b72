import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEnvironment, serviceSecrets } from './environment';
import { ensureInstallationSecrets, generateSecret } from './installation-secrets';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('installation secrets (npm start)', () => {
  let root: string;
  let dir: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'beacon-secrets-'));
    dir = join(root, '.beacon');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('generates each secret once, readable by its owner only, and reuses it at the next start', () => {
    const first = ensureInstallationSecrets(dir, {});
    expect(first.map((s) => [s.variable, s.generated])).toEqual([
      ['JWT_SECRET', true],
      ['REPORT_SIGNING_KEY', true],
    ]);
    expect(mode(dir)).toBe(0o700);
    for (const { path } of first) expect(mode(path)).toBe(0o600);
    const values = first.map((s) => readFileSync(s.path, 'utf8'));

    const second = ensureInstallationSecrets(dir, {});
    expect(second.map((s) => s.generated)).toEqual([false, false]);
    expect(second.map((s) => readFileSync(s.path, 'utf8'))).toEqual(values);

    // What the API and the worker are given: the files, accepted as they are.
    const env = parseEnvironment({
      DATABASE_URL: 'postgres://beacon_app@127.0.0.1:5432/beacon',
      ...Object.fromEntries(second.map((s) => [`${s.variable}_FILE`, s.path])),
    });
    expect(serviceSecrets(env)).toEqual({ jwtSecret: values[0]!.trim(), reportSigningKey: values[1]!.trim() });
  });

  it('tightens the permissions of a folder and files left readable by others', () => {
    const [secret] = ensureInstallationSecrets(dir, { REPORT_SIGNING_KEY: 'configured elsewhere' });
    expect(secret!.variable).toBe('JWT_SECRET');
    chmodSync(dir, 0o755);
    chmodSync(secret!.path, 0o644);

    const [again] = ensureInstallationSecrets(dir, {});
    expect(again!.generated).toBe(false);
    expect(mode(dir)).toBe(0o700);
    expect(mode(again!.path)).toBe(0o600);
  });

  it('leaves configured secrets alone, given as values or as files', () => {
    expect(ensureInstallationSecrets(dir, { JWT_SECRET: 'x'.repeat(40), REPORT_SIGNING_KEY_FILE: '/run/secrets/key' })).toEqual([]);
  });

  it('makes values the environment check accepts, different every time', () => {
    const env = { DATABASE_URL: 'postgres://beacon_app@127.0.0.1:5432/beacon', JWT_SECRET: generateSecret('JWT_SECRET'), REPORT_SIGNING_KEY: generateSecret('REPORT_SIGNING_KEY') };
    expect(() => serviceSecrets(parseEnvironment(env))).not.toThrow();
    expect(generateSecret('JWT_SECRET')).not.toBe(env.JWT_SECRET);
  });
});
