/**
 * The values an assessment stores for catalogue questions and requirements. Pure and browser-safe:
 * the API validates with `validateAnswer` / `validateRequirementStatus` and the UI can give the same
 * answer while the user types.
 *
 * Value conventions, per question type (see shared/catalog/README.md):
 *
 * | type              | value                                                                                        |
 * | ----------------- | -------------------------------------------------------------------------------------------- |
 * | `yes-partial-no`  | `'yes'` \| `'partial'` \| `'no'` \| `'not-applicable'` (the README allows `not-applicable`)  |
 * | `maturity`        | integer 0..4 (`MATURITY_LEVELS`)                                                             |
 * | `single-choice`   | the `value` of one option                                                                    |
 * | `multiple-choice` | `string[]` of option values, no duplicates; an `exclusive` option stands alone; `[]` (none)  |
 * |                   | only when the question has no `exclusive` option — otherwise "none" is that option           |
 * | `number`          | finite number within `min`/`max` (the README does not ask for integers; `unit` is a label)   |
 * | `percentage`      | finite number 0..100, within `min`/`max`                                                     |
 * | `duration`        | finite number ≥ 0 in the question's `unit`, within `min`/`max`                               |
 * | `date`            | `'YYYY-MM-DD'`, a real proleptic-Gregorian calendar date (no time, no time zone)             |
 * | `text`            | string, trimmed and NFC-normalised, 1..10,000 code points, no NUL character                  |
 * | `url`             | absolute `http:`/`https:` URL with a host, no user name or password, no whitespace,          |
 * |                   | ≤ 2,048 characters after trimming                                                            |
 *
 * Values are never coerced: `'3'` is not a maturity level and `'42'` is not a number. An unanswered
 * question has no value at all (absent from the answers), never `null` or `''`.
 */
import type { YES_PARTIAL_NO_VALUES } from '../catalog/catalog.constants';
import type { QuestionType } from '../catalog/catalog.types';

export type YesPartialNoAnswer = (typeof YES_PARTIAL_NO_VALUES)[number];
/** Integer 0..4. */
export type MaturityAnswer = number;
/** The `value` of one of the question's options. */
export type SingleChoiceAnswer = string;
/** Option values, unique; in catalogue option order once validated. */
export type MultipleChoiceAnswer = string[];
export type NumberAnswer = number;
/** 0..100. */
export type PercentageAnswer = number;
/** A non-negative amount in the question's `unit`. */
export type DurationAnswer = number;
/** `YYYY-MM-DD`. */
export type DateAnswer = string;
export type TextAnswer = string;
export type UrlAnswer = string;

/** The answer value of each question type. */
export interface AnswerValueByType {
  'yes-partial-no': YesPartialNoAnswer;
  maturity: MaturityAnswer;
  'single-choice': SingleChoiceAnswer;
  'multiple-choice': MultipleChoiceAnswer;
  number: NumberAnswer;
  percentage: PercentageAnswer;
  duration: DurationAnswer;
  date: DateAnswer;
  text: TextAnswer;
  url: UrlAnswer;
}

/** Any answer to a question; which one depends on the question's `type` ({@link AnswerValueByType}). */
export type AnswerValue = AnswerValueByType[QuestionType];

/** Answers of one assessment, by question key; an unanswered question is absent. */
export type AnswersByKey = Readonly<Partial<Record<string, AnswerValue>>> | ReadonlyMap<string, AnswerValue>;

export const TEXT_ANSWER_MAX_LENGTH = 10_000;
export const URL_ANSWER_MAX_LENGTH = 2_048;
export const URL_ANSWER_PROTOCOLS = ['http:', 'https:'] as const;
export const PERCENTAGE_MIN = 0;
export const PERCENTAGE_MAX = 100;

/** Requirement-level answers that replace the answers to its questions. */
export const REQUIREMENT_STATUS_KINDS = ['not-applicable', 'alternative'] as const;
export type RequirementStatusKind = (typeof REQUIREMENT_STATUS_KINDS)[number];

export const JUSTIFICATION_MIN_LENGTH = 10;
export const JUSTIFICATION_MAX_LENGTH = 5_000;

/**
 * A requirement-level answer, with a justification (trimmed, NFC, 10..5,000 code points):
 * - `not-applicable`: the requirement does not apply to the service, and why;
 * - `alternative`: an equivalent alternative measure is in place — only on requirements with
 *   `allowsAlternative: true`.
 */
export type RequirementStatus =
  { kind: 'not-applicable'; justification: string } | { kind: 'alternative'; justification: string };
