// Fixtures for the evidence tests: a small ZIP writer (stored or deflated entries, sizes that may
// lie), office files built with it, and a deflate bomb. Not used by the application itself.
import { constants, crc32, deflateRawSync } from 'node:zlib';

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface ZipEntry {
  name: string;
  content: Buffer | string;
  /** Stored by default. */
  method?: 'stored' | 'deflate';
  /** The raw deflate stream to write instead of compressing `content` (a bomb's). */
  deflated?: Buffer;
  /** What the headers claim the content inflates to (the truth by default). */
  declaredSize?: number;
  /** What the headers claim the CRC-32 is (the truth by default). */
  declaredCrc?: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags?: number;
}

/** A ZIP of `entries`, or of `{ name: content }` stored entries. */
export function zip(entries: ZipEntry[] | Record<string, string>): Buffer {
  const list: ZipEntry[] = Array.isArray(entries) ? entries : Object.entries(entries).map(([name, content]) => ({ name, content }));
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of list) {
    const name = Buffer.from(entry.name, 'utf8');
    const content = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content, 'utf8');
    const deflate = entry.method === 'deflate' || entry.deflated !== undefined;
    const data = entry.deflated ?? (deflate ? deflateRawSync(content) : content);
    const crc = entry.declaredCrc ?? crc32(content);
    const size = entry.declaredSize ?? content.length;
    const method = deflate ? 8 : 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.flags ?? 0, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.flags ?? 0, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(list.length, 8);
  end.writeUInt16LE(list.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const CONTENT_TYPES = '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';

/** The parts of a minimal DOCX (deflated, as Word writes them), plus `extra` ones. */
export function docxEntries(extra: ZipEntry[] = []): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', content: CONTENT_TYPES, method: 'deflate' },
    { name: '_rels/.rels', content: '<Relationships/>', method: 'deflate' },
    { name: 'word/document.xml', content: '<w:document><w:body><w:p><w:r><w:t>Moderation procedure</w:t></w:r></w:p></w:body></w:document>', method: 'deflate' },
    ...extra,
  ];
}

/** The parts of a minimal XLSX, plus `extra` ones. */
export function xlsxEntries(extra: ZipEntry[] = []): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', content: CONTENT_TYPES, method: 'deflate' },
    { name: '_rels/.rels', content: '<Relationships/>' },
    { name: 'xl/workbook.xml', content: '<workbook><sheets><sheet name="Reports"/></sheets></workbook>', method: 'deflate' },
    ...extra,
  ];
}

/**
 * A raw deflate stream that inflates to `mebibytes` MiB of zeros, about 1 KiB per MiB, built
 * without ever holding the zeros: one fully flushed (self-contained, byte-aligned) block of 1 MiB
 * repeated, then an empty final block.
 */
export function zerosDeflated(mebibytes: number): Buffer {
  const block = deflateRawSync(Buffer.alloc(1024 * 1024), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  return Buffer.concat([...Array.from({ length: mebibytes }, () => block), Buffer.from([0x03, 0x00])]);
}

/**
 * An entry of `mebibytes` MiB of zeros, deflated, whose headers claim `declaredSize` bytes (the
 * truth by default, CRC-32 included).
 */
export function zerosEntry(name: string, mebibytes: number, declaredSize = mebibytes * 1024 * 1024): ZipEntry {
  const mebibyte = Buffer.alloc(1024 * 1024);
  let crc = 0;
  for (let i = 0; i < mebibytes; i += 1) crc = crc32(mebibyte, crc);
  return { name, content: '', deflated: zerosDeflated(mebibytes), declaredSize, declaredCrc: crc };
}

/**
 * A DOCX whose `word/media/filler.bin` inflates to `mebibytes` MiB while its headers claim 1 KiB:
 * only inflating it shows its size.
 */
export function docxBomb(mebibytes: number): Buffer {
  return zip(docxEntries([zerosEntry('word/media/filler.bin', mebibytes, 1024)]));
}
