import type { Locale } from '@beacon/domain';

/**
 * A tiny Markdown reader for docs/methodology.md: it turns the text into plain data (blocks of
 * inline runs) that templates render with text interpolation only. No HTML from the document is
 * ever inserted into the page: raw HTML is shown as text, comments are dropped, and only
 * `http(s)` links become links.
 *
 * Supported: ATX headings, paragraphs, bullet and numbered lists (nested by indentation), fenced
 * code, block quotes, pipe tables, horizontal rules; inline code, bold, italics, links.
 */
export type MarkdownInline =
  | { kind: 'text' | 'strong' | 'em' | 'code'; text: string }
  | { kind: 'link'; text: string; href: string };

export interface MarkdownListItem {
  inlines: MarkdownInline[];
  children: MarkdownList | null;
}

export interface MarkdownList {
  kind: 'list';
  ordered: boolean;
  items: MarkdownListItem[];
}

export type MarkdownBlock =
  | { kind: 'heading'; level: number; inlines: MarkdownInline[] }
  | { kind: 'paragraph'; inlines: MarkdownInline[] }
  | MarkdownList
  | { kind: 'code'; text: string }
  | { kind: 'quote'; blocks: MarkdownBlock[] }
  | { kind: 'table'; header: MarkdownInline[][]; rows: MarkdownInline[][][] }
  | { kind: 'rule' };

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const RULE = /^\s{0,3}([-*_])(?:\s*\1){2,}\s*$/;
const QUOTE = /^\s{0,3}>\s?/;
const LIST_ITEM = /^(\s*)([-*+]|\d{1,9}[.)])\s+(.*)$/;
const TABLE_DELIMITER = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

/** Parses Markdown into blocks (see the supported subset above). */
export function parseMarkdown(source: string): MarkdownBlock[] {
  const text = source.replace(/\r\n?/g, '\n').replace(/<!--[\s\S]*?-->/g, '');
  return parseBlocks(text.split('\n'));
}

function parseBlocks(lines: readonly string[]): MarkdownBlock[] {
  const blocks: MarkdownBlock[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    if (line.trim() === '') {
      i += 1;
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence) {
      const marker = fence[1] ?? '```';
      const body: string[] = [];
      i += 1;
      while (i < lines.length && !(lines[i] ?? '').trim().startsWith(marker)) body.push(lines[i++] ?? '');
      i += 1;
      blocks.push({ kind: 'code', text: body.join('\n') });
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      blocks.push({ kind: 'heading', level: heading[1]?.length ?? 1, inlines: parseInline(heading[2] ?? '') });
      i += 1;
      continue;
    }
    if (RULE.test(line)) {
      blocks.push({ kind: 'rule' });
      i += 1;
      continue;
    }
    if (isTableStart(lines, i)) {
      const header = tableCells(line);
      const rows: MarkdownInline[][][] = [];
      i += 2;
      while (i < lines.length && (lines[i] ?? '').includes('|') && (lines[i] ?? '').trim() !== '')
        rows.push(tableCells(lines[i++] ?? '').map(parseInline));
      blocks.push({ kind: 'table', header: header.map(parseInline), rows });
      continue;
    }
    if (QUOTE.test(line)) {
      const quoted: string[] = [];
      while (i < lines.length && QUOTE.test(lines[i] ?? '')) quoted.push((lines[i++] ?? '').replace(QUOTE, ''));
      blocks.push({ kind: 'quote', blocks: parseBlocks(quoted) });
      continue;
    }
    if (LIST_ITEM.test(line)) {
      const [list, next] = parseList(lines, i);
      blocks.push(list);
      i = next;
      continue;
    }
    const paragraph: string[] = [];
    while (i < lines.length && (lines[i] ?? '').trim() !== '' && !startsBlock(lines, i))
      paragraph.push((lines[i++] ?? '').trim());
    if (paragraph.length === 0) paragraph.push((lines[i++] ?? '').trim());
    blocks.push({ kind: 'paragraph', inlines: parseInline(paragraph.join(' ')) });
  }
  return blocks;
}

function startsBlock(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  return (
    FENCE.test(line) ||
    HEADING.test(line) ||
    RULE.test(line) ||
    QUOTE.test(line) ||
    LIST_ITEM.test(line) ||
    isTableStart(lines, i)
  );
}

function isTableStart(lines: readonly string[], i: number): boolean {
  const line = lines[i] ?? '';
  const next = lines[i + 1] ?? '';
  return line.includes('|') && next.includes('-') && TABLE_DELIMITER.test(next);
}

function tableCells(line: string): string[] {
  let row = line.trim();
  if (row.startsWith('|')) row = row.slice(1);
  if (row.endsWith('|') && !row.endsWith('\\|')) row = row.slice(0, -1);
  return row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

interface ListEntry {
  indent: number;
  ordered: boolean;
  text: string;
}

/** A list and the index of the line after it; deeper-indented items nest under the previous one. */
function parseList(lines: readonly string[], start: number): [MarkdownList, number] {
  const entries: ListEntry[] = [];
  let i = start;
  while (i < lines.length) {
    const line = lines[i] ?? '';
    const item = LIST_ITEM.exec(line);
    if (item) {
      const entry = { indent: item[1]?.length ?? 0, ordered: /\d/.test(item[2] ?? ''), text: item[3] ?? '' };
      const first = entries[0];
      // Another kind of list at the same level starts a new list.
      if (first && entry.indent <= first.indent && entry.ordered !== first.ordered) break;
      entries.push(entry);
      i += 1;
      continue;
    }
    const last = entries[entries.length - 1];
    if (line.trim() === '') {
      // A blank line ends the list unless the list (or the item) goes on after it.
      const after = lines[i + 1] ?? '';
      if (LIST_ITEM.test(after) || (/^\s+\S/.test(after) && !startsBlock(lines, i + 1))) {
        i += 1;
        continue;
      }
      break;
    }
    if (last && /^\s+\S/.test(line) && !startsBlock(lines, i)) {
      last.text = `${last.text} ${line.trim()}`;
      i += 1;
      continue;
    }
    if (last && !startsBlock(lines, i)) {
      // A lazy continuation line of the last item.
      last.text = `${last.text} ${line.trim()}`;
      i += 1;
      continue;
    }
    break;
  }
  return [buildList(entries), i];
}

function buildList(entries: readonly ListEntry[]): MarkdownList {
  const root: MarkdownList = { kind: 'list', ordered: entries[0]?.ordered ?? false, items: [] };
  const stack: { indent: number; list: MarkdownList }[] = [{ indent: entries[0]?.indent ?? 0, list: root }];
  for (const entry of entries) {
    while (stack.length > 1 && entry.indent < (stack[stack.length - 1]?.indent ?? 0)) stack.pop();
    let top = stack[stack.length - 1] ?? { indent: 0, list: root };
    const parent = top.list.items[top.list.items.length - 1];
    if (entry.indent > top.indent && parent) {
      parent.children ??= { kind: 'list', ordered: entry.ordered, items: [] };
      top = { indent: entry.indent, list: parent.children };
      stack.push(top);
    }
    top.list.items.push({ inlines: parseInline(entry.text), children: null });
  }
  return root;
}

const INLINE =
  /\\([\\`*_{}[\]()#+\-.!|>])|`([^`]+)`|\*\*(.+?)\*\*|__(.+?)__|\[([^\]]+)\]\(\s*((?:[^()\s]|\([^()\s]*\))+)(?:\s+"[^"]*")?\s*\)|<(https?:\/\/[^>\s]+)>|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])/g;

/** Inline runs of one line of text; links other than `http(s)` keep only their text. */
export function parseInline(text: string): MarkdownInline[] {
  const runs: MarkdownInline[] = [];
  const push = (run: MarkdownInline): void => {
    const previous = runs[runs.length - 1];
    if (run.text === '') return;
    if (run.kind === 'text' && previous?.kind === 'text') previous.text += run.text;
    else runs.push(run);
  };
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index;
    push({ kind: 'text', text: text.slice(last, index) });
    last = index + match[0].length;
    const [, escaped, code, strong, strongAlt, linkText, href, autolink, em, emAlt] = match;
    if (escaped !== undefined) push({ kind: 'text', text: escaped });
    else if (code !== undefined) push({ kind: 'code', text: code });
    else if (strong !== undefined || strongAlt !== undefined)
      push({ kind: 'strong', text: unescape(strong ?? strongAlt ?? '') });
    else if (linkText !== undefined) push(link(unescape(linkText), href ?? ''));
    else if (autolink !== undefined) push(link(autolink, autolink));
    else push({ kind: 'em', text: unescape(em ?? emAlt ?? '') });
  }
  push({ kind: 'text', text: text.slice(last) });
  return runs;
}

function link(text: string, href: string): MarkdownInline {
  return /^https?:\/\/[^\s]+$/i.test(href) ? { kind: 'link', text, href } : { kind: 'text', text };
}

function unescape(text: string): string {
  return text.replace(/\\([\\`*_{}[\]()#+\-.!|>])/g, '$1');
}

/** Heading text without accents, in lower case (to find the French part). */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();
}

/**
 * The part of the methodology in `locale`. The document is English first, then French from its
 * first level-1 or level-2 heading that starts with "Méthodologie" or names French ("Français",
 * "Version française", "(FR)"). Without such a heading, the whole document is used in both. Lines
 * that only link to the document's own headings (a language switch) and a closing rule are dropped.
 */
export function methodologyFor(markdown: string, locale: Locale): string {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n');
  let inFence = false;
  let french = -1;
  for (const [index, line] of lines.entries()) {
    if (FENCE.test(line)) inFence = !inFence;
    if (inFence) continue;
    const heading = /^\s{0,3}#{1,2}\s+(.*)$/.exec(line);
    const title = plain(heading?.[1] ?? '');
    if (
      heading &&
      (title.startsWith('methodologie') ||
        title.startsWith('francais') ||
        title.startsWith('version francaise') ||
        /\(fr\)\s*$/.test(title))
    ) {
      french = index;
      break;
    }
  }
  const part = french < 0 ? lines : locale === 'fr' ? lines.slice(french) : lines.slice(0, french);
  return part
    .filter((line) => !LANGUAGE_LINKS.test(line))
    .join('\n')
    .replace(/(?:\n\s{0,3}([-*_])(?:\s*\1){2,}\s*)+$/, '')
    .trim();
}

/** A line of links to the document's own headings ("English · Français"): useless once split. */
const LANGUAGE_LINKS = /^\s*\[[^\]]+\]\(#[^)]*\)(?:\s*[·|•-]\s*\[[^\]]+\]\(#[^)]*\))*\s*$/;
