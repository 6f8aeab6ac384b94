import { z } from 'zod';
import { FORMATS } from '../report/model';

// What an audit returns: the contract shared by the CLI (--json), the overlay, the log and export.

export const SEVERITIES = ['error', 'warning', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const OUTCOMES = ['pass', 'fail', 'uncertain', 'notApplicable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const LocalizedSchema = z.object({ zh: z.string(), en: z.string() });
export type Localized = z.infer<typeof LocalizedSchema>;

export const FindingSchema = z.object({
  /** rule id, the file name of the rule */
  rule: z.string(),
  /** catalogue id of report-formats.md §5, e.g. T3-01 */
  spec: z.string(),
  outcome: z.enum(['fail', 'uncertain']),
  /** the rule's message id the message was made from */
  messageId: z.string().optional(),
  severity: z.enum(SEVERITIES),
  message: LocalizedSchema,
  /** semantic cell addresses involved, e.g. applications/new/TOT */
  cells: z.array(z.string()),
  /** the narrative sentence involved, with the id of its paragraph */
  sentence: z.object({ paragraph: z.string(), text: z.string() }).optional(),
  expected: z.number().optional(),
  actual: z.number().optional(),
  /** stable across re-audits and engine upgrades: rule + place, never the values */
  fingerprint: z.string(),
  /** a text finding's fingerprint before its place masked the sentence's numbers, for older verdicts */
  formerFingerprint: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const CountsSchema = z.object({
  pass: z.number().int(),
  fail: z.number().int(),
  uncertain: z.number().int(),
  notApplicable: z.number().int(),
});
export type Counts = z.infer<typeof CountsSchema>;

/** The figures a journalist asks for; null when the table does not give them. */
export const FiguresSchema = z.object({
  /** 办理结果总计 (r7 TOT) */
  applicationsHandled: z.number().nullable(),
  /** 新收 + 上年结转 */
  applicationsTotal: z.number().nullable(),
  /** 实质公开率 = (予以公开 + 部分公开) / 办理总计, as a fraction */
  substantiveDisclosureRate: z.number().nullable(),
  /** 纠错率 = 结果纠正 / 总计, 行政复议 */
  reviewCorrectionRate: z.number().nullable(),
  /** 纠错率 = 结果纠正 / 总计, 行政诉讼 (direct + after review) */
  litigationCorrectionRate: z.number().nullable(),
});
export type Figures = z.infer<typeof FiguresSchema>;

export const AuditResultSchema = z.object({
  format: z.enum(FORMATS),
  findings: z.array(FindingSchema),
  counts: CountsSchema,
  figures: FiguresSchema,
});
export type AuditResult = z.infer<typeof AuditResultSchema>;
