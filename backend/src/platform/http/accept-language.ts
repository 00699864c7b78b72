import { type Locale, LOCALES } from '@beacon/domain';

/** The language messages are written in when the caller asks for none the API has. */
export const DEFAULT_LOCALE: Locale = 'en';

/**
 * The caller's language among the API's, from `Accept-Language` (RFC 9110 §12.5.4): the
 * supported language with the highest weight, `fr-CA` counting as `fr`; `*` or nothing the API
 * has gives {@link DEFAULT_LOCALE}.
 */
export function preferredLocale(acceptLanguage: string | undefined): Locale {
  let best: { locale: Locale; weight: number } | undefined;
  for (const range of (acceptLanguage ?? '').split(',')) {
    const [tag = '', ...parameters] = range.split(';').map((part) => part.trim());
    const language = tag.toLowerCase().split('-')[0];
    const locale = LOCALES.find((candidate) => candidate === language);
    if (!locale) continue;
    const q = parameters.find((parameter) => /^q\s*=/i.test(parameter));
    const weight = q === undefined ? 1 : Number(q.replace(/^q\s*=\s*/i, ''));
    if (!(weight > 0)) continue;
    if (!best || weight > best.weight) best = { locale, weight };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}
