import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { evidenceEn } from './evidence-en';
import { evidenceFr } from './evidence-fr';

/** The shape of the evidence texts: exactly the keys of the English ones. */
export type EvidenceDictionary = Widen<typeof evidenceEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    evidence: EvidenceDictionary;
  }
}

/** Registers the evidence texts; part of the lazy route of the page that shows the evidence zone. */
export function provideEvidenceI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(I18n).register({ en: { evidence: evidenceEn }, fr: { evidence: evidenceFr } });
  });
}
