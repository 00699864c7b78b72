import { MATURITY_LEVELS, YES_PARTIAL_NO_VALUES } from '../catalog/catalog.constants';
import type {
  ChoiceOption,
  DurationQuestion,
  MultipleChoiceQuestion,
  NumberQuestion,
  PercentageQuestion,
  QuestionDefinition,
  RequirementDefinition,
  SingleChoiceQuestion,
} from '../catalog/catalog.types';
import { cutText, showValue, type Problem, type ShownValue } from '../problem';
import {
  JUSTIFICATION_MAX_LENGTH,
  JUSTIFICATION_MIN_LENGTH,
  PERCENTAGE_MAX,
  PERCENTAGE_MIN,
  REQUIREMENT_STATUS_KINDS,
  TEXT_ANSWER_MAX_LENGTH,
  URL_ANSWER_MAX_LENGTH,
  URL_ANSWER_PROTOCOLS,
  type AnswerValue,
  type AnswerValueByType,
  type RequirementStatus,
} from './answer-value';

/**
 * Why an answer was refused, broadly. Stable ids, sent by the API with each refusal:
 * - `type`: the wrong kind of value (a string for a number, a list for a single choice, …);
 * - `option`: not one of the question's options (or of yes / partial / no / not-applicable);
 * - `range`: a figure outside the question's bounds (0..4, 0..100, ≥ 0, `min`/`max`);
 * - `integer`: a fraction where a whole number is expected (maturity levels);
 * - `format`: a malformed date, URL or text;
 * - `length`: too short or too long (empty text, empty selection, over-long URL);
 * - `exclusive`: an `exclusive` option ("none of these") combined with other options;
 * - `duplicate`: the same option selected twice.
 */
export const ANSWER_RULES = [
  'type',
  'option',
  'range',
  'integer',
  'format',
  'length',
  'exclusive',
  'duplicate',
] as const;
export type AnswerRule = (typeof ANSWER_RULES)[number];

/**
 * Exactly why an answer was refused, with what its message needs; `answerMessage` writes it in
 * English or French. Texts from the input are cut (`cutText`), other values shown (`showValue`).
 */
export type AnswerProblem =
  | Problem<'CHOICE_EXPECTED', { readonly choices: readonly string[]; readonly got: ShownValue }>
  | Problem<'NOT_A_CHOICE', { readonly value: string; readonly choices: readonly string[] }>
  | Problem<
      'MATURITY_LEVEL_EXPECTED',
      { readonly min: number; readonly max: number; readonly got: ShownValue }
    >
  | Problem<
      'MATURITY_LEVEL_NOT_WHOLE',
      { readonly value: number; readonly min: number; readonly max: number }
    >
  | Problem<'OPTION_EXPECTED', { readonly got: ShownValue }>
  | Problem<'OPTION_LIST_EXPECTED', { readonly got: ShownValue }>
  | Problem<'OPTION_LIST_ITEM_NOT_TEXT', { readonly got: ShownValue }>
  | Problem<'UNKNOWN_OPTION', { readonly value: string; readonly options: readonly string[] }>
  | Problem<'OPTION_REPEATED', { readonly value: string }>
  | Problem<'EXCLUSIVE_OPTION_COMBINED', { readonly value: string }>
  | Problem<'NO_OPTION_SELECTED', { readonly none: string }>
  | Problem<'NUMBER_EXPECTED', { readonly got: ShownValue }>
  | Problem<'NUMBER_NOT_FINITE', { readonly value: string }>
  | Problem<'NUMBER_TOO_SMALL', { readonly value: number; readonly min: number; readonly unit?: string }>
  | Problem<'NUMBER_TOO_LARGE', { readonly value: number; readonly max: number; readonly unit?: string }>
  | Problem<'DATE_EXPECTED', { readonly got: ShownValue }>
  | Problem<'DATE_INVALID', { readonly value: string }>
  | Problem<'TEXT_EXPECTED', { readonly got: ShownValue }>
  | Problem<'TEXT_EMPTY', Record<string, never>>
  | Problem<'TEXT_TOO_LONG', { readonly length: number; readonly max: number }>
  | Problem<'TEXT_HAS_NUL', Record<string, never>>
  | Problem<'URL_EXPECTED', { readonly got: ShownValue }>
  | Problem<'URL_EMPTY', Record<string, never>>
  | Problem<'URL_TOO_LONG', { readonly length: number; readonly max: number }>
  | Problem<'URL_HAS_WHITESPACE', { readonly value: string }>
  | Problem<'URL_NOT_ABSOLUTE', { readonly value: string }>
  | Problem<'URL_NOT_HTTP', { readonly value: string }>
  | Problem<'URL_INVALID', { readonly value: string }>
  | Problem<'URL_HAS_CREDENTIALS', { readonly value: string }>;

export type AnswerValidationResult<V extends AnswerValue = AnswerValue> =
  { ok: true; value: V } | { ok: false; rule: AnswerRule; problem: AnswerProblem };

/** Why a requirement status was refused; `not-allowed` = an alternative where none is allowed. */
export const REQUIREMENT_STATUS_RULES = ['type', 'kind', 'not-allowed', 'length'] as const;
export type RequirementStatusRule = (typeof REQUIREMENT_STATUS_RULES)[number];

/** Exactly why a requirement status was refused; `requirementStatusMessage` writes it. */
export type RequirementStatusProblem =
  | Problem<'STATUS_OBJECT_EXPECTED', { readonly got: ShownValue }>
  | Problem<'STATUS_UNEXPECTED_FIELDS', { readonly fields: readonly string[] }>
  | Problem<'STATUS_KIND_UNKNOWN', { readonly got: ShownValue }>
  | Problem<'ALTERNATIVE_NOT_ALLOWED', Record<string, never>>
  | Problem<'JUSTIFICATION_TEXT_EXPECTED', { readonly got: ShownValue }>
  | Problem<'JUSTIFICATION_TOO_SHORT', { readonly length: number; readonly min: number }>
  | Problem<'JUSTIFICATION_TOO_LONG', { readonly length: number; readonly max: number }>;

export type RequirementStatusValidationResult =
  | { ok: true; value: RequirementStatus }
  | { ok: false; rule: RequirementStatusRule; problem: RequirementStatusProblem };

type Failure = { ok: false; rule: AnswerRule; problem: AnswerProblem };
type Result<V extends AnswerValue> = { ok: true; value: V } | Failure;

/**
 * Checks an answer against its question and returns it normalised: text trimmed and NFC-normalised,
 * URL trimmed, multiple-choice values in catalogue option order, `-0` as `0`. Values are never
 * coerced (`'3'` is not a number). Whether a question must be answered (`required`, `dependsOn`) is
 * not checked here — see `isQuestionVisible`.
 */
export function validateAnswer<Q extends QuestionDefinition>(
  question: Q,
  value: unknown,
): AnswerValidationResult<AnswerValueByType[Q['type']]>;
export function validateAnswer(question: QuestionDefinition, value: unknown): AnswerValidationResult {
  switch (question.type) {
    case 'yes-partial-no':
      return validateYesPartialNo(value);
    case 'maturity':
      return validateMaturity(value);
    case 'single-choice':
      return validateSingleChoice(question, value);
    case 'multiple-choice':
      return validateMultipleChoice(question, value);
    case 'number':
    case 'percentage':
    case 'duration':
      return validateMetric(question, value);
    case 'date':
      return validateDate(value);
    case 'text':
      return validateText(value);
    case 'url':
      return validateUrl(value);
  }
}

/**
 * Checks a requirement-level answer: `{ kind: 'not-applicable' | 'alternative', justification }`,
 * nothing else; `alternative` only when the requirement `allowsAlternative`; the justification is
 * trimmed, NFC-normalised and 10..5,000 code points long.
 */
export function validateRequirementStatus(
  requirement: RequirementDefinition,
  status: unknown,
): RequirementStatusValidationResult {
  const refuse = (
    rule: RequirementStatusRule,
    problem: RequirementStatusProblem,
  ): RequirementStatusValidationResult => ({ ok: false, rule, problem });
  if (!isPlainObject(status))
    return refuse('type', { code: 'STATUS_OBJECT_EXPECTED', params: { got: showValue(status) } });
  const extra = Object.keys(status).filter((name) => name !== 'kind' && name !== 'justification');
  if (extra.length > 0)
    return refuse('type', { code: 'STATUS_UNEXPECTED_FIELDS', params: { fields: extra.map(cutText) } });
  const kind = status['kind'];
  if (!isOneOf(REQUIREMENT_STATUS_KINDS, kind))
    return refuse('kind', { code: 'STATUS_KIND_UNKNOWN', params: { got: showValue(kind) } });
  if (kind === 'alternative' && requirement.allowsAlternative !== true)
    return refuse('not-allowed', { code: 'ALTERNATIVE_NOT_ALLOWED', params: {} });
  const justification = status['justification'];
  if (typeof justification !== 'string')
    return refuse('type', { code: 'JUSTIFICATION_TEXT_EXPECTED', params: { got: showValue(justification) } });
  const normalized = justification.trim().normalize('NFC');
  const length = codePointLength(normalized);
  if (length < JUSTIFICATION_MIN_LENGTH)
    return refuse('length', {
      code: 'JUSTIFICATION_TOO_SHORT',
      params: { length, min: JUSTIFICATION_MIN_LENGTH },
    });
  if (length > JUSTIFICATION_MAX_LENGTH)
    return refuse('length', {
      code: 'JUSTIFICATION_TOO_LONG',
      params: { length, max: JUSTIFICATION_MAX_LENGTH },
    });
  return { ok: true, value: { kind, justification: normalized } };
}

function validateYesPartialNo(value: unknown): Result<AnswerValueByType['yes-partial-no']> {
  const choices = YES_PARTIAL_NO_VALUES;
  if (typeof value !== 'string')
    return refuse('type', { code: 'CHOICE_EXPECTED', params: { choices, got: showValue(value) } });
  if (!isOneOf(YES_PARTIAL_NO_VALUES, value))
    return refuse('option', { code: 'NOT_A_CHOICE', params: { value: cutText(value), choices } });
  return { ok: true, value };
}

function validateMaturity(value: unknown): Result<AnswerValueByType['maturity']> {
  const min = MATURITY_LEVELS[0];
  const max = MATURITY_LEVELS[MATURITY_LEVELS.length - 1] ?? min;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return refuse('type', { code: 'MATURITY_LEVEL_EXPECTED', params: { min, max, got: showValue(value) } });
  if (!Number.isInteger(value))
    return refuse('integer', { code: 'MATURITY_LEVEL_NOT_WHOLE', params: { value, min, max } });
  const range = checkRange(value, min, max, 'maturity level');
  return range ?? { ok: true, value: positiveZero(value) };
}

function validateSingleChoice(
  question: SingleChoiceQuestion,
  value: unknown,
): Result<AnswerValueByType['single-choice']> {
  if (typeof value !== 'string')
    return refuse('type', { code: 'OPTION_EXPECTED', params: { got: showValue(value) } });
  if (!question.options.some((option) => option.value === value)) return unknownOption(question, value);
  return { ok: true, value };
}

function validateMultipleChoice(
  question: MultipleChoiceQuestion,
  value: unknown,
): Result<AnswerValueByType['multiple-choice']> {
  if (!Array.isArray(value))
    return refuse('type', { code: 'OPTION_LIST_EXPECTED', params: { got: showValue(value) } });
  const items: unknown[] = value;
  const notText = items.find((item) => typeof item !== 'string');
  if (notText !== undefined || items.length !== items.filter((item) => typeof item === 'string').length)
    return refuse('type', { code: 'OPTION_LIST_ITEM_NOT_TEXT', params: { got: showValue(notText) } });
  const selected = items as string[];
  const optionsByValue = new Map<string, ChoiceOption>(
    question.options.map((option) => [option.value, option]),
  );
  const unknown = selected.find((item) => !optionsByValue.has(item));
  if (unknown !== undefined) return unknownOption(question, unknown);
  const duplicate = selected.find((item, index) => selected.indexOf(item) !== index);
  if (duplicate !== undefined)
    return refuse('duplicate', { code: 'OPTION_REPEATED', params: { value: cutText(duplicate) } });
  const exclusive = selected.find((item) => optionsByValue.get(item)?.exclusive === true);
  if (exclusive !== undefined && selected.length > 1)
    return refuse('exclusive', { code: 'EXCLUSIVE_OPTION_COMBINED', params: { value: cutText(exclusive) } });
  if (selected.length === 0) {
    const none = question.options.find((option) => option.exclusive === true);
    if (none) return refuse('length', { code: 'NO_OPTION_SELECTED', params: { none: none.value } });
  }
  const chosen = new Set(selected);
  return {
    ok: true,
    value: question.options.filter((option) => chosen.has(option.value)).map((option) => option.value),
  };
}

function validateMetric(
  question: NumberQuestion | PercentageQuestion | DurationQuestion,
  value: unknown,
): Result<number> {
  if (typeof value !== 'number')
    return refuse('type', { code: 'NUMBER_EXPECTED', params: { got: showValue(value) } });
  if (!Number.isFinite(value))
    return refuse('type', { code: 'NUMBER_NOT_FINITE', params: { value: String(value) } });
  const range =
    question.type === 'number'
      ? checkRange(value, question.min, question.max, question.unit)
      : question.type === 'percentage'
        ? checkRange(
            value,
            Math.max(PERCENTAGE_MIN, question.min ?? PERCENTAGE_MIN),
            Math.min(PERCENTAGE_MAX, question.max ?? PERCENTAGE_MAX),
            'percent',
          )
        : checkRange(value, Math.max(0, question.min ?? 0), question.max, question.unit);
  return range ?? { ok: true, value: positiveZero(value) };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validateDate(value: unknown): Result<AnswerValueByType['date']> {
  if (typeof value !== 'string')
    return refuse('type', { code: 'DATE_EXPECTED', params: { got: showValue(value) } });
  if (!isCalendarDate(value))
    return refuse('format', { code: 'DATE_INVALID', params: { value: cutText(value) } });
  return { ok: true, value };
}

/** `YYYY-MM-DD` naming a day that exists (Gregorian leap years), without going through `Date`. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validateText(value: unknown): Result<AnswerValueByType['text']> {
  if (typeof value !== 'string')
    return refuse('type', { code: 'TEXT_EXPECTED', params: { got: showValue(value) } });
  const normalized = value.trim().normalize('NFC');
  const length = codePointLength(normalized);
  if (length === 0) return refuse('length', { code: 'TEXT_EMPTY', params: {} });
  if (length > TEXT_ANSWER_MAX_LENGTH)
    return refuse('length', { code: 'TEXT_TOO_LONG', params: { length, max: TEXT_ANSWER_MAX_LENGTH } });
  // PostgreSQL text cannot hold U+0000.
  if (normalized.includes('\u0000')) return refuse('format', { code: 'TEXT_HAS_NUL', params: {} });
  return { ok: true, value: normalized };
}

function validateUrl(value: unknown): Result<AnswerValueByType['url']> {
  if (typeof value !== 'string')
    return refuse('type', { code: 'URL_EXPECTED', params: { got: showValue(value) } });
  const trimmed = value.trim();
  if (trimmed.length === 0) return refuse('length', { code: 'URL_EMPTY', params: {} });
  if (trimmed.length > URL_ANSWER_MAX_LENGTH)
    return refuse('length', {
      code: 'URL_TOO_LONG',
      params: { length: trimmed.length, max: URL_ANSWER_MAX_LENGTH },
    });
  const shown = { value: cutText(trimmed) };
  if (/\s/.test(trimmed)) return refuse('format', { code: 'URL_HAS_WHITESPACE', params: shown });
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  if (scheme === undefined) return refuse('format', { code: 'URL_NOT_ABSOLUTE', params: shown });
  if (!isOneOf(URL_ANSWER_PROTOCOLS, `${scheme.toLowerCase()}:`) || !/^[a-z]+:\/\//i.test(trimmed))
    return refuse('format', { code: 'URL_NOT_HTTP', params: shown });
  const parsed = parseUrl(trimmed);
  if (!parsed || parsed.hostname === '') return refuse('format', { code: 'URL_INVALID', params: shown });
  if (parsed.username !== '' || parsed.password !== '')
    return refuse('format', { code: 'URL_HAS_CREDENTIALS', params: shown });
  return { ok: true, value: trimmed };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function checkRange(
  value: number,
  min: number | undefined,
  max: number | undefined,
  unit: string | undefined,
): Failure | undefined {
  const inUnit = unit === undefined ? {} : { unit };
  if (min !== undefined && value < min)
    return refuse('range', { code: 'NUMBER_TOO_SMALL', params: { value, min, ...inUnit } });
  if (max !== undefined && value > max)
    return refuse('range', { code: 'NUMBER_TOO_LARGE', params: { value, max, ...inUnit } });
  return undefined;
}

function unknownOption(question: SingleChoiceQuestion | MultipleChoiceQuestion, value: string): Failure {
  const options = question.options.map((option) => option.value);
  return refuse('option', { code: 'UNKNOWN_OPTION', params: { value: cutText(value), options } });
}

function refuse(rule: AnswerRule, problem: AnswerProblem): Failure {
  return { ok: false, rule, problem };
}

function isOneOf<T extends string>(values: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (values as readonly string[]).includes(value);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveZero(value: number): number {
  return Object.is(value, -0) ? 0 : value;
}

function codePointLength(text: string): number {
  let length = 0;
  for (const _ of text) length += 1;
  return length;
}
