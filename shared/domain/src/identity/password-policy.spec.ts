import {
  PASSWORD_RULES,
  checkPassword,
  passwordLength,
  type PasswordCheckResult,
  type PasswordRule,
} from './password-policy';

const commonPasswords: ReadonlySet<string> = new Set(['password1234', 'qwertyuiopasdf', 'summer2024!!!']);
const check = (password: string, context?: string[]): PasswordCheckResult =>
  checkPassword(password, { commonPasswords, ...(context ? { context } : {}) });
const ruleOf = (result: PasswordCheckResult): PasswordRule | 'ok' => (result.ok ? 'ok' : result.rule);

describe('checkPassword', () => {
  it.each<[string, string, string[] | undefined, PasswordRule | 'ok']>([
    // length: 12..128 Unicode code points, after NFC normalisation
    ['empty', '', undefined, 'too-short'],
    ['11 characters', 'a'.repeat(5) + 'b'.repeat(6), undefined, 'too-short'],
    ['12 characters', 'tulip-garden', undefined, 'ok'],
    ['128 characters', 'x'.repeat(128), undefined, 'ok'],
    ['129 characters', 'x'.repeat(129), undefined, 'too-long'],
    ['11 emoji (22 UTF-16 units)', '🔒'.repeat(11), undefined, 'too-short'],
    ['12 emoji', '🔒'.repeat(12), undefined, 'ok'],
    ['128 emoji (256 UTF-16 units)', '🦊'.repeat(128), undefined, 'ok'],
    ['129 emoji', '🦊'.repeat(129), undefined, 'too-long'],
    ['11 decomposed é (22 code points before NFC)', 'e\u0301'.repeat(11), undefined, 'too-short'],
    ['12 decomposed é', 'e\u0301'.repeat(12), undefined, 'ok'],
    // no composition rules
    ['a passphrase of lower-case words and spaces', 'correct horse battery staple', undefined, 'ok'],
    ['digits only but not common', '804193726519', undefined, 'ok'],
    ['lower-case letters only', 'mountainriverfog', undefined, 'ok'],
    // the common-password list, case-insensitively
    ['a common password', 'password1234', undefined, 'common'],
    ['a common password in capitals', 'PASSWORD1234', undefined, 'common'],
    ['a common password in mixed case', 'QwertyUiopAsdf', undefined, 'common'],
    ['a common password with symbols', 'Summer2024!!!', undefined, 'common'],
    ['a common password with something appended', 'password1234 but longer', undefined, 'ok'],
    // the user's own context (4+ characters, case-insensitive)
    ['equal to the email local part', 'jane.doe.1234', ['jane.doe.1234'], 'contains-context'],
    ['containing the email local part', 'my-JaneDoe-secret', ['janedoe'], 'contains-context'],
    ['containing the local part of a whole email given as context', 'janedoe-forever-1', ['JaneDoe@example.org'], 'contains-context'],
    ['containing the name', 'bestregardsfromMarie', ['Marie'], 'contains-context'],
    ['containing a 3-character context item', 'annapurna-base-camp', ['ann'], 'ok'],
    ['containing a 4-character context item', 'annapurna-base-camp', ['anna'], 'contains-context'],
    ['blank context items', 'annapurna-base-camp', ['', '   '], 'ok'],
    ['unrelated context', 'violet-lantern-harbour', ['jane.doe', 'Jane Doe'], 'ok'],
    // rule order: length first, then the list, then the context
    ['short and containing the context', 'janedoe1', ['janedoe'], 'too-short'],
    ['common and containing the context', 'password1234', ['password'], 'common'],
  ])('%s → %s', (_label, password, context, expected) => {
    expect(ruleOf(check(password, context))).toBe(expected);
  });

  it('answers with the broken rule and its problem', () => {
    expect(check('short')).toEqual({ ok: false, rule: 'too-short', problem: { code: 'PASSWORD_TOO_SHORT', params: { min: 12 } } });
    expect(check('x'.repeat(200))).toEqual({ ok: false, rule: 'too-long', problem: { code: 'PASSWORD_TOO_LONG', params: { max: 128 } } });
    expect(check('password1234')).toEqual({ ok: false, rule: 'common', problem: { code: 'PASSWORD_COMMON', params: {} } });
    expect(check('my-JaneDoe-secret', ['janedoe'])).toEqual({
      ok: false,
      rule: 'contains-context',
      problem: { code: 'PASSWORD_CONTAINS_CONTEXT', params: {} },
    });
    expect(check('tulip-garden')).toEqual({ ok: true });
  });

  it('exports the rule ids', () => {
    expect(PASSWORD_RULES).toEqual(['too-short', 'too-long', 'common', 'contains-context']);
  });

  it('counts code points after NFC normalisation', () => {
    expect(passwordLength('🔒')).toBe(1);
    expect(passwordLength('e\u0301')).toBe(1);
    expect(passwordLength('abc')).toBe(3);
  });
});
