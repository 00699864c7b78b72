import { type en } from './en';

/** A nested dictionary of display strings. */
export interface Dictionary {
  readonly [key: string]: string | Dictionary;
}

/** The same tree as `T` with every leaf widened to `string`. */
export type Widen<T> = { readonly [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };

/** The shape every dictionary must have: exactly the keys of the English one. */
export type Translations = Widen<typeof en>;

/**
 * Dictionaries of lazy-loaded features, keyed by their prefix. A feature adds its entry by module
 * augmentation, so its keys are typed while its texts stay out of the initial bundle; it registers
 * the texts with `I18n.register()` when it loads.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface FeatureDictionaries {}

/** Dotted paths to the leaves of `T`, e.g. `'status.state.up'`. */
type LeafPaths<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : LeafPaths<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** Every key `t()` and the `t` pipe accept. */
export type TranslationKey = LeafPaths<Translations> | LeafPaths<Widen<FeatureDictionaries>>;

/** Values substituted for `{name}` placeholders. */
export type TranslationParams = Readonly<Record<string, string | number>>;

export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (LOCALES as readonly string[]).includes(value);
}

/** Flattens a dictionary into dotted keys: `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`. */
export function flatten(dictionary: Dictionary, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    const path = `${prefix}${key}`;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [leaf, text] of flatten(value, `${path}.`)) entries.set(leaf, text);
  }
  return entries;
}

/** Replaces `{name}` placeholders; an unknown placeholder is left as it is. */
export function interpolate(template: string, params?: TranslationParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) => {
    const value = params[name];
    return value === undefined ? match : String(value);
  });
}
