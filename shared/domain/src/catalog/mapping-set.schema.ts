import { MAPPING_RELATIONSHIPS, MAX_MAPPING_STRENGTH } from './catalog.constants';
import { COMMON_SCHEMA_DEFS } from './framework.schema';

/** `<source-slug>--<target-slug>` */
export const MAPPING_SET_SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*--[a-z0-9]+(-[a-z0-9]+)*$';

const ref = (name: string) => ({ $ref: `#/$defs/${name}` });

export const MAPPING_SET_JSON_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://beacon.invalid/schemas/mapping-set.json',
  title: 'Beacon mapping set',
  type: 'object',
  required: ['kind', 'slug', 'version', 'title', 'source', 'target', 'mappings'],
  additionalProperties: false,
  properties: {
    kind: { const: 'mapping-set' },
    slug: { type: 'string', pattern: MAPPING_SET_SLUG_PATTERN },
    version: ref('semver'),
    title: ref('localizedText'),
    description: ref('localizedText'),
    source: ref('frameworkRef'),
    target: ref('frameworkRef'),
    mappings: { type: 'array', minItems: 1, items: ref('mapping') },
  },
  $defs: {
    ...COMMON_SCHEMA_DEFS,
    frameworkRef: {
      type: 'object',
      required: ['framework', 'version'],
      additionalProperties: false,
      properties: { framework: ref('kebabCase'), version: ref('semver') },
    },
    mapping: {
      type: 'object',
      required: ['source', 'target', 'relationship', 'strength', 'rationale'],
      additionalProperties: false,
      properties: {
        source: ref('requirementKey'),
        target: ref('requirementKey'),
        relationship: { type: 'string', enum: [...MAPPING_RELATIONSHIPS] },
        strength: { type: 'integer', minimum: 0, maximum: MAX_MAPPING_STRENGTH },
        rationale: ref('localizedText'),
      },
    },
  },
} as const;
