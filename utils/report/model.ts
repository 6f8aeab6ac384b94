import { z } from 'zod';

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

export const CellSchema = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  unit: z.enum(UNITS).optional(),
  flags: z.array(z.enum(CELL_FLAGS)),
});
export type Cell = z.infer<typeof CellSchema>;

/** row key → column key → cell */
export const TableSchema = z.record(z.string(), z.record(z.string(), CellSchema));
export type Table = z.infer<typeof TableSchema>;

export const TABLE_IDS = ['active', 'applications', 'reviews', 'legacy'] as const;
export type TableId = (typeof TABLE_IDS)[number];

export const cellAddress = (table: TableId, row: string, col: string): string => `${table}/${row}/${col}`;

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
export const TableInfoSchema = z.object({
  found: z.boolean(),
  /** every official row and column of the detected format was read */
  complete: z.boolean(),
  /** official rows not found on the page */
  missingRows: z.array(z.string()),
  /** rows whose label or values could not be read fully (VAL-06) */
  garbledRows: z.array(z.string()),
  /** rows or columns the official format does not have, as printed (FMT-10) */
  extra: z.array(z.string()),
  /** official labels printed differently beyond normalization: key → label as printed (FMT-10) */
  labelVariants: z.record(z.string(), z.string()),
  /** why the table could not be read, when it could not */
  reason: z.string().optional(),
});
export type TableInfo = z.infer<typeof TableInfoSchema>;

/** Pre-2019 indicator tables: one row per indicator, with its place in the 其中 hierarchy. */
export const LegacyRowSchema = z.object({
  key: z.string(),
  label: z.string(),
  unit: z.string(),
  /** key of the row this one is a 其中 child of */
  parent: z.string().nullable(),
  /** the 一、二、… block the row belongs to */
  block: z.string(),
  /** true for block heading rows that carry no value */
  heading: z.boolean(),
});
export type LegacyRow = z.infer<typeof LegacyRowSchema>;

// ── Narrative ──────────────────────────────────────────────────────────────────
export const SECTION_KEYS = ['preamble', '一', '二', '三', '四', '五', '六', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

export const ParagraphSchema = z.object({
  id: z.string(),
  section: z.enum(SECTION_KEYS),
  text: z.string(),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const HeadingSchema = z.object({
  /** the ordinal as printed, e.g. 一 */
  ordinal: z.string(),
  text: z.string(),
  /** id of the paragraph the heading is */
  paragraph: z.string(),
});
export type Heading = z.infer<typeof HeadingSchema>;

/** A number written in the narrative: exact, or an interval for 余/约/多/近. */
export const TextNumberSchema = z.object({
  raw: z.string(),
  value: z.number(),
  /** half-open interval [lo, hi) the approximate number stands for */
  range: z.tuple([z.number(), z.number()]).optional(),
  unit: z.string().optional(),
});
export type TextNumber = z.infer<typeof TextNumberSchema>;

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
  'statisticsPeriod', // FMT-02
  'citation', // FMT-05
] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const ClaimSchema = z.object({
  kind: z.enum(CLAIM_KINDS),
  /** what the claim is about, e.g. 'licensing', '予以公开', '办结率' */
  subject: z.string().optional(),
  numbers: z.record(z.string(), TextNumberSchema),
  /** extra words that qualify the claim, e.g. ['上年结转'] or ['减少'] */
  qualifiers: z.array(z.string()).default([]),
  paragraph: z.string(),
  sentence: z.string(),
});
export type Claim = z.infer<typeof ClaimSchema>;

// ── The whole report ───────────────────────────────────────────────────────────
export const PAGE_KINDS = ['report', 'index', 'none'] as const;
export type PageKind = (typeof PAGE_KINDS)[number];

export const DetectionSchema = z.object({
  kind: z.enum(PAGE_KINDS),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  /** YYYY-MM-DD, from page metadata or the date line */
  publishedAt: z.string().nullable(),
  format: z.enum(FORMATS),
  /** the words that decided the format, for FMT-03/04 evidence */
  formatSignals: z.object({ f2019: z.array(z.string()), f2021: z.array(z.string()) }),
});
export type Detection = z.infer<typeof DetectionSchema>;

export const ReportModelSchema = DetectionSchema.extend({
  source: z.string().nullable(),
  /** host name of the page, for self-reference checks (FMT-13) */
  host: z.string().nullable(),
  tables: z.object({
    active: TableSchema.nullable(),
    applications: TableSchema.nullable(),
    reviews: TableSchema.nullable(),
    legacy: TableSchema.nullable(),
  }),
  tableInfo: z.object({
    active: TableInfoSchema,
    applications: TableInfoSchema,
    reviews: TableInfoSchema,
    legacy: TableInfoSchema,
  }),
  legacyRows: z.array(LegacyRowSchema),
  headings: z.array(HeadingSchema),
  paragraphs: z.array(ParagraphSchema),
  claims: z.array(ClaimSchema),
});
export type ReportModel = z.infer<typeof ReportModelSchema>;

export const emptyTableInfo = (reason?: string): TableInfo => ({
  found: false,
  complete: false,
  missingRows: [],
  garbledRows: [],
  extra: [],
  labelVariants: {},
  ...(reason ? { reason } : {}),
});
