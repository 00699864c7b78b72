import type { DependsOnValue, QuestionDefinition } from '../catalog/catalog.types';
import type { AnswersByKey, AnswerValue } from './answer-value';

/** Question definitions by key (e.g. `indexQuestionsByKey(frameworkQuestions(framework))`). */
export type QuestionsByKey = ReadonlyMap<string, QuestionDefinition>;

export function indexQuestionsByKey(questions: readonly QuestionDefinition[]): QuestionsByKey {
  return new Map(questions.map((question) => [question.key, question]));
}

export function answerOf(answers: AnswersByKey, key: string): AnswerValue | undefined {
  if (answers instanceof Map) return (answers as ReadonlyMap<string, AnswerValue>).get(key);
  const record = answers as Readonly<Partial<Record<string, AnswerValue>>>;
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Whether a question is shown (and so can be required) given the answers so far. A question without
 * `dependsOn` is always visible. With `dependsOn`, it is visible only when the referenced question
 * is itself visible (the rule applies along the whole chain) and its answer is one of `values`:
 * equal to one of them for yes-partial-no, maturity and single-choice answers; for a multiple-choice
 * answer, at least one selected option is among them. An unanswered or hidden referenced question
 * hides the question, whatever stale answer it may still hold.
 *
 * `questions` must hold the referenced questions (the framework's questions); a reference it does
 * not hold, or a cycle, is a catalogue or programming error and throws.
 */
export function isQuestionVisible(
  question: QuestionDefinition,
  answers: AnswersByKey,
  questions: QuestionsByKey,
): boolean {
  const seen = new Set<string>([question.key]);
  let current = question;
  while (current.dependsOn) {
    const { question: targetKey, values } = current.dependsOn;
    const target = questions.get(targetKey);
    if (!target) throw new Error(`${current.key} depends on unknown question ${targetKey}`);
    if (seen.has(targetKey)) throw new Error(`${question.key} has a dependsOn cycle through ${targetKey}`);
    if (!matches(answerOf(answers, targetKey), values)) return false;
    seen.add(targetKey);
    current = target;
  }
  return true;
}

function matches(answer: AnswerValue | undefined, values: readonly DependsOnValue[]): boolean {
  if (answer === undefined) return false;
  if (Array.isArray(answer)) return answer.some((item) => values.includes(item));
  return values.includes(answer);
}
