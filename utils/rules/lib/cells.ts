import type { Localized } from '../../audit/result';
import {
  type Cell,
  type CellFlag,
  cellAddress,
  parseAddress,
  type ReportModel,
  T3_LEAVES_2019,
  T3_LEAVES_2021,
  TABLE_IDS,
} from '../../report/model';
import { cellLabel } from '../labels';
import { perModel } from './memo';

// Reading cells by semantic address, and the few arithmetic helpers every table rule shares.

/**
 * Every cell of a model by its address, made once per model: rules read cells by address thousands
 * of times an audit, and one lookup here is cheaper than parsing the address and then looking up
 * its table, row and column (keys that change at every call).
 */
const cellsByAddress = perModel((model) => {
  const index = new Map<string, Cell>();
  for (const table of TABLE_IDS) {
    const rows = model.tables[table];
    if (!rows) continue;
    for (const row in rows) {
      const cols = rows[row]!;
      for (const col in cols) index.set(cellAddress(table, row, col), cols[col]!);
    }
  }
  return index;
});

export const getCell = (model: ReportModel, address: string): Cell | undefined =>
  cellsByAddress(model).get(address);

export const hasFlag = (cell: Cell | undefined, flag: CellFlag): boolean => !!cell?.flags.includes(flag);

/** A cell whose number we do not have: absent, unreadable or not yet inferred. */
export const isUnknown = (cell: Cell | undefined): boolean => !cell || cell.value === null;

/** Flags that mean the value is a guess: never an error on such a cell. */
export const GUESS_FLAGS: readonly CellFlag[] = ['inferred', 'garbled', 'approx', 'missing'];

export const isGuess = (cell: Cell | undefined): boolean =>
  !!cell && cell.flags.some((f) => GUESS_FLAGS.includes(f));

/**
 * Total cells: a blank one is not a silent 0 (VAL-02). T3 TOT column and （七）总计 row, T4 totals,
 * and pre-2019 indicator rows that have 其中 children.
 */
export function isTotalAddress(model: ReportModel, address: string): boolean {
  const a = parseAddress(address);
  if (!a) return false;
  switch (a.table) {
    case 'applications':
      return a.col === 'TOT' || a.row === 'r7';
    case 'reviews':
      return a.col === 'total';
    case 'legacy':
      return model.legacyRows.some((r) => r.parent === a.row);
    default:
      return false;
  }
}

export const isBlankTotal = (model: ReportModel, address: string): boolean =>
  hasFlag(getCell(model, address), 'blank') && isTotalAddress(model, address);

/** Value of a known cell (callers check isUnknown first). */
export const val = (model: ReportModel, address: string): number => getCell(model, address)?.value ?? 0;

// ── Table 三 helpers ─────────────────────────────────────────────────────────
export const t3 = (row: string, col: string): string => cellAddress('applications', row, col);
export const t4 = (block: string, col: string): string => cellAddress('reviews', block, col);
export const t2 = (row: string, col: string): string => cellAddress('active', row, col);

/** Result leaves of 三、本年度办理结果 for the model's format (hybrid: whichever （六） the table has). */
export function t3Leaves(model: ReportModel): string[] {
  const table = model.tables.applications;
  if (model.format === '2021') return [...T3_LEAVES_2021];
  if (model.format === '2019') return [...T3_LEAVES_2019];
  const has2021 = !!table && ['r6_1', 'r6_2', 'r6_3'].some((k) => k in table);
  return has2021 ? [...T3_LEAVES_2021] : [...T3_LEAVES_2019];
}

/**
 * 上海 style: the 总计 column is filled on 一、二、（七）、四 and blank on every per-result row that
 * has a blank in it. Then T3-02 skips those rows and VAL-02 says info (report-formats.md §5.2).
 */
export function t3TotBlankOnResultRowsOnly(model: ReportModel): boolean {
  const table = model.tables.applications;
  if (!table) return false;
  const summary = ['new', 'carryIn', 'r7', 'carryOut'];
  if (summary.some((r) => !table[r]?.TOT || hasFlag(table[r]?.TOT, 'blank'))) return false;
  return Object.keys(table).some((r) => !summary.includes(r) && hasFlag(table[r]?.TOT, 'blank'));
}

// ── Sums in words ─────────────────────────────────────────────────────────────
export interface SumResult {
  /** addresses that have no number */
  unknown: string[];
  value: number;
}

export function sumOf(model: ReportModel, addresses: readonly string[]): SumResult {
  const unknown: string[] = [];
  let value = 0;
  for (const a of addresses) {
    const c = getCell(model, a);
    if (isUnknown(c)) unknown.push(a);
    else value += c!.value!;
  }
  return { unknown, value };
}

/** "予以公开 4 + 不予处理·重复申请 1": the non-zero terms of a sum (all of them when `all`). */
export function termsInWords(
  model: ReportModel,
  addresses: readonly string[],
  label: (address: string) => Localized = (a) => cellLabel(a, model.legacyRows),
  all = false,
): Localized {
  const terms = addresses
    .map((a) => ({ a, v: getCell(model, a)?.value }))
    .filter((t) => all || (t.v !== null && t.v !== undefined && t.v !== 0));
  if (terms.length === 0) return { zh: '均为 0', en: 'all 0' };
  const fmt = (lang: 'zh' | 'en') =>
    terms
      .map((t) => `${label(t.a)[lang]} ${t.v === null || t.v === undefined ? '?' : fmtNum(t.v)}`)
      .join(' + ');
  return { zh: fmt('zh'), en: fmt('en') };
}

/** "予以公开·自然人 1、结转下年度·总计 2": cells with their values, as a list. */
export function valuesInWords(model: ReportModel, addresses: readonly string[], max = 12): Localized {
  const shown = addresses.slice(0, max);
  const more = addresses.length - shown.length;
  const fmt = (lang: 'zh' | 'en') =>
    shown
      .map((a) => {
        const v = getCell(model, a)?.value;
        return `${cellLabel(a, model.legacyRows)[lang]} ${v === null || v === undefined ? '?' : fmtNum(v)}`;
      })
      .join(lang === 'zh' ? '、' : ', ');
  return {
    zh: fmt('zh') + (more > 0 ? `等 ${addresses.length} 个` : ''),
    en: fmt('en') + (more > 0 ? ` and ${more} more` : ''),
  };
}

export const fmtNum = (n: number): string => (Number.isInteger(n) ? String(n) : String(Number(n.toFixed(4))));

/** A list of cell labels, e.g. for "could not be read" messages. */
export function labelsOf(model: ReportModel, addresses: readonly string[], max = 12): Localized {
  const ls = addresses.slice(0, max).map((a) => cellLabel(a, model.legacyRows));
  const more = addresses.length - ls.length;
  return {
    zh: ls.map((l) => l.zh).join('、') + (more > 0 ? `等 ${addresses.length} 个` : ''),
    en: ls.map((l) => l.en).join(', ') + (more > 0 ? ` and ${more} more` : ''),
  };
}

/** Spread a localized value into message data as `<name>_zh` / `<name>_en` (see audit/message.ts). */
export const loc = (name: string, l: Localized): Record<string, string> => ({
  [`${name}_zh`]: l.zh,
  [`${name}_en`]: l.en,
});

/** Formats that have the national tables; a hybrid report still has them (T2/T3/T4 rules run). */
export const TABLE_FORMATS = ['2019', '2021', 'hybrid'] as const;

/** A money-like token: a decimal, or a 元/万元/亿元 unit (VAL-05: money in a count column). */
export const looksLikeMoney = (cell: Cell | undefined): boolean =>
  !!cell &&
  (cell.unit !== undefined ||
    cell.raw.includes('元') ||
    ((cell.raw.includes('.') || cell.raw.includes('．')) && /\d[.．]\d/.test(cell.raw)));
