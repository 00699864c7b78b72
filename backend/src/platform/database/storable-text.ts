/**
 * What PostgreSQL cannot keep as sent: U+0000 (refused in `text` and `jsonb`) and UTF-16 surrogates
 * without their pair (not Unicode: the driver sends U+FFFD in their place, `jsonb` refuses them).
 */
const UNSTORABLE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]|\0/g;

/** Why `text` cannot be stored as PostgreSQL text as it is, or undefined when it can. */
export function unstorableReason(text: string): string | undefined {
  const unit = text.match(UNSTORABLE)?.[0];
  if (unit === undefined) return undefined;
  return unit === '\0' ? 'contains U+0000 (NUL), which is not accepted' : 'contains a lone UTF-16 surrogate, which is not valid Unicode';
}

/** `text` with each unstorable code unit written `\uXXXX`, e.g. to echo it in an error. */
export function escapeUnstorable(text: string): string {
  return text.replace(UNSTORABLE, (unit) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** `text` with each unstorable code unit replaced by U+FFFD, as the driver does for lone surrogates. */
export function toStorableText(text: string): string {
  return text.replace(UNSTORABLE, '\uFFFD');
}
