import { TestBed } from '@angular/core/testing';
import { I18n } from '../../../core/i18n/i18n';
import { leaves, placeholders } from '../../../core/i18n/testing';
import { identityEn } from './identity-en';
import { identityFr } from './identity-fr';
import { provideIdentityI18n } from './identity-i18n';

describe('identity texts', () => {
  const english = new Map(leaves(identityEn));
  const french = new Map(leaves(identityFr));

  it('have the same keys, no empty text and the same placeholders in both languages', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('are registered under `identity.` and state the password policy in both languages', () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideIdentityI18n()] });
    const i18n = TestBed.inject(I18n);
    i18n.setLocale('en');
    expect(i18n.t('identity.passwordPolicy')).toBe('At least 12 characters; common passwords are refused.');
    i18n.setLocale('fr');
    expect(i18n.t('identity.passwordPolicy')).toBe(
      'Au moins 12 caractères\u00a0; les mots de passe courants sont refusés.',
    );
  });
});
