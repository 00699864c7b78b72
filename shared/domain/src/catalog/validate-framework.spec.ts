import type { Patch } from './catalog.test-fixtures';
import { minimalFramework, patched } from './catalog.test-fixtures';
import type { CatalogProblem } from './catalog.types';
import { validateFrameworkDocument } from './validate-framework';

const FILE = 'frameworks/broken@1.0.0.yaml';
const REQ = '/sections/0/requirements/0';
const Q1 = `${REQ}/questions/0`;
const Q2 = `${REQ}/questions/1`;
const Q3 = `${REQ}/questions/2`;
const METRIC = '/sections/0/requirements/1/questions/0';

function problemsOf(document: unknown): CatalogProblem[] {
  const result = validateFrameworkDocument(document, FILE);
  return result.ok ? [] : result.problems;
}

describe('validateFrameworkDocument', () => {
  it('accepts a valid framework and returns it', () => {
    const framework = minimalFramework();
    const result = validateFrameworkDocument(framework, FILE);
    expect(result).toEqual({ ok: true, value: framework });
  });

  it('names the document "(inline)" when no file is given', () => {
    const result = validateFrameworkDocument(patched(minimalFramework(), { remove: '/title' }));
    expect(result.ok ? [] : result.problems).toEqual([
      { file: '(inline)', path: '/title', message: 'is required but missing' },
    ]);
  });

  it.each<[string, Patch[], string, RegExp]>([
    ['a missing field', [{ remove: `${REQ}/statement` }], `${REQ}/statement`, /required/],
    ['an unknown top-level field', [{ set: '/owner', value: 'me' }], '/owner', /"owner" is not allowed/],
    [
      'an unknown question type',
      [{ set: `${Q1}/type`, value: 'slider' }],
      `${Q1}/type`,
      /must be one of: yes-partial-no, maturity/,
    ],
    [
      'a duplicate requirement key',
      [{ set: '/sections/0/requirements/1/key', value: 'TST-1' }],
      '/sections/0/requirements/1/key',
      /duplicate requirement key "TST-1"/,
    ],
    [
      'a duplicate section key',
      [{ set: '/sections/1', value: minimalFramework('x', 'OTH').sections[0] }],
      '/sections/1/key',
      /duplicate section key "main"/,
    ],
    [
      'a dependsOn to an unknown question',
      [{ set: `${Q2}/dependsOn/question`, value: 'TST-1-q9' }],
      `${Q2}/dependsOn/question`,
      /unknown question "TST-1-q9"/,
    ],
    [
      'a dependsOn to a later question',
      [{ set: `${Q2}/dependsOn/question`, value: 'TST-1-q3' }],
      `${Q2}/dependsOn/question`,
      /"TST-1-q3", which is not an earlier question/,
    ],
    [
      'a dependsOn value the target cannot take',
      [{ set: `${Q2}/dependsOn/values/0`, value: 'maybe' }],
      `${Q2}/dependsOn/values/0`,
      /"maybe" is not an answer/,
    ],
    [
      'a dependsOn on a text question',
      [{ set: `${Q3}/dependsOn`, value: { question: 'TST-1-q2', values: ['x'] } }],
      `${Q3}/dependsOn/question`,
      /cannot depend on a text question/,
    ],
    [
      'options on a yes-partial-no question',
      [{ set: `${Q1}/options`, value: [{ value: 'a', label: { en: 'A', fr: 'A' }, score: 1 }] }],
      `${Q1}/options`,
      /"options" is not allowed/,
    ],
    ['a choice question without options', [{ remove: `${Q3}/options` }], `${Q3}/options`, /required/],
    [
      'a duplicate option value',
      [{ set: `${Q3}/options/1/value`, value: 'always' }],
      `${Q3}/options/1/value`,
      /duplicate option value "always"/,
    ],
    [
      'a single choice that cannot reach full score',
      [{ set: `${Q3}/options/0/score`, value: 0.8 }],
      `${Q3}/options`,
      /no option gives the full score/,
    ],
    [
      'rating bands not descending',
      [{ set: '/ratingBands/1/min', value: 80 }],
      '/ratingBands/1/min',
      /strictly descending min; 80 is not below 70/,
    ],
    [
      'a lowest rating band above 0',
      [{ set: '/ratingBands/2/min', value: 10 }],
      '/ratingBands/2/min',
      /last \(lowest\) rating band must have min 0/,
    ],
    [
      'a question key without its requirement prefix',
      [{ set: `${Q3}/key`, value: 'XYZ-1-q3' }],
      `${Q3}/key`,
      /must be "TST-1-q<n>"/,
    ],
    [
      'a duplicate question key',
      [{ set: `${Q3}/key`, value: 'TST-1-q1' }],
      `${Q3}/key`,
      /duplicate question key "TST-1-q1"/,
    ],
    [
      'min above max',
      [{ set: `${METRIC}/min`, value: 2000 }],
      `${METRIC}/min`,
      /min \(2000\) is greater than max \(1000\)/,
    ],
    [
      'scoring bands in the wrong order',
      [{ set: `${METRIC}/scoring/bands/1/value`, value: 12 }],
      `${METRIC}/scoring/bands/1/value`,
      /lower-is-better bands must have strictly ascending values/,
    ],
    [
      'a scoring band outside min and max',
      [{ set: `${METRIC}/scoring/bands/1/value`, value: 5000 }],
      `${METRIC}/scoring/bands/1/value`,
      /above the question's maximum 1000/,
    ],
    [
      'a percentage band above 100',
      [
        { set: `${METRIC}/type`, value: 'percentage' },
        { remove: `${METRIC}/unit` },
        { remove: `${METRIC}/max` },
        {
          set: `${METRIC}/scoring`,
          value: { direction: 'higher-is-better', bands: [{ value: 120, score: 1 }] },
        },
      ],
      `${METRIC}/scoring/bands/0/value`,
      /above the question's maximum 100/,
    ],
    [
      'scoring bands giving a higher score later',
      [{ set: `${METRIC}/scoring/bands/1/score`, value: 1 }],
      `${METRIC}/scoring/bands/1/score`,
      /lower score than the band before/,
    ],
    ['a duration without unit', [{ remove: `${METRIC}/unit` }], `${METRIC}/unit`, /required/],
    [
      'evidence lists of different lengths',
      [{ set: `${REQ}/evidence/fr`, value: ['Un', 'Deux'] }],
      `${REQ}/evidence`,
      /en has 1 items, fr has 2/,
    ],
    [
      'an empty French text',
      [{ set: `${REQ}/title/fr`, value: '' }],
      `${REQ}/title/fr`,
      /fewer than 1 characters/,
    ],
    [
      'a blank English text',
      [{ set: `${REQ}/guidance/en`, value: '   ' }],
      `${REQ}/guidance/en`,
      /must match pattern/,
    ],
    [
      'a criticalThreshold on a non-critical requirement',
      [{ set: '/sections/0/requirements/1/criticalThreshold', value: 0.5 }],
      '/sections/0/requirements/1/criticalThreshold',
      /only allowed on critical/,
    ],
    [
      'a critical requirement with scored false',
      [{ set: `${REQ}/scored`, value: false }],
      `${REQ}/critical`,
      /scored: false cannot be critical/,
    ],
    [
      'scored true on a text question',
      [{ set: `${Q2}/scored`, value: true }],
      `${Q2}/scored`,
      /text question is informational/,
    ],
    [
      'a requirement with no scorable question',
      [{ set: '/sections/0/requirements/1/questions/0/scored', value: false }],
      '/sections/0/requirements/1/questions',
      /no question can be scored/,
    ],
    [
      'an unknown service feature',
      [{ set: `${REQ}/applicability`, value: 'chat' }],
      `${REQ}/applicability`,
      /must be one of: userMedia, livestreaming/,
    ],
    [
      'an unknown feature nested in an expression',
      [{ set: `${REQ}/applicability`, value: { all: ['messaging', { not: 'chat' }] } }],
      `${REQ}/applicability/all/1/not`,
      /must be one of/,
    ],
    [
      'an empty all',
      [{ set: `${REQ}/applicability`, value: { all: [] } }],
      `${REQ}/applicability/all`,
      /fewer than 1 items/,
    ],
    [
      'an expression with two operators',
      [{ set: `${REQ}/applicability`, value: { all: ['search'], any: ['appStore'] } }],
      `${REQ}/applicability`,
      /more than 1 properties/,
    ],
    ['a bad semver', [{ set: '/version', value: '1.0' }], '/version', /must match pattern/],
    [
      'a bad date',
      [{ set: '/publishedOn', value: '2024-13-01' }],
      '/publishedOn',
      /must match format "date"/,
    ],
    [
      'a bad url',
      [{ set: `${REQ}/references/0/url`, value: 'ftp://example.org' }],
      `${REQ}/references/0/url`,
      /must match pattern/,
    ],
    ['a weight above 5', [{ set: `${REQ}/weight`, value: 6 }], `${REQ}/weight`, /must be <= 5/],
  ])('reports %s', (_name, patches, path, message) => {
    const problems = problemsOf(patched(minimalFramework(), ...patches));
    expect(problems).toContainEqual({ file: FILE, path, message: expect.stringMatching(message) as unknown });
  });

  it('does not report noise for an unknown question type beyond the type itself', () => {
    const problems = problemsOf(patched(minimalFramework(), { set: `${Q1}/type`, value: 'slider' }));
    expect(problems).toHaveLength(1);
  });

  it('reports several problems, schema and semantic, at once', () => {
    const problems = problemsOf(
      patched(
        minimalFramework(),
        { remove: `${REQ}/guidance` },
        { set: `${Q1}/type`, value: 'slider' },
        { set: '/sections/0/requirements/1/key', value: 'TST-1' },
        { set: '/ratingBands/2/min', value: 5 },
        { set: `${Q2}/dependsOn/question`, value: 'NOPE-1-q1' },
      ),
    );
    expect(problems.map((problem) => problem.path)).toEqual(
      expect.arrayContaining([
        `${REQ}/guidance`,
        `${Q1}/type`,
        '/sections/0/requirements/1/key',
        '/ratingBands/2/min',
        `${Q2}/dependsOn/question`,
      ]),
    );
    expect(problems.every((problem) => problem.file === FILE && problem.message.length > 0)).toBe(true);
  });

  it.each([null, 'framework', 42, [], {}])('never throws on %p', (document) => {
    expect(() => validateFrameworkDocument(document, FILE)).not.toThrow();
    expect(validateFrameworkDocument(document, FILE).ok).toBe(false);
  });

  it('accepts conditions on maturity levels and multiple-choice values', () => {
    const document = patched(
      minimalFramework(),
      { set: `${Q1}/type`, value: 'maturity' },
      { set: `${Q2}/dependsOn/values`, value: [0, 1] },
      {
        set: `${Q3}/type`,
        value: 'multiple-choice',
      },
      {
        set: `${Q3}/options`,
        value: [
          { value: 'a', label: { en: 'A', fr: 'A' }, score: 0.5 },
          { value: 'b', label: { en: 'B', fr: 'B' }, score: 0.5 },
          { value: 'none', label: { en: 'None', fr: 'Aucun' }, score: 0, exclusive: true },
        ],
      },
      {
        set: '/sections/0/requirements/1/questions/1',
        value: {
          key: 'TST-2-q2',
          type: 'number',
          prompt: { en: 'How many?', fr: 'Combien ?' },
          required: false,
          dependsOn: { question: 'TST-1-q3', values: ['a'] },
        },
      },
    );
    expect(problemsOf(document)).toEqual([]);
  });

  it('rejects a maturity condition outside 0..4 and exclusive options on single choice', () => {
    const problems = problemsOf(
      patched(
        minimalFramework(),
        { set: `${Q1}/type`, value: 'maturity' },
        { set: `${Q2}/dependsOn/values`, value: [5] },
        { set: `${Q3}/options/1/exclusive`, value: true },
      ),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          file: FILE,
          path: `${Q2}/dependsOn/values/0`,
          message: expect.stringContaining('allowed: 0, 1, 2, 3, 4') as unknown,
        },
        {
          file: FILE,
          path: `${Q3}/options/1/exclusive`,
          message: 'property "exclusive" is not allowed here',
        },
      ]),
    );
  });
});
