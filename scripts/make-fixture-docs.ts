// Makes the document fixtures of tests/fixtures/documents/ from the project's own fixture pages
// (tests/fixtures/pages/), so every document fixture holds a report whose values were written
// by hand: run `npx tsx scripts/make-fixture-docs.ts` and commit what changed.
//
// - *.tabs.txt: the report copied out of Word/WPS: paragraphs as lines, each table row one line,
//   cells separated by tabs, a row-spanning label's later rows an empty field.
// - *.aligned.txt: the report copied out of a PDF viewer: paragraphs hard-wrapped, cells padded
//   into space-aligned columns, a page footer `- n -` every 40 lines, inside tables too.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentFromHtml } from '../cli/dom';
import { elementText, toGrid } from '../utils/report/grid';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = join(ROOT, 'tests/fixtures/pages');
const OUT = join(ROOT, 'tests/fixtures/documents');

const CONTENT = [
  '.TRS_Editor',
  '#zoom',
  '.Custom_UnionStyle',
  '.view.TRS_UEDITOR',
  'article',
  '#content',
  '.content',
];
const BLOCKS = new Set([
  'P',
  'DIV',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'CENTER',
  'SECTION',
  'ARTICLE',
]);

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'table'; rows: { text: string; rowspanned: boolean }[][] };

/** The page's title and body as paragraphs and tables, in reading order. */
function pieces(html: string): Piece[] {
  const doc = documentFromHtml(html);
  const root =
    CONTENT.map((s) => doc.querySelector(s)).find((el) => el && (el.textContent ?? '').length > 200) ??
    doc.body;
  const out: Piece[] = [];
  const title = doc.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content');
  if (title && !(root.textContent ?? '').includes(title.slice(0, 10)))
    out.push({ kind: 'text', text: title });
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      if (['SCRIPT', 'STYLE', 'NAV', 'HEADER', 'FOOTER'].includes(tag)) continue;
      if (tag === 'TABLE' && !child.querySelector('table')) {
        const grid = toGrid(child);
        out.push({
          kind: 'table',
          rows: grid.map((row, r) => {
            const cells: { text: string; rowspanned: boolean }[] = [];
            row.forEach((slot, c) => {
              if (!slot || (slot.col !== c && slot.row === r)) return; // a colspan is one field
              if (slot.col !== c) return;
              cells.push({ text: slot.row === r ? slot.text : '', rowspanned: slot.row !== r });
            });
            return cells;
          }),
        });
      } else if (BLOCKS.has(tag) && !child.querySelector(`${Array.from(BLOCKS).join(',')},table`)) {
        const text = elementText(child);
        if (text) out.push({ kind: 'text', text });
      } else walk(child);
    }
  };
  walk(root);
  return out;
}

function tabs(list: Piece[]): string {
  const lines: string[] = [];
  for (const p of list) {
    if (p.kind === 'text') lines.push(p.text, '');
    else {
      for (const row of p.rows) lines.push(row.map((c) => c.text).join('\t'));
      lines.push('');
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Display width: CJK characters take two columns in a viewer's monospace copy. */
const width = (s: string) => Array.from(s).reduce((n, ch) => n + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

function wrap(text: string, columns: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (width(line + ch) > columns) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) out.push(line);
  return out;
}

function aligned(list: Piece[]): string {
  const lines: string[] = [];
  for (const p of list) {
    if (p.kind === 'text') {
      lines.push(...wrap(p.text, 76));
      continue;
    }
    // A viewer copy drops the empty slots of row-spanning labels and pads cells to columns.
    const rows = p.rows.map((row) => row.filter((c) => !c.rowspanned).map((c) => c.text));
    const widths: number[] = [];
    for (const row of rows)
      for (const [i, c] of row.entries()) widths[i] = Math.max(widths[i] ?? 0, width(c));
    for (const row of rows) {
      const padded = row.map((c, i) => c + ' '.repeat(Math.max(0, (widths[i] ?? 0) - width(c))));
      lines.push(padded.join('  ').replace(/\s+$/, ''));
    }
  }
  // Page footers every 40 lines, wherever they fall.
  const out: string[] = [];
  lines.forEach((line, i) => {
    out.push(line);
    if ((i + 1) % 40 === 0) out.push('', `- ${(i + 1) / 40} -`, '');
  });
  return `${out.join('\n')}\n`;
}

const TEXT_FIXTURES: [page: string, name: string, layout: 'tabs' | 'aligned'][] = [
  ['2021/seed003-word.html', 'seed003', 'tabs'],
  ['2019/seed001-fragment.html', 'seed001', 'tabs'],
  ['2021/seed004-ueditor.html', 'seed004', 'aligned'],
  ['pre2019/seed002-trs.html', 'seed002', 'aligned'],
];

mkdirSync(OUT, { recursive: true });
for (const [page, name, layout] of TEXT_FIXTURES) {
  const list = pieces(readFileSync(join(PAGES, page), 'utf8'));
  const text = layout === 'tabs' ? tabs(list) : aligned(list);
  writeFileSync(join(OUT, `${name}.${layout}.txt`), text);
  console.log(`${name}.${layout}.txt ← ${page} (${text.length} chars)`);
}
