import { profileWith } from '../catalog/catalog.test-fixtures';
import {
  exampleMappingFirst,
  exampleMappingSecond,
  exampleMappingSet,
  framework,
  mappingSet,
  requirement,
  section,
  textQuestion,
  yesNo,
} from '../scoring/scoring.test-fixtures';
import type { ScoringInput } from '../scoring/scoring.types';
import type { AnswersByKey } from './answer-value';
import { assessmentProgress, missingRequiredAnswers, planAssessment } from './assessment-plan';

const profile = profileWith('userMedia');

/** One framework with every basis, a conditional question and an optional one. */
function plannedFramework() {
  return framework('plan', [
    section('first', [
      requirement('P-1', [
        yesNo('P-1-q1'),
        textQuestion('P-1-q2', { dependsOn: { question: 'P-1-q1', values: ['partial', 'no'] } }),
        yesNo('P-1-q3', { required: false }),
      ]),
      requirement('P-2', [yesNo('P-2-q1')], { applicability: 'livestreaming' }),
      requirement('P-3', [yesNo('P-3-q1')], { scored: false }),
    ]),
    section('second', [
      requirement('P-4', [yesNo('P-4-q1')], { allowsAlternative: true }),
      requirement('P-5', [yesNo('P-5-q1')]),
      requirement('P-6', [yesNo('P-6-q1')]),
    ]),
  ]);
}

function input(answers: AnswersByKey, extra: Partial<ScoringInput> = {}): ScoringInput {
  return {
    frameworks: [plannedFramework()],
    profile,
    answers,
    requirementStatuses: {
      'P-4': { kind: 'alternative', justification: 'An equivalent measure.' },
      'P-5': { kind: 'not-applicable', justification: 'We do not offer this.' },
    },
    ...extra,
  };
}

describe('planAssessment', () => {
  it('gives each requirement its basis and the visible questions to ask', () => {
    const plan = planAssessment(input({ 'P-1-q1': 'no' }));
    expect(plan.frameworks).toHaveLength(1);
    expect(plan.frameworks[0]?.slug).toBe('plan');
    expect(
      plan.frameworks[0]?.requirements.map((entry) => [
        entry.key,
        entry.sectionKey,
        entry.basis,
        entry.questionKeys,
      ]),
    ).toEqual([
      ['P-1', 'first', 'answers', ['P-1-q1', 'P-1-q2', 'P-1-q3']],
      ['P-2', 'first', 'not-applicable-profile', []],
      ['P-3', 'first', 'not-scored', ['P-3-q1']],
      ['P-4', 'second', 'alternative', []],
      ['P-5', 'second', 'declared-not-applicable', []],
      ['P-6', 'second', 'answers', ['P-6-q1']],
    ]);
    expect(plan.frameworks[0]?.requirements[0]).toMatchObject({
      requiredQuestionKeys: ['P-1-q1', 'P-1-q2'],
      missingQuestionKeys: ['P-1-q2'],
      answeredQuestionKeys: ['P-1-q1'],
    });
  });

  it('hides conditional questions until their condition holds', () => {
    const plan = planAssessment(input({ 'P-1-q1': 'yes' }));
    expect(plan.frameworks[0]?.requirements[0]?.questionKeys).toEqual(['P-1-q1', 'P-1-q3']);
  });

  it('asks nothing of a requirement covered by an earlier framework, and says which covers it', () => {
    const plan = planAssessment({
      frameworks: [exampleMappingFirst(), exampleMappingSecond()],
      profile,
      answers: {},
      mappingSets: [exampleMappingSet()],
    });
    expect(plan.frameworks[1]?.requirements[0]).toEqual({
      key: 'SB-1',
      sectionKey: 'all',
      basis: 'mapping',
      coveredBy: { framework: 'example-first', version: '1.0.0', requirementKey: 'FA-1' },
      settledBy: { framework: 'example-first', version: '1.0.0', requirementKey: 'FA-1' },
      questionKeys: [],
      requiredQuestionKeys: [],
      missingQuestionKeys: [],
      answeredQuestionKeys: [],
    });
  });

  it('asks nothing of a requirement covered by a later framework, and asks the covering one', () => {
    // example-second first: SB-1 is a subset of FA-1, which is assessed after it.
    const reversed: ScoringInput = {
      frameworks: [exampleMappingSecond(), exampleMappingFirst()],
      profile,
      answers: {},
      mappingSets: [exampleMappingSet()],
    };
    const plan = planAssessment(reversed);
    expect(plan.frameworks.map((entry) => entry.slug)).toEqual(['example-second', 'example-first']);
    expect(
      plan.frameworks.map((entry) =>
        entry.requirements.map((requirement) => [
          requirement.key,
          requirement.basis,
          requirement.coveredBy?.requirementKey,
          requirement.questionKeys,
        ]),
      ),
    ).toEqual([
      [
        ['SB-1', 'mapping', 'FA-1', []],
        ['SB-2', 'answers', undefined, ['SB-2-q1']],
        ['SB-3', 'answers', undefined, ['SB-3-q1']],
      ],
      [
        ['FA-1', 'answers', undefined, ['FA-1-q1', 'FA-1-q2']],
        ['FA-2', 'answers', undefined, ['FA-2-q1']],
      ],
    ]);
    expect(plan.frameworks[0]?.requirements[0]?.settledBy).toEqual({
      framework: 'example-first',
      version: '1.0.0',
      requirementKey: 'FA-1',
    });
    // Submission and progress ask the same questions as in the other order.
    const forward = { ...reversed, frameworks: [exampleMappingFirst(), exampleMappingSecond()] };
    const missing = (input: ScoringInput) =>
      missingRequiredAnswers(input)
        .map((entry) => entry.questionKey)
        .sort();
    expect(missing(reversed)).toEqual(['FA-1-q1', 'FA-1-q2', 'FA-2-q1', 'SB-2-q1', 'SB-3-q1']);
    expect(missing(forward)).toEqual(missing(reversed));
    expect(assessmentProgress(reversed)).toMatchObject({ visibleQuestions: 5, requiredMissing: 5 });
  });

  it('plans a mapping cycle (inconsistent data) once and the same way every time', () => {
    const a = framework('fw-a', [section('s', [requirement('A-1', [yesNo('A-1-q1')])])]);
    const b = framework('fw-b', [section('s', [requirement('B-1', [yesNo('B-1-q1')])])]);
    const cycle: ScoringInput = {
      frameworks: [a, b],
      profile,
      answers: {},
      mappingSets: [
        mappingSet(a, b, [['A-1', 'subset', 'B-1']]),
        mappingSet(b, a, [['B-1', 'subset', 'A-1']]),
      ],
    };
    // A-1 is resolved first: B-1, whose only candidate is A-1 (being resolved), answers for both.
    expect(missingRequiredAnswers(cycle)).toEqual([{ requirementKey: 'B-1', questionKey: 'B-1-q1' }]);
    expect(planAssessment(cycle)).toEqual(planAssessment(cycle));
  });
});

describe('missingRequiredAnswers', () => {
  it('lists required visible questions without a valid answer, in catalogue order', () => {
    expect(missingRequiredAnswers(input({}))).toEqual([
      { requirementKey: 'P-1', questionKey: 'P-1-q1' },
      { requirementKey: 'P-3', questionKey: 'P-3-q1' },
      { requirementKey: 'P-6', questionKey: 'P-6-q1' },
    ]);
    expect(missingRequiredAnswers(input({ 'P-1-q1': 'partial', 'P-3-q1': 'yes', 'P-6-q1': 'no' }))).toEqual([
      { requirementKey: 'P-1', questionKey: 'P-1-q2' },
    ]);
    expect(missingRequiredAnswers(input({ 'P-1-q1': 'yes', 'P-3-q1': 'yes', 'P-6-q1': 'no' }))).toEqual([]);
  });

  it('counts an invalid stored value as missing', () => {
    const answers = { 'P-1-q1': 'yes', 'P-3-q1': 'yes', 'P-6-q1': 'perhaps' } as unknown as AnswersByKey;
    expect(missingRequiredAnswers(input(answers))).toEqual([
      { requirementKey: 'P-6', questionKey: 'P-6-q1' },
    ]);
  });

  it('does not ask for a text answer that is blank', () => {
    const answers = new Map<string, string>([
      ['P-1-q1', 'no'],
      ['P-1-q2', '   '],
      ['P-3-q1', 'yes'],
      ['P-6-q1', 'yes'],
    ]);
    expect(missingRequiredAnswers(input(answers))).toEqual([
      { requirementKey: 'P-1', questionKey: 'P-1-q2' },
    ]);
  });
});

describe('assessmentProgress', () => {
  it('counts applicable requirements, answered and visible questions, per section too', () => {
    const progress = assessmentProgress(
      input({ 'P-1-q1': 'no', 'P-1-q3': 'yes', 'P-6-q1': 'yes', 'P-2-q1': 'yes' }),
    );
    expect(progress).toEqual({
      // P-2 is excluded by the profile; P-3 (not scored), P-4 and P-5 still apply.
      applicableRequirements: 5,
      answeredQuestions: 3,
      visibleQuestions: 5,
      requiredMissing: 2,
      percent: 60,
      sections: [
        {
          framework: 'plan',
          sectionKey: 'first',
          answeredQuestions: 2,
          visibleQuestions: 4,
          requiredMissing: 2,
        },
        {
          framework: 'plan',
          sectionKey: 'second',
          answeredQuestions: 1,
          visibleQuestions: 1,
          requiredMissing: 0,
        },
      ],
    });
  });

  it('rounds the percentage to one decimal and gives 0 when there is nothing to ask', () => {
    const statuses = {
      'P-4': { kind: 'alternative', justification: 'An equivalent measure.' },
      'P-5': { kind: 'not-applicable', justification: 'Not relevant here.' },
      'P-6': { kind: 'not-applicable', justification: 'Not relevant here.' },
    } as const;
    const third = assessmentProgress(input({ 'P-1-q1': 'yes' }, { requirementStatuses: statuses }));
    expect([third.answeredQuestions, third.visibleQuestions, third.percent]).toEqual([1, 3, 33.3]);
    const none = assessmentProgress({ frameworks: [], profile, answers: {} });
    expect(none).toEqual({
      applicableRequirements: 0,
      answeredQuestions: 0,
      visibleQuestions: 0,
      requiredMissing: 0,
      percent: 0,
      sections: [],
    });
  });
});
