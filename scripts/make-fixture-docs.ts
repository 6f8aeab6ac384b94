// Makes the document fixtures of tests/fixtures/documents/ from the project's own fixture pages
// (tests/fixtures/pages/), so every document fixture holds a report whose values were written
// by hand: run `npx tsx scripts/make-fixture-docs.ts` and commit what changed.
//
// - *.tabs.txt: the report copied out of Word/WPS: paragraphs as lines, each table row one line,
//   cells separated by tabs, a row-spanning label's later rows an empty field.
// - *.aligned.txt: the report copied out of a PDF viewer: paragraphs hard-wrapped, cells padded
//   into space-aligned columns, a page footer `- n -` every 40 lines, inside tables too.
// - *.pdf: the page printed by Chromium (`page.pdf()`, A4, through playwright-core and the system
//   /usr/bin/chromium) in one font, Droid Sans Fallback (Debian: fonts-droid-fallback), whose
//   TrueType subsets keep each file under ~100 kB; the tables break over pages where they fall.
//   scanned.pdf is a screenshot of a report page printed as an image: a PDF with no text layer.
// - *.docx: the page as a Word document written here (OOXML zipped with jszip, mammoth's own zip
//   library): paragraphs, and tables with merged cells (gridSpan, vMerge).
//
// Each document's expected model is <name>.expected.json: the page it was made from and what
// differs from that page's hand-written expectation (tests/fixtures/pages/*.expected.json).

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { chromium } from 'playwright-core';
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
  | { kind: 'table'; rows: { text: string; rowspanned: boolean }[][]; grid: ReturnType<typeof toGrid> };

/** The page's title and body as paragraphs and tables, in reading order. */
function pieces(html: string): Piece[] {
  const doc = documentFromHtml(html);
  const root =
    CONTENT.map((s) => doc.querySelector(s)).find((el) => el && (el.textContent ?? '').length > 200) ??
    doc.body;
  const out: Piece[] = [];
  const title = doc.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content');
  if (title && !(root.textContent ?? '').replace(/\s+/g, '').slice(0, 40).includes(title.slice(0, 10)))
    out.push({ kind: 'text', text: title });
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      if (['SCRIPT', 'STYLE', 'NAV', 'HEADER', 'FOOTER'].includes(tag)) continue;
      if (tag === 'TABLE' && !child.querySelector('table')) {
        const grid = toGrid(child);
        out.push({
          kind: 'table',
          grid,
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
    // A viewer copy keeps each cell at its column's place: text where the cell starts, spaces
    // for blank cells and for the slots under a row-spanning label.
    const columns = Math.max(...p.grid.map((r) => r.length));
    const widths = Array.from({ length: columns }, () => 2);
    for (const row of p.grid)
      for (const [c, slot] of row.entries())
        if (slot && slot.col === c && slot.colSpan === 1) widths[c] = Math.max(widths[c]!, width(slot.text));
    const start = (c: number) => widths.slice(0, c).reduce((a, w) => a + w + 2, 0);
    for (const [r, row] of p.grid.entries()) {
      let line = '';
      for (const [c, slot] of row.entries()) {
        if (!slot || slot.col !== c || slot.row !== r || !slot.text) continue;
        line = line.padEnd(Math.max(0, start(c) - (width(line) - line.length)), ' ');
        line += `${line && !line.endsWith('  ') ? '  ' : ''}${slot.text}`;
      }
      lines.push(line.replace(/\s+$/, ''));
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

const xml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
const run = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

/** The page as document.xml: its paragraphs, and its tables with gridSpan/vMerge merged cells. */
function documentXml(html: string): string {
  const doc = documentFromHtml(html);
  const root =
    CONTENT.map((s) => doc.querySelector(s)).find((el) => el && (el.textContent ?? '').length > 200) ??
    doc.body;
  const body: string[] = [];
  const title = doc.querySelector('meta[name="ArticleTitle"]')?.getAttribute('content');
  if (title && !(root.textContent ?? '').replace(/\s+/g, '').slice(0, 40).includes(title.slice(0, 10)))
    body.push(run(title));
  const walk = (el: Element) => {
    for (const child of Array.from(el.children)) {
      const tag = child.tagName.toUpperCase();
      if (['SCRIPT', 'STYLE', 'NAV', 'HEADER', 'FOOTER'].includes(tag)) continue;
      if (tag === 'TABLE' && !child.querySelector('table')) {
        const grid = toGrid(child);
        const width = Math.max(...grid.map((r) => r.length));
        const rows = grid.map((row, r) => {
          const cells: string[] = [];
          for (let c = 0; c < width; c++) {
            const slot = row[c];
            if (slot && slot.col !== c) continue; // inside a colspan
            const span = slot ? slot.colSpan : 1;
            const props = [
              span > 1 ? `<w:gridSpan w:val="${span}"/>` : '',
              slot && slot.rowSpan > 1
                ? slot.row === r
                  ? '<w:vMerge w:val="restart"/>'
                  : '<w:vMerge/>'
                : '',
            ].join('');
            const text = slot && slot.row === r ? slot.text : '';
            cells.push(`<w:tc><w:tcPr>${props}</w:tcPr>${run(text)}</w:tc>`);
          }
          return `<w:tr>${cells.join('')}</w:tr>`;
        });
        const grid_ = `<w:tblGrid>${'<w:gridCol w:w="900"/>'.repeat(width)}</w:tblGrid>`;
        body.push(
          `<w:tbl><w:tblPr><w:tblBorders><w:insideH w:val="single"/><w:insideV w:val="single"/></w:tblBorders></w:tblPr>${grid_}${rows.join('')}</w:tbl>`,
        );
      } else if (BLOCKS.has(tag) && !child.querySelector(`${Array.from(BLOCKS).join(',')},table`)) {
        const text = elementText(child);
        if (text) body.push(run(text));
      } else walk(child);
    }
  };
  walk(root);
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    `<w:body>${body.join('')}</w:body></w:document>`
  );
}

async function docx(html: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', documentXml(html));
  // A fixed date keeps the bytes the same from one run to the next.
  return zip.generateAsync({
    type: 'uint8array',
    compression: 'DEFLATE',
    date: new Date('2024-01-01T00:00:00Z'),
  } as JSZip.JSZipGeneratorOptions<'uint8array'>);
}

const PRINT_CSS =
  '* { font-family: "Droid Sans Fallback" !important; font-weight: normal !important; font-style: normal !important } img { display: none !important }';

mkdirSync(OUT, { recursive: true });
for (const [page, name, layout] of TEXT_FIXTURES) {
  const list = pieces(readFileSync(join(PAGES, page), 'utf8'));
  const text = layout === 'tabs' ? tabs(list) : aligned(list);
  writeFileSync(join(OUT, `${name}.${layout}.txt`), text);
  console.log(`${name}.${layout}.txt ← ${page} (${text.length} chars)`);
}

const DOCX_FIXTURES: [page: string, name: string][] = [
  ['2021/seed004-word.html', 'seed004'],
  ['pre2019/seed002-word.html', 'seed002'],
];
for (const [page, name] of DOCX_FIXTURES) {
  const bytes = await docx(readFileSync(join(PAGES, page), 'utf8'));
  writeFileSync(join(OUT, `${name}.docx`), bytes);
  console.log(`${name}.docx ← ${page} (${bytes.length} bytes)`);
}

const PDF_FIXTURES: [page: string, name: string][] = [
  ['2021/seed003-word.html', 'seed003'],
  ['2019/seed000-ueditor.html', 'seed000'],
];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const page = await browser.newPage();
  for (const [source, name] of PDF_FIXTURES) {
    await page.setContent(readFileSync(join(PAGES, source), 'utf8'), { waitUntil: 'load' });
    await page.addStyleTag({ content: PRINT_CSS });
    const bytes = await page.pdf({ format: 'A4' });
    writeFileSync(join(OUT, `${name}.pdf`), bytes);
    console.log(`${name}.pdf ← ${source} (${bytes.length} bytes)`);
  }
  // A scan: the first screen of a report page as a grey JPEG, printed as an image only.
  await page.setViewportSize({ width: 700, height: 900 });
  await page.setContent(readFileSync(join(PAGES, '2021/seed003-word.html'), 'utf8'), { waitUntil: 'load' });
  const shot = await page.screenshot({ type: 'jpeg', quality: 30 });
  await page.setContent(
    `<html><body style="margin:0"><img style="width:100%" src="data:image/jpeg;base64,${shot.toString('base64')}"></body></html>`,
    { waitUntil: 'load' },
  );
  const scan = await page.pdf({ format: 'A4' });
  writeFileSync(join(OUT, 'scanned.pdf'), scan);
  console.log(`scanned.pdf (${scan.length} bytes)`);
} finally {
  await browser.close();
}
