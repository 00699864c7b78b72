import type { QuestionDefinition } from '../catalog/catalog.types';
import {
  boundedNumber,
  boundedPercentage,
  date,
  duration,
  freeDuration,
  freeNumber,
  maturity,
  multipleChoice,
  multipleChoiceWithoutNone,
  percentage,
  requirement,
  singleChoice,
  text,
  url,
  yesPartialNo,
} from './assessment.test-fixtures';
import {
  ANSWER_MESSAGES,
  answerMessage,
  requirementStatusMessage,
  REQUIREMENT_STATUS_MESSAGES,
} from './answer-messages';
import {
  ANSWER_RULES,
  validateAnswer,
  validateRequirementStatus,
  type AnswerProblem,
  type AnswerRule,
  type RequirementStatusRule,
} from './validate-answer';

type Row = [label: string, question: QuestionDefinition, value: unknown, expected: AnswerRule | 'ok'];

// prettier-ignore
const ROWS: Row[] = [
  // yes-partial-no: the four answers of the README, not-applicable included
  ['yes', yesPartialNo, 'yes', 'ok'],
  ['partial', yesPartialNo, 'partial', 'ok'],
  ['no', yesPartialNo, 'no', 'ok'],
  ['not-applicable', yesPartialNo, 'not-applicable', 'ok'],
  ['boolean true', yesPartialNo, true, 'type'],
  ['a number', yesPartialNo, 1, 'type'],
  ['null', yesPartialNo, null, 'type'],
  ['nothing', yesPartialNo, undefined, 'type'],
  ['"maybe"', yesPartialNo, 'maybe', 'option'],
  ['"Yes" (case matters)', yesPartialNo, 'Yes', 'option'],
  ['"n/a"', yesPartialNo, 'n/a', 'option'],
  ['empty string', yesPartialNo, '', 'option'],
  // maturity: integer 0..4
  ['level 0', maturity, 0, 'ok'],
  ['level 2', maturity, 2, 'ok'],
  ['level 4', maturity, 4, 'ok'],
  ['level 3.0', maturity, 3.0, 'ok'],
  ['level as a string', maturity, '3', 'type'],
  ['NaN', maturity, Number.NaN, 'type'],
  ['Infinity', maturity, Number.POSITIVE_INFINITY, 'type'],
  ['2.5', maturity, 2.5, 'integer'],
  ['0.1', maturity, 0.1, 'integer'],
  ['5', maturity, 5, 'range'],
  ['-1', maturity, -1, 'range'],
  // single-choice: one option value
  ['first option', singleChoice, 'always', 'ok'],
  ['last option', singleChoice, 'never', 'ok'],
  ['a list of one option', singleChoice, ['always'], 'type'],
  ['a number', singleChoice, 0, 'type'],
  ['unknown option', singleChoice, 'often', 'option'],
  ['an option label in capitals', singleChoice, 'Always', 'option'],
  ['empty string', singleChoice, '', 'option'],
  // multiple-choice: unique option values; an exclusive option stands alone
  ['one option', multipleChoice, ['hashing'], 'ok'],
  ['several options', multipleChoice, ['reports', 'hashing', 'classifiers'], 'ok'],
  ['the exclusive option alone', multipleChoice, ['none'], 'ok'],
  ['a single string', multipleChoice, 'hashing', 'type'],
  ['a list holding a number', multipleChoice, ['hashing', 3], 'type'],
  ['a list holding null', multipleChoice, [null], 'type'],
  ['an object', multipleChoice, { hashing: true }, 'type'],
  ['unknown option', multipleChoice, ['hashing', 'ai'], 'option'],
  ['duplicate option', multipleChoice, ['hashing', 'hashing'], 'duplicate'],
  ['duplicate exclusive option', multipleChoice, ['none', 'none'], 'duplicate'],
  ['exclusive with another option', multipleChoice, ['none', 'hashing'], 'exclusive'],
  ['another option with exclusive', multipleChoice, ['classifiers', 'reports', 'none'], 'exclusive'],
  ['empty selection when there is an exclusive option', multipleChoice, [], 'length'],
  ['empty selection when there is no exclusive option', multipleChoiceWithoutNone, [], 'ok'],
  ['all options when none is exclusive', multipleChoiceWithoutNone, ['content', 'profiles', 'messages'], 'ok'],
  ['duplicate without exclusive options', multipleChoiceWithoutNone, ['content', 'content'], 'duplicate'],
  // number: any finite number within min/max (integers not required by the README)
  ['min', boundedNumber, 1, 'ok'],
  ['max', boundedNumber, 30, 'ok'],
  ['a fraction inside the bounds', boundedNumber, 2.5, 'ok'],
  ['below min', boundedNumber, 0, 'range'],
  ['above max', boundedNumber, 31, 'range'],
  ['just above max', boundedNumber, 30.0001, 'range'],
  ['negative without bounds', freeNumber, -12.75, 'ok'],
  ['large without bounds', freeNumber, 1e12, 'ok'],
  ['zero without bounds', freeNumber, 0, 'ok'],
  ['a numeric string', freeNumber, '12', 'type'],
  ['NaN', freeNumber, Number.NaN, 'type'],
  ['-Infinity', freeNumber, Number.NEGATIVE_INFINITY, 'type'],
  ['a bigint', freeNumber, BigInt(3), 'type'],
  // percentage: 0..100 and within min/max
  ['0 %', percentage, 0, 'ok'],
  ['100 %', percentage, 100, 'ok'],
  ['33.3 %', percentage, 33.3, 'ok'],
  ['101 %', percentage, 101, 'range'],
  ['-0.5 %', percentage, -0.5, 'range'],
  ['"50%"', percentage, '50%', 'type'],
  ['0.5 as a ratio is still 0.5 %', percentage, 0.5, 'ok'],
  ['min of a bounded percentage', boundedPercentage, 10, 'ok'],
  ['max of a bounded percentage', boundedPercentage, 90, 'ok'],
  ['below its min', boundedPercentage, 9.9, 'range'],
  ['above its max', boundedPercentage, 95, 'range'],
  // duration: non-negative, in the question's unit, within min/max
  ['0 hours', duration, 0, 'ok'],
  ['1.5 hours', duration, 1.5, 'ok'],
  ['720 hours', duration, 720, 'ok'],
  ['721 hours', duration, 721, 'range'],
  ['-1 hours', duration, -1, 'range'],
  ['negative without min', freeDuration, -5, 'range'],
  ['large without max', freeDuration, 100_000, 'ok'],
  ['an ISO 8601 duration string', freeDuration, 'PT2H', 'type'],
  ['an object with a unit', freeDuration, { value: 2, unit: 'hours' }, 'type'],
  // date: YYYY-MM-DD, a real calendar day
  ['an ordinary day', date, '2026-03-15', 'ok'],
  ['29 February of a leap year', date, '2024-02-29', 'ok'],
  ['29 February of 2000', date, '2000-02-29', 'ok'],
  ['31 December', date, '2025-12-31', 'ok'],
  ['30 February', date, '2026-02-30', 'format'],
  ['29 February of a common year', date, '2025-02-29', 'format'],
  ['29 February of 1900', date, '1900-02-29', 'format'],
  ['31 April', date, '2026-04-31', 'format'],
  ['month 13', date, '2026-13-01', 'format'],
  ['day 0', date, '2026-01-00', 'format'],
  ['no zero padding', date, '2026-3-5', 'format'],
  ['a date-time', date, '2026-03-15T10:00:00Z', 'format'],
  ['day-first', date, '15/03/2026', 'format'],
  ['empty string', date, '', 'format'],
  ['a Date object', date, new Date('2026-03-15'), 'type'],
  ['a timestamp', date, 1_773_532_800_000, 'type'],
  // text: 1..10,000 code points after trimming
  ['a sentence', text, 'We review every report within a day.', 'ok'],
  ['one character', text, 'x', 'ok'],
  ['10,000 characters', text, 'a'.repeat(10_000), 'ok'],
  ['10,000 emoji (20,000 UTF-16 units)', text, '🔒'.repeat(10_000), 'ok'],
  ['10,000 characters with surrounding spaces', text, `  ${'a'.repeat(10_000)}\n`, 'ok'],
  ['10,001 characters', text, 'a'.repeat(10_001), 'length'],
  ['empty', text, '', 'length'],
  ['only whitespace', text, ' \n\t ', 'length'],
  ['a NUL character', text, 'before\u0000after', 'format'],
  ['a number', text, 42, 'type'],
  ['a list of strings', text, ['a', 'b'], 'type'],
  // url: absolute http(s), ≤ 2,048 characters
  ['https', url, 'https://example.org/child-safety', 'ok'],
  ['http with port, query and fragment', url, 'http://example.org:8080/a?b=c#d', 'ok'],
  ['upper-case scheme', url, 'HTTPS://EXAMPLE.ORG/', 'ok'],
  ['surrounded by spaces', url, '  https://example.org  ', 'ok'],
  ['internationalised domain', url, 'https://exemple.québec/politique', 'ok'],
  ['exactly 2,048 characters', url, `https://example.org/${'a'.repeat(2048 - 20)}`, 'ok'],
  ['2,049 characters', url, `https://example.org/${'a'.repeat(2049 - 20)}`, 'length'],
  ['empty', url, '', 'length'],
  ['relative path', url, '/policies/child-safety', 'format'],
  ['no scheme', url, 'example.org/policy', 'format'],
  ['protocol-relative', url, '//example.org/policy', 'format'],
  ['ftp', url, 'ftp://example.org/file.pdf', 'format'],
  ['javascript:', url, 'javascript:alert(1)', 'format'],
  ['mailto:', url, 'mailto:safety@example.org', 'format'],
  ['http without slashes', url, 'http:example.org', 'format'],
  ['no host', url, 'https://', 'format'],
  ['whitespace inside', url, 'https://example.org/a b', 'format'],
  ['credentials', url, 'https://user:secret@example.org/', 'format'],
  ['invalid host', url, 'https://exa mple.org', 'format'],
  ['a URL object', url, new URL('https://example.org'), 'type'],
];

const ruleOf = (result: ReturnType<typeof validateAnswer>): AnswerRule | 'ok' =>
  result.ok ? 'ok' : result.rule;

describe('validateAnswer', () => {
  it.each(
    ROWS.map(
      ([label, question, value, expected]) => [question.type, label, question, value, expected] as const,
    ),
  )('%s: %s → %s', (_type, _label, question, value, expected) => {
    expect(ruleOf(validateAnswer(question, value))).toBe(expected);
  });

  it('covers every question type with valid and invalid values', () => {
    const types = new Set(ROWS.map(([, question]) => question.type));
    expect(types.size).toBe(10);
    for (const type of types) {
      const rows = ROWS.filter(([, question]) => question.type === type);
      expect(rows.filter(([, , , expected]) => expected === 'ok').length).toBeGreaterThanOrEqual(2);
      expect(rows.filter(([, , , expected]) => expected !== 'ok').length).toBeGreaterThanOrEqual(3);
    }
  });

  it('uses every rule at least once', () => {
    const used = new Set(ROWS.map(([, , , expected]) => expected));
    expect(ANSWER_RULES.filter((rule) => !used.has(rule))).toEqual([]);
  });

  it('gives every problem code at least once', () => {
    const given = new Set(
      ROWS.map(([, question, value]) => validateAnswer(question, value)).flatMap((r) =>
        r.ok ? [] : [r.problem.code],
      ),
    );
    expect(
      Object.keys(ANSWER_MESSAGES.en).filter((code) => !given.has(code as AnswerProblem['code'])),
    ).toEqual([]);
  });

  it.each(ROWS.filter(([, , , expected]) => expected !== 'ok'))(
    'names the question key in the message, in English and in French: %s',
    (_label, question, value) => {
      const result = validateAnswer(question, value);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        const english = answerMessage(question.key, result.problem, 'en');
        const french = answerMessage(question.key, result.problem, 'fr');
        expect(english.startsWith(`${question.key}: `)).toBe(true);
        expect(french.startsWith(`${question.key} : `)).toBe(true);
        expect(english.length).toBeLessThan(300);
        expect(french.length).toBeLessThan(300);
      }
    },
  );

  it.each(
    (
      [
        [boundedNumber, 0, { code: 'NUMBER_TOO_SMALL', params: { value: 0, min: 1, unit: 'taps' } }],
        [freeDuration, -5, { code: 'NUMBER_TOO_SMALL', params: { value: -5, min: 0, unit: 'minutes' } }],
        [percentage, 120, { code: 'NUMBER_TOO_LARGE', params: { value: 120, max: 100, unit: 'percent' } }],
        [freeNumber, '12', { code: 'NUMBER_EXPECTED', params: { got: { literal: '"12"' } } }],
        [freeNumber, Number.NaN, { code: 'NUMBER_NOT_FINITE', params: { value: 'NaN' } }],
        [
          yesPartialNo,
          undefined,
          {
            code: 'CHOICE_EXPECTED',
            params: { choices: ['yes', 'partial', 'no', 'not-applicable'], got: { kind: 'nothing' } },
          },
        ],
        [
          singleChoice,
          'often',
          { code: 'UNKNOWN_OPTION', params: { value: 'often', options: ['always', 'sometimes', 'never'] } },
        ],
        [multipleChoice, [], { code: 'NO_OPTION_SELECTED', params: { none: 'none' } }],
        [
          multipleChoice,
          { hashing: true },
          { code: 'OPTION_LIST_EXPECTED', params: { got: { kind: 'object' } } },
        ],
        [text, 'a'.repeat(10_001), { code: 'TEXT_TOO_LONG', params: { length: 10_001, max: 10_000 } }],
        [text, ' ', { code: 'TEXT_EMPTY', params: {} }],
        [
          url,
          'https://user:secret@example.org/',
          { code: 'URL_HAS_CREDENTIALS', params: { value: 'https://user:secret@example.org/' } },
        ],
      ] satisfies [QuestionDefinition, unknown, AnswerProblem][]
    ).map(([question, value, problem]) => [question.type, question, value, problem] as const),
  )('refuses a %s answer with a code and its parameters: %#', (_type, question, value, problem) => {
    expect(validateAnswer(question, value)).toEqual({
      ok: false,
      rule: expect.any(String) as string,
      problem,
    });
  });

  it.each<[QuestionDefinition, unknown, string]>([
    [percentage, 120, 'TST-2-q3: 120 is above the maximum of 100 (percent)'],
    [boundedPercentage, 5, 'TST-2-q4: 5 is below the minimum of 10 (percent)'],
    [duration, 721, 'TST-2-q5: 721 is above the maximum of 720 (hours)'],
    [boundedNumber, 0, 'TST-2-q1: 0 is below the minimum of 1 (taps)'],
    [maturity, 2.5, 'TST-1-q2: 2.5 is not a whole maturity level (0..4)'],
    [maturity, 7, 'TST-1-q2: 7 is above the maximum of 4 (maturity level)'],
    [yesPartialNo, 'maybe', 'TST-1-q1: "maybe" is not one of yes, partial, no or not-applicable'],
    [singleChoice, 'often', 'TST-1-q3: "often" is not one of the options (always, sometimes or never)'],
    [multipleChoice, ['hashing', 'hashing'], 'TST-1-q4: "hashing" is selected more than once'],
    [multipleChoice, ['hashing', 'none'], 'TST-1-q4: "none" cannot be combined with other options'],
    [multipleChoice, [], 'TST-1-q4: select at least one option ("none" when none of the others apply)'],
    [date, '2026-02-30', 'TST-3-q1: "2026-02-30" is not a real date in the format YYYY-MM-DD'],
    [text, '  ', 'TST-3-q2: the text is empty'],
    [text, 'a'.repeat(10_001), 'TST-3-q2: the text is 10,001 characters long, above the maximum of 10,000'],
    [url, 'ftp://example.org', 'TST-3-q3: "ftp://example.org" must start with http:// or https://'],
    [url, '/policy', 'TST-3-q3: "/policy" is not an absolute URL'],
    [freeNumber, '12', 'TST-2-q2: expected a number, got "12"'],
  ])('explains in plain English: %j %j', (question, value, message) => {
    const result = validateAnswer(question, value);
    expect(result.ok ? 'ok' : answerMessage(question.key, result.problem, 'en')).toBe(message);
  });

  it.each<[QuestionDefinition, unknown, string]>([
    [percentage, 120, 'TST-2-q3 : 120 est supérieur au maximum de 100 (%)'],
    [duration, 721, 'TST-2-q5 : 721 est supérieur au maximum de 720 (heures)'],
    [boundedNumber, 0, 'TST-2-q1 : 0 est inférieur au minimum de 1 (taps)'],
    [maturity, 2.5, 'TST-1-q2 : 2,5 n’est pas un niveau de maturité entier (0 à 4)'],
    [yesPartialNo, 'maybe', 'TST-1-q1 : "maybe" ne fait pas partie de yes, partial, no ou not-applicable'],
    [
      multipleChoice,
      [],
      'TST-1-q4 : sélectionnez au moins une option ("none" si aucune des autres ne s’applique)',
    ],
    [text, '  ', 'TST-3-q2 : le texte est vide'],
    [
      text,
      'a'.repeat(10_001),
      'TST-3-q2 : le texte compte 10\u202f001 caractères, au-delà du maximum de 10\u202f000',
    ],
    [url, '/policy', 'TST-3-q3 : "/policy" n’est pas une URL absolue'],
    [freeNumber, '12', 'TST-2-q2 : un nombre est attendu, reçu : "12"'],
    [
      multipleChoice,
      [null],
      'TST-1-q4 : une liste de valeurs d’options est attendue, reçu : null dans la liste',
    ],
    [date, new Date('2026-03-15'), 'TST-3-q1 : une date au format AAAA-MM-JJ est attendue, reçu : un objet'],
  ])('explains in French: %j %j', (question, value, message) => {
    const result = validateAnswer(question, value);
    expect(result.ok ? 'ok' : answerMessage(question.key, result.problem, 'fr')).toBe(message);
  });

  it('cuts long values in problems and messages', () => {
    const result = validateAnswer(singleChoice, 'x'.repeat(5_000));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(JSON.stringify(result.problem).length).toBeLessThan(200);
    expect(answerMessage(singleChoice.key, result.problem, 'en').length).toBeLessThan(200);
    expect(answerMessage(singleChoice.key, result.problem, 'fr').length).toBeLessThan(200);
  });

  it.each<[string, QuestionDefinition, unknown, unknown]>([
    ['trims and NFC-normalises text', text, '  Cafe\u0301 policy \n', 'Café policy'],
    ['trims URLs but keeps their spelling', url, ' https://Example.org/A ', 'https://Example.org/A'],
    [
      'orders multiple-choice values as the catalogue does',
      multipleChoice,
      ['reports', 'hashing'],
      ['hashing', 'reports'],
    ],
    ['turns -0 into 0', percentage, -0, 0],
    ['keeps numbers as given', freeNumber, -12.75, -12.75],
    ['keeps dates as given', date, '2024-02-29', '2024-02-29'],
  ])('%s', (_label, question, value, expected) => {
    const result = validateAnswer(question, value);
    expect(result).toEqual({ ok: true, value: expected });
    if (result.ok) expect(Object.is(result.value, -0)).toBe(false);
  });

  it('does not modify the given list', () => {
    const value = ['reports', 'hashing'];
    validateAnswer(multipleChoice, value);
    expect(value).toEqual(['reports', 'hashing']);
  });
});

describe('validateRequirementStatus', () => {
  const plain = requirement('TST-9', [yesPartialNo]);
  const withAlternative = requirement('TST-8', [yesPartialNo], { allowsAlternative: true });
  const justification = 'Our service has no user-generated media at all.';

  it.each<[string, typeof plain, unknown, RequirementStatusRule | 'ok']>([
    ['not-applicable', plain, { kind: 'not-applicable', justification }, 'ok'],
    [
      'not-applicable where alternatives are allowed',
      withAlternative,
      { kind: 'not-applicable', justification },
      'ok',
    ],
    ['alternative where allowed', withAlternative, { kind: 'alternative', justification }, 'ok'],
    ['alternative where not allowed', plain, { kind: 'alternative', justification }, 'not-allowed'],
    ['10 characters', plain, { kind: 'not-applicable', justification: '0123456789' }, 'ok'],
    ['5,000 characters', plain, { kind: 'not-applicable', justification: 'j'.repeat(5_000) }, 'ok'],
    ['9 characters', plain, { kind: 'not-applicable', justification: '012345678' }, 'length'],
    [
      '9 characters padded with spaces',
      plain,
      { kind: 'not-applicable', justification: '   012345678   ' },
      'length',
    ],
    ['5,001 characters', plain, { kind: 'not-applicable', justification: 'j'.repeat(5_001) }, 'length'],
    ['empty justification', plain, { kind: 'not-applicable', justification: '' }, 'length'],
    ['no justification', plain, { kind: 'not-applicable' }, 'type'],
    ['a numeric justification', plain, { kind: 'not-applicable', justification: 1234567890 }, 'type'],
    ['unknown kind', plain, { kind: 'exempt', justification }, 'kind'],
    ['no kind', plain, { justification }, 'kind'],
    ['an extra field', plain, { kind: 'not-applicable', justification, approved: true }, 'type'],
    ['a string', plain, 'not-applicable', 'type'],
    ['null', plain, null, 'type'],
    ['a list', plain, [{ kind: 'not-applicable', justification }], 'type'],
  ])('%s → %s', (_label, req, status, expected) => {
    const result = validateRequirementStatus(req, status);
    expect(result.ok ? 'ok' : result.rule).toBe(expected);
    if (!result.ok) {
      expect(requirementStatusMessage(req.key, result.problem, 'en').startsWith(`${req.key}: `)).toBe(true);
      expect(requirementStatusMessage(req.key, result.problem, 'fr').startsWith(`${req.key} : `)).toBe(true);
    }
  });

  it('gives every problem code at least once', () => {
    const statuses: [typeof plain, unknown][] = [
      [plain, null],
      [plain, { kind: 'not-applicable', justification, approved: true }],
      [plain, { kind: 'exempt', justification }],
      [plain, { kind: 'alternative', justification }],
      [plain, { kind: 'not-applicable', justification: 1234567890 }],
      [plain, { kind: 'not-applicable', justification: 'short' }],
      [plain, { kind: 'not-applicable', justification: 'j'.repeat(5_001) }],
    ];
    const given = new Set(
      statuses
        .map(([req, status]) => validateRequirementStatus(req, status))
        .flatMap((r) => (r.ok ? [] : [r.problem.code])),
    );
    expect([...given].sort()).toEqual(Object.keys(REQUIREMENT_STATUS_MESSAGES.en).sort());
  });

  it('returns a fresh value with the justification trimmed and normalised', () => {
    const result = validateRequirementStatus(withAlternative, {
      kind: 'alternative',
      justification: '  We use an equivalent proprietary hashing service.\n',
    });
    expect(result).toEqual({
      ok: true,
      value: { kind: 'alternative', justification: 'We use an equivalent proprietary hashing service.' },
    });
  });

  it('explains a refused alternative, in English and in French', () => {
    const result = validateRequirementStatus(plain, { kind: 'alternative', justification });
    expect(result).toEqual({
      ok: false,
      rule: 'not-allowed',
      problem: { code: 'ALTERNATIVE_NOT_ALLOWED', params: {} },
    });
    if (result.ok) return;
    expect(requirementStatusMessage(plain.key, result.problem, 'en')).toBe(
      'TST-9: this requirement does not accept an alternative measure',
    );
    expect(requirementStatusMessage(plain.key, result.problem, 'fr')).toBe(
      'TST-9 : cette exigence n’accepte pas de mesure alternative',
    );
  });

  it('gives the length and the limit of a refused justification', () => {
    const result = validateRequirementStatus(plain, {
      kind: 'not-applicable',
      justification: '  too short ',
    });
    expect(result).toEqual({
      ok: false,
      rule: 'length',
      problem: { code: 'JUSTIFICATION_TOO_SHORT', params: { length: 9, min: 10 } },
    });
    if (result.ok) return;
    expect(requirementStatusMessage(plain.key, result.problem, 'en')).toBe(
      'TST-9: the justification is 9 characters long, below the minimum of 10',
    );
    expect(requirementStatusMessage(plain.key, result.problem, 'fr')).toBe(
      'TST-9 : la justification compte 9 caractères, en deçà du minimum de 10',
    );
  });
});
