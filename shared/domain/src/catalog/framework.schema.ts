import {
  DATE_PRECISIONS,
  DURATION_UNITS,
  QUESTION_TYPES,
  RATING_COLORS,
  SCORING_DIRECTIONS,
  SOURCE_STATUSES,
} from './catalog.constants';
import type { QuestionType } from './catalog.types';
import { SERVICE_FEATURES } from './service-profile';

export const KEBAB_CASE_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';
export const SEMVER_PATTERN = '^(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(-[0-9A-Za-z.-]+)?$';
/** e.g. MSM-1, SBD-N-2, C3P-4 */
export const REQUIREMENT_KEY_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*$';
/** e.g. MSM-1-q2 */
export const QUESTION_KEY_PATTERN = '^[A-Z][A-Z0-9]*(-[A-Z0-9]+)*-q[1-9][0-9]*$';

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

const nonEmptyText = { type: 'string', minLength: 1, pattern: '\\S' };

/** Definitions shared by the framework and mapping-set schemas. */
export const COMMON_SCHEMA_DEFS = {
  localizedText: {
    type: 'object',
    required: ['en', 'fr'],
    additionalProperties: false,
    properties: { en: nonEmptyText, fr: nonEmptyText },
  },
  semver: { type: 'string', pattern: SEMVER_PATTERN },
  kebabCase: { type: 'string', pattern: KEBAB_CASE_PATTERN },
  requirementKey: { type: 'string', pattern: REQUIREMENT_KEY_PATTERN },
  httpUrl: { type: 'string', format: 'uri', pattern: '^https?://' },
};

const QUESTION_BASE_PROPERTIES = {
  key: { type: 'string', pattern: QUESTION_KEY_PATTERN },
  prompt: ref('localizedText'),
  help: ref('localizedText'),
  required: { type: 'boolean' },
  weight: { type: 'integer', minimum: 1, maximum: 5 },
  scored: { type: 'boolean' },
  dependsOn: ref('dependsOn'),
};

function questionBranch(
  type: QuestionType,
  extraProperties: Record<string, unknown> = {},
  extraRequired: string[] = [],
) {
  return {
    type: 'object',
    required: ['key', 'type', 'prompt', 'required', ...extraRequired],
    additionalProperties: false,
    properties: { ...QUESTION_BASE_PROPERTIES, type: { const: type }, ...extraProperties },
  };
}

const metricBounds = (minimum?: number, maximum?: number) => ({
  min: {
    type: 'number',
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  },
  max: {
    type: 'number',
    ...(minimum === undefined ? {} : { minimum }),
    ...(maximum === undefined ? {} : { maximum }),
  },
  scoring: ref('metricScoring'),
});

export const FRAMEWORK_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://beacon.invalid/schemas/framework.json',
  title: 'Beacon framework version',
  type: 'object',
  required: [
    'kind',
    'slug',
    'version',
    'title',
    'description',
    'publisher',
    'sourceUrl',
    'publishedOn',
    'ratingBands',
    'sections',
  ],
  additionalProperties: false,
  properties: {
    kind: { const: 'framework' },
    slug: ref('kebabCase'),
    version: ref('semver'),
    title: ref('localizedText'),
    description: ref('localizedText'),
    publisher: nonEmptyText,
    sourceUrl: ref('httpUrl'),
    publishedOn: { type: 'string', format: 'date' },
    publishedOnPrecision: { type: 'string', enum: [...DATE_PRECISIONS] },
    ratingBands: { type: 'array', minItems: 1, items: ref('ratingBand') },
    sections: { type: 'array', minItems: 1, items: ref('section') },
  },
  $defs: {
    ...COMMON_SCHEMA_DEFS,
    localizedList: {
      type: 'object',
      required: ['en', 'fr'],
      additionalProperties: false,
      properties: {
        en: { type: 'array', minItems: 1, items: nonEmptyText },
        fr: { type: 'array', minItems: 1, items: nonEmptyText },
      },
    },
    ratingBand: {
      type: 'object',
      required: ['key', 'min', 'color', 'label'],
      additionalProperties: false,
      properties: {
        key: ref('kebabCase'),
        min: { type: 'number', minimum: 0, maximum: 100 },
        color: { type: 'string', enum: [...RATING_COLORS] },
        label: ref('localizedText'),
      },
    },
    section: {
      type: 'object',
      required: ['key', 'title', 'requirements'],
      additionalProperties: false,
      properties: {
        key: ref('kebabCase'),
        title: ref('localizedText'),
        description: ref('localizedText'),
        requirements: { type: 'array', minItems: 1, items: ref('requirement') },
      },
    },
    requirement: {
      type: 'object',
      required: [
        'key',
        'title',
        'statement',
        'guidance',
        'critical',
        'weight',
        'evidence',
        'recommendation',
        'sourceStatus',
        'references',
        'questions',
      ],
      additionalProperties: false,
      properties: {
        key: ref('requirementKey'),
        title: ref('localizedText'),
        statement: ref('localizedText'),
        guidance: ref('localizedText'),
        critical: { type: 'boolean' },
        criticalThreshold: { type: 'number', minimum: 0, maximum: 1 },
        weight: { type: 'integer', minimum: 1, maximum: 5 },
        applicability: ref('applicability'),
        allowsAlternative: { type: 'boolean' },
        scored: { type: 'boolean' },
        evidence: ref('localizedList'),
        recommendation: ref('localizedText'),
        sourceStatus: { type: 'string', enum: [...SOURCE_STATUSES] },
        references: { type: 'array', minItems: 1, items: ref('reference') },
        questions: { type: 'array', minItems: 1, items: ref('question') },
      },
    },
    reference: {
      type: 'object',
      required: ['title', 'url'],
      additionalProperties: false,
      properties: { title: nonEmptyText, url: ref('httpUrl') },
    },
    /** A feature name, or an object with exactly one of `all`, `any`, `not`. */
    applicability: {
      if: { type: 'string' },
      then: { type: 'string', enum: [...SERVICE_FEATURES] },
      else: {
        type: 'object',
        minProperties: 1,
        maxProperties: 1,
        additionalProperties: false,
        properties: {
          all: { type: 'array', minItems: 1, items: ref('applicability') },
          any: { type: 'array', minItems: 1, items: ref('applicability') },
          not: ref('applicability'),
        },
      },
    },
    question: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string', enum: [...QUESTION_TYPES] } },
      discriminator: { propertyName: 'type' },
      oneOf: [
        questionBranch('yes-partial-no'),
        questionBranch('maturity'),
        questionBranch('single-choice', { options: { type: 'array', minItems: 2, items: ref('option') } }, [
          'options',
        ]),
        questionBranch(
          'multiple-choice',
          { options: { type: 'array', minItems: 2, items: ref('multipleChoiceOption') } },
          ['options'],
        ),
        questionBranch('number', { unit: nonEmptyText, ...metricBounds() }),
        questionBranch('percentage', metricBounds(0, 100)),
        questionBranch(
          'duration',
          { unit: { type: 'string', enum: [...DURATION_UNITS] }, ...metricBounds(0) },
          ['unit'],
        ),
        questionBranch('date'),
        questionBranch('text'),
        questionBranch('url'),
      ],
    },
    option: {
      type: 'object',
      required: ['value', 'label', 'score'],
      additionalProperties: false,
      properties: {
        value: ref('kebabCase'),
        label: ref('localizedText'),
        score: { type: 'number', minimum: 0, maximum: 1 },
      },
    },
    multipleChoiceOption: {
      type: 'object',
      required: ['value', 'label', 'score'],
      additionalProperties: false,
      properties: {
        value: ref('kebabCase'),
        label: ref('localizedText'),
        score: { type: 'number', minimum: 0, maximum: 1 },
        exclusive: { type: 'boolean' },
      },
    },
    metricScoring: {
      type: 'object',
      required: ['direction', 'bands'],
      additionalProperties: false,
      properties: {
        direction: { type: 'string', enum: [...SCORING_DIRECTIONS] },
        bands: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['value', 'score'],
            additionalProperties: false,
            properties: {
              value: { type: 'number' },
              score: { type: 'number', minimum: 0, maximum: 1 },
            },
          },
        },
      },
    },
    dependsOn: {
      type: 'object',
      required: ['question', 'values'],
      additionalProperties: false,
      properties: {
        question: { type: 'string', pattern: QUESTION_KEY_PATTERN },
        values: {
          type: 'array',
          minItems: 1,
          uniqueItems: true,
          items: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'integer' }] },
        },
      },
    },
  },
} as const;
