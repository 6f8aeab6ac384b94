import type { Budget } from '../budget';
import { type Row, splitRow, valueCells } from './locate';
import { type Cell, cellAddress, emptyTableInfo, T4_BLOCKS, T4_COLS, type Table } from './model';
import { hasDigits, missingCell, readCount } from './numbers';
import type { ParsedTable } from './parse-applications';

// 表四: header words are split one character per line and garbled by OCR on real pages, so
// the header is not read at all; the data row is the last row of (up to) 15 value cells,
// read by position: 复议 1–5, 直接起诉 6–10, 复议后起诉 11–15 (report-formats.md §2.3).

const WIDTH = T4_BLOCKS.length * T4_COLS.length;
/** Fewer value cells than this is not a data row but a header or a note. */
const MIN_VALUES = 10;

export function parseReviews(
  rows: Row[],
  put: (address: string, el: Element) => void,
  budget?: Budget,
): ParsedTable {
  if (!rows.length) return { table: null, info: emptyTableInfo('not-found') };
  const wide = rows.filter((r) => {
    budget?.tick('rows');
    return splitRow(r).values.length >= MIN_VALUES;
  });
  // A table left wholly blank is still a table: its cells are blanks, not absent.
  const withDigits = wide.filter((r) => splitRow(r).values.some((c) => hasDigits(c.text)));
  const blankRows = wide.filter((r) => splitRow(r).values.length >= WIDTH);
  const dataRow = withDigits[withDigits.length - 1] ?? blankRows[blankRows.length - 1];
  if (!dataRow) return { table: null, info: emptyTableInfo('no-numbers') };

  const taken = valueCells(dataRow, WIDTH);
  const short = WIDTH - taken.length;
  const info = emptyTableInfo();
  info.found = true;
  const table: Table = {};
  T4_BLOCKS.forEach((block, b) => {
    const cells: Record<string, Cell> = {};
    T4_COLS.forEach((col, c) => {
      const source = taken[b * T4_COLS.length + c - short];
      if (!source) {
        cells[col] = missingCell();
        return;
      }
      cells[col] = readCount(source.text);
      put(cellAddress('reviews', block, col), source.el);
    });
    table[block] = cells;
    if (Object.values(cells).some((c) => c.flags.includes('missing'))) info.garbledRows.push(block);
  });
  info.complete = short === 0;
  return { table, info };
}
