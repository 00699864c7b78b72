import { computed, signal } from '@angular/core';
import {
  type Sector,
  type ServiceFeature,
  type ServiceProfile,
  type SizeBand,
  emptyServiceFeatures,
} from '@beacon/domain';

/** Splits a comma-separated list: trimmed, de-duplicated, empty items dropped. */
export function splitList(text: string, normalise: (item: string) => string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((item) => normalise(item.trim()))
        .filter((item) => item !== ''),
    ),
  ];
}

const JURISDICTION = /^[A-Z]{2}$/;
const LANGUAGE = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/;

/**
 * A service profile being edited (the wizard's second step, the profile dialog): the fields as the
 * user types them, and the profile they make, or `null` while a list is empty or malformed.
 */
export class ProfileDraft {
  readonly features = signal<Record<ServiceFeature, boolean>>(emptyServiceFeatures());
  readonly sizeBand = signal<SizeBand>('small');
  readonly sector = signal<Sector>('social-media');
  readonly jurisdictions = signal('US');
  readonly languages = signal('en');

  readonly profile = computed<ServiceProfile | null>(() => {
    const jurisdictions = splitList(this.jurisdictions(), (item) => item.toUpperCase());
    const languages = splitList(this.languages(), (item) => item.toLowerCase());
    if (jurisdictions.length === 0 || !jurisdictions.every((item) => JURISDICTION.test(item))) return null;
    if (languages.length === 0 || !languages.every((item) => LANGUAGE.test(item))) return null;
    return {
      features: this.features(),
      sizeBand: this.sizeBand(),
      sector: this.sector(),
      jurisdictions,
      languages,
    };
  });

  /** A draft holding an existing profile. */
  static of(profile: ServiceProfile): ProfileDraft {
    const draft = new ProfileDraft();
    draft.features.set({ ...emptyServiceFeatures(), ...profile.features });
    draft.sizeBand.set(profile.sizeBand);
    draft.sector.set(profile.sector);
    draft.jurisdictions.set(profile.jurisdictions.join(', '));
    draft.languages.set(profile.languages.join(', '));
    return draft;
  }

  toggleFeature(feature: ServiceFeature, checked: boolean): void {
    this.features.update((features) => ({ ...features, [feature]: checked }));
  }
}
