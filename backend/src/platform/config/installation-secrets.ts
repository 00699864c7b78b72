import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The secrets Beacon cannot run without (see `serviceSecrets`), and how a new one is made. */
const GENERATORS = {
  /** 48 random bytes: 64 characters of base64url, well above the 32 the environment check asks. */
  JWT_SECRET: { file: 'jwt-secret', generate: () => randomBytes(48).toString('base64url') },
  /** A new Ed25519 key, PKCS#8 PEM. */
  REPORT_SIGNING_KEY: {
    file: 'report-signing-key.pem',
    generate: () => generateKeyPairSync('ed25519').privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
  },
} as const;

export type GeneratedSecretName = keyof typeof GENERATORS;

/** A fresh random value for a secret (the tests make their own this way). */
export function generateSecret(name: GeneratedSecretName): string {
  return GENERATORS[name].generate();
}

export interface InstallationSecret {
  variable: GeneratedSecretName;
  /** The file holding it: pass it to the API and the worker as `<variable>_FILE`. */
  path: string;
  /** True when this call created it, false when an earlier start had. */
  generated: boolean;
}

/**
 * For each secret that `env` does not configure (neither `<NAME>` nor `<NAME>_FILE`), the file in
 * `dir` that holds this installation's own value, created at first use: the folder readable by its
 * owner only (0700), each file too (0600), and never overwritten, so sessions and report signatures
 * survive restarts. Used by `npm start` outside production; the value itself is never logged.
 */
export function ensureInstallationSecrets(dir: string, env: Readonly<Record<string, string | undefined>>): InstallationSecret[] {
  const wanted = (Object.keys(GENERATORS) as GeneratedSecretName[]).filter((name) => !env[name] && !env[`${name}_FILE`]);
  if (wanted.length === 0) return [];
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  return wanted.map((variable) => {
    const path = join(dir, GENERATORS[variable].file);
    const generated = !existsSync(path) && createOnce(path, generateSecret(variable));
    chmodSync(path, 0o600);
    return { variable, path, generated };
  });
}

/** Writes a new file with mode 0600; false when another process created it first. */
function createOnce(path: string, value: string): boolean {
  try {
    writeFileSync(path, `${value.trim()}\n`, { mode: 0o600, flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}
