import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { assessmentsEn } from './assessments-en';
import { assessmentsFr } from './assessments-fr';

/** The shape of the assessments texts: exactly the keys of the English ones. */
export type AssessmentsDictionary = Widen<typeof assessmentsEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    assessments: AssessmentsDictionary;
  }
}

/** Registers the assessments texts; part of the lazy `assessments` route. */
export function provideAssessmentsI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(I18n).register({ en: { assessments: assessmentsEn }, fr: { assessments: assessmentsFr } });
  });
}
