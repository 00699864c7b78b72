#!/usr/bin/env node
// Generates common-passwords.txt: long (12–128 characters) but weak passwords that Beacon's
// password policy refuses (see README.md). Deterministic: the same script always writes the same
// file. Run from anywhere:  node backend/src/modules/identity/data/generate-common-passwords.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIN = 12;
const MAX = 128;
const out = new Set();
const add = (candidate) => {
  const entry = candidate.normalize('NFC').toLowerCase();
  const length = [...entry].length;
  if (length >= MIN && length <= MAX) out.add(entry);
};
const range = (from, to) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

// 1. Well-known long weak passwords and phrases seen again and again in published breach
//    statistics, written out by hand.
[
  'password1234', 'password12345', 'password123456', 'password1234567', 'password12345678',
  'password123456789', 'passwordpassword', 'password123!', 'password1234!', 'password!!!!',
  'passw0rd1234', 'p@ssw0rd1234', 'p@$$w0rd1234', 'p@ssword1234', 'pa$$word1234', 'mypassword123',
  'mypassword1234', 'newpassword123', 'newpassword1234', 'nopassword123', 'thisismypassword',
  'thisisapassword', 'secretpassword', 'supersecretpassword', 'verysecurepassword', 'strongpassword',
  'strongpassword1', 'securepassword', 'securepassword1', 'changemenow123', 'changeme1234', 'changeme12345',
  'letmein12345', 'letmein123456', 'letmeinletmein', 'letmeinnow123', 'welcome12345', 'welcome123456',
  'welcomewelcome', 'welcome2beacon', 'iloveyou1234', 'iloveyou12345', 'iloveyou123456', 'iloveyouiloveyou',
  'iloveyousomuch', 'iloveyouforever', 'iloveyoubaby1', 'iloveyoumom123', 'ihateyou1234', 'administrator',
  'administrator1', 'administrator123', 'admin1234567', 'adminadmin123', 'adminadminadmin', 'rootroot1234',
  'trustno1trustno1', 'opensesame123', 'whatever1234', 'whateverwhatever', 'hellohello12', 'helloworld12',
  'helloworld123', 'hello1234567', 'qwertyuiop12', 'qwertyuiop123', 'qwertyuiop1234', 'qwerty123456',
  'qwerty1234567', 'qwerty123456789', 'qwertyqwerty', 'qwertyqwerty1', 'asdfasdfasdf', 'asdfghjkl123',
  'asdfghjkl1234', 'zxcvbnm12345', 'zxcvbnm123456', 'abc123abc123', 'abcd1234abcd', 'abcd1234abcd1234',
  'abcdefg12345', 'abcdefgh1234', 'abcdefghijkl', 'abcdefghijklm', 'abcdefghijklmnop',
  'abcdefghijklmnopqrstuvwxyz', 'abcabcabcabc', 'aaaaaaaaaaaa', 'aaaaaaaaaaaaaaaa', 'azertyuiop12',
  'azertyuiop123', 'azerty123456', 'azertyazerty', 'motdepasse12', 'motdepasse123', 'motdepasse1234',
  'monmotdepasse', 'monmotdepasse1', 'jetaime12345', 'jetaime123456', 'jetaimejetaime', 'bonjour12345',
  'bonjourbonjour', 'soleil123456', 'chouchou1234', 'doudou123456', 'loulou123456', 'marseille1234',
  'qwertz123456', 'passwort1234', 'passwort12345', 'hallo1234567', 'contrasena123', 'contrasena1234',
  'correcthorsebatterystaple', 'thequickbrownfox', 'thequickbrownfoxjumpsoverthelazydog',
  'mustang12345', 'football1234', 'baseball1234', 'superman1234', 'batman123456', 'starwars1234',
  'pokemon12345', 'princess1234', 'sunshine1234', 'iloveyou2024', 'computer1234', 'internet1234',
  'blink182blink182', 'manchesterunited', 'liverpool1234', 'chelsea12345', 'arsenal12345',
  'mylittlepony', 'michaeljackson', 'basketball12', 'basketball123', 'playstation1', 'playstation2',
  'playstation123', 'spongebob1234', 'christopher1', 'elizabeth123', 'alexander123', 'jessica12345',
  'jennifer1234', 'michael12345', 'charlie12345', 'babygirl1234', 'lovelove1234', 'loveyou12345',
  'fuckyou12345', 'fuckyoufuckyou', 'asshole12345', 'pussycat1234', 'monkey123456', 'dragon123456',
  'shadow123456', 'master123456', 'football123456', 'princess123456', 'beacon123456', 'beaconbeacon',
  'beaconpassword', 'beacon2024!!', 'beacon2025!!', 'childsafety123', 'childsafety1234', 'compliance123',
  'compliance1234', 'trustandsafety', 'trustandsafety1', 'safetyfirst123', 'safetyfirst1234',
  '1qaz2wsx3edc', '1qaz2wsx3edc4rfv', '1qazxsw23edc', 'zaq12wsxcde3', 'zaq12wsxcde34rfv', 'qazwsxedcrfv',
  'qazwsxedcrfvtgb', 'qazwsxedcrfvtgbyhn', '!qaz@wsx#edc', '!qaz2wsx3edc', '1q2w3e4r5t6y', '1q2w3e4r5t6y7u',
  '1q2w3e4r5t6y7u8i', '1q2w3e4r5t6y7u8i9o0p', 'q1w2e3r4t5y6', 'q1w2e3r4t5y6u7', '1a2b3c4d5e6f',
  'a1b2c3d4e5f6', 'a1b2c3d4e5f6g7h8', 'qwe123qwe123', 'asd123asd123', '147258369147', '147852369147',
  '159753159753', '159357159357', '789456123789', '741852963741', '963852741963', '0987654321098',
  '098765432109', '123456789abc', '123456789qwe', '1234567890qwerty', '1234qwerasdf', '1234qwerasdfzxcv',
  'qwer1234asdf', 'qwerasdfzxcv', '!@#$%^&*()_+', '!@#$%^&*()12', '1234567890!@', '!@#$%^&*1234',
].forEach(add);

// 2. Keyboard walks (QWERTY, AZERTY, QWERTZ): every run of 12+ keys along the rows, row by row and
//    reversed.
for (const rows of [
  ['1234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'],
  ['1234567890', 'azertyuiop', 'qsdfghjklm', 'wxcvbn'],
  ['1234567890', 'qwertzuiop', 'asdfghjkl', 'yxcvbnm'],
]) {
  const walk = rows.slice(1).join('');
  for (let end = MIN; end <= walk.length; end += 1) add(walk.slice(0, end));
  add([...walk].reverse().join(''));
  add(rows.join(''));
  for (const row of rows) {
    add(row + row);
    add(row + '123');
    add(row + '1234');
    add(row + '12345');
    add(row + '!@#$');
    add([...row].reverse().join('') + [...row].reverse().join(''));
  }
}

// 3. Digit patterns: ascending and descending runs, repeated digits, repeated short groups.
const ascending = '12345678901234567890';
for (let end = MIN; end <= ascending.length; end += 1) add(ascending.slice(0, end));
const descending = '98765432109876543210';
for (let end = MIN; end <= descending.length; end += 1) add(descending.slice(0, end));
for (const start of range(0, 9)) add('0123456789'.slice(start) + '0123456789'.slice(0, start) + '12');
for (const digit of range(0, 9)) for (const length of [12, 13, 14, 15, 16, 20]) add(String(digit).repeat(length));
for (const group of ['12', '21', '123', '321', '1234', '4321', '12345', '54321', '123456', '654321', '69', '007', '1122', '1212', '2580', '1357', '2468', 'abc', 'abcd', 'aa', 'ab', 'xo', 'ha', 'lol']) {
  add(group.repeat(Math.ceil(MIN / group.length)));
  add(group.repeat(Math.ceil(16 / group.length)));
}
['112233445566', '111222333444', '123321123321', '123456654321', '123456123456', '123123123123',
 '121212121212', '101010101010', '100200300400', '123454321123', '987654321123', '123456789123',
 '123456789000', '111111222222', '000000111111', '999999999999', '0000000000000000'].forEach(add);

// 4. Common words and names with the usual suffixes (digits, years, "!").
const words = [
  'password', 'passw0rd', 'p@ssw0rd', 'p@ssword', 'letmein', 'welcome', 'iloveyou', 'admin', 'qwerty',
  'monkey', 'dragon', 'sunshine', 'princess', 'football', 'baseball', 'soccer', 'hockey', 'superman',
  'batman', 'master', 'shadow', 'michael', 'jennifer', 'trustno1', 'whatever', 'freedom', 'starwars',
  'computer', 'internet', 'changeme', 'default', 'secret', 'access', 'login', 'hello', 'flower',
  'chocolate', 'loveme', 'jesus', 'abc123', 'guest', 'user', 'test', 'testing', 'pokemon', 'liverpool',
  'chelsea', 'arsenal', 'ninja', 'mustang', 'charlie', 'jordan', 'thomas', 'hunter', 'ranger', 'killer',
  'tigger', 'cookie', 'summer', 'winter', 'spring', 'autumn', 'bonjour', 'motdepasse', 'soleil',
  'azerty', 'doudou', 'chouchou', 'loulou', 'marseille', 'nicolas', 'jetaime', 'passwort', 'hallo',
  'beacon', 'company', 'office', 'london', 'paris', 'canada', 'america', 'google', 'facebook',
];
const suffixes = ['123456', '1234567', '12345678', '123456789', '1234!', '12345!', '123!@#', '!@#$%^',
  '2023', '2024', '2025', '2026', '2023!', '2024!', '2025!', '2026!', '01', '007', '69', '99', '1'];
for (const word of words) {
  for (const suffix of suffixes) add(word + suffix);
  add(word + word);
  add(word + word + '1');
}

// 5. Season / month + year (+ punctuation) — the favourite of password-rotation policies.
const periods = [
  'summer', 'winter', 'spring', 'autumn', 'fall', 'ete', 'hiver', 'printemps', 'automne',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'janvier', 'fevrier', 'avril', 'juillet', 'septembre', 'octobre',
  'novembre', 'decembre', 'welcome', 'password', 'company',
];
for (const period of periods) {
  for (const year of range(2018, 2030)) {
    for (const punctuation of ['', '!', '!!', '!!!', '@', '#', '$', '*', '.', '@!', '123']) add(`${period}${year}${punctuation}`);
    add(`${period}@${year}`);
    add(`${year}${period}`);
  }
}

const entries = [...out].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const target = join(dirname(fileURLToPath(import.meta.url)), 'common-passwords.txt');
writeFileSync(target, entries.join('\n') + '\n');
console.log(`wrote ${entries.length} entries to ${target}`);
