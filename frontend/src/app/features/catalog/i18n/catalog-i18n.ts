import { type EnvironmentProviders, inject, provideEnvironmentInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { I18n } from '../../../core/i18n/i18n';
import { type Widen } from '../../../core/i18n/translations';
import { catalogEn } from './catalog-en';
import { catalogFr } from './catalog-fr';

/** The shape of the catalogue texts: exactly the keys of the English ones. */
export type CatalogDictionary = Widen<typeof catalogEn>;

declare module '../../../core/i18n/translations' {
  interface FeatureDictionaries {
    catalog: CatalogDictionary;
  }
}

/** Icons only the catalogue uses (Material Icons, Apache-2.0), registered when it loads. */
const CATALOG_ICONS: Readonly<Record<string, string>> = {
  download: 'M19 9h-4V3H9v6H5l7 7 7-7zM5 18v2h14v-2H5z',
  'open-in-new':
    'M19 19H5V5h7V3H5c-1.11 0-2 .9-2 2v14c0 1.1.89 2 2 2h14c1.1 0 2-.9 2-2v-7h-2v7zM14 3v2h3.59l-9.83 9.83 1.41 1.41L19 6.41V10h2V3h-7z',
  warning: 'M1 21h22L12 2 1 21zm12-3h-2v-2h2v2zm0-4h-2v-4h2v4z',
};

/**
 * Registers the catalogue's texts and icons. Part of the lazy `frameworks` route, so neither weighs
 * on the initial bundle.
 */
export function provideCatalogI18n(): EnvironmentProviders {
  return provideEnvironmentInitializer(() => {
    inject(I18n).register({ en: { catalog: catalogEn }, fr: { catalog: catalogFr } });
    const registry = inject(MatIconRegistry);
    const sanitizer = inject(DomSanitizer);
    for (const [name, path] of Object.entries(CATALOG_ICONS)) {
      // Constant markup written above, never user input.
      const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" fill="currentColor"><path d="${path}"/></svg>`;
      registry.addSvgIconLiteral(name, sanitizer.bypassSecurityTrustHtml(svg));
    }
  });
}
