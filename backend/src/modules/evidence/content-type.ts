import type { EvidenceMediaType } from '@beacon/contracts';

/**
 * The type of an evidence file, decided from its bytes alone: the file name and the type the client
 * sent are ignored, except that a `.csv` name lets a single-record text be called CSV.
 *
 * - PDF: starts with `%PDF-`.
 * - PNG: the 8-byte PNG signature. JPEG: `FF D8 FF`.
 * - DOCX / XLSX: a ZIP (`PK\x03\x04`) whose central directory lists `[Content_Types].xml` and
 *   entries under `word/` (DOCX) or `xl/` (XLSX); any other ZIP (or one with both) is refused.
 * - Text: valid UTF-8 (an initial BOM allowed) with no NUL and no control characters other than
 *   tab, line feed, carriage return and form feed, and no markup a browser would run or render:
 *   `<html`, `<script`, `<!doctype`, `<svg`, `<iframe`, `<body`, `<?xml` (case-insensitive,
 *   anywhere) make it unsupported. HTML named `.txt` is therefore refused (415).
 * - CSV rather than plain text: the text parses as RFC 4180 records that all have the same number
 *   (≥ 2) of fields, and there are at least 2 records — or 1 record when the name ends in `.csv`.
 *   Otherwise valid text is `text/plain`.
 *
 * Anything else: null (the caller answers 415).
 */
export function detectMediaType(bytes: Buffer, fileName: string): EvidenceMediaType | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeTypeOf(bytes);
  const text = plainText(bytes);
  if (text === null) return null;
  return looksLikeCsv(text, /\.csv$/i.test(fileName.trim())) ? 'text/csv' : 'text/plain';
}

function startsWith(bytes: Buffer, signature: number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

const MARKUP = /<(?:html|script|!doctype|svg|iframe|body|\?xml)\b/i;
// C0 controls except \t \n \f \r, and DEL.
// eslint-disable-next-line no-control-regex
const FORBIDDEN_CONTROLS = /[\u0000-\u0008\u000b\u000e-\u001f\u007f]/;

/** The text, or null when the bytes are not acceptable plain text. */
export function plainText(bytes: Buffer): string | null {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
  if (FORBIDDEN_CONTROLS.test(text) || MARKUP.test(text)) return null;
  return text;
}

/** RFC 4180 with `,`: every record the same number (≥ 2) of fields; a blank last line is ignored. */
export function looksLikeCsv(text: string, namedCsv: boolean): boolean {
  const counts: number[] = [];
  let fields = 1;
  let quoted = false;
  let atFieldStart = true;
  let recordHasContent = false;
  const endRecord = () => {
    if (recordHasContent || fields > 1) counts.push(fields);
    fields = 1;
    atFieldStart = true;
    recordHasContent = false;
  };
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') i += 1;
        else quoted = false;
      }
      continue;
    }
    if (c === '"') {
      if (!atFieldStart) return false;
      quoted = true;
      atFieldStart = false;
      recordHasContent = true;
    } else if (c === ',') {
      fields += 1;
      atFieldStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      endRecord();
    } else {
      if (!atFieldStart && text[i - 1] === '"') return false; // text after a closing quote
      atFieldStart = false;
      recordHasContent = true;
    }
  }
  if (quoted) return false;
  endRecord();
  const first = counts[0];
  if (first === undefined || first < 2 || counts.some((n) => n !== first)) return false;
  return counts.length >= 2 || namedCsv;
}

const DOCX: EvidenceMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX: EvidenceMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** DOCX or XLSX from the ZIP's central directory entry names; null for any other ZIP. */
function officeTypeOf(bytes: Buffer): EvidenceMediaType | null {
  const names = zipEntryNames(bytes);
  if (!names || !names.includes('[Content_Types].xml')) return null;
  const word = names.some((n) => n.startsWith('word/'));
  const excel = names.some((n) => n.startsWith('xl/'));
  if (word === excel) return null;
  return word ? DOCX : XLSX;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The names in a ZIP's central directory, or null when it is not a well-formed ZIP. */
export function zipEntryNames(bytes: Buffer): string[] | null {
  // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535.
  const earliest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= earliest; i -= 1) {
    if (bytes.readUInt32LE(i) === EOCD && i + 22 + bytes.readUInt16LE(i + 20) === bytes.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = bytes.readUInt16LE(eocd + 10);
  const size = bytes.readUInt32LE(eocd + 12);
  const offset = bytes.readUInt32LE(eocd + 16);
  if (offset + size > eocd || count === 0xffff || offset === 0xffffffff) return null; // ZIP64 is not expected of office files this small
  const names: string[] = [];
  let p = offset;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > eocd || bytes.readUInt32LE(p) !== CENTRAL) return null;
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const end = p + 46 + nameLength;
    if (end > eocd) return null;
    names.push(bytes.toString('utf8', p + 46, end));
    p = end + extraLength + commentLength;
  }
  return names;
}
