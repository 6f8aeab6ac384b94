import { type Grid, GridTooLarge, rowCells, type SourceCell, toGrid } from './grid';
import { labelKey } from './normalize';
import { isValueLike } from './numbers';

// Finds 表二, 表三, 表四 and the pre-2019 statistics table by their labels, not by position.
// Rows are read table by table in document order and assigned to the table whose anchor
// was seen last, so one <table> holding everything, one <table> per 第二十条 block, and a
// table continued in a second <table> all come out the same.

export type TableKind = 'active' | 'applications' | 'reviews' | 'legacy';

export interface Row {
  table: Element;
  slots: (SourceCell | undefined)[];
  /** the row's source cells left to right, each once */
  cells: SourceCell[];
  /** label key of the whole row's text */
  key: string;
}

export type Located = Record<TableKind, Row[]>;

/** Why tables of the page were not read at all (too large to expand): reported, never silent. */
export interface Skipped {
  table: Element;
  reason: 'too-large';
}

/**
 * Longest row text (label key) that can name a table. A row that is one giant cell is the
 * article in a layout table (old portals), whose section 四 heading names 行政复议 and 行政诉讼.
 */
const MAX_ANCHOR_ROW = 200;
/** A one-cell row (a caption row spanning the table) anchors only when it reads like a caption. */
const MAX_ANCHOR_CAPTION = 60;

function rowAnchor(row: Row): TableKind | null {
  if (row.key.length > MAX_ANCHOR_ROW) return null;
  if (row.cells.length < 2 && row.key.length > MAX_ANCHOR_CAPTION) return null;
  return anchorOf(row.key);
}

function anchorOf(key: string): TableKind | null {
  if (key.includes('第二十条')) return 'active';
  if (key.includes('勾稽') || key.includes('申请人情况') || /本年新收|上年结转/.test(key))
    return 'applications';
  if (key.includes('未经复议直接起诉') || (key.includes('行政复议') && key.includes('行政诉讼')))
    return 'reviews';
  if (key.includes('统计指标')) return 'legacy';
  return null;
}

const CONTINUATION: Record<TableKind, RegExp> = {
  active: /规章|规范性文件|行政许可|行政处罚|行政强制|行政事业性收费|政府集中采购|信息内容/,
  applications: /予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|总计|结转下年|国家秘密|重复申请/,
  reviews: /结果维持|结果纠正|尚未审结|复议后起诉/,
  legacy: /其中|数量/,
};

/** Hidden by its own markup or an ancestor's (print and mobile copies of the tables). */
export function hiddenByMarkup(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return true;
    const style = e.getAttribute('style');
    if (style && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  }
  return false;
}

/** Visible tables that hold no other table: layout tables around the report are never read as data. */
function leafTables(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('table')).filter(
    (t) => !t.querySelector('table') && !hiddenByMarkup(t),
  );
}

export function locateTables(root: ParentNode, skipped: Skipped[] = []): Located {
  const located: Located = { active: [], applications: [], reviews: [], legacy: [] };
  let mode: TableKind | null = null;
  for (const table of leafTables(root)) {
    let grid: Grid;
    try {
      grid = toGrid(table);
    } catch (e) {
      if (!(e instanceof GridTooLarge)) throw e;
      skipped.push({ table, reason: 'too-large' });
      mode = null;
      continue;
    }
    const rows = grid.map((slots) => {
      const cells = rowCells(slots);
      return { table, slots, cells, key: labelKey(cells.map((c) => c.text).join('')) };
    });
    // A table with no anchor of its own continues the previous one only if its rows read like it:
    // two such rows, or every row when the continuation holds fewer (a last row carried over).
    const anchored = rows.some((r) => rowAnchor(r));
    if (!anchored) {
      const filled = rows.filter((r) => r.cells.some((c) => c.text));
      const matching = mode ? filled.filter((r) => CONTINUATION[mode!].test(r.key)).length : 0;
      const continues = matching >= 2 || (matching > 0 && matching === filled.length);
      if (!continues) {
        mode = null;
        continue;
      }
    }
    for (const row of rows) {
      if (!row.cells.length) continue;
      mode = rowAnchor(row) ?? mode;
      if (mode) located[mode].push(row);
    }
  }
  return located;
}

/** Every table element that holds report rows, so the narrative reader can skip them. */
export function reportTables(located: Located): Set<Element> {
  const out = new Set<Element>();
  for (const rows of Object.values(located)) for (const r of rows) out.add(r.table);
  return out;
}

/** An empty cell spanning columns is a lost label (seed 001), never a blank value. */
const isValueCell = (c: SourceCell) => isValueLike(c.text) && (c.text !== '' || c.colSpan < 2);

/** A row split into its label cells and its trailing value cells. */
export function splitRow(row: Row): { labels: SourceCell[]; values: SourceCell[] } {
  let i = row.cells.length;
  while (i > 0 && isValueCell(row.cells[i - 1]!)) i--;
  return { labels: row.cells.slice(0, i), values: row.cells.slice(i) };
}

/**
 * The row's values for a table `width` values wide. Rows that lost leading cells carry
 * layout blanks after their values, and rows with an extra label cell carry one before:
 * trailing blanks go first, then the leftmost extras. Fewer than `width` stay short.
 * Empty cells spanning columns left of the values are lost labels when the row is short
 * without them (seed 001), but blank values when only with them is the row full: a blank
 * column whose data cells span two grid columns (平潭 2021's 商业企业).
 */
export function splitRowAt(row: Row, width: number): { labels: SourceCell[]; values: SourceCell[] } {
  let values = splitRow(row).values;
  if (values.length < width) {
    let i = row.cells.length - values.length;
    while (i > 0 && isValueLike(row.cells[i - 1]!.text)) i--;
    const wider = row.cells.slice(i);
    if (wider.length >= width) values = wider;
  }
  let end = values.length;
  while (end > width && values[end - 1]!.text === '') end--;
  const taken = values.slice(Math.max(0, end - width), end);
  const first = taken.length ? row.cells.indexOf(taken[0]!) : row.cells.length - values.length;
  return { labels: row.cells.slice(0, first), values: taken };
}

export const valueCells = (row: Row, width: number): SourceCell[] => splitRowAt(row, width).values;
