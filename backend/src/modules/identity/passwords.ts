import { Injectable } from '@nestjs/common';
import { type Algorithm, hash, verify } from '@node-rs/argon2';
import { checkPassword, parseCommonPasswords, passwordMessage } from '@beacon/domain';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fieldRefusal } from '../../platform/errors/field-refusal';
import { identityError } from './identity.exception';

/** argon2id with OWASP's minimum: 19 MiB of memory, 2 iterations, 1 lane. */
const ARGON2ID = 2 as Algorithm;
export const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

/** The list ships beside this file (the backend build copies it into dist). */
function loadCommonPasswords(): Set<string> {
  return parseCommonPasswords(readFileSync(join(__dirname, 'data', 'common-passwords.txt'), 'utf8'));
}

/**
 * At most `size` tasks at once; the others wait their turn in order. Hashing a password keeps a
 * core busy for tens of milliseconds on the thread pool, so a burst of sign-ins would otherwise
 * take every core from the event loop (and /health, and every other request, with it).
 */
export class Slots {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    else this.running += 1;
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}

@Injectable()
export class Passwords {
  /** Hashing leaves one core to the event loop. */
  private readonly hashing = new Slots(Math.max(1, availableParallelism() - 1));
  private readonly common = loadCommonPasswords();
  /** Verified against when the account does not exist, so both answers take the same time. */
  private readonly decoy = hash('decoy password that matches nothing', ARGON2_OPTIONS);

  /** Refuses a password that breaks the policy with a 400 naming the field and the rule. */
  assertAcceptable(password: string, context: string[], field = 'password'): void {
    const result = checkPassword(password, { commonPasswords: this.common, context });
    if (!result.ok) {
      const { problem, rule } = result;
      const refused = fieldRefusal({ field, rule, problem, write: (locale) => passwordMessage(problem, locale) });
      throw identityError('WEAK_PASSWORD', refused.message, refused.details);
    }
  }

  hash(password: string): Promise<string> {
    return this.hashing.run(() => hash(password, ARGON2_OPTIONS));
  }

  async verify(passwordHash: string | null, password: string): Promise<boolean> {
    const stored = passwordHash ?? (await this.decoy);
    try {
      return await this.hashing.run(() => verify(stored, password));
    } catch {
      return false;
    }
  }
}
