import type { Budget } from '../budget';
import type { Row } from './locate';
import {
  type Cell,
  cellAddress,
  emptyTableInfo,
  type Format,
  T2_AMOUNT_COLS,
  T2_ROWS_2019,
  T2_ROWS_2021,
  T2_SIGNED_COLS,
  type T2RowSpec,
  type Table,
} from './model';
import { labelKey } from './normalize';
import { hasDigits, missingCell, readAmount, readCount, readSigned } from './numbers';
import type { ParsedTable } from './parse-applications';

// 表二: blocks of caption row (第二十条第（X）项), header row (信息内容 …) and data rows.
// Header and data colspans disagree on real pages (上海 2019), so values are mapped by cell
// order within the block: the n-th cell after the label is the n-th header after 信息内容.

const HEADER_WORDS: [string, RegExp][] = [
  ['newMade', /本年新制作/],
  ['newPublished', /本年新公开/],
  ['totalPublic', /对外公开总/],
  ['prevItems', /上一年项目/],
  ['delta', /增\/?减|増|減|滅/],
  ['projects', /采购项目/],
  ['amount', /采购总金额|总金额/],
  ['made', /本年制发/],
  ['repealed', /本年废止|废止/],
  ['valid', /现行有效/],
  ['amountWan', /收费金额/],
  ['decisions', /处理决定/],
];
const F2021_COLS = new Set(['made', 'repealed', 'valid', 'amountWan']);

const ROW_WORDS: [string, RegExp][] = [
  ['art20_1.normativeDocs', /规范性文件/],
  ['art20_1.regulations', /^规章$/],
  ['art20_5.otherServices', /其他对外管理服务/],
  ['art20_5.licensing', /行政许可/],
  ['art20_6.penalty', /行政处罚/],
  ['art20_6.coercion', /行政强制/],
  ['art20_8.fees', /行政事业性收费/],
  ['art20_9.procurement', /政府集中采购/],
];

function read(col: string, text: string): Cell {
  if (T2_AMOUNT_COLS.has(col)) return readAmount(text);
  if (T2_SIGNED_COLS.has(col)) return readSigned(text);
  return readCount(text);
}

export function parseActive(
  rows: Row[],
  format: Format,
  put: (address: string, el: Element) => void,
  budget?: Budget,
): ParsedTable {
  if (!rows.length) return { table: null, info: emptyTableInfo('not-found') };
  const headerKeys = (row: Row) =>
    row.cells.slice(1).flatMap((c) => {
      const key = labelKey(c.text);
      const col = HEADER_WORDS.find(([, re]) => re.test(key))?.[0];
      return col ? [col] : [];
    });
  const allHeaders = rows
    .filter((r) => /^信息内容/.test(labelKey(r.cells[0]?.text ?? '')))
    .flatMap(headerKeys);
  const is2021 = format === '2021' || (format !== '2019' && allHeaders.some((h) => F2021_COLS.has(h)));
  const specs: T2RowSpec[] = is2021 ? T2_ROWS_2021 : T2_ROWS_2019;

  const info = emptyTableInfo();
  info.found = true;
  const table: Table = {};
  let header: string[] = [];
  for (const row of rows) {
    budget?.tick('rows');
    const first = labelKey(row.cells[0]?.text ?? '');
    if (first.includes('第二十条')) {
      header = [];
      continue;
    }
    if (/^信息内容/.test(first)) {
      header = headerKeys(row);
      continue;
    }
    const key = ROW_WORDS.find(([, re]) => re.test(first))?.[0];
    const spec = specs.find((s) => s.key === key);
    if (!key || !spec) {
      if (row.cells.slice(1).some((c) => hasDigits(c.text))) info.extra.push(row.cells[0]?.text ?? '');
      continue;
    }
    if (table[key]) continue;
    const cols = spec.cols.map((col, i) => (header[i] && spec.cols.includes(header[i]!) ? header[i]! : col));
    const values = row.cells.slice(1);
    const cells: Record<string, Cell> = {};
    cols.forEach((col, i) => {
      const source = values[i];
      if (!source) {
        cells[col] = missingCell();
        return;
      }
      cells[col] = read(col, source.text);
      put(cellAddress('active', key, col), source.el);
    });
    if (values.length < cols.length) info.garbledRows.push(key);
    table[key] = cells;
    if (labelKey(row.cells[0]!.text) !== labelKey(spec.label)) info.labelVariants[key] = row.cells[0]!.text;
  }
  info.missingRows = specs.filter((s) => !table[s.key]).map((s) => s.key);
  info.complete = info.missingRows.length === 0 && info.garbledRows.length === 0;
  return { table, info };
}
