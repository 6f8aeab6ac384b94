import type { Budget } from '../budget';
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
  const all = Array.from(root.querySelectorAll('table'));
  // In document order a table's nested tables come right after it, so a table holds another exactly
  // when it contains the next one: no search of each table's whole subtree.
  return all.filter((t, i) => !(i + 1 < all.length && t.contains(all[i + 1]!)) && !hiddenByMarkup(t));
}

export function locateTables(root: ParentNode, skipped: Skipped[] = [], budget?: Budget): Located {
  const located: Located = { active: [], applications: [], reviews: [], legacy: [] };
  let mode: TableKind | null = null;
  for (const table of leafTables(root)) {
    // a table is up to MAX_GRID_AREA slots of work: the clock is read before each one
    budget?.check('tables');
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
    // two such rows, or every data row when it holds fewer (a last row carried over, a footnote).
    const anchored = rows.some((r) => rowAnchor(r));
    if (!anchored) {
      const filled = rows.filter((r) => r.cells.some((c) => c.text) && splitRow(r).values.length);
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
/** Does the cell's text look like a value: asked of each cell once per parse, however often its row is split. */
export const valueLike = (c: SourceCell): boolean => (c.valueLike ??= isValueLike(c.text));

const isValueCell = (c: SourceCell) => valueLike(c) && (c.text !== '' || c.colSpan < 2);

/** A row split into its label cells and its trailing value cells. */
export function splitRow(row: Row): { labels: SourceCell[]; values: SourceCell[] } {
  let i = row.cells.length;
  // An empty cell that ends the row is a blank value whatever it spans: no value follows it.
  while (
    i > 0 &&
    (isValueCell(row.cells[i - 1]!) || (i === row.cells.length && row.cells[i - 1]!.text === ''))
  )
    i--;
  return { labels: row.cells.slice(0, i), values: row.cells.slice(i) };
}

/**
 * The row's label cells and its values for a table `width` values wide. Values are the row's
 * trailing value-like cells. Then:
 * - an empty cell at their left edge is a lost label when nothing but a category (a cell spanning
 *   rows) or nothing at all stands left of it, and either the row has a value too many or the
 *   cell spans columns (seed 001); after a row's own printed label it is a blank value;
 * - rows that lost leading cells carry layout blanks after their values, and rows with an extra
 *   label cell carry one before: trailing blanks go first, then the leftmost extras;
 * - fewer than `width` stay short (right-aligned by the caller).
 */
export function splitRowAt(row: Row, width: number): { labels: SourceCell[]; values: SourceCell[] } {
  const cells = row.cells;
  let start = cells.length;
  while (start > 0 && valueLike(cells[start - 1]!)) start--;
  while (start < cells.length) {
    const cell = cells[start]!;
    const before = cells[start - 1];
    const ownLabelBefore = before && before.text !== '' && before.rowSpan === 1;
    if (cell.text !== '' || ownLabelBefore || (cells.length - start <= width && cell.colSpan < 2)) break;
    start++;
  }
  const values = cells.slice(start);
  let end = values.length;
  while (end > width && values[end - 1]!.text === '') end--;
  const taken = values.slice(Math.max(0, end - width), end);
  const first = taken.length ? cells.indexOf(taken[0]!) : start;
  return { labels: cells.slice(0, first), values: taken };
}

export const valueCells = (row: Row, width: number): SourceCell[] => splitRowAt(row, width).values;
