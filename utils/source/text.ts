import { escapeHtml, PLACED_ATTRIBUTE, type SourceLocation, stamp } from './location';
import { ideographs } from './radicals';

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

/** A cell of a space-aligned line and the display columns it takes, [start, end). */
interface Positioned {
  text: string;
  start: number;
  end: number;
}

/**
 * Cells of a space-aligned line with their display columns: runs of two or more spaces (or an
 * ideographic space) split; a viewer copy often keeps single spaces between numbers
 * (`246 减45 52772` after the label), which split too.
 */
function positionedCells(text: string): Positioned[] {
  const out: Positioned[] = [];
  const separator = /\s{2,}|\u3000+/g;
  let from = 0;
  const push = (piece: string, offset: number) => {
    const lead = piece.length - piece.trimStart().length;
    const body = piece.trim();
    if (!body) return;
    const at = offset + lead;
    if (/^(?:[增减]?\s*\d[\d,.]*\s+)+[增减]?\s*\d[\d,.]*$/.test(body)) {
      for (const m of body.matchAll(/[增减]?\s*\d[\d,.]*/g)) {
        const start = displayWidth(text.slice(0, at + m.index));
        out.push({ text: m[0].trim(), start, end: start + displayWidth(m[0]) });
      }
      return;
    }
    const start = displayWidth(text.slice(0, at));
    out.push({ text: body, start, end: start + displayWidth(body) });
  };
  for (const m of text.matchAll(separator)) {
    push(text.slice(from, m.index), from);
    from = m.index + m[0].length;
  }
  push(text.slice(from), from);
  return out;
}

/** Cells of a space-aligned line, without their places. */
function alignedCells(text: string): string[] {
  return positionedCells(text).map((c) => c.text);
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
 * A field placed by column position (`placed`) stays its own cell, empty or not.
 */
function spans(
  fields: string[],
  width: number,
  placed: ReadonlySet<number> = new Set(),
): { text: string; span: number; placed: boolean }[] {
  const out: { text: string; span: number; placed: boolean }[] = [];
  const empty = (k: number) => fields[k] === '' && !placed.has(k);
  const cell = (k: number) => ({ text: fields[k]!, span: 1, placed: placed.has(k) });
  let end = fields.length;
  while (end > 0 && empty(end - 1)) end--;
  const content = end;
  let i = 0;
  while (i < end && empty(i)) out.push(cell(i++));
  while (i < end) {
    if (!empty(i)) {
      out.push(cell(i++));
      continue;
    }
    let j = i;
    while (j < end && empty(j)) j++;
    if (VALUE_CELL.test(fields[i - 1]!) || placed.has(i - 1)) for (let k = i; k < j; k++) out.push(cell(k));
    // Part of the label before them (a label cell spanning those columns), never a blank value.
    else out[out.length - 1]!.span += j - i;
    i = j;
  }
  // Empty fields up to the table's width are blank cells of this row (a blank amount).
  for (let k = content; k < Math.min(fields.length, width); k++) out.push(cell(k));
  return out;
}

/** How many fields the table's rows fill: the widest row without its trailing empty fields. */
function contentWidth(rows: TableRow[]): number {
  let width = 0;
  for (const { cells, placed } of rows) {
    let end = cells.length;
    while (end > 0 && cells[end - 1] === '' && !placed.has(end - 1)) end--;
    width = Math.max(width, end);
  }
  return width;
}

interface TableRow {
  cells: string[];
  from: number;
  to: number;
  /** a space-aligned row's cells with their display columns (none for tab-separated rows) */
  positioned?: Positioned[];
  /** indexes of cells placed by column position, not read as fields */
  placed: Set<number>;
}

/** The trailing run of a positioned row's value cells (a 表四 row is values only). */
function valueRun(cells: Positioned[]): number {
  let i = cells.length;
  while (i > 0 && VALUE_CELL.test(cells[i - 1]!.text)) i--;
  return i;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  a.start < b.end && b.start < a.end;

/**
 * Columns of a run of space-aligned data rows, from where their values stand: the values of
 * one column overlap whatever their alignment (left, right or centred), so overlapping values
 * across rows make one column. Values standing in another row's label area are a row shifted
 * by the copy, not a column. A column no row fills (a body that only serves 自然人 leaves five
 * blank in every row) is known from the header rows above. A header cell over a header cell of
 * a lower row spans it (法人或其他组织, 行政诉讼) and names no column. Any other header cell
 * names the column it overlaps, or else the unnamed column beside it on the side the numbers
 * are set to (right-set numbers in a wide column stand right of their header, left-set ones
 * left of a right-set header); with none there, it heads a column no row fills. Null when the
 * values do not make clean columns.
 */
function inferColumns(segment: TableRow[], headers: TableRow[]): { start: number; end: number }[] | null {
  const labels = segment.flatMap((r) => r.positioned!.slice(0, valueRun(r.positioned!)));
  const valuesOf = (r: TableRow) => r.positioned!.slice(valueRun(r.positioned!));
  // A row with a value in another row's label area was shifted by the copy: no evidence.
  const shifted = (r: TableRow) => valuesOf(r).some((v) => labels.some((l) => overlaps(l, v)));
  const aligned = segment.filter((r) => !shifted(r));
  const clusters: { start: number; end: number; members: Positioned[] }[] = [];
  for (const v of aligned.flatMap(valuesOf).sort((a, b) => a.start - b.start)) {
    const last = clusters[clusters.length - 1];
    if (last && v.start < last.end) {
      last.end = Math.max(last.end, v.end);
      last.members.push(v);
    } else clusters.push({ start: v.start, end: v.end, members: [v] });
  }
  // Two values of one row in one column: the places do not make columns.
  for (const r of aligned) {
    const hit = valuesOf(r).map((v) => clusters.findIndex((c) => overlaps(c, v)));
    if (new Set(hit).size < hit.length) return null;
  }
  const columns = clusters.map((c) => ({ start: c.start, end: c.end, named: false }));
  if (!columns.length) return null;

  // Which side numbers are set to: a column of numbers of different widths sharing a start is
  // left-set, sharing an end right-set.
  let leftSet = 0;
  let otherwise = 0;
  for (const { members } of clusters) {
    if (new Set(members.map((m) => m.end - m.start)).size < 2) continue;
    if (new Set(members.map((m) => m.start)).size === 1) leftSet++;
    else otherwise++;
  }
  const side = leftSet > otherwise ? -1 : 1;

  const cells = headers.flatMap((row, r) =>
    (row.positioned ?? [])
      .filter((h) => !labels.some((l) => overlaps(l, h)) && !/单位/.test(h.text))
      .filter((h) => !headers.slice(r + 1).some((lower) => lower.positioned?.some((o) => overlaps(o, h)))),
  );
  const name = (column: (typeof columns)[number], cell: Positioned) => {
    column.start = Math.min(column.start, cell.start);
    column.end = Math.max(column.end, cell.end);
    column.named = true;
  };
  const beside: Positioned[] = [];
  for (const cell of cells) {
    const over = columns.filter((c) => overlaps(c, cell));
    if (over.length === 1) name(over[0]!, cell);
    else if (!over.length) beside.push(cell);
  }
  const sequence = [
    ...columns.map((column) => ({ start: column.start, column })),
    ...cells.map((cell) => ({ start: cell.start, column: null })),
  ].sort((a, b) => a.start - b.start);
  const added: typeof columns = [];
  for (const cell of beside) {
    const i = sequence.findIndex((e) => e.start === cell.start && !e.column);
    const column = sequence[i + side]?.column;
    if (column && !column.named) name(column, cell);
    else added.push({ start: cell.start, end: cell.end, named: true });
  }
  return [...columns, ...added].sort((a, b) => a.start - b.start);
}

/**
 * Blank cells inside a space-aligned row: a copy from a PDF viewer writes an empty cell as a
 * wider gap, so a row with fewer values than the table has columns gets each value at the
 * column it stands in and a blank cell at each column it leaves empty. All of such a row's value
 * cells are marked placed: their columns come from positions, so rules treat them as guesses.
 * A row whose values do not each stand in a column of their own keeps its fields (read short).
 * Returns how many rows were placed.
 */
function placeByColumns(rows: TableRow[]): number {
  let placedRows = 0;
  let i = 0;
  while (i < rows.length) {
    const hasValues = (r: TableRow) => !!r.positioned && valueRun(r.positioned) < r.positioned.length;
    if (!hasValues(rows[i]!)) {
      i++;
      continue;
    }
    let h = i;
    while (h > 0 && rows[h - 1]!.positioned && !hasValues(rows[h - 1]!)) h--;
    // A one-cell row (a caption, a label the copy set on its own line) does not end the run:
    // the columns go on below it unless a header row starts another table.
    let j = i;
    let end = i;
    while (j < rows.length && (hasValues(rows[j]!) || !rows[j]!.positioned))
      if (hasValues(rows[j++]!)) end = j;
    j = end;
    const segment = rows.slice(i, j).filter(hasValues);
    const columns = inferColumns(segment, rows.slice(h, i));
    if (columns)
      for (const row of segment) {
        const run = valueRun(row.positioned!);
        const values = row.positioned!.slice(run);
        if (values.length >= columns.length) continue;
        const at = values.map((v) => columns.findIndex((c) => overlaps(c, v)));
        if (at.some((c) => c < 0) || new Set(at).size < at.length) continue;
        // Labels as read (a wrapped label was joined into the first), then one field a column.
        const labelCount = row.cells.length - values.length;
        const fields = row.cells.slice(0, labelCount);
        for (let c = 0; c < columns.length; c++) {
          const k = at.indexOf(c);
          row.placed.add(fields.length);
          fields.push(k < 0 ? '' : values[k]!.text);
        }
        row.cells = fields;
        placedRows++;
      }
    i = j;
  }
  return placedRows;
}

/**
 * Which label cell of a space-aligned row a wrapped fragment continues: the one it stands under
 * (the last that starts at or left of it), so a wrapped item label (1. 申请人无正当理由逾期不补正、
 * … 行政机关不再处理其政府信息公开申请) joins the item, not the category left of it.
 */
function labelFor(positioned: Positioned[] | undefined, column: number): number {
  if (!positioned) return 0;
  let k = 0;
  for (let i = 0; i < valueRun(positioned); i++) if (positioned[i]!.start <= column + 1) k = i;
  return k;
}

function tableHtml(block: Block, explain: string[]): string {
  const rows: TableRow[] = [];
  let pending: Line[] = [];
  const footers = block.lines.filter((l) => l.kind === 'footer').length;
  let joined = 0;
  const tabbed = block.lines.some((l) => l.kind === 'tab');
  block.lines.forEach((line, index) => {
    if (line.kind === 'blank' || line.kind === 'footer') return;
    // (Past the rest of a label wrapped over several lines.)
    const next = block.lines
      .slice(index + 1)
      .find((l) => l.kind !== 'blank' && l.kind !== 'footer' && l.kind !== 'text');
    // A line without cells is a one-cell row (a merged caption) when Word copied the table with
    // tabs, or when a header row follows it; otherwise a wrapped piece of a neighbouring label.
    if (
      line.kind === 'text' &&
      (tabbed || !rows.length || !next || !isDataRow(next) || SECTION.test(line.text.trim()))
    ) {
      rows.push({ cells: [line.text.trim()], from: line.no, to: line.no, placed: new Set() });
      return;
    }
    if (line.kind === 'text') {
      pending.push(line);
      return;
    }
    const positioned = line.kind === 'aligned' ? positionedCells(line.text) : undefined;
    const cells = positioned ? positioned.map((c) => c.text) : line.text.split('\t').map((c) => c.trim());
    // A space-aligned row ending in its unit has a blank value: it is there, only empty.
    if (line.kind === 'aligned' && cells.length === 2 && UNIT.test(cells[1]!)) cells.push('');
    if (pending.length) {
      // A label fragment before a row: the end of the previous row's label when that row
      // already had values (the label wrapped below them), else the start of this row's.
      const previous = rows[rows.length - 1];
      const fragment = joinText(pending.map((l) => l.text.trim()));
      const column = positionedCells(pending[0]!.text)[0]?.start ?? 0;
      if (previous?.cells.slice(1).some((c) => VALUE_CELL.test(c)) && cells[0] !== '') {
        const k = labelFor(previous.positioned, column);
        previous.cells[k] = joinText([previous.cells[k] ?? '', fragment]);
        previous.to = pending[pending.length - 1]!.no;
      } else {
        const k = labelFor(positioned, column);
        cells[k] = joinText([fragment, cells[k] ?? '']);
      }
      joined += pending.length;
      pending = [];
    }
    rows.push({ cells, from: line.no, to: line.no, positioned, placed: new Set() });
  });
  if (pending.length && rows.length) {
    const last = rows[rows.length - 1]!;
    last.cells[0] = joinText([last.cells[0] ?? '', ...pending.map((l) => l.text.trim())]);
    joined += pending.length;
  }
  const placedRows = tabbed ? 0 : placeByColumns(rows);
  const first = block.lines[0]!.no;
  const last = block.lines[block.lines.length - 1]!.no;
  const layout = tabbed ? '制表符分隔 / tab-separated' : '空格对齐 / space-aligned';
  explain.push(
    `第 ${first}–${last} 行：表格（${layout}），${rows.length} 行` +
      (footers ? `，跳过页脚 ${footers} 行` : '') +
      (joined ? `，${joined} 行短文字并入相邻行的标签（不确定）` : '') +
      (placedRows ? `，${placedRows} 行按列位置放置数值并补出空格（不确定）` : '') +
      ` / lines ${first}–${last}: a table (${layout.split(' / ')[1]}), ${rows.length} rows` +
      (footers ? `, ${footers} footer lines skipped` : '') +
      (joined ? `, ${joined} short lines joined to a neighbouring row's label (uncertain)` : '') +
      (placedRows
        ? `, ${placedRows} rows' values placed by column position with blank cells (uncertain)`
        : ''),
  );
  const width = contentWidth(rows);
  const body = rows
    .map((r) => {
      const where = stamp(at(r.from, r.to));
      const cells = spans(r.cells, width, r.placed).map(
        ({ text, span, placed }) =>
          `<td${span > 1 ? ` colspan="${span}"` : ''}${placed ? ` ${PLACED_ATTRIBUTE}` : ''}${where}>${escapeHtml(text)}</td>`,
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
  // Text copied out of a PDF can carry radicals for ideographs (see radicals.ts).
  const lines = ideographs(text)
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
