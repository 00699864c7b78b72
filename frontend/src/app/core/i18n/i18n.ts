import { DOCUMENT, Injectable, computed, inject, signal } from '@angular/core';
import { en } from './en';
import { fr } from './fr';
import {
  type Dictionary,
  type Locale,
  type TranslationKey,
  type TranslationParams,
  type Translations,
  flatten,
  interpolate,
  isLocale,
} from './translations';

export const LOCALE_STORAGE_KEY = 'beacon.locale';

const DICTIONARIES: Readonly<Record<Locale, Translations>> = { en, fr };

/**
 * Runtime translations. The active locale is a signal, so templates and computed values that call
 * `t()` follow a language switch without reloading.
 */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly tables = signal(
    new Map<Locale, Map<string, string>>(
      Object.entries(DICTIONARIES).map(([locale, dictionary]) => [locale as Locale, flatten(dictionary)]),
    ),
  );
  private readonly _locale = signal<Locale>(this.initialLocale());

  /** The active locale. */
  readonly locale = this._locale.asReadonly();
  private readonly table = computed(() => this.tables().get(this._locale()) ?? new Map<string, string>());

  constructor() {
    this.document.documentElement.lang = this._locale();
  }

  /** Switches the language, remembers the choice and updates `<html lang>`. */
  setLocale(locale: Locale): void {
    this._locale.set(locale);
    this.document.documentElement.lang = locale;
    try {
      this.document.defaultView?.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Storage can be unavailable (privacy mode, quota): the choice then lasts for this visit.
    }
  }

  /**
   * Adds the texts of a lazy-loaded feature, e.g. `{ en: { catalog: {...} }, fr: { catalog: {...} } }`.
   * Registering the same texts again is harmless.
   */
  register(dictionaries: Readonly<Record<Locale, Dictionary>>): void {
    this.tables.update(
      (tables) =>
        new Map(
          [...tables].map(([locale, table]) => [
            locale,
            new Map([...table, ...flatten(dictionaries[locale])]),
          ]),
        ),
    );
  }

  /** The text for `key` in the active locale, with `{name}` placeholders filled; the key itself if unknown. */
  t(key: TranslationKey, params?: TranslationParams): string {
    const template = this.table().get(key);
    return template === undefined ? key : interpolate(template, params);
  }

  /** Whether `key` names a text (for keys that come from data, e.g. route titles). */
  has(key: string): key is TranslationKey {
    return this.table().has(key);
  }

  /** A date and time in the active locale's format. */
  formatDateTime(value: string | Date): string {
    const date = typeof value === 'string' ? new Date(value) : value;
    if (Number.isNaN(date.getTime())) return String(value);
    return new Intl.DateTimeFormat(this._locale(), { dateStyle: 'medium', timeStyle: 'medium' }).format(date);
  }

  /** A number in the active locale's format. */
  formatNumber(value: number): string {
    return new Intl.NumberFormat(this._locale()).format(value);
  }

  private initialLocale(): Locale {
    const window = this.document.defaultView;
    try {
      const stored = window?.localStorage.getItem(LOCALE_STORAGE_KEY);
      if (isLocale(stored)) return stored;
    } catch {
      // Fall through to the browser language.
    }
    const language = window?.navigator.language ?? '';
    return language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
  }
}
