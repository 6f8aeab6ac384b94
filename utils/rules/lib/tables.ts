import {
  cellAddress,
  parseAddress,
  type ReportModel,
  T2_AMOUNT_COLS,
  T2_ROWS_2019,
  T2_ROWS_2021,
  T2_SIGNED_COLS,
  type TableId,
} from '../../report/model';
import { getCell, hasFlag, looksLikeMoney } from './cells';
import { perModel } from './memo';

// Walking the cells of a table by address. Several rules walk the same tables of the same model
// (VAL-01, 02, 05, 06, T3-07 …), so each list is built once per model object and shared, read-only:
// a model is never changed after parsing (inference makes a new one), so the lists stay true.

export const NATIONAL_TABLES = ['active', 'applications', 'reviews'] as const;

/** Each table's cell addresses, all and the counts among them, in row then column order: one walk. */
const cellsByTable = perModel((model) => {
  const all = new Map<TableId, readonly string[]>();
  const counts = new Map<TableId, readonly string[]>();
  for (const [table, t] of Object.entries(model.tables) as [TableId, ReportModel['tables'][TableId]][]) {
    const cells: string[] = [];
    const countsOf: string[] = [];
    if (t)
      for (const [row, cols] of Object.entries(t))
        for (const col in cols) {
          const address = cellAddress(table, row, col);
          cells.push(address);
          // T2's amounts and signed changes are not counts
          if (table !== 'active' || (!T2_AMOUNT_COLS.has(col) && !T2_SIGNED_COLS.has(col)))
            countsOf.push(address);
        }
    all.set(table, cells);
    counts.set(table, countsOf);
  }
  return { all, counts };
});

/** Every cell address of a table, in row then column order (shared: never change the list). */
export function tableCells(model: ReportModel, table: TableId): readonly string[] {
  return cellsByTable(model).all.get(table) ?? [];
}

/** Count cells (VAL-01/05): all of T3, T4 and the legacy table; T2 except amounts and signed deltas. */
export function countCells(model: ReportModel, table: TableId): readonly string[] {
  return cellsByTable(model).counts.get(table) ?? [];
}

/** The column after `col` in the T2 row's official order, if any. */
function nextT2Column(row: string, col: string): string | null {
  for (const spec of [...T2_ROWS_2019, ...T2_ROWS_2021]) {
    if (spec.key !== row) continue;
    const i = spec.cols.indexOf(col);
    if (i >= 0 && i + 1 < spec.cols.length) return spec.cols[i + 1]!;
  }
  return null;
}

export interface MoneyInCount {
  cell: string;
  /** the next cell of the row when it is blank: the value probably belongs there (VAL-05) */
  blankNext: string | null;
}

/** Money-like values in count columns, with the blank neighbour they probably slid from (VAL-02, VAL-05). */
export const moneyInCountCells: (model: ReportModel) => readonly MoneyInCount[] = perModel((model) => {
  const out: MoneyInCount[] = [];
  for (const table of NATIONAL_TABLES) {
    for (const a of countCells(model, table)) {
      const c = getCell(model, a);
      if (!c || hasFlag(c, 'blank') || !looksLikeMoney(c)) continue;
      const { row, col } = parseAddress(a)!;
      const next = table === 'active' ? nextT2Column(row, col) : null;
      const nextAddr = next ? cellAddress('active', row, next) : null;
      const nextCell = nextAddr ? getCell(model, nextAddr) : undefined;
      const blank = !!nextAddr && (!nextCell || hasFlag(nextCell, 'blank') || nextCell.raw.trim() === '');
      out.push({ cell: a, blankNext: blank ? nextAddr : null });
    }
  }
  return out;
});
