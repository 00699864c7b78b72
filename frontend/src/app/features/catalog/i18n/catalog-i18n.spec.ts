import { TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { leaves, placeholders } from '../../../core/i18n/testing';
import { catalogEn } from './catalog-en';
import { catalogFr } from './catalog-fr';
import { provideCatalogI18n } from './catalog-i18n';

describe('catalogue texts', () => {
  const english = new Map(leaves(catalogEn));
  const french = new Map(leaves(catalogFr));

  it('have the same keys, no empty text and the same placeholders in both languages', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('are registered under `catalog.` when the feature loads, and follow the locale', () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideCatalogI18n()] });
    const i18n = TestBed.inject(I18n);
    i18n.setLocale('en');
    expect(i18n.t('catalog.requirement.critical')).toBe('Critical');
    expect(i18n.t('nav.frameworks')).toBe('Frameworks');
    i18n.setLocale('fr');
    expect(i18n.t('catalog.requirement.critical')).toBe('Critique');
    expect(i18n.t('catalog.crosswalk.relationship.intersect')).toBe('recoupement');
    expect(i18n.t('nav.frameworks')).toBe('Référentiels');
  });
});
