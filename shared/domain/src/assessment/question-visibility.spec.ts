import type { QuestionDefinition } from '../catalog/catalog.types';
import type { AnswersByKey, AnswerValue } from './answer-value';
import { maturity, multipleChoice, singleChoice, text, yesPartialNo } from './assessment.test-fixtures';
import { indexQuestionsByKey, isQuestionVisible } from './question-visibility';

// A chain: q1 (yes-partial-no) → q2 (single-choice) → q3 (maturity) → q4 (multiple-choice) → q5 (text).
const q1: QuestionDefinition = { ...yesPartialNo, key: 'VIS-1-q1' };
const q2: QuestionDefinition = {
  ...singleChoice,
  key: 'VIS-1-q2',
  dependsOn: { question: 'VIS-1-q1', values: ['yes', 'partial'] },
};
const q3: QuestionDefinition = {
  ...maturity,
  key: 'VIS-1-q3',
  dependsOn: { question: 'VIS-1-q2', values: ['always', 'sometimes'] },
};
const q4: QuestionDefinition = {
  ...multipleChoice,
  key: 'VIS-1-q4',
  dependsOn: { question: 'VIS-1-q3', values: [3, 4] },
};
const q5: QuestionDefinition = {
  ...text,
  key: 'VIS-1-q5',
  dependsOn: { question: 'VIS-1-q4', values: ['hashing', 'classifiers'] },
};
const chain = [q1, q2, q3, q4, q5];
const questions = indexQuestionsByKey(chain);

const visibleKeys = (answers: AnswersByKey): string[] =>
  chain.filter((question) => isQuestionVisible(question, answers, questions)).map((question) => question.key);

describe('isQuestionVisible', () => {
  it.each<[string, Record<string, AnswerValue>, string[]]>([
    ['nothing answered: only the root', {}, ['VIS-1-q1']],
    ['root answered no', { 'VIS-1-q1': 'no' }, ['VIS-1-q1']],
    ['root not-applicable', { 'VIS-1-q1': 'not-applicable' }, ['VIS-1-q1']],
    ['root yes: the next question appears', { 'VIS-1-q1': 'yes' }, ['VIS-1-q1', 'VIS-1-q2']],
    ['root partial, q2 never', { 'VIS-1-q1': 'partial', 'VIS-1-q2': 'never' }, ['VIS-1-q1', 'VIS-1-q2']],
    [
      'q2 always: q3 appears, q4 waits for a maturity of 3+',
      { 'VIS-1-q1': 'yes', 'VIS-1-q2': 'always', 'VIS-1-q3': 2 },
      ['VIS-1-q1', 'VIS-1-q2', 'VIS-1-q3'],
    ],
    [
      'maturity 0 does not count as unanswered but does not match',
      { 'VIS-1-q1': 'yes', 'VIS-1-q2': 'always', 'VIS-1-q3': 0 },
      ['VIS-1-q1', 'VIS-1-q2', 'VIS-1-q3'],
    ],
    [
      'the whole chain',
      { 'VIS-1-q1': 'yes', 'VIS-1-q2': 'sometimes', 'VIS-1-q3': 4, 'VIS-1-q4': ['reports', 'classifiers'] },
      ['VIS-1-q1', 'VIS-1-q2', 'VIS-1-q3', 'VIS-1-q4', 'VIS-1-q5'],
    ],
    [
      'a multiple-choice answer with no matching option',
      { 'VIS-1-q1': 'yes', 'VIS-1-q2': 'sometimes', 'VIS-1-q3': 4, 'VIS-1-q4': ['none'] },
      ['VIS-1-q1', 'VIS-1-q2', 'VIS-1-q3', 'VIS-1-q4'],
    ],
    [
      'an empty multiple-choice answer',
      { 'VIS-1-q1': 'yes', 'VIS-1-q2': 'sometimes', 'VIS-1-q3': 4, 'VIS-1-q4': [] },
      ['VIS-1-q1', 'VIS-1-q2', 'VIS-1-q3', 'VIS-1-q4'],
    ],
    [
      'root changed to no: stale answers down the chain stay hidden',
      {
        'VIS-1-q1': 'no',
        'VIS-1-q2': 'always',
        'VIS-1-q3': 4,
        'VIS-1-q4': ['hashing'],
        'VIS-1-q5': 'Details',
      },
      ['VIS-1-q1'],
    ],
    [
      'a middle answer removed: everything after it is hidden',
      { 'VIS-1-q1': 'yes', 'VIS-1-q3': 4, 'VIS-1-q4': ['hashing'] },
      ['VIS-1-q1', 'VIS-1-q2'],
    ],
    [
      'a maturity given as a string does not match the level',
      { 'VIS-1-q1': 'yes', 'VIS-1-q2': 'always', 'VIS-1-q3': '4' },
      ['VIS-1-q1', 'VIS-1-q2', 'VIS-1-q3'],
    ],
  ])('%s', (_label, answers, expected) => {
    expect(visibleKeys(answers)).toEqual(expected);
    expect(visibleKeys(new Map(Object.entries(answers)))).toEqual(expected);
  });

  it('ignores inherited properties of an answers record', () => {
    const dependsOnConstructor: QuestionDefinition = {
      ...text,
      key: 'VIS-2-q2',
      dependsOn: { question: 'constructor', values: ['yes'] },
    };
    const lookup = indexQuestionsByKey([{ ...yesPartialNo, key: 'constructor' }, dependsOnConstructor]);
    expect(isQuestionVisible(dependsOnConstructor, {}, lookup)).toBe(false);
  });

  it('throws on a reference to a question it does not know', () => {
    const orphan: QuestionDefinition = {
      ...text,
      key: 'VIS-3-q2',
      dependsOn: { question: 'VIS-3-q1', values: ['yes'] },
    };
    expect(() => isQuestionVisible(orphan, { 'VIS-3-q1': 'yes' }, questions)).toThrow(
      /unknown question VIS-3-q1/,
    );
    expect(() => isQuestionVisible(orphan, {}, questions)).toThrow(/unknown question VIS-3-q1/);
  });

  it('throws on a cycle instead of looping', () => {
    const a: QuestionDefinition = {
      ...yesPartialNo,
      key: 'VIS-4-q1',
      dependsOn: { question: 'VIS-4-q2', values: ['yes'] },
    };
    const b: QuestionDefinition = {
      ...yesPartialNo,
      key: 'VIS-4-q2',
      dependsOn: { question: 'VIS-4-q1', values: ['yes'] },
    };
    const lookup = indexQuestionsByKey([a, b]);
    expect(() => isQuestionVisible(a, { 'VIS-4-q1': 'yes', 'VIS-4-q2': 'yes' }, lookup)).toThrow(/cycle/);
  });
});
