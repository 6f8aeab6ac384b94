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
const BLOCK_TAGS = new Set(['P', 'DIV', 'BR', 'LI', 'TR', 'TD', 'TH', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6']);

/** Text of an element with block boundaries and <br> kept as spaces (textContent drops them). */
export function elementText(el: Element): string {
  // most cells hold one text node and nothing else
  const only = el.firstChild;
  if (only && only === el.lastChild && only.nodeType === 3) return cleanText(only.nodeValue ?? '');
  const parts: string[] = [];
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        const tag = (child as Element).tagName.toUpperCase();
        if (tag === 'SCRIPT' || tag === 'STYLE') continue;
        const block = BLOCK_TAGS.has(tag);
        if (block) parts.push(' ');
        walk(child);
        if (block) parts.push(' ');
      }
    }
  };
  walk(el);
  return cleanText(parts.join(''));
}

/** The rows that belong to this table (not to tables nested in it), in document order. */
export function ownRows(table: Element): Element[][] {
  const groups: Element[][] = [];
  let loose: Element[] | null = null;
  for (const child of Array.from(table.children)) {
    const tag = child.tagName.toUpperCase();
    if (tag === 'TR') {
      if (!loose) {
        loose = [];
        groups.push(loose);
      }
      loose.push(child);
    } else if (tag === 'THEAD' || tag === 'TBODY' || tag === 'TFOOT') {
      loose = null;
      groups.push(Array.from(child.children).filter((r) => r.tagName.toUpperCase() === 'TR'));
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

/** Slots the table's cells would cover, counted before anything is allocated. */
function gridArea(groups: Element[][]): number {
  let area = 0;
  let rowOffset = 0;
  for (const rows of groups) {
    const groupEnd = rowOffset + rows.length;
    rows.forEach((tr, i) => {
      const r = rowOffset + i;
      for (const el of Array.from(tr.children)) {
        const tag = el.tagName.toUpperCase();
        if (tag !== 'TD' && tag !== 'TH') continue;
        const rs = span(el, 'rowspan', 1);
        const rowSpan = rs === 0 ? groupEnd - r : Math.min(rs || 1, groupEnd - r);
        area += rowSpan * Math.max(1, span(el, 'colspan', 1));
      }
    });
    rowOffset = groupEnd;
  }
  return area;
}

/** The table as a grid; throws GridTooLarge beyond MAX_GRID_AREA slots. */
export function toGrid(table: Element): Grid {
  const grid: Grid = [];
  let rowOffset = 0;
  const groups = ownRows(table);
  const area = gridArea(groups);
  if (area > MAX_GRID_AREA) throw new GridTooLarge(area);
  for (const rows of groups) {
    const groupEnd = rowOffset + rows.length;
    rows.forEach((tr, i) => {
      const r = rowOffset + i;
      grid[r] ??= [];
      let c = 0;
      for (const el of Array.from(tr.children)) {
        const tag = el.tagName.toUpperCase();
        if (tag !== 'TD' && tag !== 'TH') continue;
        while (grid[r]![c]) c++;
        const rs = span(el, 'rowspan', 1);
        const rowSpan = rs === 0 ? groupEnd - r : Math.min(rs || 1, groupEnd - r);
        const colSpan = Math.max(1, span(el, 'colspan', 1));
        const source: SourceCell = { el, text: elementText(el), row: r, col: c, rowSpan, colSpan };
        for (let dr = 0; dr < rowSpan; dr++) {
          grid[r + dr] ??= [];
          const target = grid[r + dr]!;
          for (let dc = 0; dc < colSpan; dc++) target[c + dc] = source;
        }
        c += colSpan;
      }
    });
    rowOffset = groupEnd;
  }
  for (let r = 0; r < grid.length; r++) grid[r] ??= [];
  return grid;
}

/** A grid row's source cells left to right, each once (a colspan is one cell). */
export function rowCells(row: (SourceCell | undefined)[]): SourceCell[] {
  const out: SourceCell[] = [];
  for (const slot of row) if (slot && out[out.length - 1] !== slot) out.push(slot);
  return out;
}
