import type {
  DATE_PRECISIONS,
  DURATION_UNITS,
  LOCALES,
  MAPPING_RELATIONSHIPS,
  QUESTION_TYPES,
  RATING_COLORS,
  SCORING_DIRECTIONS,
  SOURCE_STATUSES,
} from './catalog.constants';
import type { ServiceFeature } from './service-profile';

export type Locale = (typeof LOCALES)[number];
export type QuestionType = (typeof QUESTION_TYPES)[number];
export type DatePrecision = (typeof DATE_PRECISIONS)[number];
export type DurationUnit = (typeof DURATION_UNITS)[number];
export type ScoringDirection = (typeof SCORING_DIRECTIONS)[number];
export type RatingColor = (typeof RATING_COLORS)[number];
export type SourceStatus = (typeof SOURCE_STATUSES)[number];
export type MappingRelationship = (typeof MAPPING_RELATIONSHIPS)[number];

export interface LocalizedText {
  en: string;
  fr: string;
}

/** A list of short items in both languages; both lists have the same length and order. */
export interface LocalizedList {
  en: string[];
  fr: string[];
}

/** A feature name, or a combination with `all`, `any` and `not`. */
export type ApplicabilityExpression =
  | ServiceFeature
  | { all: ApplicabilityExpression[] }
  | { any: ApplicabilityExpression[] }
  | { not: ApplicabilityExpression };

export interface RatingBand {
  key: string;
  /** Lowest overall score (0..100) that reaches this band. */
  min: number;
  color: RatingColor;
  label: LocalizedText;
}

export interface Reference {
  title: string;
  url: string;
}

/** An answer value a `dependsOn` condition can test: a choice value or a maturity level. */
export type DependsOnValue = string | number;

export interface DependsOn {
  /** Key of an earlier question of the same framework. */
  question: string;
  /** The question is shown only when that question's answer is one of these values. */
  values: DependsOnValue[];
}

export interface ChoiceOption {
  /** kebab-case, unique within the question. */
  value: string;
  label: LocalizedText;
  /** 0..1 */
  score: number;
  /** Multiple-choice only: selecting this option clears the others (e.g. "none of these"). */
  exclusive?: boolean;
}

export interface MetricBand {
  value: number;
  score: number;
}

/** Bands in order; the first band the answer reaches gives the score, otherwise 0. */
export interface MetricScoring {
  direction: ScoringDirection;
  bands: MetricBand[];
}

interface QuestionBase {
  key: string;
  prompt: LocalizedText;
  help?: LocalizedText;
  required: boolean;
  /** Defaults to 1. */
  weight?: number;
  /** `false` makes a normally scored question informational. */
  scored?: boolean;
  dependsOn?: DependsOn;
}

export interface YesPartialNoQuestion extends QuestionBase {
  type: 'yes-partial-no';
}

export interface MaturityQuestion extends QuestionBase {
  type: 'maturity';
}

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single-choice';
  options: ChoiceOption[];
}

export interface MultipleChoiceQuestion extends QuestionBase {
  type: 'multiple-choice';
  options: ChoiceOption[];
}

export interface NumberQuestion extends QuestionBase {
  type: 'number';
  unit?: string;
  min?: number;
  max?: number;
  scoring?: MetricScoring;
}

export interface PercentageQuestion extends QuestionBase {
  type: 'percentage';
  min?: number;
  max?: number;
  scoring?: MetricScoring;
}

export interface DurationQuestion extends QuestionBase {
  type: 'duration';
  unit: DurationUnit;
  min?: number;
  max?: number;
  scoring?: MetricScoring;
}

export interface DateQuestion extends QuestionBase {
  type: 'date';
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
}

export interface UrlQuestion extends QuestionBase {
  type: 'url';
}

export type ChoiceQuestion = SingleChoiceQuestion | MultipleChoiceQuestion;
export type MetricQuestion = NumberQuestion | PercentageQuestion | DurationQuestion;

export type QuestionDefinition =
  | YesPartialNoQuestion
  | MaturityQuestion
  | ChoiceQuestion
  | MetricQuestion
  | DateQuestion
  | TextQuestion
  | UrlQuestion;

export interface RequirementDefinition {
  key: string;
  title: LocalizedText;
  statement: LocalizedText;
  guidance: LocalizedText;
  critical: boolean;
  /** 0..1, only on critical requirements; defaults to DEFAULT_CRITICAL_THRESHOLD. */
  criticalThreshold?: number;
  /** Integer 1..5. */
  weight: number;
  /** Omitted: applies to every service. */
  applicability?: ApplicabilityExpression;
  allowsAlternative?: boolean;
  /** `false`: shown for context only and left out of every score (never critical). */
  scored?: boolean;
  evidence: LocalizedList;
  recommendation: LocalizedText;
  sourceStatus: SourceStatus;
  references: Reference[];
  questions: QuestionDefinition[];
}

export interface SectionDefinition {
  key: string;
  title: LocalizedText;
  description?: LocalizedText;
  requirements: RequirementDefinition[];
}

export interface FrameworkDefinition {
  kind: 'framework';
  slug: string;
  version: string;
  title: LocalizedText;
  description: LocalizedText;
  publisher: string;
  sourceUrl: string;
  /** ISO date, YYYY-MM-DD. */
  publishedOn: string;
  /** Defaults to 'day'; 'month' or 'year' when the source gives no exact date. */
  publishedOnPrecision?: DatePrecision;
  /** Best to worst, `min` strictly descending, the last one at 0. */
  ratingBands: RatingBand[];
  sections: SectionDefinition[];
}

export interface FrameworkRef {
  framework: string;
  version: string;
}

export interface MappingDefinition {
  source: string;
  target: string;
  /** Source relative to target: `superset` = the source covers everything the target asks, and more. */
  relationship: MappingRelationship;
  /** Integer 0..10. */
  strength: number;
  rationale: LocalizedText;
}

export interface MappingSetDefinition {
  kind: 'mapping-set';
  slug: string;
  version: string;
  title: LocalizedText;
  description?: LocalizedText;
  source: FrameworkRef;
  target: FrameworkRef;
  mappings: MappingDefinition[];
}

export interface ValidationProblem {
  /** JSON pointer into the document ('' is the document itself). */
  path: string;
  message: string;
}

export interface CatalogProblem extends ValidationProblem {
  file: string;
}

export type ValidationResult<T, P extends ValidationProblem = ValidationProblem> =
  { ok: true; value: T } | { ok: false; problems: P[] };
