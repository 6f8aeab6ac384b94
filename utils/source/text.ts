import { escapeHtml, type SourceLocation, stamp } from './location';

// Plain text → a synthetic HTML page the DOM parser reads like any portal page.
//
// Two table layouts occur in copied reports: tab-separated lines (a Word/WPS table copied as
// text: one line per row, one tab per cell, merged cells as empty fields) and space-aligned
// columns (copied from a PDF viewer: cells separated by runs of spaces). A table is a run of
// such lines; blank lines, page footers and short label fragments inside the run do not end it
// (a table broken over two pages, a label wrapped over two lines). Everything else is
// narrative: lines are joined into paragraphs (a PDF copy hard-wraps them, and a page break
// can cut a sentence), and every element carries the line range it came from in `data-at`.

export interface TextRead {
  html: string;
  explain: string[];
}

interface Line {
  no: number;
  text: string;
  kind: 'blank' | 'footer' | 'tab' | 'aligned' | 'text';
}

/** Page numbers and running footers: `- 3 -`, `— 3 —`, `第 3 页`, `第3页 共10页`, `3/10`, `3`. */
const FOOTER =
  /^(?:[-—–－]\s*\d{1,3}\s*[-—–－]|\d{1,3}|第\s*\d{1,3}\s*页(?:\s*[,，/／]?\s*共\s*\d{1,3}\s*页)?|\d{1,3}\s*[/／]\s*\d{1,3}|page\s+\d{1,3}(?:\s+of\s+\d{1,3})?)$/i;

/** A section heading or list item starts a new paragraph: 一、 （二） (三) 1. 2、 第一条. */
const MARKER =
  /^(?:[一二三四五六七八九十]+\s*[、.．]|[（(]\s*[一二三四五六七八九十\d]+\s*[）)]|\d{1,2}\s*[.．、](?!\d)|第[一二三四五六七八九十]+[章节条])/;

/** Sentence ends, after which a hard-wrapped line is a new paragraph. */
const TERMINAL = /[。！？!?；;：:…”"’」』）)】]$/;

/** A cell of a space-aligned row that holds a value: a count, an amount, a signed change. */
const VALUE_CELL = /^(?:[增减+＋\-－]?\s*\d[\d,，.]*\s*(?:万元|亿元|元|件|条|个|项|人|次|%)?|[-—–－/／]|无)$/;

/** A unit column's cell (统计表: 单位 | 汇总数). */
const UNIT = /^(?:件|个|人|次|条|项|份|家|篇|万元|元)$/;

/** Markdown left by converters (the seeds carry it): **bold**, `- ` bullets, <url> links. */
function unmark(text: string): string {
  return text
    .replace(/\*\*(.+?)\*\*/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/^\s*[-*•]\s+(?=\S)/, '');
}

/** Cells of a space-aligned line: runs of two or more spaces (or an ideographic space) split. */
function alignedCells(text: string): string[] {
  const cells = text
    .trim()
    .split(/\s{2,}|\u3000+/)
    .filter((c) => c !== '');
  // A viewer copy often keeps single spaces between numbers: `246 减45 52772` after the label.
  return cells.flatMap((c) =>
    /^(?:[增减]?\s*\d[\d,.]*\s+)+[增减]?\s*\d[\d,.]*$/.test(c) ? splitNumbers(c) : [c],
  );
}

function splitNumbers(cell: string): string[] {
  return cell.match(/[增减]?\s*\d[\d,.]*/g)!.map((n) => n.trim());
}

function classify(original: string, no: number): Line {
  // A footer first: `- 3 -` is not a bullet.
  if (FOOTER.test(original.trim())) return { no, text: original.trim(), kind: 'footer' };
  const raw = unmark(original);
  if (!raw.trim()) return { no, text: '', kind: 'blank' };
  // Trailing tabs are a Word table's empty trailing cells: keep them.
  if (raw.includes('\t') && raw.replace(/\s+$/, '').length)
    return { no, text: raw.replace(/[\r\n]+$/, ''), kind: 'tab' };
  const text = raw.replace(/\s+$/, '');
  const cells = alignedCells(text);
  const values = cells.slice(1).filter((c) => VALUE_CELL.test(c)).length;
  // A data row ends in values after its label (which may hold commas: 区分处理的，只计这一情形).
  if (
    cells.length >= 2 &&
    values >= 1 &&
    values >= cells.length - 3 &&
    VALUE_CELL.test(cells[cells.length - 1]!)
  )
    return { no, text, kind: 'aligned' };
  // A statistics row whose value is blank ends in its unit: …工作机构数量   个.
  if (cells.length === 2 && UNIT.test(cells[1]!) && /\S\s{2,}\S/.test(text.trim()))
    return { no, text, kind: 'aligned' };
  if (!/[。，,]/.test(text)) {
    // A header row is three or more short cells.
    if (cells.length >= 3 && cells.every((c) => c.length <= 16)) return { no, text, kind: 'aligned' };
    // Two short headers far apart (行政复议 … 行政诉讼): a header only inside a table, see blocks().
    if (cells.length === 2 && /\S\s{4,}\S/.test(text.trim()) && cells.every((c) => c.length <= 16))
      return { no, text, kind: 'aligned' };
  }
  return { no, text, kind: 'text' };
}

const isTableLine = (l: Line) => l.kind === 'tab' || l.kind === 'aligned';

/** A section heading of the report (一、总体情况): never part of a table. */
const SECTION = /^[一二三四五六七八九十]+\s*[、.．]/;

/** A short text line inside a table: part of a wrapped label or a one-cell row, not a paragraph. */
const isFragment = (l: Line) =>
  l.kind === 'text' && l.text.trim().length <= 30 && !/[。；;]/.test(l.text) && !SECTION.test(l.text.trim());

/**
 * A numbered line between two table lines, directly followed by a data row: a category row of
 * the table (一、公文类信息主动公开情况 in a statistics table), not a section heading.
 */
function isCategory(lines: Line[], j: number): boolean {
  const line = lines[j]!;
  const before = lines[j - 1];
  const after = lines[j + 1];
  return (
    line.kind === 'text' &&
    SECTION.test(line.text.trim()) &&
    line.text.trim().length <= 30 &&
    !!before &&
    isTableLine(before) &&
    !!after &&
    isDataRow(after)
  );
}

/** A row of a space-aligned table with values after its label (not a header row). */
const isDataRow = (l: Line) =>
  l.kind === 'tab' ||
  (l.kind === 'aligned' &&
    alignedCells(l.text)
      .slice(1)
      .some((c) => VALUE_CELL.test(c) || UNIT.test(c)));

interface Block {
  kind: 'table' | 'paragraph';
  lines: Line[];
}

/** Groups lines into tables and paragraphs. */
function blocks(lines: Line[]): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isTableLine(line)) {
      const table: Line[] = [line];
      // A one-cell caption row right above the table (第二十条第（一）项) belongs to it.
      const above = out[out.length - 1];
      if (
        above?.kind === 'paragraph' &&
        above.lines.length === 1 &&
        above.lines[0]!.no === line.no - 1 &&
        isFragment(above.lines[0]!)
      ) {
        out.pop();
        table.unshift(above.lines[0]!);
      }
      i++;
      // Extend over blanks, footers and fragments as long as another table line follows.
      while (i < lines.length) {
        let j = i;
        while (
          j < lines.length &&
          !isTableLine(lines[j]!) &&
          (lines[j]!.kind !== 'text' || isFragment(lines[j]!) || isCategory(lines, j))
        )
          j++;
        if (j >= lines.length || !isTableLine(lines[j]!) || j - i > 4) break;
        table.push(...lines.slice(i, j + 1));
        i = j + 1;
      }
      // A run of space-aligned lines without a single value is text laid out in columns
      // (an address and a phone number), not a table.
      const values = table.some(
        (l) =>
          l.kind === 'tab' ||
          alignedCells(l.text)
            .slice(1)
            .some((c) => VALUE_CELL.test(c)),
      );
      if (values) out.push({ kind: 'table', lines: table });
      else
        for (const l of table)
          if (l.kind === 'aligned' || l.kind === 'text') out.push({ kind: 'paragraph', lines: [l] });
      continue;
    }
    if (line.kind === 'text') out.push({ kind: 'paragraph', lines: [line] });
    i++;
  }
  return joinParagraphs(out, lines);
}

/**
 * Joins paragraph lines that belong together: a hard-wrapped line goes on until a sentence
 * end, a heading or a list marker; a paragraph cut by a page break (a blank line or a footer
 * between) goes on when it stopped mid-sentence after a long line.
 */
function joinParagraphs(list: Block[], lines: Line[]): Block[] {
  // A hard-wrapped line fills the width the text was wrapped at; a shorter one ends its paragraph.
  const widths = lines
    .filter((l) => l.kind === 'text')
    .map((l) => displayWidth(l.text.trim()))
    .sort((a, b) => a - b);
  const wrapWidth = widths.length >= 5 ? widths[Math.floor(widths.length * 0.9)]! : Number.POSITIVE_INFINITY;
  const out: Block[] = [];
  for (const block of list) {
    const prev = out[out.length - 1];
    if (block.kind === 'paragraph' && prev?.kind === 'paragraph') {
      const last = prev.lines[prev.lines.length - 1]!;
      const next = block.lines[0]!;
      const gap = lines.slice(last.no, next.no - 1); // lines strictly between (numbers are 1-based)
      const lastText = last.text.trim();
      const nextText = next.text.trim();
      const startsNew =
        MARKER.test(nextText) ||
        TERMINAL.test(lastText) ||
        (MARKER.test(prev.lines[0]!.text.trim()) && prev.lines.length === 1 && lastText.length <= 30);
      const adjacent = gap.length === 0;
      const acrossBreak =
        gap.every((l) => l.kind === 'blank' || l.kind === 'footer') && lastText.length >= 60;
      const full = displayWidth(lastText) >= wrapWidth * 0.8;
      if (!startsNew && (adjacent ? full : acrossBreak)) {
        prev.lines.push(next);
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/** Columns a line takes in a monospace copy: CJK characters and full-width forms take two. */
function displayWidth(text: string): number {
  let n = 0;
  for (const ch of text) n += ch.charCodeAt(0) >= 0x2e80 ? 2 : 1;
  return n;
}

/** Joins wrapped pieces of text: no space between CJK, one space between Latin words. */
function joinText(parts: string[]): string {
  return parts.reduce((acc, part) => {
    if (!acc) return part;
    return /[A-Za-z0-9]$/.test(acc) && /^[A-Za-z0-9]/.test(part) ? `${acc} ${part}` : acc + part;
  }, '');
}

const at = (from: number, to: number): SourceLocation => ({ kind: 'text', lines: [from, to] });

/**
 * A row's fields as cells. Empty fields right after a label widen that label's cell, they are
 * not blank values: a label cell whose text a PDF-to-Word copy lost leaves an empty
 * field, and which of the fields is a value cannot be known, so the row reads short and its
 * missing values are inferred (uncertain), never taken as 0 (an error on a guess). Empty
 * fields between values are blank values. Empty fields at the start of a row stay single:
 * they stand under the row-spanning labels above;
 * empty fields at its end are blank cells up to the table's widest row, and padding beyond it.
 */
function spans(fields: string[], width: number): { text: string; span: number }[] {
  const out: { text: string; span: number }[] = [];
  let end = fields.length;
  while (end > 0 && fields[end - 1] === '') end--;
  const content = end;
  let i = 0;
  while (i < end && fields[i] === '') out.push({ text: fields[i++]!, span: 1 });
  while (i < end) {
    if (fields[i] !== '') {
      out.push({ text: fields[i++]!, span: 1 });
      continue;
    }
    let j = i;
    while (j < end && fields[j] === '') j++;
    if (VALUE_CELL.test(fields[i - 1]!)) for (let k = i; k < j; k++) out.push({ text: '', span: 1 });
    // Part of the label before them (a label cell spanning those columns), never a blank value.
    else out[out.length - 1]!.span += j - i;
    i = j;
  }
  // Empty fields up to the table's width are blank cells of this row (a blank amount).
  for (let k = content; k < Math.min(fields.length, width); k++) out.push({ text: '', span: 1 });
  return out;
}

/** How many fields the table's rows fill: the widest row without its trailing empty fields. */
function contentWidth(rows: string[][]): number {
  let width = 0;
  for (const fields of rows) {
    let end = fields.length;
    while (end > 0 && fields[end - 1] === '') end--;
    width = Math.max(width, end);
  }
  return width;
}

function tableHtml(block: Block, explain: string[]): string {
  const rows: { cells: string[]; from: number; to: number }[] = [];
  let pending: Line[] = [];
  const footers = block.lines.filter((l) => l.kind === 'footer').length;
  let joined = 0;
  const tabbed = block.lines.some((l) => l.kind === 'tab');
  block.lines.forEach((line, index) => {
    if (line.kind === 'blank' || line.kind === 'footer') return;
    const next = block.lines.slice(index + 1).find((l) => l.kind !== 'blank' && l.kind !== 'footer');
    // A line without cells is a one-cell row (a merged caption) when Word copied the table with
    // tabs, or when a header row follows it; otherwise a wrapped piece of a neighbouring label.
    if (
      line.kind === 'text' &&
      (tabbed || !rows.length || !next || !isDataRow(next) || SECTION.test(line.text.trim()))
    ) {
      rows.push({ cells: [line.text.trim()], from: line.no, to: line.no });
      return;
    }
    if (line.kind === 'text') {
      pending.push(line);
      return;
    }
    const cells = line.kind === 'tab' ? line.text.split('\t').map((c) => c.trim()) : alignedCells(line.text);
    // A space-aligned row ending in its unit has a blank value: it is there, only empty.
    if (line.kind === 'aligned' && cells.length === 2 && UNIT.test(cells[1]!)) cells.push('');
    if (pending.length) {
      // A label fragment before a row: the end of the previous row's label when that row
      // already had values (the label wrapped below them), else the start of this row's.
      const previous = rows[rows.length - 1];
      const fragment = joinText(pending.map((l) => l.text.trim()));
      if (previous?.cells.slice(1).some((c) => VALUE_CELL.test(c)) && cells[0] !== '') {
        previous.cells[0] = joinText([previous.cells[0] ?? '', fragment]);
        previous.to = pending[pending.length - 1]!.no;
      } else {
        cells[0] = joinText([fragment, cells[0] ?? '']);
      }
      joined += pending.length;
      pending = [];
    }
    rows.push({ cells, from: line.no, to: line.no });
  });
  if (pending.length && rows.length) {
    const last = rows[rows.length - 1]!;
    last.cells[0] = joinText([last.cells[0] ?? '', ...pending.map((l) => l.text.trim())]);
    joined += pending.length;
  }
  const first = block.lines[0]!.no;
  const last = block.lines[block.lines.length - 1]!.no;
  const layout = block.lines.some((l) => l.kind === 'tab')
    ? '制表符分隔 / tab-separated'
    : '空格对齐 / space-aligned';
  explain.push(
    `第 ${first}–${last} 行：表格（${layout}），${rows.length} 行` +
      (footers ? `，跳过页脚 ${footers} 行` : '') +
      (joined ? `，${joined} 行短文字并入相邻行的标签（不确定）` : '') +
      ` / lines ${first}–${last}: a table (${layout.split(' / ')[1]}), ${rows.length} rows` +
      (footers ? `, ${footers} footer lines skipped` : '') +
      (joined ? `, ${joined} short lines joined to a neighbouring row's label (uncertain)` : ''),
  );
  const width = contentWidth(rows.map((r) => r.cells));
  const body = rows
    .map((r) => {
      const where = stamp(at(r.from, r.to));
      const cells = spans(r.cells, width).map(
        ({ text, span }) => `<td${span > 1 ? ` colspan="${span}"` : ''}${where}>${escapeHtml(text)}</td>`,
      );
      return `<tr${where}>${cells.join('')}</tr>`;
    })
    .join('\n');
  return `<table border="1"${stamp(at(first, last))}>\n${body}\n</table>`;
}

/**
 * A title set over two or three lines (the body on one, `2021 年…年度报告` on the next, with
 * blank lines between) is one title: the first short paragraphs are joined up to the one that
 * ends in 报告.
 */
function titleFirst(list: Block[]): Block[] {
  const head = list.slice(0, 3);
  const end = head.findIndex(
    (b) => b.kind !== 'paragraph' || /报告\s*$/.test(b.lines.map((l) => l.text).join('')),
  );
  if (end <= 0 || head[end]!.kind !== 'paragraph') return list;
  const parts = head.slice(0, end + 1);
  if (parts.some((b) => b.lines.map((l) => l.text.trim()).join('').length > 40)) return list;
  return [{ kind: 'paragraph', lines: parts.flatMap((b) => b.lines) }, ...list.slice(end + 1)];
}

export function textToHtml(text: string): TextRead {
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => classify(raw, i + 1));
  const explain: string[] = [];
  const parts: string[] = [];
  let title: string | null = null;
  let tables = 0;
  let paragraphs = 0;
  const list = titleFirst(blocks(lines));
  for (const block of list) {
    if (block.kind === 'table') {
      parts.push(tableHtml(block, explain));
      tables++;
      continue;
    }
    const text = joinText(block.lines.map((l) => l.text.trim()));
    const from = block.lines[0]!.no;
    const to = block.lines[block.lines.length - 1]!.no;
    // The first line of a report is its title: short, no sentence end.
    if (title === null && !paragraphs && !tables && text.length <= 80 && !TERMINAL.test(text)) {
      title = text;
      parts.push(`<h1${stamp(at(from, to))}>${escapeHtml(text)}</h1>`);
    } else parts.push(`<p${stamp(at(from, to))}>${escapeHtml(text)}</p>`);
    paragraphs++;
  }
  const footers = lines.filter((l) => l.kind === 'footer').length;
  explain.unshift(
    `纯文本 ${lines.length} 行：${tables} 个表格，${paragraphs} 段正文` +
      (footers ? `，${footers} 行页码/页脚已跳过` : '') +
      ` / plain text, ${lines.length} lines: ${tables} tables, ${paragraphs} paragraphs` +
      (footers ? `, ${footers} page-number/footer lines skipped` : ''),
  );
  const html =
    `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${escapeHtml(title ?? '')}</title></head>` +
    `<body><article>\n${parts.join('\n')}\n</article></body></html>`;
  return { html, explain };
}
