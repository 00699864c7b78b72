/**
 * The contract of the scoring engine: what it reads and what it returns. The engine is a pure
 * function (no I/O, no clock, no randomness): the same input gives the same result, byte for byte
 * once serialised with `canonicalJson`. The API, the worker and the browser all run it.
 */
import type {
  FrameworkDefinition,
  LocalizedText,
  MappingSetDefinition,
  RatingColor,
} from '../catalog/catalog.types';
import type { ServiceProfile } from '../catalog/service-profile';
import type { AnswersByKey, RequirementStatus } from '../assessment/answer-value';

/** Bumped whenever a rule changes a number: stored results say which engine computed them. */
export const SCORING_ENGINE_VERSION = '1.1.0';

export interface ScoringInput {
  /**
   * The assessment's framework versions, in the assessment's order. In mapping coverage the order
   * only breaks ties: of two `equal` requirements the earlier one covers the other, and among several
   * covering requirements the one of the earliest framework wins.
   */
  frameworks: readonly FrameworkDefinition[];
  profile: ServiceProfile;
  /** Question key → answer; unanswered questions are absent. */
  answers: AnswersByKey;
  /** Requirement key → requirement-level answer ("not applicable" or "equivalent alternative", justified). */
  requirementStatuses?: Readonly<Partial<Record<string, RequirementStatus>>>;
  /** Mapping sets; only those whose source and target are both among `frameworks` are used. */
  mappingSets?: readonly MappingSetDefinition[];
}

/**
 * How a requirement is settled, in this order of precedence:
 * - `not-applicable-profile`: its applicability expression is false for the service profile;
 * - `not-scored`: `scored: false` in the catalogue (context only);
 * - `declared-not-applicable`: the assessment says it does not apply, with a justification;
 * - `alternative`: an equivalent alternative measure, justified (only where `allowsAlternative`); scores as met;
 * - `mapping`: an applicable requirement of another framework of the assessment covers it — one that
 *   strictly contains it, in whichever framework, or an `equal` one of an earlier framework; it takes
 *   that requirement's score and its own questions are not asked;
 * - `answers`: scored from its own visible questions.
 */
export type RequirementBasis =
  'not-applicable-profile' | 'not-scored' | 'declared-not-applicable' | 'alternative' | 'mapping' | 'answers';

/** A requirement's outcome; `met` means a score of 1. Excluded ones (`not-applicable`, `not-scored`, `no-data`) count in no mean. */
export type RequirementOutcome =
  'met' | 'partially-met' | 'not-met' | 'not-applicable' | 'not-scored' | 'no-data';

export type QuestionCounting =
  | 'answered'
  /** A required visible question without an answer counts as 0 (drafts, previews). */
  | 'unanswered-required'
  | 'unanswered-optional'
  | 'hidden'
  | 'informational'
  /** A `not-applicable` answer to a yes-partial-no question. */
  | 'not-applicable-answer';

export interface QuestionResult {
  questionKey: string;
  counting: QuestionCounting;
  /** 0..1 when the question counts (`answered` or `unanswered-required`), else null. */
  score: number | null;
  weight: number;
}

export interface MappingReference {
  framework: string;
  version: string;
  requirementKey: string;
}

export interface RequirementResult {
  key: string;
  sectionKey: string;
  critical: boolean;
  weight: number;
  basis: RequirementBasis;
  outcome: RequirementOutcome;
  /** 0..1, exact; null when the requirement is excluded from the means. */
  score: number | null;
  /** `coveredBy` when `basis` is `mapping`. */
  coveredBy?: MappingReference;
  /**
   * When `basis` is `mapping`: the requirement at the end of the chain, settled by its own answers
   * or an alternative (the same as `coveredBy` unless the covering requirement is mapped too).
   */
  settledBy?: MappingReference;
  /** Critical, counted, and below its threshold. */
  criticalFailure: boolean;
  /** Empty unless `basis` is `answers`. */
  questions: QuestionResult[];
}

export interface RatingResult {
  key: string;
  color: RatingColor;
  label: LocalizedText;
}

export interface SectionResult {
  key: string;
  title: LocalizedText;
  /** 0..100 with one decimal; null when no requirement of the section counts. */
  score: number | null;
  /** The band the section score falls in (its traffic light); null with the score. */
  rating: RatingResult | null;
  countedRequirements: number;
}

export interface CriticalFailure {
  requirementKey: string;
  sectionKey: string;
  title: LocalizedText;
  /** 0..1 */
  score: number;
  /** 0..1 */
  threshold: number;
}

export interface Gap {
  requirementKey: string;
  sectionKey: string;
  title: LocalizedText;
  recommendation: LocalizedText;
  critical: boolean;
  weight: number;
  /** 0..1 */
  score: number;
  /** 1 − score */
  shortfall: number;
  /** weight × shortfall; gaps are ordered critical first, then by priority (descending), then catalogue order. */
  priority: number;
  /** The counted questions scoring below 1 (for a mapped requirement: the covering requirement's). */
  questionKeys: string[];
  coveredBy?: MappingReference;
}

export interface MappingCoverage {
  /** Requirements that count in this framework's score. */
  countedRequirements: number;
  /** Of those, how many took their score from a mapped requirement answered once. */
  viaMapping: number;
  /** Share of the counted weight that came from mappings, 0..100 with one decimal. */
  viaMappingWeightPercent: number;
}

export interface FrameworkResult {
  slug: string;
  version: string;
  title: LocalizedText;
  /** 0..100 with one decimal; null when no requirement counts. */
  score: number | null;
  /** The band after the critical cap; null with the score. */
  rating: RatingResult | null;
  /** True when a critical failure lowered the rating to the lowest band. */
  capped: boolean;
  sections: SectionResult[];
  requirements: RequirementResult[];
  /** Catalogue order. */
  criticalFailures: CriticalFailure[];
  gaps: Gap[];
  coverage: MappingCoverage;
}

export interface ScoringResult {
  engineVersion: string;
  frameworks: FrameworkResult[];
}
