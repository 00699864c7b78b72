import type { Locale } from '@beacon/domain';

function isLocalized(value: object): value is { en: unknown; fr: unknown } {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('en') && keys.includes('fr');
}

/** Replaces every `{ en, fr }` pair in a document by the text of one locale. */
export function localize(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localize(v, locale));
  if (value !== null && typeof value === 'object') {
    if (isLocalized(value)) return value[locale];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localize(v, locale)]));
  }
  return value;
}
