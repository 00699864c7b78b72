/**
 * Password policy (NIST SP 800-63B style): a length window, a blocklist of common passwords and no
 * password built on the user's own name or email — and deliberately NO composition rules (no
 * "one digit, one symbol, one upper-case letter"). Pure and browser-safe: the API enforces it and
 * the UI can give the same answer while the user types.
 */
import type { Problem } from '../problem';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;
/** Context items (email local part, name) shorter than this are ignored. */
export const PASSWORD_CONTEXT_MIN_LENGTH = 4;

/** Rule ids, stable: the UI translates them; the API returns them with the message. */
export const PASSWORD_RULES = ['too-short', 'too-long', 'common', 'contains-context'] as const;
export type PasswordRule = (typeof PASSWORD_RULES)[number];

/** Why a password was refused, as data; `passwordMessage` writes it in English or French. */
export type PasswordProblem =
  | Problem<'PASSWORD_TOO_SHORT', { readonly min: number }>
  | Problem<'PASSWORD_TOO_LONG', { readonly max: number }>
  | Problem<'PASSWORD_COMMON', Record<string, never>>
  | Problem<'PASSWORD_CONTAINS_CONTEXT', Record<string, never>>;

const PROBLEM_OF_RULE: Readonly<Record<PasswordRule, PasswordProblem>> = {
  'too-short': { code: 'PASSWORD_TOO_SHORT', params: { min: PASSWORD_MIN_LENGTH } },
  'too-long': { code: 'PASSWORD_TOO_LONG', params: { max: PASSWORD_MAX_LENGTH } },
  common: { code: 'PASSWORD_COMMON', params: {} },
  'contains-context': { code: 'PASSWORD_CONTAINS_CONTEXT', params: {} },
};

export interface PasswordCheckOptions {
  /** Known common passwords, lower-case (see `parseCommonPasswords`). */
  readonly commonPasswords: ReadonlySet<string>;
  /**
   * Words the password must not contain: the user's email local part, name, … Items shorter than
   * {@link PASSWORD_CONTEXT_MIN_LENGTH} characters are ignored; an item holding an `@` (a whole
   * email address) also contributes its local part.
   */
  readonly context?: readonly string[];
}

export type PasswordCheckResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly rule: PasswordRule; readonly problem: PasswordProblem };

/** Length in Unicode code points after NFC normalisation (an emoji such as 🔒 counts as one). */
export function passwordLength(password: string): number {
  return codePointLength(password.normalize('NFC'));
}

/**
 * Checks a password against the policy; rules are tried in {@link PASSWORD_RULES} order and the
 * first one broken is reported. Comparisons with the common list and the context are
 * case-insensitive.
 */
export function checkPassword(password: string, options: PasswordCheckOptions): PasswordCheckResult {
  const normalized = password.normalize('NFC');
  const length = codePointLength(normalized);
  if (length < PASSWORD_MIN_LENGTH) return refuse('too-short');
  if (length > PASSWORD_MAX_LENGTH) return refuse('too-long');
  const folded = normalized.toLowerCase();
  if (options.commonPasswords.has(folded)) return refuse('common');
  if (contextWords(options.context ?? []).some((word) => folded.includes(word))) return refuse('contains-context');
  return { ok: true };
}

function refuse(rule: PasswordRule): PasswordCheckResult {
  return { ok: false, rule, problem: PROBLEM_OF_RULE[rule] };
}

function contextWords(context: readonly string[]): string[] {
  const words: string[] = [];
  for (const item of context) {
    const folded = item.normalize('NFC').trim().toLowerCase();
    const at = folded.lastIndexOf('@');
    for (const word of at >= 0 ? [folded, folded.slice(0, at).trim()] : [folded]) {
      if (codePointLength(word) >= PASSWORD_CONTEXT_MIN_LENGTH) words.push(word);
    }
  }
  return words;
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) count += 1;
  return count;
}
