import { type MappingResponse } from '@beacon/contracts';
import { type LocalizedText, type MappingRelationship } from '@beacon/domain';

/** A link from a requirement of the open framework to a requirement of another framework. */
export interface Crosswalk {
  mappingSet: string;
  /** The other framework's slug, version and requirement key. */
  framework: string;
  version: string;
  requirement: string;
  /** Relationship of the open framework's requirement to the other one. */
  relationship: MappingRelationship;
  strength: number;
  rationale: LocalizedText;
}

/** The relationship seen from the target: if the source covers more than the target, the target covers less. */
const REVERSED: Readonly<Record<MappingRelationship, MappingRelationship>> = {
  equal: 'equal',
  subset: 'superset',
  superset: 'subset',
  intersect: 'intersect',
};

/**
 * Groups the crosswalks of framework `slug` at `version` by its requirement key, whether that
 * requirement is the mapping's source or its target. Duplicates (the same mapping loaded through
 * `?from=` and `?to=`) are kept once; each list is sorted by strength, strongest first.
 */
export function crosswalksByRequirement(
  slug: string,
  version: string,
  mappings: readonly MappingResponse[],
): Map<string, Crosswalk[]> {
  const byKey = new Map<string, Crosswalk[]>();
  const seen = new Set<string>();
  const add = (key: string, crosswalk: Crosswalk): void => {
    const id = `${crosswalk.mappingSet}|${key}|${crosswalk.framework}|${crosswalk.requirement}`;
    if (seen.has(id)) return;
    seen.add(id);
    const list = byKey.get(key) ?? [];
    list.push(crosswalk);
    byKey.set(key, list);
  };
  for (const mapping of mappings) {
    const common = {
      mappingSet: mapping.mappingSet.slug,
      strength: mapping.strength,
      rationale: mapping.rationale,
    };
    const { source, target } = mapping;
    if (source.framework === slug && source.version === version)
      add(source.requirement, { ...common, ...target, relationship: mapping.relationship });
    if (target.framework === slug && target.version === version)
      add(target.requirement, { ...common, ...source, relationship: REVERSED[mapping.relationship] });
  }
  for (const list of byKey.values())
    list.sort((a, b) => b.strength - a.strength || a.framework.localeCompare(b.framework));
  return byKey;
}
