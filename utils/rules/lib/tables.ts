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

// Walking the cells of a table by address.

export const NATIONAL_TABLES = ['active', 'applications', 'reviews'] as const;

/** Every cell address of a table, in row then column order. */
export function tableCells(model: ReportModel, table: TableId): string[] {
  const t = model.tables[table];
  if (!t) return [];
  return Object.entries(t).flatMap(([row, cols]) => Object.keys(cols).map((c) => cellAddress(table, row, c)));
}

/** Count cells (VAL-01/05): all of T3, T4 and the legacy table; T2 except amounts and signed deltas. */
export function countCells(model: ReportModel, table: TableId): string[] {
  const all = tableCells(model, table);
  if (table !== 'active') return all;
  return all.filter((a) => {
    const { col } = parseAddress(a)!;
    return !T2_AMOUNT_COLS.has(col) && !T2_SIGNED_COLS.has(col);
  });
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

/** Money-like values in count columns, with the blank neighbour they probably slid from. */
export function moneyInCountCells(model: ReportModel): MoneyInCount[] {
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
}
