import type { Localized } from '../audit/result';
import { type LegacyRow, parseAddress, type TableId } from '../report/model';

// Human labels, in Chinese and English, for every table, row and column key of the model
// (report-formats.md §2, §7). Findings name cells with these, never with bare keys.

export const TABLE_SHORT: Record<TableId, Localized> = {
  active: { zh: '表二', en: 'Table 2' },
  applications: { zh: '表三', en: 'Table 3' },
  reviews: { zh: '表四', en: 'Table 4' },
  legacy: { zh: '统计表', en: 'statistics table' },
};

// ── Table 三 ──────────────────────────────────────────────────────────────────
export const T3_COL_LABELS: Record<string, Localized> = {
  NP: { zh: '自然人', en: 'natural persons' },
  BIZ: { zh: '商业企业', en: 'businesses' },
  RES: { zh: '科研机构', en: 'research institutions' },
  SOC: { zh: '社会公益组织', en: 'public-interest organizations' },
  LEG: { zh: '法律服务机构', en: 'legal service providers' },
  OTH: { zh: '其他', en: 'other organizations' },
  TOT: { zh: '总计', en: 'total' },
  ORG: { zh: '法人或其他组织小计', en: 'organizations subtotal' },
};

/** Category rows of 三、本年度办理结果, used as prefixes of their items. */
const T3_CATEGORIES: Record<string, Localized> = {
  r3: { zh: '不予公开', en: 'withheld' },
  r4: { zh: '无法提供', en: 'cannot be provided' },
  r5: { zh: '不予处理', en: 'not processed' },
  r6: { zh: '其他处理', en: 'otherwise handled' },
};

const T3_ROW_OWN: Record<string, Localized> = {
  new: { zh: '本年新收', en: 'new this year' },
  carryIn: { zh: '上年结转', en: 'carried over from last year' },
  r1: { zh: '予以公开', en: 'disclosed' },
  r2: { zh: '部分公开', en: 'partly disclosed' },
  ...T3_CATEGORIES,
  r3_1: { zh: '属于国家秘密', en: 'state secret' },
  r3_2: { zh: '其他法律行政法规禁止公开', en: 'barred by other laws and regulations' },
  r3_3: { zh: '危及“三安全一稳定”', en: 'endangers security or stability' },
  r3_4: { zh: '保护第三方合法权益', en: "protects a third party's rights" },
  r3_5: { zh: '属于三类内部事务信息', en: 'internal affairs' },
  r3_6: { zh: '属于四类过程性信息', en: 'process information' },
  r3_7: { zh: '属于行政执法案卷', en: 'enforcement case files' },
  r3_8: { zh: '属于行政查询事项', en: 'administrative inquiry matters' },
  r4_1: { zh: '本机关不掌握相关政府信息', en: 'not held by the agency' },
  r4_2: { zh: '没有现成信息需要另行制作', en: 'would have to be newly compiled' },
  r4_3: { zh: '补正后申请内容仍不明确', en: 'still unclear after correction' },
  r5_1: { zh: '信访举报投诉类申请', en: 'petitions, reports and complaints' },
  r5_2: { zh: '重复申请', en: 'repeated applications' },
  r5_3: { zh: '要求提供公开出版物', en: 'requests for published materials' },
  r5_4: { zh: '无正当理由大量反复申请', en: 'mass repeated applications without good reason' },
  r5_5: { zh: '要求行政机关确认或重新出具已获取信息', en: 'requests to confirm or re-issue information' },
  r6_1: { zh: '逾期不补正', en: 'not supplemented in time' },
  r6_2: { zh: '逾期未缴纳信息处理费', en: 'processing fee not paid in time' },
  r6_3: { zh: '其他', en: 'other' },
  r7: { zh: '办理结果总计', en: 'results total' },
  carryOut: { zh: '结转下年度继续办理', en: 'carried forward to next year' },
};

/** Label of a T3 row; items are prefixed by their category (不予处理·重复申请). */
export function t3RowLabel(row: string): Localized {
  const own = T3_ROW_OWN[row] ?? { zh: row, en: row };
  const m = /^(r[3-6])_\d$/.exec(row);
  const cat = m ? T3_CATEGORIES[m[1]!] : undefined;
  return cat ? { zh: `${cat.zh}·${own.zh}`, en: `${cat.en} · ${own.en}` } : own;
}

// ── Table 四 ──────────────────────────────────────────────────────────────────
export const T4_BLOCK_LABELS: Record<string, Localized> = {
  rev: { zh: '行政复议', en: 'administrative review' },
  litDirect: { zh: '行政诉讼·未经复议直接起诉', en: 'lawsuits filed directly' },
  litAfterRev: { zh: '行政诉讼·复议后起诉', en: 'lawsuits after review' },
};
export const T4_COL_LABELS: Record<string, Localized> = {
  upheld: { zh: '结果维持', en: 'upheld' },
  corrected: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other outcome' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' },
};

// ── Table 二 ──────────────────────────────────────────────────────────────────
export const T2_ROW_LABELS: Record<string, Localized> = {
  'art20_1.regulations': { zh: '规章', en: 'regulations' },
  'art20_1.normativeDocs': { zh: '规范性文件', en: 'normative documents' },
  'art20_5.licensing': { zh: '行政许可', en: 'administrative licensing' },
  'art20_5.otherServices': { zh: '其他对外管理服务事项', en: 'other management and service matters' },
  'art20_6.penalty': { zh: '行政处罚', en: 'administrative penalties' },
  'art20_6.coercion': { zh: '行政强制', en: 'administrative coercion' },
  'art20_8.fees': { zh: '行政事业性收费', en: 'administrative fees' },
  'art20_9.procurement': { zh: '政府集中采购', en: 'centralized government procurement' },
};
export const T2_BLOCK_LABELS: Record<string, Localized> = {
  art20_1: { zh: '第二十条第（一）项', en: 'Article 20 (1)' },
  art20_5: { zh: '第二十条第（五）项', en: 'Article 20 (5)' },
  art20_6: { zh: '第二十条第（六）项', en: 'Article 20 (6)' },
  art20_8: { zh: '第二十条第（八）项', en: 'Article 20 (8)' },
  art20_9: { zh: '第二十条第（九）项', en: 'Article 20 (9)' },
};
export const T2_COL_LABELS: Record<string, Localized> = {
  newMade: { zh: '本年新制作数量', en: 'made this year' },
  newPublished: { zh: '本年新公开数量', en: 'published this year' },
  totalPublic: { zh: '对外公开总数量', en: 'total public' },
  prevItems: { zh: '上一年项目数量', en: 'items last year' },
  delta: { zh: '本年增/减', en: 'change this year' },
  decisions: { zh: '处理决定数量', en: 'decisions' },
  projects: { zh: '采购项目数量', en: 'procurement projects' },
  amount: { zh: '采购总金额', en: 'procurement amount' },
  made: { zh: '本年制发件数', en: 'issued this year' },
  repealed: { zh: '本年废止件数', en: 'repealed this year' },
  valid: { zh: '现行有效件数', en: 'in force' },
  amountWan: { zh: '本年收费金额（万元）', en: 'fees collected (10,000 yuan)' },
};

// ── Any cell ──────────────────────────────────────────────────────────────────
const join = (a: Localized, b: Localized): Localized => ({ zh: `${a.zh}·${b.zh}`, en: `${a.en} · ${b.en}` });

export function rowLabel(table: string, row: string, legacyRows: readonly LegacyRow[] = []): Localized {
  switch (table) {
    case 'applications':
      return t3RowLabel(row);
    case 'reviews':
      return T4_BLOCK_LABELS[row] ?? { zh: row, en: row };
    case 'active':
      return T2_ROW_LABELS[row] ?? { zh: row, en: row };
    default: {
      const lr = legacyRows.find((r) => r.key === row);
      const label = lr?.label ?? row;
      return { zh: label, en: `“${label}”` };
    }
  }
}

export function colLabel(table: string, col: string): Localized {
  switch (table) {
    case 'applications':
      return T3_COL_LABELS[col] ?? { zh: col, en: col };
    case 'reviews':
      return T4_COL_LABELS[col] ?? { zh: col, en: col };
    case 'active':
      return T2_COL_LABELS[col] ?? { zh: col, en: col };
    default:
      return { zh: col, en: col };
  }
}

/** Label of a cell by its semantic address `table/row/col`, e.g. 本年新收·自然人. */
export function cellLabel(address: string, legacyRows: readonly LegacyRow[] = []): Localized {
  const a = parseAddress(address);
  if (!a) return { zh: address, en: address };
  const { table, row, col } = a;
  // legacy tables have a single value column: the row names the cell
  if (table === 'legacy') return rowLabel(table, row, legacyRows);
  return join(rowLabel(table, row, legacyRows), colLabel(table, col));
}

/** Label of a row or column key of a table (parse diagnostics name either). */
export function keyLabel(table: string, key: string, legacyRows: readonly LegacyRow[] = []): Localized {
  const r = rowLabel(table, key, legacyRows);
  return r.zh === key ? colLabel(table, key) : r;
}
