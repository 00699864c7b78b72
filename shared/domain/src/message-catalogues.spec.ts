import { ANSWER_MESSAGES, REQUIREMENT_STATUS_MESSAGES } from './assessment/answer-messages';
import type { AnswerProblem, RequirementStatusProblem } from './assessment/validate-answer';
import { LOCALES } from './catalog/catalog.constants';
import { PASSWORD_MESSAGES } from './identity/password-messages';
import type { PasswordProblem } from './identity/password-policy';
import { type MessageCatalogues, type Problem, problemMessage, showValue, WORDING } from './problem';

/** Parameters for every code of a problem union: a code without a sample does not compile. */
type Samples<P extends Problem> = { readonly [C in P['code']]: Extract<P, { code: C }>['params'] };

const got = showValue([1]);
const ANSWER_SAMPLES: Samples<AnswerProblem> = {
  CHOICE_EXPECTED: { choices: ['yes', 'no'], got },
  NOT_A_CHOICE: { value: 'maybe', choices: ['yes', 'no'] },
  MATURITY_LEVEL_EXPECTED: { min: 0, max: 4, got },
  MATURITY_LEVEL_NOT_WHOLE: { value: 2.5, min: 0, max: 4 },
  OPTION_EXPECTED: { got },
  OPTION_LIST_EXPECTED: { got },
  OPTION_LIST_ITEM_NOT_TEXT: { got },
  UNKNOWN_OPTION: { value: 'often', options: ['always', 'never'] },
  OPTION_REPEATED: { value: 'hashing' },
  EXCLUSIVE_OPTION_COMBINED: { value: 'none' },
  NO_OPTION_SELECTED: { none: 'none' },
  NUMBER_EXPECTED: { got },
  NUMBER_NOT_FINITE: { value: 'Infinity' },
  NUMBER_TOO_SMALL: { value: -1, min: 0, unit: 'hours' },
  NUMBER_TOO_LARGE: { value: 101, max: 100 },
  DATE_EXPECTED: { got },
  DATE_INVALID: { value: '2026-02-30' },
  TEXT_EXPECTED: { got },
  TEXT_EMPTY: {},
  TEXT_TOO_LONG: { length: 10_001, max: 10_000 },
  TEXT_HAS_NUL: {},
  URL_EXPECTED: { got },
  URL_EMPTY: {},
  URL_TOO_LONG: { length: 2_049, max: 2_048 },
  URL_HAS_WHITESPACE: { value: 'https://a b' },
  URL_NOT_ABSOLUTE: { value: '/policy' },
  URL_NOT_HTTP: { value: 'ftp://example.org' },
  URL_INVALID: { value: 'https://exa mple.org' },
  URL_HAS_CREDENTIALS: { value: 'https://user:secret@example.org' },
};

const REQUIREMENT_STATUS_SAMPLES: Samples<RequirementStatusProblem> = {
  STATUS_OBJECT_EXPECTED: { got },
  STATUS_UNEXPECTED_FIELDS: { fields: ['approved'] },
  STATUS_KIND_UNKNOWN: { got: showValue('exempt') },
  ALTERNATIVE_NOT_ALLOWED: {},
  JUSTIFICATION_TEXT_EXPECTED: { got },
  JUSTIFICATION_TOO_SHORT: { length: 1, min: 10 },
  JUSTIFICATION_TOO_LONG: { length: 5_001, max: 5_000 },
};

const PASSWORD_SAMPLES: Samples<PasswordProblem> = {
  PASSWORD_TOO_SHORT: { min: 12 },
  PASSWORD_TOO_LONG: { max: 128 },
  PASSWORD_COMMON: {},
  PASSWORD_CONTAINS_CONTEXT: {},
};

describe.each<[string, MessageCatalogues<Problem>, Readonly<Record<string, object>>]>([
  ['answers', ANSWER_MESSAGES as MessageCatalogues<Problem>, ANSWER_SAMPLES],
  [
    'requirement statuses',
    REQUIREMENT_STATUS_MESSAGES as MessageCatalogues<Problem>,
    REQUIREMENT_STATUS_SAMPLES,
  ],
  ['passwords', PASSWORD_MESSAGES as MessageCatalogues<Problem>, PASSWORD_SAMPLES],
])('the message catalogue of %s', (_name, catalogues, samples) => {
  const codes = Object.keys(samples).sort();

  it.each(LOCALES)('has a text for every code in %s, and nothing else', (locale) => {
    expect(Object.keys(catalogues[locale]).sort()).toEqual(codes);
  });

  it.each(codes)('writes %s in English and in French, differently', (code) => {
    const problem = { code, params: samples[code]! };
    const english = problemMessage(catalogues, problem, 'en');
    const french = problemMessage(catalogues, problem, 'fr');
    for (const text of [english, french]) {
      expect(text.trim()).not.toBe('');
      expect(text).not.toMatch(/undefined|NaN|\[object|\{\w+\}/);
    }
    expect(french).not.toBe(english);
  });
});

describe('showValue', () => {
  it.each<[unknown, ReturnType<typeof showValue>]>([
    ['12', { literal: '"12"' }],
    [12.5, { literal: '12.5' }],
    [Number.NaN, { literal: 'NaN' }],
    [false, { literal: 'false' }],
    [null, { literal: 'null' }],
    [undefined, { kind: 'nothing' }],
    [['a'], { kind: 'list' }],
    [new Date(0), { kind: 'object' }],
    [BigInt(3), { kind: 'bigint' }],
    ['x'.repeat(100), { literal: JSON.stringify(`${'x'.repeat(60)}…`) }],
  ])('shows %p as %j', (value, shown) => {
    expect(showValue(value)).toEqual(shown);
  });
});

describe('WORDING', () => {
  it('writes lists, counts and numbers the way each language does', () => {
    expect(WORDING.en.either(['a', 'b', 'c'])).toBe('a, b or c');
    expect(WORDING.fr.either(['a', 'b', 'c'])).toBe('a, b ou c');
    expect(WORDING.en.count(10_000)).toBe('10,000');
    expect(WORDING.fr.count(10_000)).toBe('10\u202f000');
    expect(WORDING.en.number(2.5)).toBe('2.5');
    expect(WORDING.fr.number(2.5)).toBe('2,5');
    expect(WORDING.fr.value({ literal: '2.5' })).toBe('2,5');
    expect(WORDING.fr.value({ literal: '"2.5"' })).toBe('"2.5"');
  });

  it('puts the noun in the singular or plural as each language does', () => {
    const noun = { one: 'x', other: 'xs' };
    expect([0, 1, 2].map((n) => WORDING.en.counted(n, noun))).toEqual(['0 xs', '1 x', '2 xs']);
    expect([0, 1, 2].map((n) => WORDING.fr.counted(n, noun))).toEqual(['0 x', '1 x', '2 xs']);
  });
});
