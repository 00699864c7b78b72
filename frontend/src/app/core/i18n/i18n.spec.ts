import { ChangeDetectionStrategy, Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { en } from './en';
import { fr } from './fr';
import { I18n, LOCALE_STORAGE_KEY } from './i18n';
import { TranslatePipe } from './translate-pipe';
import { leaves, placeholders } from './testing';
import { type TranslationKey } from './translations';

describe('dictionaries', () => {
  const english = new Map(leaves(en));
  const french = new Map(leaves(fr));

  it('have exactly the same keys', () => {
    expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([
    ['en', english],
    ['fr', french],
  ])('%s has no empty text', (_locale, texts) => {
    const empty = [...texts].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english)
      expect([key, placeholders(french.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('have the required navigation and account texts', () => {
    expect(english.get('nav.status')).toBe('System status');
    expect(french.get('nav.status')).toBe('État du système');
    expect([english.get('account.signIn'), english.get('account.signOut')]).toEqual(['Sign in', 'Sign out']);
    expect([french.get('account.signIn'), french.get('account.signOut')]).toEqual([
      'Se connecter',
      'Se déconnecter',
    ]);
  });
});

describe('I18n', () => {
  let language: jest.SpyInstance<string, []>;

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
    language = jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
  });

  afterEach(() => language.mockRestore());

  it('starts in English for a non-French browser and sets <html lang>', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.locale()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(i18n.t('nav.home')).toBe('Home');
  });

  it('starts in French for a French browser', () => {
    language.mockReturnValue('fr-CA');
    expect(TestBed.inject(I18n).locale()).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('prefers the remembered choice over the browser language', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'fr');
    expect(TestBed.inject(I18n).locale()).toBe('fr');
  });

  it('ignores a remembered value that is not a supported locale', () => {
    localStorage.setItem(LOCALE_STORAGE_KEY, 'de');
    expect(TestBed.inject(I18n).locale()).toBe('en');
  });

  it('interpolates parameters', () => {
    const i18n = TestBed.inject(I18n);
    expect(i18n.t('errors.unexpected', { status: 502 })).toBe('Something went wrong (HTTP 502).');
    expect(i18n.t('account.menu', { name: 'Ada' })).toBe('Account of Ada');
    expect(i18n.t('errors.reference')).toBe('Reference: {id}');
  });

  it('switches locale, remembers it and updates <html lang>', () => {
    const i18n = TestBed.inject(I18n);
    i18n.setLocale('fr');
    expect(i18n.locale()).toBe('fr');
    expect(localStorage.getItem(LOCALE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
    expect(i18n.t('nav.status')).toBe('État du système');
    expect(i18n.t('errors.reference', { id: 'x' })).toBe('Référence\u00a0: x');
  });

  it('returns the key itself for an unknown key', () => {
    expect(TestBed.inject(I18n).t('no.such.key' as TranslationKey)).toBe('no.such.key');
  });
});

@Component({
  selector: 'app-pipe-host',
  imports: [TranslatePipe],
  template: `<span>{{ 'nav.status' | t }}</span> <em>{{ 'errors.unexpected' | t: { status: 2 } }}</em>`,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class PipeHost {}

describe('TranslatePipe', () => {
  beforeEach(() => {
    localStorage.clear();
    jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-US');
  });

  afterEach(() => jest.restoreAllMocks());

  it('re-renders an OnPush view when the locale changes', async () => {
    const fixture = TestBed.createComponent(PipeHost);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const texts = () => [
      element.querySelector('span')?.textContent,
      element.querySelector('em')?.textContent,
    ];
    expect(texts()).toEqual(['System status', 'Something went wrong (HTTP 2).']);

    TestBed.inject(I18n).setLocale('fr');
    await fixture.whenStable();
    expect(texts()).toEqual(['État du système', 'Une erreur est survenue (HTTP 2).']);
  });
});
