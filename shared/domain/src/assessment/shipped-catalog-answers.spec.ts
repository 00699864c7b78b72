import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { FrameworkDefinition, QuestionDefinition } from '../catalog/catalog.types';
import { frameworkQuestions } from '../catalog/framework-navigation';
import type { AnswerValue } from './answer-value';
import { indexQuestionsByKey, isQuestionVisible } from './question-visibility';
import { answerMessage } from './answer-messages';
import { validateAnswer, type AnswerRule } from './validate-answer';

const FRAMEWORKS_ROOT = join(__dirname, '..', '..', '..', 'catalog', 'frameworks');

const frameworks: [string, FrameworkDefinition][] = readdirSync(FRAMEWORKS_ROOT)
  .filter((name) => name.endsWith('.yaml'))
  .sort()
  .map((name) => [name, parse(readFileSync(join(FRAMEWORKS_ROOT, name), 'utf8')) as FrameworkDefinition]);

const questionRows = frameworks.flatMap(([file, framework]) =>
  frameworkQuestions(framework).map((question) => [file, question.key, question] as const),
);

/** A value every question of this shape must accept. */
function validValue(question: QuestionDefinition): AnswerValue {
  switch (question.type) {
    case 'yes-partial-no':
      return 'partial';
    case 'maturity':
      return 3;
    case 'single-choice':
      return question.options[question.options.length - 1]?.value ?? '';
    case 'multiple-choice': {
      const first = question.options.find((option) => option.exclusive !== true);
      return first ? [first.value] : [];
    }
    case 'number':
      return question.min ?? question.max ?? 7.5;
    case 'percentage':
      return Math.min(question.max ?? 100, Math.max(question.min ?? 0, 50));
    case 'duration':
      return question.max ?? question.min ?? 36;
    case 'date':
      return '2024-02-29';
    case 'text':
      return '  A short description of the measure.  ';
    case 'url':
      return 'https://example.org/child-safety-policy';
  }
}

/** A value every question of this shape must refuse, and the rule it breaks. */
function invalidValue(question: QuestionDefinition): [unknown, AnswerRule] {
  switch (question.type) {
    case 'yes-partial-no':
      return ['maybe', 'option'];
    case 'maturity':
      return [2.5, 'integer'];
    case 'single-choice':
      return ['not-an-option', 'option'];
    case 'multiple-choice': {
      const exclusive = question.options.find((option) => option.exclusive === true);
      const other = question.options.find((option) => option.exclusive !== true);
      if (exclusive && other) return [[other.value, exclusive.value], 'exclusive'];
      return [[other?.value, other?.value], 'duplicate'];
    }
    case 'number':
      if (question.max !== undefined) return [question.max + 1, 'range'];
      if (question.min !== undefined) return [question.min - 0.5, 'range'];
      return ['12', 'type'];
    case 'percentage':
      return [Math.min(question.max ?? 100, 100) + 0.1, 'range'];
    case 'duration':
      return [-1, 'range'];
    case 'date':
      return ['2026-02-30', 'format'];
    case 'text':
      return [' \n ', 'length'];
    case 'url':
      return ['ftp://example.org/policy.pdf', 'format'];
  }
}

describe('answers to the shipped catalogue', () => {
  it('reads every framework file and finds questions', () => {
    expect(frameworks.length).toBeGreaterThan(0);
    expect(questionRows.length).toBeGreaterThan(frameworks.length);
  });

  it.each(questionRows)('%s %s accepts a valid answer', (_file, _key, question) => {
    const value = validValue(question);
    const result = validateAnswer(question, value);
    expect(result.ok ? 'ok' : answerMessage(question.key, result.problem, 'en')).toBe('ok');
  });

  it.each(questionRows)('%s %s refuses an invalid answer', (_file, _key, question) => {
    const [value, rule] = invalidValue(question);
    const result = validateAnswer(question, value);
    expect(result.ok ? 'ok' : result.rule).toBe(rule);
    if (!result.ok) expect(answerMessage(question.key, result.problem, 'fr')).toContain(question.key);
  });

  it.each(questionRows)('%s %s refuses a value of the wrong type', (_file, _key, question) => {
    const wrong = question.type === 'multiple-choice' ? 'a-string' : { value: 1 };
    expect(validateAnswer(question, wrong)).toMatchObject({ ok: false, rule: 'type' });
  });

  it.each(frameworks)(
    '%s: every question without dependsOn, and only those, is visible before any answer',
    (_file, framework) => {
      const questions = frameworkQuestions(framework);
      const byKey = indexQuestionsByKey(questions);
      const visible = questions.filter((question) => isQuestionVisible(question, {}, byKey));
      expect(visible).toEqual(questions.filter((question) => question.dependsOn === undefined));
    },
  );

  const dependantRows = frameworks.flatMap(([file, framework]) => {
    const byKey = indexQuestionsByKey(frameworkQuestions(framework));
    return frameworkQuestions(framework)
      .filter((question) => question.dependsOn !== undefined)
      .map((question) => [file, question.key, question, byKey] as const);
  });

  it.each(dependantRows)(
    '%s %s appears once its chain is answered, and only then',
    (_file, _key, question, byKey) => {
      // Walk up the chain, answering each target with a value (valid for it) that shows the question below.
      const answers: Record<string, AnswerValue> = {};
      for (let current = question; current.dependsOn;) {
        const target = byKey.get(current.dependsOn.question);
        const first = current.dependsOn.values[0];
        if (!target || first === undefined) throw new Error(`${current.key}: unresolved dependsOn`);
        const value = target.type === 'multiple-choice' ? [String(first)] : first;
        expect(validateAnswer(target, value).ok).toBe(true);
        answers[target.key] = value;
        current = target;
      }
      expect(isQuestionVisible(question, answers, byKey)).toBe(true);
      const withoutTarget = { ...answers };
      delete withoutTarget[question.dependsOn?.question ?? ''];
      expect(isQuestionVisible(question, withoutTarget, byKey)).toBe(false);
    },
  );
});
