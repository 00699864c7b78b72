import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { identityEn } from './identity-en';
import { identityFr } from './identity-fr';

/** The shape of the identity texts: exactly the keys of the English ones. */
export type IdentityDictionary = Widen<typeof identityEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    identity: IdentityDictionary;
  }
}

export function registerIdentityI18n(i18n: I18n): void {
  i18n.register({ en: { identity: identityEn }, fr: { identity: identityFr } });
}

/** Registers the identity texts when the feature's routes load (out of the initial bundle). */
export function provideIdentityI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => registerIdentityI18n(inject(I18n)));
}
