import type { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { statusEn } from './status-en';
import { statusFr } from './status-fr';

/** The shape of the status page's texts: exactly the keys of the English ones. */
export type StatusDictionary = Widen<typeof statusEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    status: StatusDictionary;
  }
}

/** Registers the status page's texts (kept out of the initial bundle); harmless when repeated. */
export function registerStatusI18n(i18n: I18n): void {
  i18n.register({ en: { status: statusEn }, fr: { status: statusFr } });
}
