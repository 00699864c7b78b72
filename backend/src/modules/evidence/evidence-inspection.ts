import type { EvidenceMediaType } from '@beacon/contracts';
import { open } from 'node:fs/promises';
import { SIGNATURE_BYTES, signatureOf, type TextProblem, TextScanner } from './content-type';
import { type ArchiveLimits, checkOoxml, type OoxmlProblem } from './ooxml';

/** Why a file is refused (415), as `details[].reasons` says. */
export type EvidenceRefusalReason =
  /** Named `.html`, `.js`, `.svg`…: markup or a script, whatever it contains. */
  | 'markup-or-script-name'
  /** Text the client itself calls markup or script (`text/html`, `image/svg+xml`, `…/javascript`…). */
  | 'markup-or-script-type'
  | 'unrecognised-content'
  | Exclude<TextProblem, 'not-text'>
  | OoxmlProblem;

export type EvidenceInspection =
  | { ok: true; mediaType: EvidenceMediaType; extension: string }
  | { ok: false; reason: EvidenceRefusalReason; message: string };

const ACCEPTED = 'Send a PDF, PNG, JPEG, plain text, CSV, DOCX or XLSX file';

const MESSAGES: Record<EvidenceRefusalReason, string> = {
  'markup-or-script-name': 'Web pages, SVG, XML and scripts are not accepted as evidence (the file name says it is one).',
  'markup-or-script-type': 'Web pages, SVG, XML and scripts are not accepted as evidence (the upload declares it as one).',
  'unrecognised-content': 'This file type is not accepted (the type is read from the content).',
  markup: 'The text contains HTML, SVG or XML markup, which is not accepted as evidence.',
  script: 'The text contains JavaScript, which is not accepted as evidence.',
  'zip-malformed': 'The file is not a well-formed ZIP container, as DOCX and XLSX files are.',
  'zip-corrupt': 'The document is damaged: its contents do not match their recorded sizes or checksums.',
  'zip-understated-size': 'The document expands to more than it declares, as archives built to exhaust whoever opens them do.',
  'zip-encrypted': 'Encrypted documents are not accepted.',
  'zip-unsupported-compression': 'The document uses a compression method office files do not use.',
  'zip-too-many-entries': 'The document has more parts than an evidence document may have.',
  'zip-too-large-uncompressed': 'The document expands to more than an evidence document may.',
  'not-office-document': 'The archive is not a Word (DOCX) or Excel (XLSX) document.',
  'office-macros': 'Documents with macros are not accepted: save it as a plain .docx or .xlsx.',
};

/** The extensions a file of each type may keep when downloaded; the first is added otherwise. */
const EXTENSIONS: Record<EvidenceMediaType, string[]> = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'text/plain': ['txt', 'text', 'log'],
  'text/csv': ['csv'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
};

/** Names a browser renders or a desktop runs as markup or script. */
const MARKUP_OR_SCRIPT_NAME = /\.(?:html?|shtml|xhtml?|xht|mht|mhtml|hta|svgz?|xml|xslt?|js|mjs|cjs|jsx|jse|vbs|vbe|wsf|wsh|ps1|bat|cmd)$/i;
/** Declared types of markup or script (parameters removed, lower case). */
const MARKUP_OR_SCRIPT_TYPE = /^text\/html$|\/xml$|\+xml$|^text\/xsl$|script$/;

/**
 * What an uploaded file is, read from the file at `path` (the name and the declared type only ever
 * make it refused, never accepted):
 * 1. `declaredName` (as `cleanFileName` left it) ending in a markup or script extension: refused;
 * 2. PDF, PNG and JPEG by their first bytes;
 * 3. a ZIP must be a DOCX or an XLSX (`checkOoxml`: parts, entry count, inflated size, no macros);
 * 4. anything else must be text (`TextScanner`: UTF-8, no markup, no script), plain or CSV; and
 *    text is refused when `declaredMime` calls it markup or script.
 * Only the first bytes, the ZIP's directory and bounded chunks are held in memory.
 */
export async function inspectEvidenceFile(path: string, declaredName: string, declaredMime: string, limits: ArchiveLimits): Promise<EvidenceInspection> {
  if (MARKUP_OR_SCRIPT_NAME.test(declaredName)) return refused('markup-or-script-name');
  const file = await open(path, 'r');
  try {
    const { size } = await file.stat();
    const head = Buffer.alloc(Math.min(SIGNATURE_BYTES, size));
    await file.read(head, 0, head.length, 0);
    const signature = signatureOf(head);
    if (signature === 'zip') {
      const verdict = await checkOoxml(file, size, limits);
      return verdict.ok ? accepted(verdict.mediaType) : refused(verdict.problem);
    }
    if (signature) return accepted(signature);
    if (size === 0) return refused('unrecognised-content');
    if (MARKUP_OR_SCRIPT_TYPE.test(mimeEssence(declaredMime))) return refused('markup-or-script-type');
    const scanner = new TextScanner();
    const chunk = Buffer.alloc(64 * 1024);
    for (let position = 0; position < size; ) {
      const { bytesRead } = await file.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      if (!scanner.push(chunk.subarray(0, bytesRead))) break;
    }
    const verdict = scanner.finish(/\.csv$/i.test(declaredName));
    if (verdict.ok) return accepted(verdict.mediaType);
    return refused(verdict.problem === 'not-text' ? 'unrecognised-content' : verdict.problem);
  } finally {
    await file.close();
  }
}

function accepted(mediaType: EvidenceMediaType): EvidenceInspection {
  return { ok: true, mediaType, extension: EXTENSIONS[mediaType][0]! };
}

function refused(reason: EvidenceRefusalReason): EvidenceInspection {
  return { ok: false, reason, message: `${MESSAGES[reason]} ${ACCEPTED}.` };
}

function mimeEssence(mime: string): string {
  return (mime.split(';')[0] ?? '').trim().toLowerCase();
}

/**
 * Characters a name must not carry: controls (C0, DEL, C1), line and paragraph separators, the
 * byte-order mark and the bidirectional controls (U+061C, U+200E/F, U+202A–U+202E, U+2066–U+2069),
 * which can make `evil‮fdp.exe` display as `evilexe.pdf`.
 */
const UNSAFE_NAME_CHARACTERS = /[\p{Cc}\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * A name safe to store and show: no path, none of the characters above, no trailing dots or
 * spaces (Windows drops them, which would change the extension), at most 255 characters (code
 * points: a cut never splits a surrogate pair).
 */
export function cleanFileName(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const cleaned = Array.from(base.replace(UNSAFE_NAME_CHARACTERS, ''))
    .slice(0, 255)
    .join('')
    .replace(/[\s.]+$/u, '')
    .trim();
  return cleaned === '' ? 'evidence' : cleaned;
}

/**
 * The name a download is saved under: the stored name when its extension fits the detected type,
 * otherwise that name plus the type's extension (`report.pdf.exe` holding a PDF is saved as
 * `report.pdf.exe.pdf`), so no file is ever opened by a program its type does not call for.
 */
export function downloadName(fileName: string, mediaType: EvidenceMediaType): string {
  const cleaned = cleanFileName(fileName);
  const extensions = EXTENSIONS[mediaType];
  const current = /\.([^.]+)$/.exec(cleaned)?.[1]?.toLowerCase();
  return current !== undefined && extensions.includes(current) ? cleaned : `${cleaned}.${extensions[0]!}`;
}
