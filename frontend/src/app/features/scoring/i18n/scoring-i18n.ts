import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { type ScoreDictionary, scoreEn } from './score-en';
import { scoreFr } from './score-fr';

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    score: ScoreDictionary;
  }
}

/** Registers the score texts; part of the lazy routes of the pages that show a score. */
export function provideScoringI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(I18n).register({ en: { score: scoreEn }, fr: { score: scoreFr } });
  });
}
