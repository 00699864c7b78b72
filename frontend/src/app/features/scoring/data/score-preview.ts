import {
  type AnswerValue,
  type AnswersByKey,
  type FrameworkDefinition,
  type RequirementStatus,
  answerOf,
  frameworkQuestions,
  isScoredQuestion,
} from '@beacon/domain';

/**
 * Keys of the questions whose answers can change a score: scored questions and the questions
 * others depend on (they decide what is visible). Free text, dates and links are not among them.
 */
export function scoreRelevantKeys(frameworks: readonly FrameworkDefinition[]): ReadonlySet<string> {
  const keys = new Set<string>();
  for (const framework of frameworks)
    for (const question of frameworkQuestions(framework)) {
      if (isScoredQuestion(question)) keys.add(question.key);
      if (question.dependsOn) keys.add(question.dependsOn.question);
    }
  return keys;
}

/** The answers to `keys`, as a map (unanswered keys are absent). */
export function pickAnswers(answers: AnswersByKey, keys: ReadonlySet<string>): ReadonlyMap<string, AnswerValue> {
  const picked = new Map<string, AnswerValue>();
  for (const key of keys) {
    const value = answerOf(answers, key);
    if (value !== undefined && value !== null) picked.set(key, value);
  }
  return picked;
}

/** Same keys with equal values (choice lists compared item by item). */
export function sameAnswers(a: ReadonlyMap<string, AnswerValue>, b: ReadonlyMap<string, AnswerValue>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const [key, value] of a) {
    const other = b.get(key);
    if (value === other) continue;
    if (!Array.isArray(value) || !Array.isArray(other) || value.length !== other.length) return false;
    if (value.some((item, index) => item !== other[index])) return false;
  }
  return true;
}

type Statuses = Readonly<Partial<Record<string, RequirementStatus>>> | undefined;

/** Same requirements with the same kind of status (a justification being typed changes no score). */
export function sameStatuses(a: Statuses, b: Statuses): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key]?.kind === b[key]?.kind);
}
