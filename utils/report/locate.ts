import { type Grid, rowCells, type SourceCell, toGrid } from './grid';
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

/** Tables that hold no other table: layout tables around the report are never read as data. */
function leafTables(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('table')).filter((t) => !t.querySelector('table'));
}

export function locateTables(root: ParentNode): Located {
  const located: Located = { active: [], applications: [], reviews: [], legacy: [] };
  let mode: TableKind | null = null;
  for (const table of leafTables(root)) {
    const grid: Grid = toGrid(table);
    const rows = grid.map((slots) => {
      const cells = rowCells(slots);
      return { table, slots, cells, key: labelKey(cells.map((c) => c.text).join('')) };
    });
    // A table with no anchor of its own continues the previous one only if its rows read like it.
    const anchored = rows.some((r) => anchorOf(r.key));
    if (!anchored) {
      const continues = mode && rows.filter((r) => CONTINUATION[mode!].test(r.key)).length >= 2;
      if (!continues) {
        mode = null;
        continue;
      }
    }
    for (const row of rows) {
      if (!row.cells.length) continue;
      mode = anchorOf(row.key) ?? mode;
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
 */
export function valueCells(row: Row, width: number): SourceCell[] {
  const values = splitRow(row).values;
  let end = values.length;
  while (end > width && values[end - 1]!.text === '') end--;
  return values.slice(Math.max(0, end - width), end);
}
