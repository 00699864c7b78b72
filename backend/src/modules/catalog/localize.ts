import type { Locale, LocalizedList, LocalizedText } from '@beacon/domain';

/** A document with every `{ en, fr }` pair replaced by the text (or list) of one locale. */
export type Localized<T> = T extends LocalizedText
  ? string
  : T extends LocalizedList
    ? string[]
    : T extends readonly (infer U)[]
      ? Localized<U>[]
      : T extends object
        ? { [K in keyof T]: Localized<T[K]> }
        : T;

function isLocalized(value: object): value is { en: unknown; fr: unknown } {
  const keys = Object.keys(value);
  return keys.length === 2 && keys.includes('en') && keys.includes('fr');
}

function localizeValue(value: unknown, locale: Locale): unknown {
  if (Array.isArray(value)) return value.map((v) => localizeValue(v, locale));
  if (value !== null && typeof value === 'object') {
    if (isLocalized(value)) return value[locale];
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, localizeValue(v, locale)]));
  }
  return value;
}

/** Replaces every `{ en, fr }` pair in a document by the text of one locale. */
export function localize<T>(value: T, locale: Locale): Localized<T> {
  return localizeValue(value, locale) as Localized<T>;
}
