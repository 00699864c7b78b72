import type { FieldProblem } from '@beacon/contracts';
import { AppException, type ErrorKind, type InEachLocale } from './app.exception';

/** A context's error codes, each with the category that decides its HTTP status (`HTTP_STATUS_OF`). */
export type ErrorTable = Readonly<Record<string, ErrorKind>>;

/** A context's exception class: `AppException`'s constructor, for `instanceof` and for its name in logs. */
export type ExceptionClass<E extends AppException> = new (...args: ConstructorParameters<typeof AppException>) => E;

/**
 * Builds the exceptions of one context from its table: a throw site names the code, never the
 * category, and a code missing from the table does not compile.
 */
export interface ErrorFactory<T extends ErrorTable, E extends AppException = AppException> {
  /** The exception of `code`; a message and details written per language are sent in the caller's. */
  (code: keyof T & string, message: string | InEachLocale<string>, details?: unknown, retryAfterSeconds?: number): E;
  /**
   * A request refused because of what some of its fields name, whatever the code's category: 400
   * with the fields in `details`. E.g. `FRAMEWORK_NOT_FOUND` is a 404 where the path names the
   * framework, but a refused field where a request body does.
   */
  invalid(code: keyof T & string, message: string, fields: FieldProblem[]): E;
  /** The table itself. */
  readonly table: T;
  /** Each code as a value, for texts that name one (e.g. API documentation). */
  readonly codes: { readonly [K in keyof T]: K };
  /** Some entries of the table, for a context that answers with codes another context owns. */
  pick<K extends keyof T & string>(...codes: K[]): Pick<T, K>;
}

/**
 * Declares a context's error codes once, with their category:
 *
 *     export const assessmentError = defineErrors(AssessmentsException, { STALE_VERSION: 'conflict', … });
 *     throw assessmentError('STALE_VERSION', 'This answer was changed by someone else.', details);
 *
 * A code another context owns is not declared again but taken from its owner's table with
 * `pick`, so a code has one category wherever it is used.
 */
export function defineErrors<E extends AppException, const T extends ErrorTable>(Exception: ExceptionClass<E>, table: T): ErrorFactory<T, E> {
  const kindOf = (code: string): ErrorKind => {
    // The compiler already refuses other codes; this stops one forced through with a cast.
    if (!Object.hasOwn(table, code)) throw new TypeError(`${code} is not an error code of ${Exception.name}`);
    return table[code]!;
  };
  const create = (code: keyof T & string, message: string | InEachLocale<string>, details?: unknown, retryAfterSeconds?: number): E =>
    new Exception(kindOf(code), code, message, details, retryAfterSeconds);
  const invalid = (code: keyof T & string, message: string, fields: FieldProblem[]): E => {
    kindOf(code);
    return new Exception('validation', code, message, fields);
  };
  const codes = Object.fromEntries(Object.keys(table).map((code) => [code, code])) as { readonly [K in keyof T]: K };
  const pick = <K extends keyof T & string>(...picked: K[]): Pick<T, K> =>
    Object.fromEntries(picked.map((code) => [code, table[code]])) as Pick<T, K>;
  return Object.assign(create, { invalid, table, codes, pick });
}
