import { z } from 'zod';
import { CELL_FLAGS, CLAIM_KINDS, FORMATS, PAGE_KINDS, SECTION_KEYS, UNITS } from './model';

// The report model's runtime schemas. model.ts declares the model's types from these (type-only,
// so nothing here reaches a bundle that only reads the model), and they validate wherever data
// crosses a trust boundary: the CLI's output, messages into the background, the log's writes and
// imports, the fixture tests. The content scripts never import this file: zod stays out of them.

export const CellSchema = z.object({
  raw: z.string(),
  value: z.number().nullable(),
  unit: z.enum(UNITS).optional(),
  flags: z.array(z.enum(CELL_FLAGS)),
});

/** row key → column key → cell */
export const TableSchema = z.record(z.string(), z.record(z.string(), CellSchema));

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

export const ParagraphSchema = z.object({
  id: z.string(),
  section: z.enum(SECTION_KEYS),
  text: z.string(),
});

export const HeadingSchema = z.object({
  /** the ordinal as printed, e.g. 一 */
  ordinal: z.string(),
  text: z.string(),
  /** id of the paragraph the heading is */
  paragraph: z.string(),
});

/** A number written in the narrative: exact, or an interval for 余/约/多/近. */
export const TextNumberSchema = z.object({
  raw: z.string(),
  value: z.number(),
  /** half-open interval [lo, hi) the approximate number stands for */
  range: z.tuple([z.number(), z.number()]).optional(),
  unit: z.string().optional(),
});

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

export const DetectionSchema = z.object({
  kind: z.enum(PAGE_KINDS),
  title: z.string().nullable(),
  agency: z.string().nullable(),
  year: z.number().int().nullable(),
  /**
   * Where the year was read when no title names it: 'body' (the report naming itself in its text, the
   * statistics period it states, or the year its clauses narrate). Absent when the title gave it.
   */
  yearFrom: z.enum(['body']).optional(),
  /** YYYY-MM-DD, from page metadata or the date line */
  publishedAt: z.string().nullable(),
  format: z.enum(FORMATS),
  /** the words that decided the format, for FMT-03/04 evidence */
  formatSignals: z.object({ f2019: z.array(z.string()), f2021: z.array(z.string()) }),
});

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
