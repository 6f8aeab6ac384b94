import type { Budget } from '../budget';
import type { SourceCell } from './grid';
import { type Row, splitRowAt, valueCells, valueLike } from './locate';
import {
  type Cell,
  cellAddress,
  emptyTableInfo,
  T3_COLS,
  T3_ORG_SUBTOTAL_COL,
  T3_SUBTOTALS,
  type Table,
  type TableInfo,
  t3Rows,
} from './model';
import { labelKey, stripOrdinal } from './normalize';
import { hasDigits, missingCell, readCount } from './numbers';

// 表三: rows are recognised by the distinctive words of their own label (the merged category
// cells beside them repeat on every row of their span); values are the row's last N value
// cells, because real pages shift label cells left and right (report-formats.md §2.2).

/** Item keywords, most specific first; each survives the garbling seen in real pages. */
const ROW_WORDS: [string, RegExp][] = [
  ['carryOut', /结转下年|下年度继续/],
  ['new', /本年新收|新收|本年新/],
  ['carryIn', /上年结转|上年结/],
  ['r3_1', /国家秘密/],
  ['r3_2', /禁止公开/],
  ['r3_3', /三安全一稳定|危及/],
  ['r3_4', /第三方/],
  ['r3_5', /内部事务/],
  ['r3_6', /过程性/],
  ['r3_7', /执法案卷/],
  ['r3_8', /查询事项/],
  ['r4_1', /不掌握/],
  ['r4_2', /另行制作|没有现成/],
  ['r4_3', /仍不明确|补正后/],
  ['r5_1', /信访|举报投诉/],
  ['r5_2', /重复申请/],
  ['r5_3', /出版物/],
  ['r5_4', /大量反复/],
  ['r5_5', /重新出具|确认或/],
  ['r6_1', /不补正/],
  ['r6_2', /收费通知|缴纳费用/],
  ['r2', /部分公开/],
  ['r1', /予以公开/],
  ['r7', /总计/],
];

/** The official wording of each row's own label, for FMT-10's label-variant info. */
const CANONICAL: Record<string, string> = {
  new: '本年新收政府信息公开申请数量',
  carryIn: '上年结转政府信息公开申请数量',
  r1: '予以公开',
  r2: '部分公开(区分处理的,只计这一情形,不计其他情形)',
  r3_1: '属于国家秘密',
  r3_2: '其他法律行政法规禁止公开',
  r3_3: '危及三安全一稳定',
  r3_4: '保护第三方合法权益',
  r3_5: '属于三类内部事务信息',
  r3_6: '属于四类过程性信息',
  r3_7: '属于行政执法案卷',
  r3_8: '属于行政查询事项',
  r4_1: '本机关不掌握相关政府信息',
  r4_2: '没有现成信息需要另行制作',
  r4_3: '补正后申请内容仍不明确',
  r5_1: '信访举报投诉类申请',
  r5_2: '重复申请',
  r5_3: '要求提供公开出版物',
  r5_4: '无正当理由大量反复申请',
  r5_5: '要求行政机关确认或重新出具已获取信息',
  r6: '其他处理',
  r6_1: '申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  r6_2: '申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  r6_3: '其他',
  r7: '总计',
  carryOut: '结转下年度继续办理',
};

/** The official wordings' matching keys, made once. */
const CANONICAL_KEYS: Record<string, string> = Object.fromEntries(
  Object.entries(CANONICAL).map(([key, label]) => [key, labelKey(label)]),
);

const SUBTOTAL_LABELS: Record<string, string> = { 不予公开: 'r3', 无法提供: 'r4', 不予处理: 'r5' };
/** The merged category cell beside a leaf row, keyed like the category's subtotal row. */
const CATEGORY: Record<string, { key: string; label: string }> = {
  r3: { key: 'r3', label: '不予公开' },
  r4: { key: 'r4', label: '无法提供' },
  r5: { key: 'r5', label: '不予处理' },
  r6: { key: 'r6', label: '其他处理' },
};
const categoryOf = (key: string) => (/^r[3-6]_\d$/.test(key) ? CATEGORY[key.slice(0, 2)] : undefined);

/** Printed text of the category cells of a leaf row: its label cells but its own and 三、本年度办理结果. */
function categoryText(labels: SourceCell[]): string {
  return labels
    .slice(0, -1)
    .filter((c) => c.text && !/办理结果/.test(labelKey(c.text)))
    .map((c) => c.text)
    .join(' ');
}

const COL_WORDS: [string, RegExp][] = [
  ['NP', /自然人/],
  ['BIZ', /商业企业/],
  ['RES', /科研机构/],
  ['SOC', /社会公益组织|公益组织/],
  ['LEG', /法律服务/],
  [T3_ORG_SUBTOTAL_COL, /小计/],
  ['OTH', /^其他(?:组织)?$/],
  ['TOT', /总计|^计$/],
];

/** Words of the applicant header rows, which are never data rows. */
const HEADER_WORDS = /自然人|申请人情况|商业企业|科研机构|法律服务/;

/** Column order from the header's lowest labelled cell over each grid column; standard when unsure. */
function columnOrder(headerRows: Row[]): string[] {
  const width = Math.max(0, ...headerRows.map((r) => r.slots.length));
  const order: string[] = [];
  for (let c = 0; c < width; c++) {
    for (let r = headerRows.length - 1; r >= 0; r--) {
      const slot = headerRows[r]!.slots[c];
      if (!slot?.text) continue;
      const key = labelKey(slot.text);
      const col = COL_WORDS.find(([, re]) => re.test(key))?.[0];
      if (col && order[order.length - 1] !== col) order.push(col);
      break;
    }
  }
  const standard = T3_COLS.every((c) => order.includes(c)) && new Set(order).size === order.length;
  return standard ? order : [...T3_COLS];
}

/** A label's matching key without its ordinal: （一）予以公开 → 予以公开. */
const bareLabel = (label: string): string => labelKey(stripOrdinal(labelKey(label)));

/**
 * The row's own label: its last printed label cell that spans one row. A cell spanning several
 * rows is a category (（三）不予公开 beside its leaves), never the label of the row it stands by.
 */
function ownLabel(labels: SourceCell[]): string {
  for (let i = labels.length - 1; i >= 0; i--) {
    const cell = labels[i]!;
    if (cell.text && cell.rowSpan === 1) return cell.text;
  }
  return '';
}

function rowKey(labelText: string, own: string, seen: Set<string>): string | null {
  for (const [key, re] of ROW_WORDS) {
    if (!re.test(labelText)) continue;
    // 总计 appears in merged category cells only as a row of its own.
    if (key === 'r7' && !/总计/.test(labelKey(stripOrdinal(own)))) continue;
    return key;
  }
  // A row whose own label is lost is only known by its neighbours (L7), never by its category.
  if (!own) return null;
  const bare = bareLabel(own);
  if (SUBTOTAL_LABELS[bare]) return SUBTOTAL_LABELS[bare];
  if (/其他/.test(bare) || /其他处理|\(六\)其他/.test(labelText)) {
    if (seen.has('r6_1') || seen.has('r6_2')) return bare === '其他处理' ? 'r6' : 'r6_3';
    return 'r6';
  }
  return null;
}

export interface ParsedTable {
  table: Table | null;
  info: TableInfo;
}

export function parseApplications(
  rows: Row[],
  put: (address: string, el: Element) => void,
  budget?: Budget,
): ParsedTable {
  if (!rows.length) return { table: null, info: emptyTableInfo('not-found') };
  // The data start at the first row labelled as one (by its words, never by how many numbers it
  // holds: a body that only serves 自然人 leaves five columns blank in every row).
  const firstData = rows.findIndex((r) => {
    budget?.tick('rows');
    const { labels, values } = splitRowAt(r, T3_COLS.length);
    if (!values.length || HEADER_WORDS.test(r.key)) return false;
    return rowKey(labelKey(labels.map((c) => c.text).join('')), ownLabel(labels), new Set()) !== null;
  });
  if (firstData < 0) return { table: null, info: emptyTableInfo('no-numbers') };
  const cols = columnOrder(rows.slice(0, firstData));
  const width = cols.length;

  const info = emptyTableInfo();
  info.found = true;
  if (cols.includes(T3_ORG_SUBTOTAL_COL)) info.extra.push('法人或其他组织小计');
  const table: Table = {};
  const seen = new Set<string>();
  const unlabelled: Row[] = [];
  const categoriesSeen = new Set<string>();

  const readRow = (key: string, row: Row, garbledLabel: boolean, taken = valueCells(row, width)) => {
    const short = width - taken.length;
    const cells: Record<string, Cell> = {};
    cols.forEach((col, i) => {
      const source = taken[i - short];
      if (!source) {
        cells[col] = missingCell();
        return;
      }
      const cell = readCount(source.text);
      // A row whose identity was guessed (L7): its numbers are read, whose they are is not.
      cells[col] = garbledLabel ? { ...cell, flags: [...cell.flags, 'garbled'] } : cell;
      put(cellAddress('applications', key, col), source.el);
    });
    table[key] = cells;
    if (short > 0 || garbledLabel) info.garbledRows.push(key);
  };

  /** Grid column of the first value in rows read by their labels, per table element: their mode. */
  const starts = new Map<Element | null, Map<number, number>>();
  const noteStart = (table: Element | null, col: number) => {
    const counts = starts.get(table) ?? new Map<number, number>();
    counts.set(col, (counts.get(col) ?? 0) + 1);
    starts.set(table, counts);
  };
  const modeOf = (counts: Map<number, number> | undefined) =>
    counts && [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];

  rows.slice(firstData).forEach((row) => {
    budget?.tick('rows');
    const { labels, values } = splitRowAt(row, width);
    const labelText = labelKey(labels.map((c) => c.text).join(''));
    const own = ownLabel(labels);
    // A label row without a full row of cells (a category caption) holds no data; a row without a
    // label of its own is a data row that lost it, however its cells read.
    if (own && !values.some((c) => hasDigits(c.text)) && values.length < width) return;
    const key = rowKey(labelText, own, seen);
    if (!key || seen.has(key)) {
      unlabelled.push(row);
      return;
    }
    seen.add(key);
    readRow(key, row, false);
    if (values.length === width) {
      noteStart(row.table, values[0]!.col);
      noteStart(null, values[0]!.col);
    }
    const canonical = CANONICAL_KEYS[key];
    if (canonical && bareLabel(own) !== canonical) info.labelVariants[key] = own;
    // A category cell spans its leaves, so its wording is judged once, on its first leaf.
    const category = categoryOf(key);
    const printed = category && categoryText(labels);
    if (category && printed && !categoriesSeen.has(category.key)) {
      categoriesSeen.add(category.key);
      if (bareLabel(printed) !== category.label) info.labelVariants[category.key] = printed;
    }
  });

  const official = t3Rows(seen.has('r6_1') || seen.has('r6_2') || seen.has('r6_3') ? '2021' : '2019');
  // A row whose label was lost (OCR, split cells) takes the one official key its neighbours leave.
  for (const row of unlabelled) {
    budget?.tick('rows');
    const { labels } = splitRowAt(row, width);
    // Without a label there is nothing to tell a lost label cell from a blank value cell spanning two
    // columns by its cells alone; the labelled rows of its table show where values start.
    const start = modeOf(starts.get(row.table)) ?? modeOf(starts.get(null));
    const byColumn = start === undefined ? [] : row.cells.filter((c) => c.col >= start);
    const values =
      !ownLabel(labels) && byColumn.length === width && byColumn.every(valueLike)
        ? byColumn
        : splitRowAt(row, width).values;
    const missing = official.filter((k) => !seen.has(k));
    const candidate = missing.find((k) => {
      const i = official.indexOf(k);
      const before = official[i - 1];
      const after = official[i + 1];
      return (!before || seen.has(before)) && (!after || seen.has(after));
    });
    if (candidate && values.length >= 3) {
      seen.add(candidate);
      readRow(candidate, row, true, values);
    } else if (values.some((c) => hasDigits(c.text))) {
      info.extra.push(ownLabel(labels) || '(无标签行)');
    }
  }

  for (const key of Object.keys(T3_SUBTOTALS)) {
    if (table[key] && !(key === 'r6' && !seen.has('r6_1'))) info.extra.push(CANONICAL[key] ?? key);
  }
  info.missingRows = official.filter((k) => !table[k]);
  const anyMissingCell = Object.values(table).some((r) =>
    Object.values(r).some((c) => c.flags.includes('missing')),
  );
  info.complete = info.missingRows.length === 0 && !anyMissingCell;
  return { table, info };
}
