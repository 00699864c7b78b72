import {
  CHOICE_QUESTION_TYPES,
  INFORMATIONAL_QUESTION_TYPES,
  MATURITY_LEVELS,
  METRIC_QUESTION_TYPES,
  QUESTION_TYPES,
  YES_PARTIAL_NO_VALUES,
} from './catalog.constants';
import type { DependsOnValue, ValidationProblem } from './catalog.types';
import type { JsonObject, Located } from './json-guards';
import { arrayAt, isJsonObject, numberAt, objectsAt, stringAt } from './json-guards';

/**
 * Checks a framework document beyond its JSON Schema. Works on unvalidated input (parts with the
 * wrong shape are skipped, the schema reports them) so that every problem is reported at once.
 */
export function frameworkSemanticProblems(document: unknown): ValidationProblem[] {
  if (!isJsonObject(document)) return [];
  const root: Located<JsonObject> = { value: document, path: '' };
  const sections = objectsAt(root, 'sections');
  const requirements = sections.flatMap((section) => objectsAt(section, 'requirements'));
  return [
    ...ratingBandProblems(objectsAt(root, 'ratingBands')),
    ...duplicateProblems(sections, 'key', 'section key'),
    ...duplicateProblems(requirements, 'key', 'requirement key'),
    ...requirements.flatMap(requirementProblems),
    ...questionProblems(requirements),
  ];
}

/** Whether a question of this type can contribute to a score at all. */
export function questionTypeCanBeScored(type: string, hasScoringBands: boolean): boolean {
  if (includes(INFORMATIONAL_QUESTION_TYPES, type)) return false;
  if (includes(METRIC_QUESTION_TYPES, type)) return hasScoringBands;
  return true;
}

export function duplicateProblems(
  items: Located<JsonObject>[],
  property: string,
  label: string,
): ValidationProblem[] {
  const firstPaths = new Map<string, string>();
  const problems: ValidationProblem[] = [];
  for (const item of items) {
    const value = stringAt(item.value, property);
    if (value === undefined) continue;
    const firstPath = firstPaths.get(value);
    if (firstPath === undefined) firstPaths.set(value, item.path);
    else
      problems.push({
        path: `${item.path}/${property}`,
        message: `duplicate ${label} "${value}" (first at ${firstPath})`,
      });
  }
  return problems;
}

function ratingBandProblems(bands: Located<JsonObject>[]): ValidationProblem[] {
  const problems = duplicateProblems(bands, 'key', 'rating band key');
  bands.forEach((band, index) => {
    const min = numberAt(band.value, 'min');
    const previous = bands[index - 1];
    const previousMin = previous && numberAt(previous.value, 'min');
    if (min !== undefined && previousMin !== undefined && min >= previousMin) {
      problems.push({
        path: `${band.path}/min`,
        message: `rating bands must be ordered best to worst with strictly descending min; ${min} is not below ${previousMin}`,
      });
    }
  });
  const last = bands[bands.length - 1];
  if (last && numberAt(last.value, 'min') !== 0) {
    problems.push({ path: `${last.path}/min`, message: 'the last (lowest) rating band must have min 0' });
  }
  return problems;
}

function requirementProblems(requirement: Located<JsonObject>): ValidationProblem[] {
  const { value, path } = requirement;
  const problems: ValidationProblem[] = [];
  if (value['criticalThreshold'] !== undefined && value['critical'] !== true) {
    problems.push({
      path: `${path}/criticalThreshold`,
      message: 'criticalThreshold is only allowed on critical requirements',
    });
  }
  if (value['scored'] === false && value['critical'] === true) {
    problems.push({
      path: `${path}/critical`,
      message: 'a requirement with scored: false cannot be critical',
    });
  }
  problems.push(...evidenceProblems(requirement));
  const questions = objectsAt(requirement, 'questions');
  if (
    value['scored'] !== false &&
    questions.length > 0 &&
    !questions.some((q) => isScoredQuestionObject(q.value))
  ) {
    problems.push({
      path: `${path}/questions`,
      message: 'no question can be scored; add a scored question or set scored: false on the requirement',
    });
  }
  return problems;
}

function evidenceProblems(requirement: Located<JsonObject>): ValidationProblem[] {
  const evidence = requirement.value['evidence'];
  if (!isJsonObject(evidence)) return [];
  const en = arrayAt(evidence, 'en');
  const fr = arrayAt(evidence, 'fr');
  if (!en || !fr || en.length === fr.length) return [];
  return [
    {
      path: `${requirement.path}/evidence`,
      message: `evidence lists differ in length: en has ${en.length} items, fr has ${fr.length}`,
    },
  ];
}

function isScoredQuestionObject(question: JsonObject): boolean {
  const type = stringAt(question, 'type') ?? '';
  return question['scored'] !== false && questionTypeCanBeScored(type, isJsonObject(question['scoring']));
}

interface QuestionInContext extends Located<JsonObject> {
  requirementKey: string | undefined;
}

function questionProblems(requirements: Located<JsonObject>[]): ValidationProblem[] {
  const questions: QuestionInContext[] = requirements.flatMap((requirement) =>
    objectsAt(requirement, 'questions').map((question) => ({
      ...question,
      requirementKey: stringAt(requirement.value, 'key'),
    })),
  );
  const problems = duplicateProblems(questions, 'key', 'question key');
  const allKeys = new Set(questions.map((question) => stringAt(question.value, 'key')));
  const earlier = new Map<string, JsonObject>();
  for (const question of questions) {
    problems.push(
      ...questionKeyProblems(question),
      ...optionProblems(question),
      ...metricProblems(question),
      ...scoredFlagProblems(question),
      ...dependsOnProblems(question, earlier, allKeys),
    );
    const key = stringAt(question.value, 'key');
    if (key !== undefined && !earlier.has(key)) earlier.set(key, question.value);
  }
  return problems;
}

function questionKeyProblems(question: QuestionInContext): ValidationProblem[] {
  const key = stringAt(question.value, 'key');
  if (key === undefined || question.requirementKey === undefined) return [];
  const prefix = `${question.requirementKey}-q`;
  if (key.startsWith(prefix) && /^[1-9][0-9]*$/.test(key.slice(prefix.length))) return [];
  return [
    {
      path: `${question.path}/key`,
      message: `question key "${key}" must be "${prefix}<n>" (its requirement key, "-q" and a number)`,
    },
  ];
}

function optionProblems(question: Located<JsonObject>): ValidationProblem[] {
  const type = stringAt(question.value, 'type') ?? '';
  if (!includes(CHOICE_QUESTION_TYPES, type)) return [];
  const options = objectsAt(question, 'options');
  const problems = duplicateProblems(options, 'value', 'option value');
  if (question.value['scored'] !== false && options.length > 0 && !canReachFullScore(type, options)) {
    problems.push({
      path: `${question.path}/options`,
      message:
        type === 'single-choice'
          ? 'no option gives the full score 1'
          : 'the scores of the non-exclusive options add up to less than 1, so the full score cannot be reached',
    });
  }
  return problems;
}

function canReachFullScore(type: string, options: Located<JsonObject>[]): boolean {
  const scores = options
    .filter((option) => type === 'single-choice' || option.value['exclusive'] !== true)
    .map((option) => numberAt(option.value, 'score') ?? 0);
  const best = type === 'single-choice' ? Math.max(...scores) : scores.reduce((sum, score) => sum + score, 0);
  return best >= 1 - 1e-9;
}

function metricProblems(question: Located<JsonObject>): ValidationProblem[] {
  const type = stringAt(question.value, 'type') ?? '';
  if (!includes(METRIC_QUESTION_TYPES, type)) return [];
  const min = numberAt(question.value, 'min');
  const max = numberAt(question.value, 'max');
  const problems: ValidationProblem[] = [];
  if (min !== undefined && max !== undefined && min > max) {
    problems.push({ path: `${question.path}/min`, message: `min (${min}) is greater than max (${max})` });
  }
  const lower = min ?? (type === 'percentage' ? 0 : undefined);
  const upper = max ?? (type === 'percentage' ? 100 : undefined);
  problems.push(...scoringBandProblems(question, lower, upper));
  return problems;
}

function scoringBandProblems(
  question: Located<JsonObject>,
  lower: number | undefined,
  upper: number | undefined,
): ValidationProblem[] {
  const scoring = question.value['scoring'];
  if (!isJsonObject(scoring)) return [];
  const higherIsBetter = stringAt(scoring, 'direction') !== 'lower-is-better';
  const bands = objectsAt({ value: scoring, path: `${question.path}/scoring` }, 'bands');
  const problems: ValidationProblem[] = [];
  bands.forEach((band, index) => {
    const value = numberAt(band.value, 'value');
    const score = numberAt(band.value, 'score');
    if (value !== undefined && lower !== undefined && value < lower) {
      problems.push({
        path: `${band.path}/value`,
        message: `${value} is below the question's minimum ${lower}`,
      });
    }
    if (value !== undefined && upper !== undefined && value > upper) {
      problems.push({
        path: `${band.path}/value`,
        message: `${value} is above the question's maximum ${upper}`,
      });
    }
    const previous = bands[index - 1];
    if (!previous) return;
    const previousValue = numberAt(previous.value, 'value');
    const previousScore = numberAt(previous.value, 'score');
    if (
      value !== undefined &&
      previousValue !== undefined &&
      (higherIsBetter ? value >= previousValue : value <= previousValue)
    ) {
      problems.push({
        path: `${band.path}/value`,
        message: higherIsBetter
          ? `higher-is-better bands must have strictly descending values; ${value} is not below ${previousValue}`
          : `lower-is-better bands must have strictly ascending values; ${value} is not above ${previousValue}`,
      });
    }
    if (score !== undefined && previousScore !== undefined && score >= previousScore) {
      problems.push({
        path: `${band.path}/score`,
        message: `each band must give a lower score than the band before it; ${score} is not below ${previousScore}`,
      });
    }
  });
  return problems;
}

function scoredFlagProblems(question: Located<JsonObject>): ValidationProblem[] {
  if (question.value['scored'] !== true) return [];
  const type = stringAt(question.value, 'type') ?? '';
  if (questionTypeCanBeScored(type, isJsonObject(question.value['scoring']))) return [];
  return [
    {
      path: `${question.path}/scored`,
      message: includes(METRIC_QUESTION_TYPES, type)
        ? `a ${type} question can only be scored when it has scoring bands`
        : `a ${type} question is informational and cannot be scored`,
    },
  ];
}

function dependsOnProblems(
  question: Located<JsonObject>,
  earlier: ReadonlyMap<string, JsonObject>,
  allKeys: ReadonlySet<string | undefined>,
): ValidationProblem[] {
  const dependsOn = question.value['dependsOn'];
  if (!isJsonObject(dependsOn)) return [];
  const path = `${question.path}/dependsOn`;
  const targetKey = stringAt(dependsOn, 'question');
  if (targetKey === undefined) return [];
  const target = earlier.get(targetKey);
  if (!target) {
    const message = allKeys.has(targetKey)
      ? `refers to question "${targetKey}", which is not an earlier question of this framework`
      : `refers to unknown question "${targetKey}"`;
    return [{ path: `${path}/question`, message }];
  }
  const targetType = stringAt(target, 'type') ?? '';
  if (!includes(QUESTION_TYPES, targetType)) return []; // the schema reports the bad type
  const allowed = dependsOnValuesFor(target);
  if (!allowed) {
    return [
      {
        path: `${path}/question`,
        message: `cannot depend on a ${targetType} question; only yes-partial-no, maturity and choice questions can be conditions`,
      },
    ];
  }
  const values = arrayAt(dependsOn, 'values') ?? [];
  const problems: ValidationProblem[] = [];
  values.forEach((value, index) => {
    if (!allowed.includes(value as DependsOnValue)) {
      problems.push({
        path: `${path}/values/${index}`,
        message: `${JSON.stringify(value)} is not an answer of ${targetType} question "${targetKey}" (allowed: ${allowed.join(', ')})`,
      });
    }
  });
  return problems;
}

/** The answer values a condition on this question may test, or undefined if it cannot be a condition. */
function dependsOnValuesFor(target: JsonObject): readonly DependsOnValue[] | undefined {
  const type = stringAt(target, 'type');
  if (type === 'yes-partial-no') return YES_PARTIAL_NO_VALUES;
  if (type === 'maturity') return MATURITY_LEVELS;
  if (type === 'single-choice' || type === 'multiple-choice') {
    return (arrayAt(target, 'options') ?? []).flatMap((option) =>
      isJsonObject(option) && typeof option['value'] === 'string' ? [option['value']] : [],
    );
  }
  return undefined;
}

function includes(list: readonly string[], value: string): boolean {
  return list.includes(value);
}
