import { z } from 'zod';
import { ReadStateSchema } from '../audit/read-state-schema';
import { CountsSchema, FiguresSchema, FindingSchema } from '../audit/result';
import { FIRST_MODEL_VERSION, FORMATS, UNITS } from '../report/model';
import { ReportModelSchema } from '../report/model-schema';

// The audit log's records, checked with zod on every write and on import. A record as the API
// returns it and as JSON exports it is AuditRecord; in IndexedDB it is split in two rows (db.ts):
// the summary the list reads, and the heavy part (model, findings, change) that only a detail reads.

/**
 * Version of the record shapes; the database version (db.ts) and the export envelope carry it.
 * 3 adds modelVersion (the ReportModel shape a record holds, migrate.ts); version-2 files read as
 * holding the first model version.
 */
export const LOG_SCHEMA_VERSION = 3;

// defined beside MODEL_VERSION, without zod: the database module (which the popup's first paint
// loads) needs it for its upgrades, and must not pull in these schemas
export { FIRST_MODEL_VERSION };

/**
 * A page's address: http(s) or a local file, or the hash name of pasted report text (the viewer
 * files it as urn:sha256:…), nothing else. The popup links to it and opens it in a tab; an imported
 * file must not smuggle in data:, javascript: or another extension's pages (L4).
 */
export const PageUrlSchema = z
  .string()
  .min(1)
  .refine((url) => /^(https?|file):\/\//i.test(url.trim()) || /^urn:sha256:[0-9a-f]{64}$/.test(url), {
    message: 'not an http(s) or file address / 不是 http(s) 或本地文件地址',
  });

export const SeverityCountsSchema = z.object({
  error: z.number().int().nonnegative(),
  warning: z.number().int().nonnegative(),
  info: z.number().int().nonnegative(),
});
export type SeverityCounts = z.infer<typeof SeverityCountsSchema>;

/** Another record, named the way a message names it. */
export const RecordRefSchema = z.object({
  id: z.string().min(1),
  url: PageUrlSchema,
  title: z.string().nullable(),
  year: z.number().int().nullable(),
});
export type RecordRef = z.infer<typeof RecordRefSchema>;

const CellVersionSchema = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  unit: z.enum(UNITS).optional(),
});

export const CellChangeSchema = z.object({
  address: z.string().min(1),
  before: CellVersionSchema.nullable(),
  after: CellVersionSchema.nullable(),
});

/** XYR-08: the same URL's tables differ from its previous audit. */
export const TableChangeSchema = z.object({
  previous: z.object({
    id: z.string().min(1),
    version: z.number().int().positive(),
    auditedAt: z.number().int().nonnegative(),
    contentHash: z.string(),
  }),
  cells: z.array(CellChangeSchema),
});
export type TableChange = z.infer<typeof TableChangeSchema>;

/** The cross-year part of a record: which report it was compared with, and the checks' counts. */
export const CrossYearSchema = z.object({
  against: RecordRefSchema.nullable(),
  counts: CountsSchema,
});
export type CrossYear = z.infer<typeof CrossYearSchema>;

/**
 * A report audited from a file (the report viewer): PDF, DOCX, text or an HTML file, where it came
 * from and its bytes' SHA-256. Absent for a page audited where it is published; optional, so
 * records written before it, and exports of them, read as they are.
 */
export const DocumentSourceSchema = z.object({
  type: z.enum(['pdf', 'docx', 'text', 'html']),
  /** the file's address; null for pasted text or a file from the disk */
  url: z.string().nullable(),
  /** the report page that offered the file */
  from: z.string().nullable(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type DocumentSource = z.infer<typeof DocumentSourceSchema>;

export const RecordSummarySchema = z.object({
  id: z.string().min(1),
  /** the page as audited, without #fragment */
  url: PageUrlSchema,
  /** the page whatever the link: no scheme, no www., no fragment (keys.ts) */
  urlKey: z.string().min(1),
  /** host, lower case, no www. */
  site: z.string(),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  /** the body's name for matching (keys.ts agencyKeyOf); '' when unknown. Added in schema version 2 */
  agencyKey: z.string(),
  year: z.number().int().nullable(),
  format: z.enum(FORMATS),
  /** YYYY-MM-DD */
  publishedAt: z.string().nullable(),
  /** version of the ReportModel shape the record's model has (utils/report/model.ts MODEL_VERSION); absent: the first */
  modelVersion: z.number().int().positive().default(FIRST_MODEL_VERSION),
  /** epoch ms */
  auditedAt: z.number().int().nonnegative(),
  extensionVersion: z.string(),
  /** content.ts contentHash of model.tables */
  contentHash: z.string().min(1),
  /** 1 for the first audit of the URL, then 2, 3 … */
  version: z.number().int().positive(),
  /** 1 on the newest version of its URL, else 0 (a number so IndexedDB can index it) */
  latest: z.literal([0, 1]),
  /** the engine's counts (AuditResult.counts) */
  counts: CountsSchema,
  figures: FiguresSchema,
  /** findings (fail or uncertain) by severity, cross-year ones included */
  severities: SeverityCountsSchema,
  crossYear: CrossYearSchema.nullable(),
  /** XYR-08 fired: the tables differ from the previous version */
  changed: z.boolean(),
  /** audited from a file, not from the page itself */
  document: DocumentSourceSchema.optional(),
  /** what could be read of the report (utils/audit/read-state.ts); absent on records filed before it existed */
  read: ReadStateSchema.optional(),
});
export type RecordSummary = z.infer<typeof RecordSummarySchema>;

export const AuditRecordSchema = RecordSummarySchema.extend({
  model: ReportModelSchema,
  /** the engine's findings, then the cross-year ones (XYR-0x, T4-04), then XYR-08 */
  findings: z.array(FindingSchema),
  change: TableChangeSchema.nullable(),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

/** Schema version 1 records had no agencyKey (db.ts upgrades them; import.ts reads them too). */
export const AuditRecordV1Schema = AuditRecordSchema.omit({ agencyKey: true });
export type AuditRecordV1 = z.infer<typeof AuditRecordV1Schema>;

export const VERDICTS = ['confirmed', 'dismissed'] as const;
export type VerdictValue = (typeof VERDICTS)[number];

/**
 * A reviewer's verdict on a finding, keyed by the page (urlKey) and the finding's fingerprint, so it
 * holds for every version of the page: re-audits and engine upgrades keep both (see db.ts).
 */
export const VerdictSchema = z.object({
  urlKey: z.string().min(1),
  fingerprint: z.string().min(1),
  /** null: only a note */
  verdict: z.enum(VERDICTS).nullable(),
  note: z.string(),
  /** epoch ms */
  updatedAt: z.number().int().nonnegative(),
  /** rule id, so an exported verdict reads on its own */
  rule: z.string().optional(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export const EvidenceSchema = z.object({
  id: z.string().min(1),
  /** the record (audit version) the evidence was taken on */
  recordId: z.string().min(1),
  fingerprint: z.string().min(1),
  url: PageUrlSchema,
  /** epoch ms */
  capturedAt: z.number().int().nonnegative(),
  /** captureVisibleTab's data URL */
  screenshot: z
    .string()
    .refine((s) => /^data:image\/(png|jpeg|webp);base64,/.test(s), { message: 'not an image data URL' })
    .optional(),
  /** the offending cells as the page printed them */
  cells: z.array(z.object({ address: z.string().min(1), text: z.string() })),
  sentence: z.string().optional(),
});
export type Evidence = z.infer<typeof EvidenceSchema>;

export const LogExportSchema = z.object({
  app: z.literal('gouji'),
  kind: z.literal('audit-log'),
  /** 2: records without modelVersion (they hold the first model version); 3: with it */
  schemaVersion: z.literal([2, LOG_SCHEMA_VERSION]),
  /** ISO 8601 */
  exportedAt: z.string(),
  records: z.array(AuditRecordSchema),
  verdicts: z.array(VerdictSchema),
  evidence: z.array(EvidenceSchema),
});
export type LogExport = z.infer<typeof LogExportSchema>;

/** An export written by schema version 1: the same envelope with version-1 records. */
export const LogExportV1Schema = LogExportSchema.extend({
  schemaVersion: z.literal(1),
  records: z.array(AuditRecordV1Schema),
});
