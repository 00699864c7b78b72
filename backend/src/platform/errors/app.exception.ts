import { LOCALES, type Locale } from '@beacon/domain';

/**
 * The base of every domain exception. Services throw these (never `HttpException`); the global
 * filter turns the `kind` into an HTTP status and the `code` into the error body's code.
 */
export type ErrorKind =
  | 'validation'
  | 'unauthorized'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'payload-too-large'
  | 'unsupported-media-type'
  | 'unprocessable'
  | 'rate-limited'
  | 'timeout'
  | 'unavailable';

/** A message or details written in each language; the filter answers in the caller's. */
export class InEachLocale<T> {
  private constructor(private readonly values: Readonly<Record<Locale, T>>) {}

  static of<T>(write: (locale: Locale) => T): InEachLocale<T> {
    return new InEachLocale(Object.fromEntries(LOCALES.map((locale) => [locale, write(locale)])) as Record<Locale, T>);
  }

  in(locale: Locale): T {
    return this.values[locale];
  }
}

export class AppException extends Error {
  /** Per-field problems or other structured detail (in English where written per language). */
  readonly details: unknown;
  private readonly messages: InEachLocale<string> | undefined;
  private readonly localizedDetails: InEachLocale<unknown> | undefined;

  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    /** One text, or one per language (then `message` is the English one, for logs). */
    message: string | InEachLocale<string>,
    /** The details, possibly written per language. */
    details?: unknown,
    /** Seconds to wait before trying again, sent as `Retry-After` (rate limits). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message instanceof InEachLocale ? message.in('en') : message);
    this.name = new.target.name;
    this.messages = message instanceof InEachLocale ? message : undefined;
    this.localizedDetails = details instanceof InEachLocale ? (details as InEachLocale<unknown>) : undefined;
    this.details = this.localizedDetails ? this.localizedDetails.in('en') : details;
  }

  /** The message in `locale` where it is written per language, else the one message. */
  messageIn(locale: Locale): string {
    return this.messages?.in(locale) ?? this.message;
  }

  /** The details in `locale` where they are written per language, else the details. */
  detailsIn(locale: Locale): unknown {
    return this.localizedDetails ? this.localizedDetails.in(locale) : this.details;
  }
}

export const HTTP_STATUS_OF: Record<ErrorKind, number> = {
  validation: 400,
  unauthorized: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'payload-too-large': 413,
  'unsupported-media-type': 415,
  unprocessable: 422,
  'rate-limited': 429,
  timeout: 408,
  unavailable: 503,
};
