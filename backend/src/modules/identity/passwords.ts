import { Injectable } from '@nestjs/common';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { checkPassword, parseCommonPasswords } from '@beacon/domain';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IdentityException, IDENTITY_ERRORS } from './identity.exception';

/** argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2ID = 2 as Algorithm;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** The list ships beside this file (the backend build copies it into dist). */
function loadCommonPasswords(): Set<string> {
  return parseCommonPasswords(readFileSync(join(__dirname, 'data', 'common-passwords.txt'), 'utf8'));
}

@Injectable()
export class Passwords {
  private readonly common = loadCommonPasswords();
  /** Verified against when the account does not exist, so both answers take the same time. */
  private readonly decoy = hash('decoy password that matches nothing', ARGON2_OPTIONS);

  /** Refuses a password that breaks the policy with a 400 naming the field and the rule. */
  assertAcceptable(password: string, context: string[], field = 'password'): void {
    const result = checkPassword(password, { commonPasswords: this.common, context });
    if (!result.ok) {
      throw new IdentityException('validation', IDENTITY_ERRORS.weakPassword, result.message, [
        { field, reasons: [result.message], rule: result.rule },
      ]);
    }
  }

  hash(password: string): Promise<string> {
    return hash(password, ARGON2_OPTIONS);
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash ?? (await this.decoy), password);
    } catch {
      return false;
    }
  }
}
