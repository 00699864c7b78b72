import type { EvidenceMediaType } from '@beacon/contracts';
import type { FileHandle } from 'node:fs/promises';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createInflateRaw, inflateRawSync } from 'node:zlib';

/** Bounds on what an office file may expand to. */
export interface ArchiveLimits {
  /** Most entries in the ZIP's central directory. */
  maxEntries: number;
  /**
   * Most bytes all entries may inflate to together. The sizes the entries declare must add up to
   * no more, and no entry is inflated past its declared size, so the content cannot either.
   */
  maxUncompressedBytes: number;
}

export type OoxmlProblem =
  /** Not a ZIP this reader accepts: no single-disk end record, ZIP64, inconsistent offsets… */
  | 'zip-malformed'
  /** An entry's bytes do not inflate to its recorded size and CRC-32, or do not inflate at all. */
  | 'zip-corrupt'
  /** An entry inflates to more than it declares: a lie told to get past size checks (a bomb). */
  | 'zip-understated-size'
  | 'zip-encrypted'
  /** A compression method other than stored (0) or deflate (8). */
  | 'zip-unsupported-compression'
  | 'zip-too-many-entries'
  /** The entries declare more than `maxUncompressedBytes` together. */
  | 'zip-too-large-uncompressed'
  /** A ZIP, but not exactly one of a DOCX or an XLSX (its required parts). */
  | 'not-office-document'
  /** A macro project (`vbaProject.bin`): macro-enabled documents are not accepted. */
  | 'office-macros';

export type OoxmlVerdict = { ok: true; mediaType: EvidenceMediaType } | { ok: false; problem: OoxmlProblem };

const DOCX: EvidenceMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX: EvidenceMediaType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The parts every package has, and the main part that makes it a DOCX or an XLSX (lower case). */
const PACKAGE_PARTS = ['[content_types].xml', '_rels/.rels'];
const MAIN_PARTS: [string, EvidenceMediaType][] = [
  ['word/document.xml', DOCX],
  ['xl/workbook.xml', XLSX],
];

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const END_SIZE = 22;
const MAX_COMMENT = 0xffff;

interface Entry {
  name: string;
  rawName: Buffer;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

class Refused extends Error {
  constructor(readonly problem: OoxmlProblem) {
    super(problem);
  }
}

/**
 * Checks that the ZIP in `file` (`size` bytes) is a DOCX or an XLSX:
 * 1. one well-formed central directory (single disk, no ZIP64, right before the end record), with
 *    at most `maxEntries` entries, no duplicate names, no encryption, stored or deflate only;
 * 2. the package parts `[Content_Types].xml` and `_rels/.rels` and exactly one of
 *    `word/document.xml` (DOCX) or `xl/workbook.xml` (XLSX); no `vbaProject.bin` (macros);
 * 3. the declared uncompressed sizes add up to at most `maxUncompressedBytes`;
 * 4. every entry's local header agrees with the directory, entries do not overlap, and every entry
 *    really inflates to its declared size and CRC-32. Sizes in a ZIP can lie, so none is trusted:
 *    inflating stops one byte past the declared size, and large entries are only counted, never
 *    held in memory. The bound of step 3 therefore holds for what the entries really contain.
 */
export async function checkOoxml(file: FileHandle, size: number, limits: ArchiveLimits): Promise<OoxmlVerdict> {
  try {
    const { entries, directoryOffset } = await readDirectory(file, size, limits);
    const names = new Set(entries.map((e) => e.name.toLowerCase()));
    if (names.size !== entries.length) throw new Refused('zip-malformed');
    const main = MAIN_PARTS.filter(([part]) => names.has(part));
    if (main.length !== 1 || !PACKAGE_PARTS.every((part) => names.has(part))) throw new Refused('not-office-document');
    if ([...names].some((name) => name === 'vbaproject.bin' || name.endsWith('/vbaproject.bin'))) throw new Refused('office-macros');
    for (const e of entries) {
      if (e.flags & 0x41) throw new Refused('zip-encrypted'); // bit 0: encrypted; bit 6: strong encryption
      if (e.method !== 0 && e.method !== 8) throw new Refused('zip-unsupported-compression');
    }
    if (entries.reduce((sum, e) => sum + e.uncompressedSize, 0) > limits.maxUncompressedBytes) throw new Refused('zip-too-large-uncompressed');
    await checkContents(file, entries, directoryOffset);
    return { ok: true, mediaType: main[0]![1] };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

async function readAt(file: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  const { bytesRead } = await file.read(buffer, 0, length, position);
  if (bytesRead !== length) throw new Refused('zip-malformed');
  return buffer;
}

/** The central directory's entries; its offset is where entry data must end. */
async function readDirectory(file: FileHandle, size: number, limits: ArchiveLimits): Promise<{ entries: Entry[]; directoryOffset: number }> {
  if (size < END_SIZE) throw new Refused('zip-malformed');
  // The end record is 22 bytes plus a comment of at most 65,535: search the file's tail for it.
  const tailStart = Math.max(0, size - END_SIZE - MAX_COMMENT);
  const tail = await readAt(file, tailStart, size - tailStart);
  let end = -1;
  for (let i = tail.length - END_SIZE; i >= 0; i -= 1) {
    if (tail.readUInt32LE(i) === END && i + END_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Refused('zip-malformed');
  const disk = tail.readUInt16LE(end + 4);
  const directoryDisk = tail.readUInt16LE(end + 6);
  const onDisk = tail.readUInt16LE(end + 8);
  const count = tail.readUInt16LE(end + 10);
  const directorySize = tail.readUInt32LE(end + 12);
  const directoryOffset = tail.readUInt32LE(end + 16);
  // ZIP64 (0xffff / 0xffffffff markers) is not expected of office files under the upload limit.
  if (disk !== 0 || directoryDisk !== 0 || onDisk !== count || count === 0xffff || directoryOffset === 0xffffffff) throw new Refused('zip-malformed');
  if (count > limits.maxEntries) throw new Refused('zip-too-many-entries');
  if (directoryOffset + directorySize !== tailStart + end) throw new Refused('zip-malformed');

  const directory = await readAt(file, directoryOffset, directorySize);
  const entries: Entry[] = [];
  let p = 0;
  for (let n = 0; n < count; n += 1) {
    if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL) throw new Refused('zip-malformed');
    const nameLength = directory.readUInt16LE(p + 28);
    const next = p + 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    if (nameLength === 0 || next > directory.length) throw new Refused('zip-malformed');
    const rawName = directory.subarray(p + 46, p + 46 + nameLength);
    const entry: Entry = {
      name: rawName.toString('utf8'),
      rawName,
      flags: directory.readUInt16LE(p + 8),
      method: directory.readUInt16LE(p + 10),
      crc: directory.readUInt32LE(p + 16),
      compressedSize: directory.readUInt32LE(p + 20),
      uncompressedSize: directory.readUInt32LE(p + 24),
      localOffset: directory.readUInt32LE(p + 42),
    };
    if (entry.compressedSize === 0xffffffff || entry.uncompressedSize === 0xffffffff || entry.localOffset === 0xffffffff) throw new Refused('zip-malformed');
    entries.push(entry);
    p = next;
  }
  if (p !== directory.length) throw new Refused('zip-malformed');
  return { entries, directoryOffset };
}

/** Entries this small (both sizes) are read and inflated in one go; larger ones are streamed. */
const IN_ONE_GO = 1024 * 1024;

/**
 * Checks every entry's content (from its local header's data, in file order) against its
 * recorded size and CRC-32. Entries must lie, without overlapping, before the central directory:
 * one stretch of compressed bytes cannot be counted as many entries.
 */
async function checkContents(file: FileHandle, entries: Entry[], directoryOffset: number): Promise<void> {
  const ordered = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  let free = 0; // the first byte no earlier entry uses
  for (const entry of ordered) {
    if (entry.localOffset < free) throw new Refused('zip-malformed');
    const header = await readAt(file, entry.localOffset, 30 + entry.rawName.length);
    if (
      header.readUInt32LE(0) !== LOCAL ||
      header.readUInt16LE(8) !== entry.method ||
      header.readUInt16LE(26) !== entry.rawName.length ||
      !header.subarray(30).equals(entry.rawName)
    ) {
      throw new Refused('zip-malformed');
    }
    const start = entry.localOffset + 30 + entry.rawName.length + header.readUInt16LE(28);
    free = start + entry.compressedSize;
    if (free > directoryOffset) throw new Refused('zip-malformed');
    const { bytes, crc } = await contentOf(file, entry, start);
    if (bytes !== entry.uncompressedSize || crc !== entry.crc) throw new Refused('zip-corrupt');
  }
}

/**
 * The size and CRC-32 of one entry's content, never inflating more than one byte past the size
 * the entry declares: content that would go further is refused at that point
 * ('zip-understated-size'). Small entries are inflated in memory (at most `IN_ONE_GO` bytes),
 * larger ones counted chunk by chunk and never held.
 */
async function contentOf(file: FileHandle, entry: Entry, start: number): Promise<{ bytes: number; crc: number }> {
  const declared = entry.uncompressedSize;
  if (entry.method === 0 && entry.compressedSize !== declared) throw new Refused('zip-corrupt');
  if (entry.compressedSize <= IN_ONE_GO && declared <= IN_ONE_GO) {
    const data = await readAt(file, start, entry.compressedSize);
    const content = entry.method === 0 ? data : inflateCapped(data, declared + 1);
    if (content.length > declared) throw new Refused('zip-understated-size');
    return { bytes: content.length, crc: crc32(content) };
  }
  if (entry.compressedSize === 0) throw new Refused('zip-corrupt');
  let bytes = 0;
  let crc = 0;
  const count = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      crc = crc32(chunk, crc);
      done(bytes > declared ? new Refused('zip-understated-size') : null);
    },
  });
  const source = file.createReadStream({ start, end: start + entry.compressedSize - 1, autoClose: false, highWaterMark: 64 * 1024 });
  try {
    if (entry.method === 0) await pipeline(source, count);
    else await pipeline(source, createInflateRaw(), count);
  } catch (error) {
    if (error instanceof Refused) throw error;
    if (isZlibError(error)) throw new Refused('zip-corrupt');
    throw error;
  }
  return { bytes, crc };
}

/** `data` inflated, refused once the output would pass `maxBytes`. */
function inflateCapped(data: Buffer, maxBytes: number): Buffer {
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') throw new Refused('zip-understated-size');
    if (isZlibError(error)) throw new Refused('zip-corrupt');
    throw error;
  }
}

function isZlibError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('Z_');
}
