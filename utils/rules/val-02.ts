import type { Localized } from '../audit/result';
import { parseAddress, type ReportModel, T3_COLS, T4_BLOCKS, type TableId } from '../report/model';
import { T2_BLOCK_LABELS, T4_BLOCK_LABELS, TABLE_SHORT } from './labels';
import {
  getCell,
  hasFlag,
  isUnknown,
  labelsOf,
  loc,
  sumOf,
  t3,
  t3Leaves,
  t3TotBlankOnResultRowsOnly,
  t4,
} from './lib/cells';
import { moneyInCountCells, NATIONAL_TABLES, tableCells } from './lib/tables';
import type { Evaluation, Flagged, Rule } from './types';

// Blank cells count as 0 (the parser gives them value 0 and flag `blank`); this rule says where
// that assumption is doubtful. Pre-2019 indicator tables: S17-07.

interface Block {
  key: string;
  label: Localized;
  cells: string[];
}

function blocksOf(model: ReportModel, table: TableId): Block[] {
  const cells = tableCells(model, table);
  // the table's cells grouped by block in one pass (a block: 表四's row, 表二's row up to its first dot)
  if (table === 'reviews') {
    const byRow = new Map<string, string[]>();
    for (const a of cells) {
      const row = parseAddress(a)!.row;
      const list = byRow.get(row);
      if (list) list.push(a);
      else byRow.set(row, [a]);
    }
    return T4_BLOCKS.flatMap((b) => {
      const of = byRow.get(b);
      return of ? [{ key: b, label: T4_BLOCK_LABELS[b]!, cells: of }] : [];
    });
  }
  if (table === 'active') {
    const byKey = new Map<string, string[]>();
    for (const a of cells) {
      const row = parseAddress(a)!.row;
      const dot = row.indexOf('.');
      const key = dot < 0 ? row : row.slice(0, dot);
      let list = byKey.get(key);
      if (!list) {
        list = [];
        byKey.set(key, list);
      }
      // a row without a dot names a block and belongs to none (as `active/<key>.` never prefixes it)
      if (dot >= 0) list.push(a);
    }
    return [...byKey].map(([k, of]) => ({
      key: k,
      label: T2_BLOCK_LABELS[k] ?? { zh: k, en: k },
      cells: of,
    }));
  }
  return [];
}

/** Blank totals whose components are not all zero: [total, components]. */
function blankTotals(model: ReportModel, table: TableId): Array<[string, string[]]> {
  const out: Array<[string, string[]]> = [];
  const t = model.tables[table];
  if (!t) return out;
  if (table === 'applications') {
    for (const row of Object.keys(t)) {
      if (t[row]?.TOT) out.push([t3(row, 'TOT'), T3_COLS.filter((c) => c !== 'TOT').map((c) => t3(row, c))]);
    }
    for (const c of T3_COLS) {
      if (c !== 'TOT') out.push([t3('r7', c), t3Leaves(model).map((l) => t3(l, c))]);
    }
  }
  if (table === 'reviews') {
    for (const b of T4_BLOCKS) {
      if (t[b]?.total)
        out.push([t4(b, 'total'), ['upheld', 'corrected', 'other', 'pending'].map((c) => t4(b, c))]);
    }
  }
  return out.filter(([total, parts]) => {
    if (!hasFlag(getCell(model, total), 'blank')) return false;
    const s = sumOf(model, parts);
    return s.value !== 0;
  });
}

export const val02: Rule = {
  id: 'VAL-02',
  spec: 'VAL-02',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  reportsOnFlags: true,
  title: {
    zh: '空白或占位符单元格',
    en: 'Blank or placeholder cells',
  },
  description: {
    zh: '空白、“—”“/”“无”等单元格在计算中按 0 处理并加标记。一整块空白（如行政复议五栏全空而诉讼栏填了 0），或总计栏空白而其组成项不为 0，可能是漏填，作警告；其余空白只作提示。表三总计列只在一、二、（七）、四行填写（上海式）属惯例，只作提示。',
    en: 'Blank, “—”, “/”, “无” and similar cells count as 0 and are flagged. A whole blank block (say all five administrative-review cells while the lawsuit cells say 0), or a blank total whose parts are not 0, may be missing data: a warning. Other blanks are a note. A Table 3 total column filled only on rows 1, 2, (7) and 4 (Shanghai style) is a known habit: a note.',
  },
  messages: {
    blankTable: {
      zh: '{table}整表空白（{count} 个单元格），是全为 0 还是漏填？',
      en: '{table} is entirely blank ({count} cells): all zero, or not filled in?',
    },
    blankBlock: {
      zh: '{table}“{block}”整块空白（{count} 个单元格），而同表其他单元格填写了 0：是 0 还是漏填？',
      en: '{table} “{block}” is entirely blank ({count} cells) while other cells of the table say 0: zero, or not filled in?',
    },
    blankTotal: {
      zh: '{cell}为空白，但其组成项之和为 {sum}',
      en: '{cell} is blank, but its parts add up to {sum}',
    },
    blankTotalStyle: {
      zh: '表三总计列只在新收、结转、办理结果总计各行填写，各办理结果行的总计为空白（{count} 个）；这些行不作行核对',
      en: 'Table 3’s total column is filled only on the new, carry-over and results-total rows; it is blank on {count} result rows, which are not checked across',
    },
    blankCells: {
      zh: '{table}有 {count} 个空白单元格，按 0 计算：{cells}',
      en: '{table} has {count} blank cells, counted as 0: {cells}',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    // a blank that a shifted value left behind is VAL-05's finding
    const shiftedFrom = new Set(moneyInCountCells(model).flatMap((m) => (m.blankNext ? [m.blankNext] : [])));
    for (const table of NATIONAL_TABLES) {
      const cells = tableCells(model, table);
      if (!cells.length) continue;
      const blanks = cells.filter((a) => hasFlag(getCell(model, a), 'blank') && !shiftedFrom.has(a));
      const blank = new Set(blanks);
      if (!blanks.length) {
        out.push({ outcome: 'pass', place: table });
        continue;
      }
      const tableLabel = loc('table', TABLE_SHORT[table]);
      const covered = new Set<string>();
      const flag = (
        f: Omit<Flagged, 'outcome'>,
        cover: string[],
        severity: 'warning' | 'info' = 'warning',
      ) => {
        out.push({ outcome: 'fail', severity, ...f });
        for (const a of cover) covered.add(a);
      };

      if (blanks.length === cells.length) {
        flag(
          {
            messageId: 'blankTable',
            data: { ...tableLabel, count: blanks.length },
            cells: blanks,
            place: table,
          },
          blanks,
        );
        continue;
      }
      // a blank block is doubtful when the same table writes its zeros out
      const writesZeros = cells.some((a) => {
        const c = getCell(model, a);
        return c?.value === 0 && !hasFlag(c, 'blank') && !isUnknown(c);
      });
      for (const b of blocksOf(model, table)) {
        if (writesZeros && b.cells.every((a) => blank.has(a))) {
          flag(
            {
              messageId: 'blankBlock',
              data: { ...tableLabel, ...loc('block', b.label), count: b.cells.length },
              cells: b.cells,
              place: `${table}:${b.key}`,
            },
            b.cells,
          );
        }
      }
      const shanghai = table === 'applications' && t3TotBlankOnResultRowsOnly(model);
      for (const [total, parts] of blankTotals(model, table)) {
        if (covered.has(total)) continue;
        if (shanghai && total.endsWith('/TOT')) continue;
        flag(
          {
            messageId: 'blankTotal',
            data: { ...loc('cell', labelsOf(model, [total])), sum: sumOf(model, parts).value },
            cells: [total, ...parts],
            place: total,
          },
          [total],
        );
      }
      if (shanghai) {
        const rowTots = blanks.filter((a) => a.endsWith('/TOT') && !covered.has(a));
        flag(
          {
            messageId: 'blankTotalStyle',
            data: { count: rowTots.length },
            cells: rowTots,
            place: `${table}:totStyle`,
          },
          rowTots,
          'info',
        );
      }
      const rest = blanks.filter((a) => !covered.has(a));
      if (rest.length) {
        flag(
          {
            messageId: 'blankCells',
            data: { ...tableLabel, count: rest.length, ...loc('cells', labelsOf(model, rest)) },
            cells: rest,
            place: `${table}:blank`,
          },
          rest,
          'info',
        );
      }
    }
    return out;
  },
};
