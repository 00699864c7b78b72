import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCommonPasswords } from './common-passwords';
import { checkPassword, passwordLength } from './password-policy';

const LIST_FILE = join(__dirname, '../../../../backend/src/modules/identity/data/common-passwords.txt');

describe('parseCommonPasswords', () => {
  it.each<[string, string, string[]]>([
    ['one per line', 'password1234\nqwertyuiopasdf\n', ['password1234', 'qwertyuiopasdf']],
    ['Windows line endings', 'password1234\r\nqwertyuiopasdf\r\n', ['password1234', 'qwertyuiopasdf']],
    ['blank lines and surrounding spaces', '\n  password1234  \n\n', ['password1234']],
    ['a byte-order mark', '\uFEFFpassword1234', ['password1234']],
    ['upper case, deduplicated', 'Password1234\nPASSWORD1234', ['password1234']],
    ['decomposed accents', 'motdepasse-e\u0301te\u0301', ['motdepasse-\u00e9t\u00e9']],
    ['nothing', '', []],
  ])('handles %s', (_label, text, expected) => {
    expect([...parseCommonPasswords(text)]).toEqual(expected);
  });
});

describe('the shipped common-password list', () => {
  const text = readFileSync(LIST_FILE, 'utf8');
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();

  it('is non-empty', () => {
    expect(lines.length).toBeGreaterThan(300);
  });

  it('holds one lower-case, NFC, trimmed entry per line', () => {
    const bad = lines.filter(
      (line) => line !== line.toLowerCase() || line !== line.normalize('NFC') || line !== line.trim() || line.includes('\r'),
    );
    expect(bad).toEqual([]);
  });

  it('is deduplicated', () => {
    expect(new Set(lines).size).toBe(lines.length);
  });

  it('holds only entries of 12 to 128 characters', () => {
    expect(lines.filter((line) => passwordLength(line) < 12 || passwordLength(line) > 128)).toEqual([]);
  });

  it('parses to the same entries', () => {
    expect(parseCommonPasswords(text).size).toBe(lines.length);
  });

  it.each(['password1234', 'Password1234!', '123456789012', 'QWERTYUIOPASDF', 'iloveyou1234', 'letmein12345', 'welcome12345', 'administrator', 'passwordpassword', 'Summer2024!!!'])(
    'makes checkPassword refuse %p as common',
    (password) => {
      const result = checkPassword(password, { commonPasswords: parseCommonPasswords(text) });
      expect(result).toMatchObject({ ok: false, rule: 'common' });
    },
  );

  it('does not refuse a passphrase', () => {
    expect(checkPassword('correct horse battery staple', { commonPasswords: parseCommonPasswords(text) })).toEqual({ ok: true });
  });
});
