import type { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { homeEn } from './home-en';
import { homeFr } from './home-fr';

/** The shape of the home page's texts: exactly the keys of the English ones. */
export type HomeDictionary = Widen<typeof homeEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    home: HomeDictionary;
  }
}

/** Registers the home page's texts (kept out of the initial bundle); harmless when repeated. */
export function registerHomeI18n(i18n: I18n): void {
  i18n.register({ en: { home: homeEn }, fr: { home: homeFr } });
}
