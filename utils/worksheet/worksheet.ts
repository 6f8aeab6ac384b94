import type { Sheet, SheetData } from 'write-excel-file/universal';
import type { Finding } from '../audit/result';
import { type Lang, type MessageKey, t } from '../i18n';
import { agencyKeyOf } from '../log/keys';
import type { AuditRecord, Verdict } from '../log/schema';
import type { Format, ReportModel } from '../report/model';
import { cellLabel } from '../rules/labels';
import { getCell } from '../rules/lib/cells';
import { titleParts } from '../sweep/list';
import type { SweepEntry, SweepStatus } from '../sweep/run';

// The inspector's worksheet: what a sweep or the audit log holds, as three sheets an inspector
// filters and annotates in Excel or WPS: one row per report, one row per finding (the arithmetic in
// words, the cells with their values, the verdict and note), and a body × year grid that shows at a
// glance which reports are missing, late, in the wrong format or wrong. This module builds the sheet
// data (pure, tested cell by cell); xlsx.ts writes the file with write-excel-file.

export interface WorksheetReport {
  url: string;
  title: string | null;
  agency: string | null;
  year: number | null;
  format: Format;
  publishedAt: string | null;
  status: SweepStatus;
  /** why it was not audited */
  note?: string | null;
  /** the title the list gave the link (a sweep), for a link that could not be read */
  listedTitle?: string | null;
  findings: readonly Finding[];
  /** the reviewer's verdicts and notes by finding fingerprint (the audit log) */
  verdicts?: ReadonlyMap<string, { verdict: 'confirmed' | 'dismissed' | null; note: string }>;
  /** for the cells' values */
  model?: ReportModel | null;
}

export interface WorksheetSheet extends Sheet<never> {
  sheet: string;
  data: SheetData;
  /** header row on top: frozen, with a filter over every column */
  filter: boolean;
}

const COLOURS = {
  error: '#F8CBAD',
  warning: '#FFE699',
  info: '#DDEBF7',
  uncertain: '#E7E6E6',
  clean: '#C6EFCE',
  missing: '#D9D9D9',
  header: '#D9E1F2',
} as const;

const HEADER = { fontWeight: 'bold', backgroundColor: COLOURS.header } as const;

const fails = (r: WorksheetReport, severity: Finding['severity']) =>
  r.findings.filter((f) => f.outcome === 'fail' && f.severity === severity).length;
const uncertain = (r: WorksheetReport) => r.findings.filter((f) => f.outcome === 'uncertain').length;
const failed = (r: WorksheetReport, spec: string) =>
  r.findings.some((f) => f.spec === spec && f.outcome === 'fail');

/** Late by FMT-12; null when the report gives no date or was not read. */
export function isLate(r: WorksheetReport): boolean | null {
  if (r.status !== 'audited' || !r.publishedAt) return null;
  return failed(r, 'FMT-12');
}

/**
 * A formula link (write-excel-file 4.1.1 writes no hyperlink cells); quotes doubled, so a title
 * cannot break out of the string. No leading "=": the library writes the value into <f> as it is,
 * and a stored formula has none (ECMA-376 Part 1, 18.3.1.40).
 */
function link(url: string, text: string) {
  const q = (s: string) => s.replace(/"/g, '""').slice(0, 250);
  return { type: 'Formula' as const, value: `HYPERLINK("${q(url)}","${q(text)}")`, textColor: '#0563C1' };
}

const bodyOf = (r: WorksheetReport): string | null =>
  r.agency ?? (r.listedTitle ? (titleParts(r.listedTitle)?.body ?? null) : null);
const yearOf = (r: WorksheetReport): number | null =>
  r.year ?? (r.listedTitle ? (titleParts(r.listedTitle)?.year ?? null) : null);

function reportsSheet(reports: readonly WorksheetReport[], lang: Lang): WorksheetSheet {
  const h = (key: string) => ({ value: t(`sheet.col.${key}` as MessageKey, lang), ...HEADER });
  const data: SheetData = [
    [
      h('agency'),
      h('year'),
      h('title'),
      h('format'),
      h('published'),
      h('onTime'),
      h('status'),
      h('errors'),
      h('warnings'),
      h('infos'),
      h('uncertain'),
      h('note'),
      h('link'),
    ],
  ];
  for (const r of reports) {
    const errors = fails(r, 'error');
    const warnings = fails(r, 'warning');
    const late = isLate(r);
    const audited = r.status === 'audited';
    data.push([
      bodyOf(r),
      yearOf(r),
      link(r.url, r.title ?? r.listedTitle ?? r.url),
      audited ? t(`format.${r.format}` as MessageKey, lang) : null,
      r.publishedAt,
      late === null
        ? null
        : {
            value: t(late ? 'sheet.late' : 'sheet.onTime', lang),
            backgroundColor: late ? COLOURS.warning : undefined,
          },
      {
        value: t(`sweep.status.${r.status}` as MessageKey, lang),
        backgroundColor: audited
          ? undefined
          : r.status === 'not-a-report'
            ? COLOURS.uncertain
            : COLOURS.missing,
      },
      audited ? { value: errors, backgroundColor: errors ? COLOURS.error : undefined } : null,
      audited ? { value: warnings, backgroundColor: warnings ? COLOURS.warning : undefined } : null,
      audited ? fails(r, 'info') : null,
      audited ? uncertain(r) : null,
      r.note ?? null,
      r.url,
    ]);
  }
  return {
    sheet: t('sheet.reports', lang),
    data,
    filter: true,
    columns: widths([22, 7, 48, 14, 11, 9, 10, 7, 7, 7, 8, 16, 50]),
  };
}

function cellsInWords(f: Finding, model: ReportModel | null | undefined, lang: Lang): string {
  return f.cells
    .map((address) => {
      const label = cellLabel(address, model?.legacyRows ?? [])[lang];
      const cell = model ? getCell(model, address) : undefined;
      return cell ? `${label} = ${cell.raw === '' ? '（空）' : cell.raw}` : label;
    })
    .join('；');
}

function findingsSheet(reports: readonly WorksheetReport[], lang: Lang): WorksheetSheet {
  const h = (key: string) => ({ value: t(`sheet.col.${key}` as MessageKey, lang), ...HEADER });
  const data: SheetData = [
    [
      h('agency'),
      h('year'),
      h('check'),
      h('severity'),
      h('outcome'),
      h('message'),
      h('cells'),
      h('expected'),
      h('actual'),
      h('verdict'),
      h('reviewNote'),
      h('link'),
    ],
  ];
  for (const r of reports)
    for (const f of r.findings) {
      const v = r.verdicts?.get(f.fingerprint);
      const colour = f.outcome === 'uncertain' ? COLOURS.uncertain : COLOURS[f.severity];
      data.push([
        bodyOf(r),
        yearOf(r),
        f.spec,
        { value: t(`severity.${f.severity}`, lang), backgroundColor: colour },
        t(`outcome.${f.outcome}`, lang),
        { value: f.message[lang], wrap: true },
        { value: cellsInWords(f, r.model, lang), wrap: true },
        f.expected ?? null,
        f.actual ?? null,
        v?.verdict ? t(`log.verdict.${v.verdict}`, lang) : null,
        v?.note || null,
        link(r.url, r.title ?? r.url),
      ]);
    }
  return {
    sheet: t('sheet.findings', lang),
    data,
    filter: true,
    columns: widths([22, 7, 9, 9, 8, 70, 50, 8, 8, 9, 30, 40]),
  };
}

/** The worst state of the reports of one body and year, as a mark and a colour. */
function gridCell(found: readonly WorksheetReport[], lang: Lang) {
  if (!found.length)
    return { value: t('sheet.missing', lang), backgroundColor: COLOURS.missing, align: 'center' as const };
  const audited = found.filter((r) => r.status === 'audited');
  if (!audited.length) {
    const r = found[0]!;
    return {
      value: t(`sweep.status.${r.status}` as MessageKey, lang),
      backgroundColor: COLOURS.uncertain,
      align: 'center' as const,
    };
  }
  const errors = audited.reduce((n, r) => n + fails(r, 'error'), 0);
  const warnings = audited.reduce((n, r) => n + fails(r, 'warning'), 0);
  const marks: string[] = [];
  if (errors) marks.push(`✗${errors}`);
  if (warnings) marks.push(`!${warnings}`);
  if (audited.some((r) => isLate(r))) marks.push(t('sheet.late', lang));
  if (audited.some((r) => failed(r, 'FMT-04'))) marks.push(t('sheet.wrongFormat', lang));
  if (audited.length > 1) marks.push(`×${audited.length}`);
  const colour = errors ? COLOURS.error : marks.length ? COLOURS.warning : COLOURS.clean;
  return {
    value: marks.join(' ') || t('sheet.clean', lang),
    backgroundColor: colour,
    align: 'center' as const,
  };
}

function gridSheet(reports: readonly WorksheetReport[], lang: Lang): WorksheetSheet {
  const years = [...new Set(reports.map(yearOf).filter((y): y is number => y !== null))].sort(
    (a, b) => a - b,
  );
  const span = years.length
    ? Array.from({ length: years.at(-1)! - years[0]! + 1 }, (_, i) => years[0]! + i)
    : [];
  const bodies = new Map<string, { name: string; reports: WorksheetReport[] }>();
  for (const r of reports) {
    const name = bodyOf(r);
    // news filed in the column is no body's report
    if (!name || r.status === 'not-a-report') continue;
    const key = agencyKeyOf(name);
    const body = bodies.get(key) ?? { name, reports: [] };
    body.reports.push(r);
    bodies.set(key, body);
  }
  const data: SheetData = [
    [
      { value: t('sheet.col.agency', lang), ...HEADER },
      ...span.map((y) => ({ value: y, ...HEADER, align: 'center' as const })),
    ],
  ];
  for (const { name, reports: own } of [...bodies.values()].sort((a, b) =>
    a.name.localeCompare(b.name, 'zh'),
  )) {
    data.push([
      name,
      ...span.map((y) =>
        gridCell(
          own.filter((r) => yearOf(r) === y),
          lang,
        ),
      ),
    ]);
  }
  return {
    sheet: t('sheet.grid', lang),
    data,
    filter: false,
    stickyColumnsCount: 1,
    columns: widths([26, ...span.map(() => 12)]),
  };
}

const widths = (ws: number[]) => ws.map((width) => ({ width }));

export function worksheetSheets(reports: readonly WorksheetReport[], lang: Lang = 'zh'): WorksheetSheet[] {
  return [reportsSheet(reports, lang), findingsSheet(reports, lang), gridSheet(reports, lang)].map((s) => ({
    ...s,
    stickyRowsCount: 1,
  }));
}

/** A sweep's links, one row each. */
export function fromSweep(entries: readonly SweepEntry[]): WorksheetReport[] {
  return entries.map((e) => ({
    url: e.url,
    title: e.model?.title ?? null,
    agency: e.model?.agency ?? null,
    year: e.model?.year ?? null,
    format: e.model?.format ?? 'unknown',
    publishedAt: e.model?.publishedAt ?? null,
    status: e.status,
    note: e.note,
    listedTitle: e.listedTitle,
    findings: e.audit?.findings ?? [],
    model: e.model,
  }));
}

/** Audit-log records with the reviewer's verdicts and notes. */
export function fromLog(records: readonly AuditRecord[], verdicts: readonly Verdict[]): WorksheetReport[] {
  const byPage = new Map<string, Map<string, { verdict: Verdict['verdict']; note: string }>>();
  for (const v of verdicts) {
    const page = byPage.get(v.urlKey) ?? new Map();
    page.set(v.fingerprint, { verdict: v.verdict, note: v.note });
    byPage.set(v.urlKey, page);
  }
  return records.map((r) => ({
    url: r.url,
    title: r.title,
    agency: r.agency,
    year: r.year,
    format: r.format,
    publishedAt: r.publishedAt,
    status: 'audited',
    findings: r.findings,
    verdicts: byPage.get(r.urlKey),
    model: r.model,
  }));
}

/** gouji-sweep-2024-03-01.xlsx / gouji-log-2024-03-01.xlsx (UTC date). */
export const worksheetFileName = (kind: 'sweep' | 'log', at: Date = new Date()) =>
  `gouji-${kind}-${at.toISOString().slice(0, 10)}.xlsx`;
