import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { type ReportsDictionary, reportsEn } from './reports-en';
import { reportsFr } from './reports-fr';

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    reports: ReportsDictionary;
  }
}

/** Registers the reports texts; part of the lazy route of the page that shows the reports panel. */
export function provideReportsI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(I18n).register({ en: { reports: reportsEn }, fr: { reports: reportsFr } });
  });
}
