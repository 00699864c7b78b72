import { canonicalJson, type FrameworkDefinition, type RequirementDefinition } from '@beacon/domain';

export interface FrameworkDiff {
  added: string[];
  removed: string[];
  changed: string[];
  /** Top-level fields (title, rating bands, sections' own texts…) that differ. */
  metadataChanged: string[];
}

function requirementsByKey(framework: FrameworkDefinition): Map<string, { section: string; requirement: RequirementDefinition }> {
  return new Map(
    framework.sections.flatMap((section) => section.requirements.map((r) => [r.key, { section: section.key, requirement: r }] as const)),
  );
}

/** What differs between two versions of a framework, requirement by requirement. */
export function diffFrameworks(from: FrameworkDefinition, to: FrameworkDefinition): FrameworkDiff {
  const before = requirementsByKey(from);
  const after = requirementsByKey(to);
  const added = [...after.keys()].filter((k) => !before.has(k));
  const removed = [...before.keys()].filter((k) => !after.has(k));
  const changed = [...after.keys()].filter((k) => {
    const a = before.get(k);
    const b = after.get(k);
    return a && b && (a.section !== b.section || canonicalJson(a.requirement) !== canonicalJson(b.requirement));
  });
  const metadataChanged: string[] = (['title', 'description', 'publisher', 'sourceUrl', 'publishedOn', 'ratingBands'] as const).filter(
    (field) => canonicalJson(from[field]) !== canonicalJson(to[field]),
  );
  const sectionShape = (f: FrameworkDefinition) => canonicalJson(f.sections.map((s) => ({ ...s, requirements: s.requirements.map((r) => r.key) })));
  if (sectionShape(from) !== sectionShape(to)) metadataChanged.push('sections');
  return { added, removed, changed, metadataChanged };
}

export function describeDiff(diff: FrameworkDiff): string {
  const parts = [
    diff.added.length ? `requirements added: ${diff.added.join(', ')}` : '',
    diff.removed.length ? `requirements removed: ${diff.removed.join(', ')}` : '',
    diff.changed.length ? `requirements changed: ${diff.changed.join(', ')}` : '',
    diff.metadataChanged.length ? `fields changed: ${diff.metadataChanged.join(', ')}` : '',
  ].filter(Boolean);
  return parts.join('; ') || 'formatting only';
}
