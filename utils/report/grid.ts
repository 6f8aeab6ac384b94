import { cleanText } from './normalize';

// Expands an HTML table into a rectangular grid, after axe-core's toGrid: every slot a
// rowspan/colspan covers points at the same source cell, and rowspan="0" runs to the end
// of its row group. Only the table's own rows are read; nested tables are separate grids.

export interface SourceCell {
  el: Element;
  /** display text: <br> and block boundaries become spaces, whitespace collapsed */
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** isValueLike(text), once asked (rows are split several times while a table is read) */
  valueLike?: boolean;
}

export type Grid = (SourceCell | undefined)[][];

const MAX_SPAN = 1000;
/**
 * Largest grid expanded, in slots (review M4): a real report table is a few thousand slots,
 * while 25 kB of rowspan="0" colspan="1000" would otherwise take seconds and hundreds of MB.
 */
export const MAX_GRID_AREA = 200_000;

/** A table too large to expand: it is reported as not read, never silently dropped. */
export class GridTooLarge extends Error {
  constructor(readonly area: number) {
    super(`table grid of ${area} slots exceeds ${MAX_GRID_AREA}`);
  }
}
/** Lower-case names of the elements whose boundaries are spaces in a cell's text (HTML's localName). */
const BLOCK_NAMES = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Appends the text under `node` to `out`, block boundaries and <br> as spaces. */
function appendText(node: Node, out: string[]): void {
  for (let child = node.firstChild; child; child = child.nextSibling) {
    const type = child.nodeType;
    if (type === 3) out.push((child as Text).data);
    else if (type === 1) {
      const name = (child as Element).localName;
      if (name === 'script' || name === 'style') continue;
      if (BLOCK_NAMES.has(name)) {
        out.push(' ');
        appendText(child, out);
        out.push(' ');
      } else appendText(child, out);
    }
  }
}

/** Text of an element with block boundaries and <br> kept as spaces (textContent drops them). */
export function elementText(el: Element): string {
  // Most cells are one text node, or one <p>/<span> holding one text node (Word, UEditor): the
  // element's own text is then all there is, with at most one block boundary at either end, which
  // cleanText trims anyway. Each DOM access is a call into the browser, so these take the fewest.
  const first = el.firstChild;
  if (!first) return '';
  if (first === el.lastChild) {
    if (first.nodeType === 3) return cleanText((first as Text).data);
    if (first.nodeType === 1) {
      const inner = first.firstChild;
      if (inner && inner === first.lastChild && inner.nodeType === 3) {
        const name = (first as Element).localName;
        if (name !== 'script' && name !== 'style') return cleanText((inner as Text).data);
      }
    }
  }
  const parts: string[] = [];
  appendText(el, parts);
  return cleanText(parts.join(''));
}

/** The rows that belong to this table (not to tables nested in it), in document order. */
export function ownRows(table: Element): Element[][] {
  const groups: Element[][] = [];
  let loose: Element[] | null = null;
  for (let child = table.firstElementChild; child; child = child.nextElementSibling) {
    const name = child.localName;
    if (name === 'tr') {
      if (!loose) {
        loose = [];
        groups.push(loose);
      }
      loose.push(child);
    } else if (name === 'thead' || name === 'tbody' || name === 'tfoot') {
      loose = null;
      const rows: Element[] = [];
      for (let tr = child.firstElementChild; tr; tr = tr.nextElementSibling)
        if (tr.localName === 'tr') rows.push(tr);
      groups.push(rows);
    }
  }
  return groups;
}

function span(el: Element, name: string, fallback: number): number {
  const raw = el.getAttribute(name);
  if (raw === null) return fallback;
  const n = Number.parseInt(raw, 10);
  if (Number.isNaN(n) || n < 0) return fallback;
  return Math.min(n, MAX_SPAN);
}

/** A cell as placed before its text is read: what the grid's area is counted from. */
interface Placed {
  el: Element;
  row: number;
  rowSpan: number;
  colSpan: number;
}

/** The table as a grid; throws GridTooLarge beyond MAX_GRID_AREA slots. */
export function toGrid(table: Element): Grid {
  // First the cells and their spans, each attribute read once, and the slots they would cover,
  // before anything is allocated or any text read: a hostile table stops here (review M4).
  const placed: Placed[] = [];
  let area = 0;
  let rowCount = 0;
  for (const rows of ownRows(table)) {
    const groupEnd = rowCount + rows.length;
    for (const tr of rows) {
      const r = rowCount++;
      for (let el = tr.firstElementChild; el; el = el.nextElementSibling) {
        const name = el.localName;
        if (name !== 'td' && name !== 'th') continue;
        const rs = span(el, 'rowspan', 1);
        const rowSpan = rs === 0 ? groupEnd - r : Math.min(rs || 1, groupEnd - r);
        const colSpan = Math.max(1, span(el, 'colspan', 1));
        area += rowSpan * colSpan;
        placed.push({ el, row: r, rowSpan, colSpan });
      }
    }
  }
  if (area > MAX_GRID_AREA) throw new GridTooLarge(area);
  const grid: Grid = [];
  for (let r = 0; r < rowCount; r++) grid.push([]);
  let row = -1;
  let c = 0;
  for (const { el, row: r, rowSpan, colSpan } of placed) {
    if (r !== row) {
      row = r;
      c = 0;
    }
    const slots = grid[r]!;
    while (slots[c]) c++;
    const source: SourceCell = { el, text: elementText(el), row: r, col: c, rowSpan, colSpan };
    for (let dr = 0; dr < rowSpan; dr++) {
      const target = grid[r + dr]!;
      for (let dc = 0; dc < colSpan; dc++) target[c + dc] = source;
    }
    c += colSpan;
  }
  return grid;
}

/** A grid row's source cells left to right, each once (a colspan is one cell). */
export function rowCells(row: (SourceCell | undefined)[]): SourceCell[] {
  const out: SourceCell[] = [];
  for (const slot of row) if (slot && out[out.length - 1] !== slot) out.push(slot);
  return out;
}
