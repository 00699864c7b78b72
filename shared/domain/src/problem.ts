import type { Locale } from './catalog/catalog.types';

/**
 * Why a domain rule refused something, as data: a stable code and the figures its message needs.
 * Message catalogues turn it into a sentence in the reader's language; clients that render their
 * own read the code and the parameters.
 */
export interface Problem<C extends string = string, P extends object = object> {
  readonly code: C;
  readonly params: P;
}

/** What a value that cannot be shown as itself is. */
export type ValueKind = 'nothing' | 'list' | 'object' | 'bigint' | 'symbol' | 'function';

/**
 * A value as a message shows it: text, numbers, booleans and null as they are written
 * (`"12"`, `12`, `true`, `null`; long texts cut), anything else by its kind, which each language
 * names in its own words.
 */
export type ShownValue = { readonly literal: string } | { readonly kind: ValueKind };

/** Longest text shown from a value; longer ones are cut. */
const SHOWN_MAX_LENGTH = 60;

/** A short, safe rendering of any input for a message (long texts are cut). */
export function showValue(value: unknown): ShownValue {
  if (value === undefined) return { kind: 'nothing' };
  if (value === null) return { literal: 'null' };
  if (typeof value === 'string') return { literal: JSON.stringify(cutText(value)) };
  if (typeof value === 'number' || typeof value === 'boolean') return { literal: String(value) };
  if (Array.isArray(value)) return { kind: 'list' };
  if (typeof value === 'object') return { kind: 'object' };
  return { kind: typeof value as 'bigint' | 'symbol' | 'function' };
}

/** A text as a problem carries it: at most {@link SHOWN_MAX_LENGTH} characters, then `…`. */
export function cutText(text: string): string {
  return text.length > SHOWN_MAX_LENGTH ? `${text.slice(0, SHOWN_MAX_LENGTH)}…` : text;
}

/** The sentence of each code of a problem union in one language, from the parameters of that code. */
export type MessageCatalogue<P extends Problem> = {
  readonly [C in P['code']]: (params: Extract<P, { code: C }>['params']) => string;
};

/** One catalogue per language: a missing code or language does not compile. */
export type MessageCatalogues<P extends Problem> = Readonly<Record<Locale, MessageCatalogue<P>>>;

/** The sentence for a problem in one language. */
export function problemMessage<P extends Problem>(
  catalogues: MessageCatalogues<P>,
  problem: P,
  locale: Locale,
): string {
  // Each code's entry takes that code's parameters: the catalogue's type guarantees it.
  const catalogue = catalogues[locale] as Readonly<Record<string, (params: object) => string>>;
  return catalogue[problem.code]!(problem.params);
}

/** How each language writes the pieces messages share: values, lists and counts. */
export interface Wording {
  /** A shown value: as written, or its kind (`a list`, `une liste`). */
  readonly value: (shown: ShownValue) => string;
  /** A text the user gave, quoted. */
  readonly quoted: (text: string) => string;
  /** A figure from the input or the rules (`2.5`, `2,5`). */
  readonly number: (value: number) => string;
  /** A count (`10,000`, `10 000`). */
  readonly count: (value: number) => string;
  /** A count with its noun in singular or plural (`1 character`, `2 characters`). */
  readonly counted: (value: number, noun: { one: string; other: string }) => string;
  /** `a, b or c`, `a, b ou c`. */
  readonly either: (values: readonly string[]) => string;
  /** A message about something named: `MSM-1: …`, `MSM-1 : …`. */
  readonly about: (subject: string, message: string) => string;
}

const KIND_NAMES: Readonly<Record<Locale, Readonly<Record<ValueKind, string>>>> = {
  en: {
    nothing: 'nothing',
    list: 'a list',
    object: 'an object',
    bigint: 'a bigint',
    symbol: 'a symbol',
    function: 'a function',
  },
  fr: {
    nothing: 'rien',
    list: 'une liste',
    object: 'un objet',
    bigint: 'un grand entier',
    symbol: 'un symbole',
    function: 'une fonction',
  },
};

function joinEither(values: readonly string[], or: string): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} ${or} ${values[values.length - 1] ?? ''}`;
}

const frenchNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 20, useGrouping: true });

export const WORDING: Readonly<Record<Locale, Wording>> = {
  en: {
    value: (shown) => ('literal' in shown ? shown.literal : KIND_NAMES.en[shown.kind]),
    quoted: (text) => JSON.stringify(text),
    number: (value) => String(value),
    count: (value) => String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ','),
    counted: (value, noun) => `${WORDING.en.count(value)} ${value === 1 ? noun.one : noun.other}`,
    either: (values) => joinEither(values, 'or'),
    about: (subject, message) => `${subject}: ${message}`,
  },
  fr: {
    value: (shown) => ('literal' in shown ? frenchLiteral(shown.literal) : KIND_NAMES.fr[shown.kind]),
    quoted: (text) => JSON.stringify(text),
    number: (value) => (Number.isFinite(value) ? frenchNumber.format(value) : String(value)),
    count: (value) => frenchNumber.format(value),
    // In French, 0 and 1 take the singular.
    counted: (value, noun) => `${WORDING.fr.count(value)} ${Math.abs(value) < 2 ? noun.one : noun.other}`,
    either: (values) => joinEither(values, 'ou'),
    about: (subject, message) => `${subject} : ${message}`,
  },
};

/** Numbers with a decimal comma; quoted texts, booleans and null as written. */
function frenchLiteral(literal: string): string {
  return /^-?\d+(\.\d+)?$/.test(literal) ? WORDING.fr.number(Number(literal)) : literal;
}
