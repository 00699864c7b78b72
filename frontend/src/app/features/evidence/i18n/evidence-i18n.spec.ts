import { TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { leaves, placeholders } from '../../../core/i18n/testing';
import { evidenceEn } from './evidence-en';
import { evidenceFr } from './evidence-fr';
import { provideEvidenceI18n } from './evidence-i18n';

describe('evidence texts', () => {
  it('have the same keys, no empty text and the same placeholders in English and French', () => {
    const english = new Map(leaves(evidenceEn));
    const french = new Map(leaves(evidenceFr));
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('are registered under `evidence.` where the evidence zone is shown, and follow the locale', () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideEvidenceI18n()] });
    const i18n = TestBed.inject(I18n);
    i18n.setLocale('en');
    expect(i18n.t('evidence.addLink')).toBe('Add a link');
    i18n.setLocale('fr');
    expect(i18n.t('evidence.addLink')).toBe('Ajouter un lien');
  });
});
