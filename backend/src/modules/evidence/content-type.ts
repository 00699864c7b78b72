import type { EvidenceMediaType } from '@beacon/contracts';

/** The binary types recognised by their first bytes; a ZIP still has to prove it is an office file. */
export type Signature = 'application/pdf' | 'image/png' | 'image/jpeg' | 'zip';

/** How many first bytes `signatureOf` needs at most. */
export const SIGNATURE_BYTES = 8;

/** PDF `%PDF-`, PNG's 8-byte signature, JPEG `FF D8 FF`, ZIP `PK\x03\x04`; null for anything else. */
export function signatureOf(head: Buffer): Signature | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  return null;
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** Why bytes are not acceptable text. */
export type TextProblem = 'not-text' | 'markup' | 'script';

// C0 controls except \t \n \f \r, and DEL.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/**
 * Every pattern below matches at most this many characters (whitespace runs are bounded too), so
 * scanning each chunk together with this many characters of the text before it finds every match.
 */
const OVERLAP = 2048;
const S = '\\s{0,32}'; // optional whitespace, bounded
const ATTRIBUTES = '[^<>]{0,512}?'; // the rest of a tag, bounded

/** HTML elements (WHATWG, obsolete ones included). */
const ELEMENTS =
  'a|abbr|acronym|address|applet|area|article|aside|audio|b|base|basefont|bdi|bdo|bgsound|big|blink|blockquote|body|br|button|canvas|caption|center|cite|code|col|colgroup|data|datalist|dd|del|details|dfn|dialog|dir|div|dl|dt|em|embed|fieldset|figcaption|figure|font|footer|form|frame|frameset|h[1-6]|head|header|hgroup|hr|html|i|iframe|image|img|input|ins|isindex|kbd|keygen|label|legend|li|link|listing|main|map|mark|marquee|math|menu|meta|meter|nav|nobr|noembed|noframes|noscript|object|ol|optgroup|option|output|p|param|picture|plaintext|portal|pre|progress|q|rp|rt|ruby|s|samp|script|search|section|select|slot|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|template|textarea|tfoot|th|thead|time|title|tr|track|tt|u|ul|var|video|wbr|xmp';

/**
 * Markup a browser would render or run (case-insensitive). A `<` alone is prose ("a < b", "<3",
 * "<name@example.org>", a placeholder such as "<body>" or "<link>"); what counts is:
 * - an element that only ever means a document or active content: `<html`, `<script`, `<iframe`,
 *   `<svg`, `<object`, `<embed`, `<applet`, `<frameset`, `<meta …`, a namespaced `<x:script`;
 *   `<!doctype html`, `<?xml`, `<!ENTITY`, `<![CDATA[`, an XHTML/SVG/XSLT namespace;
 * - a tag with an event handler (`<img … onerror=`) or a script URL (`href="javascript:`);
 * - an HTML element with an attribute (`<a href=`, `<div class=`), a closing tag (`</p>`) or a
 *   self-closing one (`<br/>`).
 */
const MARKUP = new RegExp(
  [
    `<(?:[\\w-]{1,64}:)?(?:html|script|iframe|svg|object|embed|applet|frameset)\\b`,
    `<meta\\s`,
    `<!doctype${S}html`,
    `<\\?xml`,
    `<!entity\\b`,
    `<!\\[cdata\\[`,
    `xmlns(?::[\\w-]{1,64})?${S}=${S}["']?http://www\\.w3\\.org/(?:1999/xhtml|2000/svg|1999/XSL/Transform)`,
    `<[a-z][\\w:-]{0,64}\\s${ATTRIBUTES}\\bon[a-z]{3,32}${S}=`,
    `<[a-z][\\w:-]{0,64}\\s${ATTRIBUTES}\\b(?:href|src|action|formaction|data|xlink:href)${S}=${S}["']?${S}(?:javascript|vbscript|data):`,
    `<(?:${ELEMENTS})\\s{1,32}[a-z][\\w:-]{0,64}${S}=`,
    `</(?:${ELEMENTS})${S}>`,
    `<(?:${ELEMENTS})${S}/>`,
  ].join('|'),
  'i',
);

/**
 * JavaScript (case-sensitive): constructs that prose does not contain — a function with a body,
 * an arrow function with a body, DOM calls (`document.write(`), `eval(`, `new Function(`,
 * `require('…')`, `module.exports`, ES module `import … from '…'` / `export default`, a
 * `;`-terminated declaration, `"use strict"`, a node shebang.
 */
const SCRIPT = new RegExp(
  [
    `\\bfunction\\b[\\w$\\s]{0,64}\\([^()]{0,256}\\)${S}\\{`,
    `(?:\\)|[\\w$]{1,64})${S}=>${S}\\{`,
    `\\b(?:document|window|globalThis|localStorage|sessionStorage|navigator)\\.[A-Za-z_$][\\w$]{0,64}${S}(?:\\(|=[^=]|\\[)`,
    `\\beval\\(`,
    `\\bnew${S}Function${S}\\(`,
    `\\brequire${S}\\(${S}["'][^"'\\n]{1,256}["']${S}\\)`,
    `\\bmodule\\.exports\\b`,
    `^[ \\t]{0,32}import\\b[\\w$\\s{},*]{0,256}\\bfrom${S}["']`,
    `^[ \\t]{0,32}export[ \\t]{1,32}(?:default|const|let|var|function|class|async)\\b`,
    `^[ \\t]{0,32}(?:var|let|const)[ \\t]{1,32}[A-Za-z_$][\\w$]{0,64}${S}=[^=\\n;][^\\n;]{0,256};[ \\t]{0,32}$`,
    `["']use strict["']`,
    `^#!.{0,64}\\bnode\\b`,
  ].join('|'),
  'm',
);

/**
 * Reads text in chunks and decides whether it is acceptable evidence text, and whether it is CSV,
 * holding only a bounded tail of it at a time:
 * - valid UTF-8 (an initial BOM allowed) with no NUL and no control characters other than tab,
 *   line feed, carriage return and form feed;
 * - no markup (`MARKUP`) and no JavaScript (`SCRIPT`);
 * - CSV rather than plain text: the text parses as RFC 4180 records that all have the same number
 *   (≥ 2) of fields, and there are at least 2 records — or 1 record when the file is named `.csv`.
 */
export class TextScanner {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  private readonly csv = new CsvShape();
  private tail = '';
  private problem: TextProblem | null = null;

  /** Adds the next bytes; false once the text is known to be unacceptable (stop reading then). */
  push(bytes: Uint8Array): boolean {
    if (this.problem) return false;
    let text: string;
    try {
      text = this.decoder.decode(bytes, { stream: true });
    } catch {
      this.problem = 'not-text';
      return false;
    }
    this.scan(text);
    return this.problem === null;
  }

  /** The verdict once every byte has been pushed. */
  finish(namedCsv: boolean): { ok: true; mediaType: EvidenceMediaType } | { ok: false; problem: TextProblem } {
    if (!this.problem) {
      try {
        this.scan(this.decoder.decode());
      } catch {
        this.problem = 'not-text';
      }
    }
    if (this.problem) return { ok: false, problem: this.problem };
    return { ok: true, mediaType: this.csv.finish(namedCsv) ? 'text/csv' : 'text/plain' };
  }

  private scan(text: string): void {
    if (text === '') return;
    if (FORBIDDEN_CONTROLS.test(text)) {
      this.problem = 'not-text';
      return;
    }
    const window = this.tail + text;
    if (MARKUP.test(window)) this.problem = 'markup';
    else if (SCRIPT.test(window)) this.problem = 'script';
    this.tail = tailOf(window);
    this.csv.push(text);
  }
}

/**
 * The last `OVERLAP` characters of `text`, to scan again with the next chunk. When they start in
 * the middle of a line, a NUL (never part of accepted text) goes first, so that `^` cannot take
 * their start for the start of a line.
 */
function tailOf(text: string): string {
  const cut = text.length - OVERLAP;
  if (cut <= 0) return text;
  return /[\n\r\u2028\u2029]/.test(text[cut - 1]!) ? text.slice(cut) : `\u0000${text.slice(cut)}`;
}

/**
 * RFC 4180 with `,`, fed in pieces: whether every record has the same number (≥ 2) of fields.
 * A blank last line is ignored; a quote may only open a field, and only `,` or a line break may
 * follow a closing quote.
 */
class CsvShape {
  private invalid = false;
  private quoted = false;
  /** Inside quotes, a `"` was seen: the next character decides (`""` escape or the closing quote). */
  private quoteMaybeClosing = false;
  private afterClosingQuote = false;
  /** A `\r` ended the record; a `\n` right after it belongs to the same line break. */
  private skipLineFeed = false;
  private atFieldStart = true;
  private recordHasContent = false;
  private fields = 1;
  private firstCount: number | null = null;
  private records = 0;

  push(text: string): void {
    for (let i = 0; i < text.length && !this.invalid; i += 1) this.char(text[i]!);
  }

  finish(namedCsv: boolean): boolean {
    if (this.quoteMaybeClosing) this.closeQuote();
    if (this.quoted) return false;
    this.endRecord();
    if (this.invalid || this.firstCount === null || this.firstCount < 2) return false;
    return this.records >= 2 || namedCsv;
  }

  private char(c: string): void {
    if (this.skipLineFeed) {
      this.skipLineFeed = false;
      if (c === '\n') return;
    }
    if (this.quoteMaybeClosing) {
      this.quoteMaybeClosing = false;
      if (c === '"') return; // an escaped quote: still inside the field
      this.closeQuote();
    }
    if (this.quoted) {
      if (c === '"') this.quoteMaybeClosing = true;
      return;
    }
    if (c === '"') {
      if (!this.atFieldStart) {
        this.invalid = true;
        return;
      }
      this.quoted = true;
      this.atFieldStart = false;
      this.recordHasContent = true;
    } else if (c === ',') {
      this.fields += 1;
      this.atFieldStart = true;
      this.afterClosingQuote = false;
    } else if (c === '\n' || c === '\r') {
      this.endRecord();
      this.skipLineFeed = c === '\r';
    } else {
      if (this.afterClosingQuote) {
        this.invalid = true;
        return;
      }
      this.atFieldStart = false;
      this.recordHasContent = true;
    }
  }

  private closeQuote(): void {
    this.quoted = false;
    this.afterClosingQuote = true;
  }

  private endRecord(): void {
    if (this.recordHasContent || this.fields > 1) {
      if (this.firstCount === null) this.firstCount = this.fields;
      else if (this.fields !== this.firstCount) this.invalid = true;
      this.records += 1;
    }
    this.fields = 1;
    this.atFieldStart = true;
    this.afterClosingQuote = false;
    this.recordHasContent = false;
  }
}
