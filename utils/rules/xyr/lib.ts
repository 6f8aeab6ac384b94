import type { Localized } from '../../audit/result';
import type { ReportModel } from '../../report/model';
import { fold } from '../../report/normalize';
import { getCell, isUnknown, labelsOf, loc, t2, val } from '../lib/cells';
import type { ReportRef, XyrEvaluation, XyrFlagged } from './types';

// What the cross-year checks share: naming the other report, judging whether a pair of cells can
// be read (then utils/rules/lib/cells.ts `val`), the Table 2 checks' loop over rows, and matching
// the narrative (utils/rules/lib/text.ts `prose`).

/** 《title》（2019年） / “title” (2019). */
function otherReport(ref: ReportRef | null): Localized {
  if (!ref) return { zh: '上一年度报告', en: "last year's report" };
  const year = ref.year ?? '?';
  if (!ref.title) return { zh: `${year}年度报告`, en: `the ${year} report` };
  return { zh: `《${ref.title}》（${year}年）`, en: `“${ref.title}” (${year})` };
}

export const otherData = (ref: ReportRef | null): Record<string, string> => loc('other', otherReport(ref));

/**
 * 'uncertain' with the unreadable cells named, when any of this year's or last year's cells is
 * unknown; null when every cell has a number.
 */
export function unreadable(
  current: ReportModel,
  previous: ReportModel,
  cells: string[],
  previousCells: string[],
  place: string,
): XyrEvaluation | null {
  const cur = cells.filter((a) => isUnknown(getCell(current, a)));
  const prev = previousCells.filter((a) => isUnknown(getCell(previous, a)));
  if (cur.length === 0 && prev.length === 0) return null;
  const a = labelsOf(current, cur);
  const b = labelsOf(previous, prev);
  const parts: Localized[] = [];
  if (cur.length) parts.push({ zh: `本年度${a.zh}`, en: `this year's ${a.en}` });
  if (prev.length) parts.push({ zh: `上一年度${b.zh}`, en: `last year's ${b.en}` });
  return {
    outcome: 'uncertain',
    messageId: 'unreadable',
    data: loc('cells', { zh: parts.map((p) => p.zh).join('、'), en: parts.map((p) => p.en).join('; ') }),
    cells,
    previousCells,
    place,
  };
}

export const UNREADABLE_PAIR: Localized = {
  zh: '无法判定：{cells}未能读出',
  en: 'Cannot be judged: {cells} could not be read',
};

/** What a check says of a row that does not pass; the row's cells are the finding's unless it names its own. */
export type Mismatch = Pick<XyrFlagged, 'messageId' | 'data' | 'expected' | 'actual'> & { cells?: string[] };

/**
 * The loop of the Table 2 checks (XYR-02…04): for each of `rows` that both years' tables have,
 * 'uncertain' when a cell of `cols` (this year) or `previousCols` (last year) cannot be read, else
 * `judge` over their numbers by column: null passes, a mismatch fails.
 */
export function eachActiveRow<C extends string, P extends string>(
  current: ReportModel,
  previous: ReportModel | null,
  rows: readonly string[],
  cols: readonly C[],
  previousCols: readonly P[],
  judge: (row: string, now: Record<C, number>, before: Record<P, number>) => Mismatch | null,
): XyrEvaluation[] {
  if (!previous?.tables.active || !current.tables.active) return [];
  const out: XyrEvaluation[] = [];
  for (const row of rows) {
    if (!current.tables.active[row] || !previous.tables.active[row]) continue;
    const cells = cols.map((c) => t2(row, c));
    const previousCells = previousCols.map((c) => t2(row, c));
    const u = unreadable(current, previous, cells, previousCells, row);
    if (u) {
      out.push(u);
      continue;
    }
    const now = Object.fromEntries(cols.map((c, i) => [c, val(current, cells[i]!)])) as Record<C, number>;
    const before = Object.fromEntries(
      previousCols.map((c, i) => [c, val(previous, previousCells[i]!)]),
    ) as Record<P, number>;
    const m = judge(row, now, before);
    out.push(
      m
        ? { outcome: 'fail', ...m, cells: m.cells ?? cells, previousCells, place: row }
        : { outcome: 'pass', place: row },
    );
  }
  return out;
}

/** Paragraph text for pattern matching: folded, without whitespace. */
export const compact = (text: string): string => fold(text).replace(/[\s\u00a0\u3000]+/g, '');

/** A short quote for a message. */
export const quote = (text: string, max = 60): string =>
  text.length > max ? `${text.slice(0, max)}…` : text;
