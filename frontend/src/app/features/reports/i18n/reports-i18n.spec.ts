import { TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { leaves, placeholders } from '../../../core/i18n/testing';
import { reportsEn } from './reports-en';
import { reportsFr } from './reports-fr';
import { provideReportsI18n } from './reports-i18n';

describe('reports texts', () => {
  it('have the same keys, no empty text and the same placeholders in English and French', () => {
    const english = new Map(leaves(reportsEn));
    const french = new Map(leaves(reportsFr));
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('are registered under `reports.` where the reports panel is shown, and follow the locale', () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideReportsI18n()] });
    const i18n = TestBed.inject(I18n);
    i18n.setLocale('en');
    expect(i18n.t('reports.title')).toBe('Reports');
    i18n.setLocale('fr');
    expect(i18n.t('reports.title')).toBe('Rapports');
  });
});
