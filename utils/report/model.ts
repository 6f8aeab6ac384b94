import type { z } from 'zod';
import type * as S from './model-schema';

// The report model: plain, serializable data with the same shape in the browser and on Node.
// Cells are addressed semantically as `table/row/column` (report-formats.md §7); live DOM
// elements never enter the model, the content script keeps them in a side map by address.

export const FORMATS = ['2019', '2021', 'pre2019', 'hybrid', 'unknown'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * blank    – the page left the cell empty or wrote a placeholder (—, /, 无, &nbsp;); value is 0
 * missing  – the cell is absent (short or garbled row); value is null until inferred
 * garbled  – the label or the value could not be read with confidence
 * inferred – the value was solved from an identity (T3-08), never read from the page
 * approx   – the page wrote an approximate number (余, 约, 多)
 * signed   – the page wrote an explicit sign or 增/减
 * invalid  – text that is not a number of the expected kind (value null)
 */
export const CELL_FLAGS = ['blank', 'missing', 'garbled', 'inferred', 'approx', 'signed', 'invalid'] as const;
export type CellFlag = (typeof CELL_FLAGS)[number];

export const UNITS = ['元', '万元', '亿元'] as const;
export type Unit = (typeof UNITS)[number];

export type Cell = z.infer<typeof S.CellSchema>;

export type Table = z.infer<typeof S.TableSchema>;

export const TABLE_IDS = ['active', 'applications', 'reviews', 'legacy'] as const;
export type TableId = (typeof TABLE_IDS)[number];

/**
 * Addresses by their parts, each string made once: rules build the same few hundred addresses over
 * and over to read cells, and a string made anew must be hashed anew wherever it is looked up (the
 * parsed-address map below, the overlay's element map), while the same string keeps its hash.
 */
const addressesByPart = new Map<string, Map<string, Map<string, string>>>();
let addressCount = 0;

export function cellAddress(table: TableId, row: string, col: string): string {
  if (addressCount >= 20_000) {
    addressesByPart.clear();
    addressCount = 0;
  }
  let rows = addressesByPart.get(table);
  if (!rows) {
    rows = new Map();
    addressesByPart.set(table, rows);
  }
  let cols = rows.get(row);
  if (!cols) {
    cols = new Map();
    rows.set(row, cols);
  }
  let address = cols.get(col);
  if (address === undefined) {
    address = `${table}/${row}/${col}`;
    cols.set(col, address);
    addressCount++;
  }
  return address;
}

export interface Address {
  table: TableId;
  row: string;
  col: string;
}

/**
 * Parsed addresses, shared: every rule reads cells by address, so one audit parses the same few
 * hundred strings thousands of times. Frozen, so no caller can change another's copy; cleared when
 * it grows past any real report's cell count (a page with many reports' tables).
 */
const parsedAddresses = new Map<string, Readonly<Address> | null>();

/** `table/row/col`; row keys may contain dots (art20_5.licensing) but never slashes. */
export function parseAddress(address: string): Readonly<Address> | null {
  const known = parsedAddresses.get(address);
  if (known !== undefined) return known;
  const first = address.indexOf('/');
  const last = address.lastIndexOf('/');
  const parsed =
    first < 0 || last === first
      ? null
      : Object.freeze({
          table: address.slice(0, first) as TableId,
          row: address.slice(first + 1, last),
          col: address.slice(last + 1),
        });
  if (parsedAddresses.size >= 20_000) parsedAddresses.clear();
  parsedAddresses.set(address, parsed);
  return parsed;
}

// ── Table 三 (applications) ────────────────────────────────────────────────────
export const T3_COLS = ['NP', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH', 'TOT'] as const;
export type T3Col = (typeof T3_COLS)[number];
/** Non-standard 法人或其他组织小计 column (third-party templates); checked by T3-05. */
export const T3_ORG_SUBTOTAL_COL = 'ORG';

const T3_COMMON_LEAVES = [
  'r1',
  'r2',
  'r3_1',
  'r3_2',
  'r3_3',
  'r3_4',
  'r3_5',
  'r3_6',
  'r3_7',
  'r3_8',
  'r4_1',
  'r4_2',
  'r4_3',
  'r5_1',
  'r5_2',
  'r5_3',
  'r5_4',
  'r5_5',
] as const;
export const T3_LEAVES_2019 = [...T3_COMMON_LEAVES, 'r6'] as const;
export const T3_LEAVES_2021 = [...T3_COMMON_LEAVES, 'r6_1', 'r6_2', 'r6_3'] as const;
export const t3Rows = (format: '2019' | '2021'): string[] => [
  'new',
  'carryIn',
  ...(format === '2021' ? T3_LEAVES_2021 : T3_LEAVES_2019),
  'r7',
  'carryOut',
];
/** Category subtotal rows some templates add (T3-04): key → its leaves. */
export const T3_SUBTOTALS: Record<string, string[]> = {
  r3: ['r3_1', 'r3_2', 'r3_3', 'r3_4', 'r3_5', 'r3_6', 'r3_7', 'r3_8'],
  r4: ['r4_1', 'r4_2', 'r4_3'],
  r5: ['r5_1', 'r5_2', 'r5_3', 'r5_4', 'r5_5'],
  r6: ['r6_1', 'r6_2', 'r6_3'],
};

// ── Table 四 (reviews and lawsuits) ────────────────────────────────────────────
export const T4_BLOCKS = ['rev', 'litDirect', 'litAfterRev'] as const;
export type T4Block = (typeof T4_BLOCKS)[number];
export const T4_COLS = ['upheld', 'corrected', 'other', 'pending', 'total'] as const;
export type T4Col = (typeof T4_COLS)[number];

// ── Table 二 (active disclosure) ───────────────────────────────────────────────
export interface T2RowSpec {
  key: string;
  block: string;
  label: string;
  cols: string[];
}
export const T2_ROWS_2019: T2RowSpec[] = [
  {
    key: 'art20_1.regulations',
    block: '一',
    label: '规章',
    cols: ['newMade', 'newPublished', 'totalPublic'],
  },
  {
    key: 'art20_1.normativeDocs',
    block: '一',
    label: '规范性文件',
    cols: ['newMade', 'newPublished', 'totalPublic'],
  },
  { key: 'art20_5.licensing', block: '五', label: '行政许可', cols: ['prevItems', 'delta', 'decisions'] },
  {
    key: 'art20_5.otherServices',
    block: '五',
    label: '其他对外管理服务事项',
    cols: ['prevItems', 'delta', 'decisions'],
  },
  { key: 'art20_6.penalty', block: '六', label: '行政处罚', cols: ['prevItems', 'delta', 'decisions'] },
  { key: 'art20_6.coercion', block: '六', label: '行政强制', cols: ['prevItems', 'delta', 'decisions'] },
  { key: 'art20_8.fees', block: '八', label: '行政事业性收费', cols: ['prevItems', 'delta'] },
  { key: 'art20_9.procurement', block: '九', label: '政府集中采购', cols: ['projects', 'amount'] },
];
export const T2_ROWS_2021: T2RowSpec[] = [
  { key: 'art20_1.regulations', block: '一', label: '规章', cols: ['made', 'repealed', 'valid'] },
  { key: 'art20_1.normativeDocs', block: '一', label: '行政规范性文件', cols: ['made', 'repealed', 'valid'] },
  { key: 'art20_5.licensing', block: '五', label: '行政许可', cols: ['decisions'] },
  { key: 'art20_6.penalty', block: '六', label: '行政处罚', cols: ['decisions'] },
  { key: 'art20_6.coercion', block: '六', label: '行政强制', cols: ['decisions'] },
  { key: 'art20_8.fees', block: '八', label: '行政事业性收费', cols: ['amountWan'] },
];
/** T2 columns that hold money or signed deltas rather than counts. */
export const T2_AMOUNT_COLS = new Set(['amount', 'amountWan']);
export const T2_SIGNED_COLS = new Set(['delta']);

// ── Parse diagnostics, per table ───────────────────────────────────────────────
export type TableInfo = z.infer<typeof S.TableInfoSchema>;

export type LegacyRow = z.infer<typeof S.LegacyRowSchema>;

// ── Narrative ──────────────────────────────────────────────────────────────────
export const SECTION_KEYS = ['preamble', '一', '二', '三', '四', '五', '六', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export type Paragraph = z.infer<typeof S.ParagraphSchema>;

export type Heading = z.infer<typeof S.HeadingSchema>;

export type TextNumber = z.infer<typeof S.TextNumberSchema>;

export const CLAIM_KINDS = [
  'applicationsReceived', // TXT-01
  'noApplications', // TXT-02
  'allCompleted', // TXT-03
  'outcomeCount', // TXT-04
  'reviewCount', // TXT-05
  'litigationCount', // TXT-05
  'noReviewOrLitigation', // TXT-05
  'itemCount', // TXT-06
  'decisionCount', // TXT-07
  'documentCount', // TXT-08
  'procurement', // TXT-09
  'feeAmount', // TXT-10
  'infoFee', // TXT-11
  'totalWithParts', // ARI-01
  'rate', // ARI-02
  'processTriple', // ARI-04
  'channelCount', // ARI-05
  'portalDocuments', // S17-08
  'interpretationCount', // S17-08
  'aggregationScope', // XDOC-01
  'statisticsPeriod', // FMT-02
  'citation', // FMT-05
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export type Claim = z.infer<typeof S.ClaimSchema>;

// ── The whole report ───────────────────────────────────────────────────────────
export const PAGE_KINDS = ['report', 'index', 'none'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export type Detection = z.infer<typeof S.DetectionSchema>;

/**
 * Version of the ReportModel shape. The audit log stores models and exports them; when a change of
 * its schema (model-schema.ts) would make a stored model invalid (a new required field, a renamed
 * flag), bump this and add the step from the old version in utils/log/migrate.ts.
 */
// 2: the claim kinds channelCount, portalDocuments, interpretationCount, aggregationScope
export const MODEL_VERSION = 2;

/** The first ReportModel version: what every record written before modelVersion existed holds. */
export const FIRST_MODEL_VERSION = 1;

export type ReportModel = z.infer<typeof S.ReportModelSchema>;

export const emptyTableInfo = (reason?: string): TableInfo => ({
  found: false,
  complete: false,
  missingRows: [],
  garbledRows: [],
  extra: [],
  labelVariants: {},
  ...(reason ? { reason } : {}),
});
