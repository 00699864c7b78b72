import type { LocalizedText } from './catalog.types';

export const LOCALES = ['en', 'fr'] as const;

export const QUESTION_TYPES = [
  'yes-partial-no',
  'maturity',
  'single-choice',
  'multiple-choice',
  'number',
  'percentage',
  'duration',
  'date',
  'text',
  'url',
] as const;

/** Question types whose answers are picked from `options`. */
export const CHOICE_QUESTION_TYPES = ['single-choice', 'multiple-choice'] as const;

/** Question types answered with a figure; scored only when they carry `scoring` bands. */
export const METRIC_QUESTION_TYPES = ['number', 'percentage', 'duration'] as const;

/** Question types that are never scored (context for reviewers). */
export const INFORMATIONAL_QUESTION_TYPES = ['date', 'text', 'url'] as const;

/** Answers of a `yes-partial-no` question. */
export const YES_PARTIAL_NO_VALUES = ['yes', 'partial', 'no', 'not-applicable'] as const;

/** `not-applicable` (the surface the question asks about does not exist) is left out of the score. */
export const YES_PARTIAL_NO_SCORES: Readonly<Record<(typeof YES_PARTIAL_NO_VALUES)[number], number | null>> =
  {
    yes: 1,
    partial: 0.5,
    no: 0,
    'not-applicable': null,
  };

/** Answers of a `maturity` question: level 0..4, scored level / 4. */
export const MATURITY_LEVELS = [0, 1, 2, 3, 4] as const;

export const MATURITY_LEVEL_LABELS: Readonly<Record<(typeof MATURITY_LEVELS)[number], LocalizedText>> = {
  0: { en: 'Not in place', fr: 'Inexistant' },
  1: { en: 'Ad hoc, depends on individuals', fr: 'Ponctuel, dépend des personnes' },
  2: { en: 'Documented but not applied everywhere', fr: 'Documenté mais pas appliqué partout' },
  3: { en: 'Applied consistently across the service', fr: 'Appliqué de façon cohérente sur tout le service' },
  4: { en: 'Measured, reviewed and improved', fr: 'Mesuré, revu et amélioré' },
};

/** How precise `publishedOn` is: 'year' means only the year is known (the date is 1 January). */
export const DATE_PRECISIONS = ['day', 'month', 'year'] as const;

export const DURATION_UNITS = ['minutes', 'hours', 'days'] as const;

export const SCORING_DIRECTIONS = ['higher-is-better', 'lower-is-better'] as const;

export const RATING_COLORS = ['green', 'amber', 'red'] as const;

/** How well a requirement is sourced: [V] verified, [S] secondary, [B] summary-only, [M] unverified. */
export const SOURCE_STATUSES = ['verified', 'secondary', 'summary-only', 'unverified'] as const;

/** Relationship of a mapping's source requirement to its target requirement. */
export const MAPPING_RELATIONSHIPS = ['equal', 'subset', 'superset', 'intersect'] as const;

/**
 * A critical requirement scoring below this ratio (0..1) counts as failed and caps the framework
 * rating at its lowest band, unless the requirement sets its own `criticalThreshold`.
 */
export const DEFAULT_CRITICAL_THRESHOLD = 0.5;

export const DEFAULT_QUESTION_WEIGHT = 1;

export const MAX_MAPPING_STRENGTH = 10;
