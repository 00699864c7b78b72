import type { FrameworkDefinition, MappingSetDefinition } from '../catalog/catalog.types';
import { profileWith } from '../catalog/catalog.test-fixtures';
import type { AnswersByKey, RequirementStatus } from '../assessment/answer-value';
import { canonicalJson } from '../canonical-json';
import { scoreAssessment } from './score-assessment';
import { percentOneDecimal } from './score-rounding';
import type { FrameworkResult, RequirementResult } from './scoring.types';
import { SCORING_ENGINE_VERSION } from './scoring.types';
import {
  duration,
  exampleBasics,
  exampleBasicsAnswers,
  exampleCritical,
  exampleCriticalAnswers,
  exampleCriticalStatuses,
  exampleMappingAnswers,
  exampleMappingFirst,
  exampleMappingSecond,
  exampleMappingSet,
  framework,
  mappingSet,
  maturity,
  multipleChoice,
  number,
  option,
  percentage,
  requirement,
  section,
  singleChoice,
  textQuestion,
  yesNo,
} from './scoring.test-fixtures';

const profile = profileWith('userMedia');

function score(
  frameworks: FrameworkDefinition[],
  answers: AnswersByKey,
  requirementStatuses: Record<string, RequirementStatus> = {},
  mappingSets: MappingSetDefinition[] = [],
) {
  return scoreAssessment({ frameworks, profile, answers, requirementStatuses, mappingSets });
}

function only(result: ReturnType<typeof score>, slug?: string): FrameworkResult {
  const found = slug ? result.frameworks.find((candidate) => candidate.slug === slug) : result.frameworks[0];
  if (!found) throw new Error(`no framework ${slug ?? ''}`);
  return found;
}

function requirementOf(result: FrameworkResult, key: string): RequirementResult {
  const found = result.requirements.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no requirement ${key}`);
  return found;
}

/** One requirement holding one question: the score of that question as the requirement score. */
function singleQuestionScore(question: Parameters<typeof requirement>[1][number], value: unknown) {
  const result = only(
    score([framework('one', [section('s', [requirement('R-1', [question])])])], {
      [question.key]: value,
    } as AnswersByKey),
  );
  return requirementOf(result, 'R-1');
}

describe('scoreAssessment — question scores', () => {
  it.each([
    ['yes', 1],
    ['partial', 0.5],
    ['no', 0],
  ])('yes-partial-no %s scores %d', (value, expected) => {
    expect(singleQuestionScore(yesNo('R-1-q1'), value).score).toBe(expected);
  });

  it('leaves a not-applicable answer out (no-data when nothing else counts)', () => {
    const result = singleQuestionScore(yesNo('R-1-q1'), 'not-applicable');
    expect(result.questions[0]).toEqual({
      questionKey: 'R-1-q1',
      counting: 'not-applicable-answer',
      score: null,
      weight: 1,
    });
    expect(result).toMatchObject({ score: null, outcome: 'no-data' });
  });

  it.each([0, 1, 2, 3, 4])('maturity level %d scores level / 4', (level) => {
    expect(singleQuestionScore(maturity('R-1-q1'), level).score).toBe(level / 4);
  });

  it('single choice takes the option score', () => {
    const question = singleChoice('R-1-q1', [
      option('always', 1),
      option('sometimes', 0.4),
      option('never', 0),
    ]);
    expect(singleQuestionScore(question, 'sometimes').score).toBe(0.4);
  });

  it('multiple choice sums the selected scores, capped at 1, whatever the order', () => {
    const question = multipleChoice('R-1-q1', [
      option('a', 0.4),
      option('b', 0.3),
      option('c', 0.2),
      option('d', 0.1),
      option('none', 0, true),
    ]);
    expect(singleQuestionScore(question, ['a', 'c']).score).toBeCloseTo(0.6, 12);
    // 0.4 + 0.3 + 0.2 + 0.1 is 0.9999999999999999 in binary floating point: the sum is rounded first.
    expect(singleQuestionScore(question, ['d', 'c', 'b', 'a']).score).toBe(1);
    expect(singleQuestionScore(question, ['d', 'c', 'b', 'a']).outcome).toBe('met');
    expect(singleQuestionScore(question, ['none']).score).toBe(0);
    const generous = multipleChoice('R-1-q1', [option('a', 0.7), option('b', 0.7)]);
    expect(singleQuestionScore(generous, ['a', 'b']).score).toBe(1);
  });

  it('metric questions take the first band reached, else 0', () => {
    const higher = percentage('R-1-q1', {
      direction: 'higher-is-better',
      bands: [
        { value: 90, score: 1 },
        { value: 50, score: 0.5 },
      ],
    });
    expect(singleQuestionScore(higher, 95).score).toBe(1);
    expect(singleQuestionScore(higher, 90).score).toBe(1);
    expect(singleQuestionScore(higher, 50).score).toBe(0.5);
    expect(singleQuestionScore(higher, 49.9).score).toBe(0);
    const lower = duration('R-1-q1', {
      direction: 'lower-is-better',
      bands: [
        { value: 24, score: 1 },
        { value: 72, score: 0.5 },
      ],
    });
    expect(singleQuestionScore(lower, 24).score).toBe(1);
    expect(singleQuestionScore(lower, 72).score).toBe(0.5);
    expect(singleQuestionScore(lower, 73).score).toBe(0);
    const count = number('R-1-q1', {
      direction: 'higher-is-better',
      bands: [
        { value: 3, score: 1 },
        { value: 1, score: 0.25 },
      ],
    });
    expect(singleQuestionScore(count, 2).score).toBe(0.25);
  });

  it('informational questions never count: text, metrics without bands, scored: false', () => {
    const requirementResult = requirementOf(
      only(
        score(
          [
            framework('one', [
              section('s', [
                requirement('R-1', [
                  yesNo('R-1-q1'),
                  textQuestion('R-1-q2'),
                  percentage('R-1-q3'),
                  yesNo('R-1-q4', { scored: false }),
                ]),
              ]),
            ]),
          ],
          { 'R-1-q1': 'partial', 'R-1-q2': 'Some context.', 'R-1-q3': 10, 'R-1-q4': 'no' },
        ),
      ),
      'R-1',
    );
    expect(requirementResult.questions.map((question) => question.counting)).toEqual([
      'answered',
      'informational',
      'informational',
      'informational',
    ]);
    expect(requirementResult.score).toBe(0.5);
  });

  it('hidden questions do not count, even with a stale answer', () => {
    const questions = [
      yesNo('R-1-q1'),
      yesNo('R-1-q2', { dependsOn: { question: 'R-1-q1', values: ['yes'] } }),
    ];
    const fw = framework('one', [section('s', [requirement('R-1', questions)])]);
    const hidden = requirementOf(only(score([fw], { 'R-1-q1': 'partial', 'R-1-q2': 'no' })), 'R-1');
    expect(hidden.questions[1]).toMatchObject({ counting: 'hidden', score: null });
    expect(hidden.score).toBe(0.5);
    const shown = requirementOf(only(score([fw], { 'R-1-q1': 'yes', 'R-1-q2': 'no' })), 'R-1');
    expect(shown.questions[1]).toMatchObject({ counting: 'answered', score: 0 });
    expect(shown.score).toBe(0.5);
  });

  it('an unanswered required question counts as 0, an unanswered optional one is left out', () => {
    const fw = framework('one', [
      section('s', [
        requirement('R-1', [yesNo('R-1-q1'), yesNo('R-1-q2'), yesNo('R-1-q3', { required: false })]),
      ]),
    ]);
    const result = requirementOf(only(score([fw], { 'R-1-q1': 'yes' })), 'R-1');
    expect(result.questions.map((question) => [question.counting, question.score])).toEqual([
      ['answered', 1],
      ['unanswered-required', 0],
      ['unanswered-optional', null],
    ]);
    expect(result.score).toBe(0.5);
  });

  it('question weights make a weighted mean', () => {
    const fw = framework('one', [
      section('s', [requirement('R-1', [yesNo('R-1-q1', { weight: 3 }), yesNo('R-1-q2')])]),
    ]);
    expect(requirementOf(only(score([fw], { 'R-1-q1': 'yes', 'R-1-q2': 'no' })), 'R-1').score).toBe(0.75);
  });

  it('treats invalid stored values as unanswered and never throws on them', () => {
    const fw = framework('one', [
      section('s', [
        requirement('R-1', [
          yesNo('R-1-q1'),
          maturity('R-1-q2'),
          singleChoice('R-1-q3', [option('a', 1), option('b', 0)]),
          multipleChoice('R-1-q4', [option('a', 0.5), option('b', 0.5), option('none', 0, true)]),
          percentage('R-1-q5', { direction: 'higher-is-better', bands: [{ value: 50, score: 1 }] }),
          yesNo('R-1-q6', { required: false }),
        ]),
      ]),
    ]);
    const answers = {
      'R-1-q1': 'maybe',
      'R-1-q2': 2.5,
      'R-1-q3': ['a'],
      'R-1-q4': ['a', 'none'],
      'R-1-q5': 150,
      'R-1-q6': 42,
    } as unknown as AnswersByKey;
    const result = requirementOf(only(score([fw], answers)), 'R-1');
    expect(result.questions.map((question) => question.counting)).toEqual([
      'unanswered-required',
      'unanswered-required',
      'unanswered-required',
      'unanswered-required',
      'unanswered-required',
      'unanswered-optional',
    ]);
    expect(result.score).toBe(0);
    expect(() =>
      scoreAssessment({ frameworks: [fw], profile, answers: null as unknown as AnswersByKey }),
    ).not.toThrow();
  });

  it('throws on a catalogue error (dependsOn to an unknown question)', () => {
    const fw = framework('one', [
      section('s', [
        requirement('R-1', [yesNo('R-1-q1', { dependsOn: { question: 'NOPE', values: ['yes'] } })]),
      ]),
    ]);
    expect(() => score([fw], {})).toThrow(/unknown question NOPE/);
  });
});

describe('scoreAssessment — requirements', () => {
  const fw = () =>
    framework('one', [
      section('s', [
        requirement('R-1', [yesNo('R-1-q1')], { allowsAlternative: true, critical: true, weight: 2 }),
        requirement('R-2', [yesNo('R-2-q1')]),
        requirement('R-3', [yesNo('R-3-q1')], { scored: false }),
        requirement('R-4', [yesNo('R-4-q1')], { applicability: 'livestreaming' }),
      ]),
    ]);

  it('gives each requirement its basis and outcome', () => {
    const result = only(score([fw()], { 'R-1-q1': 'no', 'R-2-q1': 'partial', 'R-3-q1': 'no' }));
    expect(result.requirements.map((entry) => [entry.key, entry.basis, entry.outcome, entry.score])).toEqual([
      ['R-1', 'answers', 'not-met', 0],
      ['R-2', 'answers', 'partially-met', 0.5],
      ['R-3', 'not-scored', 'not-scored', null],
      ['R-4', 'not-applicable-profile', 'not-applicable', null],
    ]);
    // Questions are listed only for requirements settled by their own answers.
    expect(requirementOf(result, 'R-3').questions).toEqual([]);
  });

  it('an allowed alternative scores 1 (met); a declared not-applicable is excluded', () => {
    const result = only(
      score(
        [fw()],
        { 'R-1-q1': 'no', 'R-2-q1': 'yes' },
        {
          'R-1': { kind: 'alternative', justification: 'An equivalent control.' },
          'R-2': { kind: 'not-applicable', justification: 'We have no such feature.' },
        },
      ),
    );
    expect(requirementOf(result, 'R-1')).toMatchObject({
      basis: 'alternative',
      outcome: 'met',
      score: 1,
      questions: [],
    });
    expect(requirementOf(result, 'R-2')).toMatchObject({
      basis: 'declared-not-applicable',
      outcome: 'not-applicable',
      score: null,
    });
    expect(result.score).toBe(100);
  });

  it('ignores an alternative where none is allowed, and malformed statuses', () => {
    const result = only(
      score(
        [fw()],
        { 'R-1-q1': 'yes', 'R-2-q1': 'no' },
        {
          'R-2': { kind: 'alternative', justification: 'An equivalent control.' },
          'R-3': { kind: 'whatever' } as unknown as RequirementStatus,
        },
      ),
    );
    expect(requirementOf(result, 'R-2')).toMatchObject({ basis: 'answers', score: 0 });
  });

  it('the profile excludes before a declared status, a not-scored requirement stays not-scored', () => {
    const result = only(
      score(
        [fw()],
        {},
        {
          'R-3': { kind: 'not-applicable', justification: 'Context only here.' },
          'R-4': { kind: 'not-applicable', justification: 'No livestreaming.' },
        },
      ),
    );
    expect(requirementOf(result, 'R-3').basis).toBe('not-scored');
    expect(requirementOf(result, 'R-4').basis).toBe('not-applicable-profile');
  });
});

describe('scoreAssessment — worked example 1 (docs/methodology.md)', () => {
  const result = only(score([exampleBasics()], exampleBasicsAnswers));

  it('scores the requirements', () => {
    expect(result.requirements.map((entry) => [entry.key, entry.score, entry.outcome])).toEqual([
      ['EX-1', 1.75 / 3, 'partially-met'],
      ['EX-2', 0.65, 'partially-met'],
      ['EX-3', 0.25, 'partially-met'],
      ['EX-4', null, 'not-applicable'],
    ]);
    expect(requirementOf(result, 'EX-3').questions.map((question) => question.counting)).toEqual([
      'not-applicable-answer',
      'answered',
      'unanswered-required',
      'unanswered-optional',
    ]);
  });

  it('scores and rates the sections and the framework', () => {
    expect(
      result.sections.map((entry) => [
        entry.key,
        entry.score,
        entry.rating?.key,
        entry.rating?.color,
        entry.countedRequirements,
      ]),
    ).toEqual([
      ['policy', 61, 'fair', 'amber', 2],
      ['response', 25, 'poor', 'red', 1],
    ]);
    expect(result.score).toBe(55);
    expect(result.rating).toEqual({ key: 'fair', color: 'amber', label: { en: 'Fair', fr: 'Moyen' } });
    expect(result.capped).toBe(false);
    expect(result.criticalFailures).toEqual([]);
  });

  it('orders the gaps critical first, then by priority', () => {
    expect(
      result.gaps.map((gap) => [gap.requirementKey, gap.critical, gap.priority, gap.questionKeys]),
    ).toEqual([
      ['EX-1', true, 3 * (1 - 1.75 / 3), ['EX-1-q1', 'EX-1-q2']],
      ['EX-3', false, 0.75, ['EX-3-q2', 'EX-3-q3']],
      ['EX-2', false, 2 * (1 - 0.65), ['EX-2-q1', 'EX-2-q2']],
    ]);
    expect(result.gaps[0]).toMatchObject({
      recommendation: { en: 'Do EX-1' },
      shortfall: 1 - 1.75 / 3,
      weight: 3,
    });
  });

  it('reports no mapping coverage for a single framework', () => {
    expect(result.coverage).toEqual({ countedRequirements: 3, viaMapping: 0, viaMappingWeightPercent: 0 });
  });
});

describe('scoreAssessment — worked example 2: critical cap and alternative', () => {
  const result = only(score([exampleCritical()], exampleCriticalAnswers, exampleCriticalStatuses));

  it('rounds 93.75 half up and caps the rating at the lowest band', () => {
    expect(
      result.requirements.map((entry) => [entry.key, entry.basis, entry.score, entry.criticalFailure]),
    ).toEqual([
      ['CR-1', 'answers', 0.5, true],
      ['CR-2', 'answers', 1, false],
      ['CR-3', 'alternative', 1, false],
    ]);
    expect(result.score).toBe(93.8);
    expect(result.rating?.key).toBe('poor');
    expect(result.capped).toBe(true);
    expect(result.criticalFailures).toEqual([
      {
        requirementKey: 'CR-1',
        sectionKey: 'core',
        title: { en: 'CR-1 title', fr: 'CR-1 title' },
        score: 0.5,
        threshold: 0.6,
      },
    ]);
    // A section keeps its own traffic light.
    expect(result.sections[0]?.rating?.key).toBe('good');
  });

  it('does not flag `capped` when the score already sits in the lowest band', () => {
    const low = only(
      score([exampleCritical()], { 'CR-1-q1': 'no', 'CR-2-q1': 'no', 'CR-2-q2': 0, 'CR-3-q1': 'no' }),
    );
    expect(low.criticalFailures.map((failure) => failure.requirementKey)).toEqual(['CR-1']);
    expect(low.rating?.key).toBe('poor');
    expect(low.capped).toBe(false);
  });

  it('meets the threshold exactly: no failure', () => {
    const fw = framework('one', [section('s', [requirement('R-1', [yesNo('R-1-q1')], { critical: true })])]);
    const atThreshold = only(score([fw], { 'R-1-q1': 'partial' }));
    expect(atThreshold.criticalFailures).toEqual([]);
    expect(atThreshold.rating?.key).toBe('fair');
  });
});

describe('scoreAssessment — mapping coverage', () => {
  const first = exampleMappingFirst();
  const second = exampleMappingSecond();
  const sets = [exampleMappingSet()];

  it('worked example 3: a subset mapping covers the smaller requirement, intersect never does', () => {
    const result = score([first, second], exampleMappingAnswers, {}, sets);
    expect(only(result, 'example-first').score).toBe(83.3);
    const later = only(result, 'example-second');
    expect(
      later.requirements.map((entry) => [
        entry.key,
        entry.basis,
        entry.score,
        entry.coveredBy?.requirementKey,
      ]),
    ).toEqual([
      ['SB-1', 'mapping', 0.75, 'FA-1'],
      ['SB-2', 'answers', 0, undefined],
      ['SB-3', 'answers', 1, undefined],
    ]);
    expect(requirementOf(later, 'SB-1')).toMatchObject({
      coveredBy: { framework: 'example-first', version: '1.0.0', requirementKey: 'FA-1' },
      settledBy: { framework: 'example-first', version: '1.0.0', requirementKey: 'FA-1' },
      outcome: 'partially-met',
      questions: [],
    });
    expect(later.score).toBe(70.8);
    expect(later.coverage).toEqual({ countedRequirements: 3, viaMapping: 1, viaMappingWeightPercent: 50 });
    expect(
      later.gaps.map((gap) => [gap.requirementKey, gap.questionKeys, gap.coveredBy?.requirementKey]),
    ).toEqual([
      ['SB-2', ['SB-2-q1'], undefined],
      ['SB-1', ['FA-1-q2'], 'FA-1'],
    ]);
  });

  it('worked example 3 in the other order: a strict containment covers whatever the order', () => {
    const forward = score([first, second], exampleMappingAnswers, {}, sets);
    const reversed = score([second, first], exampleMappingAnswers, {}, sets);
    // SB-1 subset FA-1: FA-1, in the framework assessed second now, still answers for SB-1.
    expect(requirementOf(only(reversed, 'example-second'), 'SB-1')).toMatchObject({
      basis: 'mapping',
      score: 0.75,
      coveredBy: { framework: 'example-first', requirementKey: 'FA-1' },
      settledBy: { framework: 'example-first', requirementKey: 'FA-1' },
    });
    // The larger requirement is never covered by the smaller one.
    expect(requirementOf(only(reversed, 'example-first'), 'FA-1').basis).toBe('answers');
    expect(reversed.frameworks.map((framework) => framework.slug)).toEqual([
      'example-second',
      'example-first',
    ]);
    for (const slug of ['example-first', 'example-second'])
      expect(canonicalJson(only(reversed, slug))).toBe(canonicalJson(only(forward, slug)));
  });

  it('reads superset as source ⊇ target and subset as source ⊆ target, in either order', () => {
    const a = framework('fw-a', [
      section('s', [requirement('A-1', [yesNo('A-1-q1')]), requirement('A-2', [yesNo('A-2-q1')])]),
    ]);
    const b = framework('fw-b', [
      section('s', [requirement('B-1', [yesNo('B-1-q1')]), requirement('B-2', [yesNo('B-2-q1')])]),
    ]);
    const answers = { 'A-1-q1': 'yes', 'A-2-q1': 'partial', 'B-1-q1': 'no', 'B-2-q1': 'no' };
    const strict = [
      mappingSet(a, b, [
        ['A-1', 'superset', 'B-1'],
        ['A-2', 'subset', 'B-2'],
      ]),
    ];
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      const result = score(order, answers, {}, strict);
      // A-1 ⊇ B-1: A-1 answers for B-1. A-2 ⊆ B-2: B-2 answers for A-2.
      expect(only(result, 'fw-a').requirements.map((entry) => [entry.basis, entry.score])).toEqual([
        ['answers', 1],
        ['mapping', 0],
      ]);
      expect(only(result, 'fw-b').requirements.map((entry) => [entry.basis, entry.score])).toEqual([
        ['mapping', 1],
        ['answers', 0],
      ]);
    }
  });

  it('lets the earlier of two equal requirements cover the later one', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1')])])]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const answers = { 'A-1-q1': 'yes', 'B-1-q1': 'no' };
    const equal = [mappingSet(a, b, [['A-1', 'equal', 'B-1']])];
    const bFirst = score([b, a], answers, {}, equal);
    expect(requirementOf(only(bFirst, 'fw-a'), 'A-1')).toMatchObject({ basis: 'mapping', score: 0 });
    expect(requirementOf(only(bFirst, 'fw-b'), 'B-1')).toMatchObject({ basis: 'answers', score: 0 });
    const aFirst = score([a, b], answers, {}, equal);
    expect(requirementOf(only(aFirst, 'fw-a'), 'A-1')).toMatchObject({ basis: 'answers', score: 1 });
    expect(requirementOf(only(aFirst, 'fw-b'), 'B-1')).toMatchObject({ basis: 'mapping', score: 1 });
  });

  it('never covers through intersect, in either order', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1')])])]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const sets = [mappingSet(a, b, [['A-1', 'intersect', 'B-1']])];
    for (const order of [
      [a, b],
      [b, a],
    ])
      expect(
        score(order, { 'A-1-q1': 'yes', 'B-1-q1': 'no' }, {}, sets).frameworks.map(
          (entry) => entry.requirements[0]?.basis,
        ),
      ).toEqual(['answers', 'answers']);
  });

  it('resolves forward chains and names both ends', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1'), yesNo('A-1-q2')])])]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const c = framework('fw-c', [section('s', [requirement('C-1', [yesNo('C-1-q1')])])]);
    const sets = [mappingSet(b, a, [['B-1', 'subset', 'A-1']]), mappingSet(c, b, [['C-1', 'equal', 'B-1']])];
    const result = score([a, b, c], { 'A-1-q1': 'yes', 'A-1-q2': 'no', 'C-1-q1': 'yes' }, {}, sets);
    const chained = requirementOf(only(result, 'fw-c'), 'C-1');
    expect(chained).toMatchObject({
      basis: 'mapping',
      score: 0.5,
      coveredBy: { framework: 'fw-b', requirementKey: 'B-1' },
      settledBy: { framework: 'fw-a', requirementKey: 'A-1' },
    });
    expect(only(result, 'fw-c').gaps[0]?.questionKeys).toEqual(['A-1-q2']);
  });

  it('picks the earliest framework, then catalogue order, among several covering requirements', () => {
    const a = framework('fw-a', [
      section('s', [requirement('A-1', [yesNo('A-1-q1')]), requirement('A-2', [yesNo('A-2-q1')])]),
    ]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const c = framework('fw-c', [section('s', [requirement('C-1', [yesNo('C-1-q1')])])]);
    const sets = [
      mappingSet(b, c, [['B-1', 'superset', 'C-1']]),
      mappingSet(a, c, [
        ['A-2', 'superset', 'C-1'],
        ['A-1', 'equal', 'C-1'],
      ]),
    ];
    const answers = { 'A-1-q1': 'yes', 'A-2-q1': 'partial', 'B-1-q1': 'no' };
    const coverOfC1 = (order: FrameworkDefinition[], statuses: Record<string, RequirementStatus> = {}) =>
      requirementOf(only(score(order, answers, statuses, sets), 'fw-c'), 'C-1').coveredBy?.requirementKey;
    expect(coverOfC1([a, b, c])).toBe('A-1');
    expect(coverOfC1([b, a, c])).toBe('B-1');
    // fw-c first: the equal A-1 no longer covers C-1 (C-1 covers A-1), the strict ones still do.
    expect(coverOfC1([c, a, b])).toBe('A-2');
    expect(coverOfC1([c, b, a])).toBe('B-1');
    // A-1 declared not applicable cannot cover: A-2 does.
    expect(
      coverOfC1([a, b, c], { 'A-1': { kind: 'not-applicable', justification: 'Not relevant here.' } }),
    ).toBe('A-2');
  });

  it('resolves a chain that runs backwards, resolving a covering requirement before its turn', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1'), yesNo('A-1-q2')])])]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const c = framework('fw-c', [section('s', [requirement('C-1', [yesNo('C-1-q1')])])]);
    // C-1 ⊂ B-1 ⊂ A-1, with the narrowest framework first.
    const sets = [mappingSet(c, b, [['C-1', 'subset', 'B-1']]), mappingSet(b, a, [['B-1', 'subset', 'A-1']])];
    const result = score([c, b, a], { 'A-1-q1': 'yes', 'A-1-q2': 'no', 'C-1-q1': 'yes' }, {}, sets);
    expect(requirementOf(only(result, 'fw-c'), 'C-1')).toMatchObject({
      basis: 'mapping',
      score: 0.5,
      coveredBy: { framework: 'fw-b', requirementKey: 'B-1' },
      settledBy: { framework: 'fw-a', requirementKey: 'A-1' },
      questions: [],
    });
    expect(requirementOf(only(result, 'fw-b'), 'B-1')).toMatchObject({
      basis: 'mapping',
      coveredBy: { framework: 'fw-a', requirementKey: 'A-1' },
      settledBy: { framework: 'fw-a', requirementKey: 'A-1' },
    });
    expect(requirementOf(only(result, 'fw-a'), 'A-1')).toMatchObject({ basis: 'answers', score: 0.5 });
    expect(only(result, 'fw-c').gaps[0]?.questionKeys).toEqual(['A-1-q2']);
    expect(only(result, 'fw-c').coverage).toEqual({
      countedRequirements: 1,
      viaMapping: 1,
      viaMappingWeightPercent: 100,
    });
  });

  it('a backward cover that does not settle is skipped for the next candidate', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1')])])]);
    const b = framework('fw-b', [
      section('s', [
        requirement('B-1', [yesNo('B-1-q1')], { applicability: 'livestreaming' }),
        requirement('B-2', [yesNo('B-2-q1')]),
      ]),
    ]);
    const sets = [
      mappingSet(a, b, [
        ['A-1', 'subset', 'B-1'],
        ['A-1', 'subset', 'B-2'],
      ]),
    ];
    const result = score([a, b], { 'A-1-q1': 'yes', 'B-2-q1': 'partial' }, {}, sets);
    expect(requirementOf(only(result, 'fw-a'), 'A-1')).toMatchObject({
      basis: 'mapping',
      score: 0.5,
      coveredBy: { framework: 'fw-b', requirementKey: 'B-2' },
    });
    // A status declared on the covered requirement still wins over a backward cover.
    const declared = score(
      [a, b],
      { 'A-1-q1': 'yes', 'B-2-q1': 'partial' },
      { 'A-1': { kind: 'not-applicable', justification: 'Not relevant here.' } },
      sets,
    );
    expect(requirementOf(only(declared, 'fw-a'), 'A-1')).toMatchObject({
      basis: 'declared-not-applicable',
      score: null,
    });
  });

  describe('cycles from inconsistent mapping data', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1')])])]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const c = framework('fw-c', [section('s', [requirement('C-1', [yesNo('C-1-q1')])])]);
    const answers = { 'A-1-q1': 'yes', 'B-1-q1': 'partial', 'C-1-q1': 'no' };
    const bases = (result: ReturnType<typeof score>) =>
      result.frameworks.map((framework) => {
        const entry = framework.requirements[0];
        return [entry?.key, entry?.basis, entry?.coveredBy?.requirementKey, entry?.settledBy?.requirementKey];
      });

    it('A ⊂ B in one set and B ⊂ A in another: the first resolved is covered, the other answers', () => {
      const sets = [
        mappingSet(a, b, [['A-1', 'subset', 'B-1']]),
        mappingSet(b, a, [['B-1', 'subset', 'A-1']]),
      ];
      const ab = score([a, b], answers, {}, sets);
      expect(bases(ab)).toEqual([
        ['A-1', 'mapping', 'B-1', 'B-1'],
        ['B-1', 'answers', undefined, undefined],
      ]);
      expect(requirementOf(only(ab, 'fw-a'), 'A-1').score).toBe(0.5);
      expect(bases(score([b, a], answers, {}, sets))).toEqual([
        ['B-1', 'mapping', 'A-1', 'A-1'],
        ['A-1', 'answers', undefined, undefined],
      ]);
      // The same input always gives the same result.
      expect(canonicalJson(score([a, b], answers, {}, sets))).toBe(canonicalJson(ab));
    });

    it('a cycle through three frameworks ends at the requirement that closes it', () => {
      // A-1 ⊂ B-1 ⊂ C-1 ⊂ A-1.
      const sets = [
        mappingSet(a, b, [['A-1', 'subset', 'B-1']]),
        mappingSet(b, c, [['B-1', 'subset', 'C-1']]),
        mappingSet(c, a, [['C-1', 'subset', 'A-1']]),
      ];
      const result = score([a, b, c], answers, {}, sets);
      expect(bases(result)).toEqual([
        ['A-1', 'mapping', 'B-1', 'C-1'],
        ['B-1', 'mapping', 'C-1', 'C-1'],
        ['C-1', 'answers', undefined, undefined],
      ]);
      expect(result.frameworks.map((framework) => framework.requirements[0]?.score)).toEqual([0, 0, 0]);
    });

    it('equal and strict links back to the start: a candidate being resolved does not settle', () => {
      // A-1 = B-1 (fw-a first, so A-1 covers B-1), B-1 ⊋ A-1 (B-1 covers A-1), and B-1 ⊂ C-1.
      const sets = [
        mappingSet(a, b, [['A-1', 'equal', 'B-1']]),
        mappingSet(b, a, [['B-1', 'superset', 'A-1']]),
        mappingSet(b, c, [['B-1', 'subset', 'C-1']]),
      ];
      // A-1 → B-1, whose candidates are A-1 (being resolved: skipped) and C-1.
      expect(bases(score([a, b, c], answers, {}, sets))).toEqual([
        ['A-1', 'mapping', 'B-1', 'C-1'],
        ['B-1', 'mapping', 'C-1', 'C-1'],
        ['C-1', 'answers', undefined, undefined],
      ]);
      // Without C-1, B-1 answers and covers A-1.
      expect(bases(score([a, b], answers, {}, sets))).toEqual([
        ['A-1', 'mapping', 'B-1', 'B-1'],
        ['B-1', 'answers', undefined, undefined],
      ]);
    });
  });

  it('a covering requirement must apply; a status on the covered one wins over coverage', () => {
    const a = framework('fw-a', [
      section('s', [
        requirement('A-1', [yesNo('A-1-q1')], { applicability: 'livestreaming' }),
        requirement('A-2', [yesNo('A-2-q1')]),
      ]),
    ]);
    const b = framework('fw-b', [
      section('s', [
        requirement('B-1', [yesNo('B-1-q1')]),
        requirement('B-2', [yesNo('B-2-q1')], { allowsAlternative: true }),
      ]),
    ]);
    const sets = [
      mappingSet(a, b, [
        ['A-1', 'equal', 'B-1'],
        ['A-2', 'equal', 'B-2'],
      ]),
    ];
    const result = only(
      score(
        [a, b],
        { 'A-1-q1': 'yes', 'A-2-q1': 'no', 'B-1-q1': 'partial' },
        { 'B-2': { kind: 'alternative', justification: 'Equivalent measure.' } },
        sets,
      ),
      'fw-b',
    );
    expect(result.requirements.map((entry) => [entry.basis, entry.score])).toEqual([
      ['answers', 0.5],
      ['alternative', 1],
    ]);
  });

  it('a covering requirement without data leaves the covered one without data', () => {
    const result = score([exampleMappingFirst(), exampleMappingSecond()], {}, {}, sets);
    const covered = requirementOf(only(result, 'example-second'), 'SB-1');
    // FA-1's required questions are unanswered: they count as 0 (a draft preview).
    expect(covered).toMatchObject({ basis: 'mapping', score: 0, outcome: 'not-met' });
    const optional = framework('fw-a', [
      section('s', [requirement('FA-1', [yesNo('FA-1-q1', { required: false })])]),
    ]);
    const noData = score([optional, exampleMappingSecond()], {}, {}, [
      mappingSet(exampleMappingSecond(), optional, [['SB-1', 'subset', 'FA-1']]),
    ]);
    expect(requirementOf(only(noData, 'example-second'), 'SB-1')).toMatchObject({
      basis: 'mapping',
      score: null,
      outcome: 'no-data',
    });
  });

  it('ignores mapping sets whose frameworks are not both assessed', () => {
    const result = score([exampleMappingSecond()], exampleMappingAnswers, {}, sets);
    expect(only(result).requirements.every((entry) => entry.basis === 'answers')).toBe(true);
  });
});

describe('scoreAssessment — aggregation', () => {
  it('the framework score is the weighted mean of requirements, not the mean of sections', () => {
    const fw = framework('one', [
      section('a', [requirement('R-1', [yesNo('R-1-q1')], { weight: 5 })]),
      section('b', [requirement('R-2', [yesNo('R-2-q1')], { weight: 1 })]),
    ]);
    const result = only(score([fw], { 'R-1-q1': 'yes', 'R-2-q1': 'no' }));
    expect(result.sections.map((entry) => entry.score)).toEqual([100, 0]);
    expect(result.score).toBe(83.3);
  });

  it('gives null scores and ratings when nothing counts', () => {
    const fw = framework('one', [
      section('a', [requirement('R-1', [yesNo('R-1-q1')], { applicability: 'livestreaming' })]),
    ]);
    const result = only(score([fw], {}));
    expect(result).toMatchObject({
      score: null,
      rating: null,
      capped: false,
      gaps: [],
      criticalFailures: [],
    });
    expect(result.sections[0]).toMatchObject({ score: null, rating: null, countedRequirements: 0 });
    expect(result.coverage).toEqual({ countedRequirements: 0, viaMapping: 0, viaMappingWeightPercent: 0 });
  });

  it('breaks gap priority ties by catalogue order', () => {
    const fw = framework('one', [
      section('a', [
        requirement('R-1', [yesNo('R-1-q1')], { weight: 2 }),
        requirement('R-2', [yesNo('R-2-q1')], { weight: 1 }),
        requirement('R-3', [yesNo('R-3-q1')], { weight: 1 }),
      ]),
    ]);
    const result = only(score([fw], { 'R-1-q1': 'partial', 'R-2-q1': 'no', 'R-3-q1': 'no' }));
    expect(result.gaps.map((gap) => gap.requirementKey)).toEqual(['R-1', 'R-2', 'R-3']);
  });

  it('stamps the engine version and is deterministic for Map and record answers in any order', () => {
    const answers = Object.entries(exampleBasicsAnswers);
    const forward = score([exampleBasics()], Object.fromEntries(answers));
    const backward = score([exampleBasics()], new Map(answers.reverse()));
    expect(forward.engineVersion).toBe(SCORING_ENGINE_VERSION);
    expect(canonicalJson(backward)).toBe(canonicalJson(forward));
  });
});

describe('percentOneDecimal', () => {
  it.each([
    [0, 0],
    [1, 100],
    [0.12345, 12.3],
    [0.1235, 12.4],
    [0.9375, 93.8],
    [2 / 3, 66.7],
    [1 / 3, 33.3],
    [0.00049, 0],
    [0.0005, 0.1],
    [0.0285, 2.9],
  ])('%d → %d', (ratio, expected) => {
    expect(percentOneDecimal(ratio)).toBe(expected);
  });
});
