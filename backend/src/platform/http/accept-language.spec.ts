import { preferredLocale } from './accept-language';

describe('preferredLocale', () => {
  it.each<[string | undefined, 'en' | 'fr']>([
    [undefined, 'en'],
    ['', 'en'],
    ['fr', 'fr'],
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['en-US,en;q=0.9,fr;q=0.8', 'en'],
    ['FR-ca', 'fr'],
    ['de-DE,de;q=0.9,fr;q=0.5', 'fr'],
    ['de-DE, es', 'en'],
    ['*', 'en'],
    ['en;q=0.4, fr;q=0.6', 'fr'],
    ['fr;q=0, en;q=0.1', 'en'],
    ['fr;q=0', 'en'],
    ['fr;q=abc', 'en'],
    ['fr ; q = 0.8 , en ; q = 0.5', 'fr'],
    ['en, fr', 'en'],
    ['frx, fr-', 'fr'],
  ])('%p → %s', (header, locale) => {
    expect(preferredLocale(header)).toBe(locale);
  });
});
