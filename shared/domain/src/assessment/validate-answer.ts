import { MATURITY_LEVELS, YES_PARTIAL_NO_VALUES } from '../catalog/catalog.constants';
import type {
  ChoiceOption,
  DateQuestion,
  DurationQuestion,
  MaturityQuestion,
  MultipleChoiceQuestion,
  NumberQuestion,
  PercentageQuestion,
  QuestionDefinition,
  RequirementDefinition,
  SingleChoiceQuestion,
  TextQuestion,
  UrlQuestion,
  YesPartialNoQuestion,
} from '../catalog/catalog.types';
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
 * Why an answer was refused. Stable ids: the UI translates them; the API returns them with the
 * English message.
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

export type AnswerValidationResult<V extends AnswerValue = AnswerValue> =
  { ok: true; value: V } | { ok: false; rule: AnswerRule; message: string };

/** Why a requirement status was refused; `not-allowed` = an alternative where none is allowed. */
export const REQUIREMENT_STATUS_RULES = ['type', 'kind', 'not-allowed', 'length'] as const;
export type RequirementStatusRule = (typeof REQUIREMENT_STATUS_RULES)[number];

export type RequirementStatusValidationResult =
  { ok: true; value: RequirementStatus } | { ok: false; rule: RequirementStatusRule; message: string };

type Failure = { ok: false; rule: AnswerRule; message: string };
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
      return validateYesPartialNo(question, value);
    case 'maturity':
      return validateMaturity(question, value);
    case 'single-choice':
      return validateSingleChoice(question, value);
    case 'multiple-choice':
      return validateMultipleChoice(question, value);
    case 'number':
    case 'percentage':
    case 'duration':
      return validateMetric(question, value);
    case 'date':
      return validateDate(question, value);
    case 'text':
      return validateText(question, value);
    case 'url':
      return validateUrl(question, value);
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
  const key = requirement.key;
  const refuse = (rule: RequirementStatusRule, message: string): RequirementStatusValidationResult => ({
    ok: false,
    rule,
    message: `${key}: ${message}`,
  });
  if (!isPlainObject(status))
    return refuse('type', `expected { kind, justification }, got ${describe(status)}`);
  const extra = Object.keys(status).filter((name) => name !== 'kind' && name !== 'justification');
  if (extra.length > 0)
    return refuse('type', `unexpected field ${extra.map((name) => JSON.stringify(name)).join(', ')}`);
  const kind = status['kind'];
  if (!isOneOf(REQUIREMENT_STATUS_KINDS, kind))
    return refuse('kind', `${describe(kind)} is not a requirement status (not-applicable or alternative)`);
  if (kind === 'alternative' && requirement.allowsAlternative !== true)
    return refuse('not-allowed', 'this requirement does not accept an alternative measure');
  const justification = status['justification'];
  if (typeof justification !== 'string')
    return refuse('type', `expected the justification as text, got ${describe(justification)}`);
  const normalized = justification.trim().normalize('NFC');
  const length = codePointLength(normalized);
  if (length < JUSTIFICATION_MIN_LENGTH)
    return refuse(
      'length',
      `the justification is ${plural(length, 'character')} long, below the minimum of ${JUSTIFICATION_MIN_LENGTH}`,
    );
  if (length > JUSTIFICATION_MAX_LENGTH)
    return refuse(
      'length',
      `the justification is ${plural(length, 'character')} long, above the maximum of ${thousands(JUSTIFICATION_MAX_LENGTH)}`,
    );
  return { ok: true, value: { kind, justification: normalized } };
}

function validateYesPartialNo(
  question: YesPartialNoQuestion,
  value: unknown,
): Result<AnswerValueByType['yes-partial-no']> {
  const choices = listOf(YES_PARTIAL_NO_VALUES);
  if (typeof value !== 'string')
    return refuse(question, 'type', `expected one of ${choices}, got ${describe(value)}`);
  if (!isOneOf(YES_PARTIAL_NO_VALUES, value))
    return refuse(question, 'option', `${describe(value)} is not one of ${choices}`);
  return { ok: true, value };
}

function validateMaturity(question: MaturityQuestion, value: unknown): Result<AnswerValueByType['maturity']> {
  const lowest = MATURITY_LEVELS[0];
  const highest = MATURITY_LEVELS[MATURITY_LEVELS.length - 1] ?? lowest;
  if (typeof value !== 'number' || !Number.isFinite(value))
    return refuse(
      question,
      'type',
      `expected a maturity level ${lowest}..${highest}, got ${describe(value)}`,
    );
  if (!Number.isInteger(value))
    return refuse(
      question,
      'integer',
      `${describe(value)} is not a whole maturity level (${lowest}..${highest})`,
    );
  const range = checkRange(question, value, lowest, highest, 'maturity level');
  return range ?? { ok: true, value: positiveZero(value) };
}

function validateSingleChoice(
  question: SingleChoiceQuestion,
  value: unknown,
): Result<AnswerValueByType['single-choice']> {
  if (typeof value !== 'string')
    return refuse(question, 'type', `expected one option value, got ${describe(value)}`);
  if (!question.options.some((option) => option.value === value)) return unknownOption(question, value);
  return { ok: true, value };
}

function validateMultipleChoice(
  question: MultipleChoiceQuestion,
  value: unknown,
): Result<AnswerValueByType['multiple-choice']> {
  if (!Array.isArray(value))
    return refuse(question, 'type', `expected a list of option values, got ${describe(value)}`);
  const items: unknown[] = value;
  const notText = items.find((item) => typeof item !== 'string');
  if (notText !== undefined || items.length !== items.filter((item) => typeof item === 'string').length)
    return refuse(question, 'type', `expected a list of option values, got ${describe(notText)} in the list`);
  const selected = items as string[];
  const optionsByValue = new Map<string, ChoiceOption>(
    question.options.map((option) => [option.value, option]),
  );
  const unknown = selected.find((item) => !optionsByValue.has(item));
  if (unknown !== undefined) return unknownOption(question, unknown);
  const duplicate = selected.find((item, index) => selected.indexOf(item) !== index);
  if (duplicate !== undefined)
    return refuse(question, 'duplicate', `${describe(duplicate)} is selected more than once`);
  const exclusive = selected.find((item) => optionsByValue.get(item)?.exclusive === true);
  if (exclusive !== undefined && selected.length > 1)
    return refuse(question, 'exclusive', `${describe(exclusive)} cannot be combined with other options`);
  if (selected.length === 0) {
    const none = question.options.find((option) => option.exclusive === true);
    if (none)
      return refuse(
        question,
        'length',
        `select at least one option (${describe(none.value)} when none of the others apply)`,
      );
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
  if (typeof value !== 'number') return refuse(question, 'type', `expected a number, got ${describe(value)}`);
  if (!Number.isFinite(value)) return refuse(question, 'type', `${describe(value)} is not a finite number`);
  const range =
    question.type === 'number'
      ? checkRange(question, value, question.min, question.max, question.unit)
      : question.type === 'percentage'
        ? checkRange(
            question,
            value,
            Math.max(PERCENTAGE_MIN, question.min ?? PERCENTAGE_MIN),
            Math.min(PERCENTAGE_MAX, question.max ?? PERCENTAGE_MAX),
            'percent',
          )
        : checkRange(question, value, Math.max(0, question.min ?? 0), question.max, question.unit);
  return range ?? { ok: true, value: positiveZero(value) };
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function validateDate(question: DateQuestion, value: unknown): Result<AnswerValueByType['date']> {
  if (typeof value !== 'string')
    return refuse(question, 'type', `expected a date as YYYY-MM-DD, got ${describe(value)}`);
  if (!isCalendarDate(value))
    return refuse(question, 'format', `${describe(value)} is not a real date in the format YYYY-MM-DD`);
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

function validateText(question: TextQuestion, value: unknown): Result<AnswerValueByType['text']> {
  if (typeof value !== 'string') return refuse(question, 'type', `expected text, got ${describe(value)}`);
  const normalized = value.trim().normalize('NFC');
  const length = codePointLength(normalized);
  if (length === 0) return refuse(question, 'length', 'the text is empty');
  if (length > TEXT_ANSWER_MAX_LENGTH)
    return refuse(
      question,
      'length',
      `the text is ${plural(length, 'character')} long, above the maximum of ${thousands(TEXT_ANSWER_MAX_LENGTH)}`,
    );
  // PostgreSQL text cannot hold U+0000.
  if (normalized.includes('\u0000')) return refuse(question, 'format', 'the text contains a NUL character');
  return { ok: true, value: normalized };
}

function validateUrl(question: UrlQuestion, value: unknown): Result<AnswerValueByType['url']> {
  if (typeof value !== 'string') return refuse(question, 'type', `expected a URL, got ${describe(value)}`);
  const trimmed = value.trim();
  if (trimmed.length === 0) return refuse(question, 'length', 'the URL is empty');
  if (trimmed.length > URL_ANSWER_MAX_LENGTH)
    return refuse(
      question,
      'length',
      `the URL is ${plural(trimmed.length, 'character')} long, above the maximum of ${thousands(URL_ANSWER_MAX_LENGTH)}`,
    );
  if (/\s/.test(trimmed)) return refuse(question, 'format', `${describe(trimmed)} contains whitespace`);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1];
  if (scheme === undefined) return refuse(question, 'format', `${describe(trimmed)} is not an absolute URL`);
  if (!isOneOf(URL_ANSWER_PROTOCOLS, `${scheme.toLowerCase()}:`) || !/^[a-z]+:\/\//i.test(trimmed))
    return refuse(question, 'format', `${describe(trimmed)} must start with http:// or https://`);
  const parsed = parseUrl(trimmed);
  if (!parsed || parsed.hostname === '')
    return refuse(question, 'format', `${describe(trimmed)} is not a valid URL`);
  if (parsed.username !== '' || parsed.password !== '')
    return refuse(question, 'format', `${describe(trimmed)} must not contain a user name or password`);
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
  question: QuestionDefinition,
  value: number,
  min: number | undefined,
  max: number | undefined,
  unit: string | undefined,
): Failure | undefined {
  const suffix = unit ? ` (${unit})` : '';
  if (min !== undefined && value < min)
    return refuse(question, 'range', `${describe(value)} is below the minimum of ${min}${suffix}`);
  if (max !== undefined && value > max)
    return refuse(question, 'range', `${describe(value)} is above the maximum of ${max}${suffix}`);
  return undefined;
}

function unknownOption(question: SingleChoiceQuestion | MultipleChoiceQuestion, value: string): Failure {
  const options = listOf(question.options.map((option) => option.value));
  return refuse(question, 'option', `${describe(value)} is not one of the options (${options})`);
}

function refuse(question: QuestionDefinition, rule: AnswerRule, message: string): Failure {
  return { ok: false, rule, message: `${question.key}: ${message}` };
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

const DESCRIBE_MAX_LENGTH = 60;

/** A short, safe rendering of any input for a message (long strings are cut). */
function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const cut = value.length > DESCRIBE_MAX_LENGTH ? `${value.slice(0, DESCRIBE_MAX_LENGTH)}…` : value;
    return JSON.stringify(cut);
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

/** `a, b or c` */
function listOf(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1] ?? ''}`;
}

function thousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function plural(count: number, noun: string): string {
  return `${thousands(count)} ${noun}${count === 1 ? '' : 's'}`;
}
