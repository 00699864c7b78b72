import type { Locale, MappingRelationship, MappingSetDefinition } from '@beacon/domain';
import { deterministicUuid } from './deterministic-uuid';
import { BEACON_NS, OSCAL_VERSION, oscalId } from './oscal-catalog';

type Json = Record<string, unknown>;

/** Beacon's relationships in NIST IR 8477 set-theory terms. */
const RELATIONSHIP: Record<MappingRelationship, string> = {
  equal: 'equal-to',
  subset: 'subset-of',
  superset: 'superset-of',
  intersect: 'intersects-with',
};

export interface MappingSetForExport {
  set: MappingSetDefinition;
  contentHash: string;
  importedAt: Date;
}

/** Crosswalks as an OSCAL mapping collection: one mapping per set, one map per requirement pair. */
export function toOscalMappingCollection(sets: MappingSetForExport[], locale: Locale, title: string): Json {
  const lastModified = sets.reduce((max, s) => (s.importedAt > max ? s.importedAt : max), new Date(0));
  const identity = sets.map((s) => `${s.set.slug}@${s.set.version}:${s.contentHash}`).join('|');
  return {
    'mapping-collection': {
      uuid: deterministicUuid(`mapping-collection:${identity}:${locale}`),
      metadata: {
        title,
        'last-modified': (sets.length ? lastModified : new Date(0)).toISOString(),
        version: '1.0.0',
        'oscal-version': OSCAL_VERSION,
        props: [{ name: 'locale', value: locale, ns: BEACON_NS }],
      },
      provenance: {
        method: 'human',
        'matching-rationale': 'semantic',
        status: 'complete',
        'mapping-description': 'Requirement crosswalks written by Beacon editors from the frameworks’ texts.',
      },
      mappings: sets.map(({ set, contentHash }) => ({
        uuid: deterministicUuid(`mapping:${set.slug}@${set.version}:${contentHash}`),
        'source-resource': { type: 'catalog', href: `/api/v1/frameworks/${set.source.framework}/versions/${set.source.version}/oscal` },
        'target-resource': { type: 'catalog', href: `/api/v1/frameworks/${set.target.framework}/versions/${set.target.version}/oscal` },
        'mapping-description': set.title[locale],
        maps: set.mappings.map((m) => ({
          uuid: deterministicUuid(`map:${set.slug}@${set.version}:${m.source}->${m.target}`),
          relationship: RELATIONSHIP[m.relationship],
          'confidence-score': { percentage: m.strength / 10 },
          sources: [{ type: 'control', 'id-ref': oscalId(m.source) }],
          targets: [{ type: 'control', 'id-ref': oscalId(m.target) }],
          remarks: m.rationale[locale],
        })),
      })),
    },
  };
}
