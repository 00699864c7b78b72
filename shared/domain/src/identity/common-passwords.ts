/**
 * Parses a common-password list — one password per line, as shipped in
 * `backend/src/modules/identity/data/common-passwords.txt` — into the set `checkPassword` expects:
 * entries NFC-normalised and lower-cased; blank lines, surrounding whitespace, a byte-order mark and
 * Windows line endings ignored. Pure: the caller reads the file.
 */
export function parseCommonPasswords(text: string): Set<string> {
  const passwords = new Set<string>();
  for (const line of text.replace(/^\uFEFF/, '').split(/\r?\n/)) {
    const entry = line.trim().normalize('NFC').toLowerCase();
    if (entry !== '') passwords.add(entry);
  }
  return passwords;
}
