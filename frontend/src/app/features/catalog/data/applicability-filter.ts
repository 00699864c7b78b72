import {
  type FrameworkDefinition,
  type RequirementDefinition,
  SERVICE_FEATURES,
  type SectionDefinition,
  type ServiceFeature,
  type ServiceProfile,
  appliesTo,
  emptyServiceFeatures,
} from '@beacon/domain';

/** The features offered in the "what applies to my service" filter, in display order. */
export const FILTER_FEATURES: readonly ServiceFeature[] = SERVICE_FEATURES;

export interface FilteredSection {
  section: SectionDefinition;
  /** The section's requirements the filter keeps, in catalogue order. */
  requirements: RequirementDefinition[];
}

export interface FilteredFramework {
  sections: FilteredSection[];
  /** Requirements shown. */
  shown: number;
  /** Requirements in the framework. */
  total: number;
}

/** A service that has exactly `features` and nothing else. */
export function profileWith(features: readonly ServiceFeature[]): ServiceProfile {
  const flags = emptyServiceFeatures();
  for (const feature of features) flags[feature] = true;
  return { features: flags, sizeBand: 'small', jurisdictions: ['US'], languages: ['en'], sector: 'other' };
}

/**
 * Whether the filter keeps a requirement: with no feature selected, every requirement; otherwise
 * those that apply to a service having exactly the selected features.
 */
export function isShown(requirement: RequirementDefinition, selected: readonly ServiceFeature[]): boolean {
  return selected.length === 0 || appliesTo(requirement.applicability, profileWith(selected));
}

/** The framework's sections with only the requirements the filter keeps; empty sections are left out. */
export function filterFramework(
  framework: FrameworkDefinition,
  selected: readonly ServiceFeature[],
): FilteredFramework {
  const profile = profileWith(selected);
  const keep = (requirement: RequirementDefinition): boolean =>
    selected.length === 0 || appliesTo(requirement.applicability, profile);
  let total = 0;
  const sections: FilteredSection[] = [];
  for (const section of framework.sections) {
    total += section.requirements.length;
    const requirements = section.requirements.filter(keep);
    if (requirements.length > 0 || selected.length === 0) sections.push({ section, requirements });
  }
  const shown = sections.reduce((sum, entry) => sum + entry.requirements.length, 0);
  return { sections, shown, total };
}

/** The features of a `?features=a,b` query value: known ones only, once each, in catalogue order. */
export function parseFeatures(value: string | null | undefined): ServiceFeature[] {
  const named = new Set((value ?? '').split(',').map((part) => part.trim()));
  return SERVICE_FEATURES.filter((feature) => named.has(feature));
}

/** The `?features=` value for a selection; `null` removes the parameter. */
export function formatFeatures(features: readonly ServiceFeature[]): string | null {
  const ordered = SERVICE_FEATURES.filter((feature) => features.includes(feature));
  return ordered.length === 0 ? null : ordered.join(',');
}
