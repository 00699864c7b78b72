import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { verifyEn } from './verify-en';
import { verifyFr } from './verify-fr';

/** The shape of the verification page's texts: exactly the keys of the English ones. */
export type VerifyDictionary = Widen<typeof verifyEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    verify: VerifyDictionary;
  }
}

/** Registers the verification page's texts; part of the lazy `verify` route. */
export function provideVerifyI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(I18n).register({ en: { verify: verifyEn }, fr: { verify: verifyFr } });
  });
}
