import { describeReadState, readState } from '../audit/read-state';
import type { Finding } from '../audit/result';
import { type Lang, type MessageKey, t } from '../i18n';
import type { LogDb } from './db';
import { logDb } from './db';
import { hasFilter, type ListQuery } from './list-query';
import { listLatest } from './queries';
import { fromRows, newestFirst } from './rows';
import { type AuditRecord, type Evidence, LOG_SCHEMA_VERSION, type LogExport, type Verdict } from './schema';
import { formatTime } from './time';

// Export the log, whole or filtered, as CSV for Excel/WPS and as JSON that import.ts reads back
// losslessly.
//
// CSV: UTF-8 with a BOM (Excel and WPS otherwise guess GBK and garble Chinese), CRLF line ends,
// RFC 4180 quoting, and a guard against formula injection: a text cell starting with = + - @ or a
// tab/CR gets a leading apostrophe, so a page title like "=HYPERLINK(…)" stays text. One row per
// finding with the report's fields repeated, and one row for a report without findings.

/** What to export. No filter: every version of every page. A filter: the pages the list shows. */
export interface ExportFilter extends Omit<ListQuery, 'page' | 'pageSize'> {
  /** 'latest' (default with a filter) or 'all' versions of the matching pages */
  versions?: 'latest' | 'all';
}

/** Every version of every page: the verdicts and evidence go whole too. */
const isWholeLog = (filter: ExportFilter): boolean =>
  !hasFilter(filter) && (filter.versions ?? 'all') === 'all';

/** The ids of the records an export holds, newest audit first. */
async function recordIds(filter: ExportFilter, db: LogDb): Promise<string[]> {
  const versions = filter.versions ?? (hasFilter(filter) ? 'latest' : 'all');
  if (isWholeLog(filter)) return (await db.audits.orderBy('auditedAt').primaryKeys()).reverse();
  const page = await listLatest({ ...filter, page: 1, pageSize: Number.MAX_SAFE_INTEGER }, db);
  if (versions !== 'all') return page.items.map((r) => r.id);
  const keys = new Set(page.items.map((r) => r.urlKey));
  const all = await db.audits
    .where('urlKey')
    .anyOf([...keys])
    .toArray();
  all.sort(newestFirst);
  return all.map((r) => r.id);
}

/** The records of these ids, in their order (rows and details read together). */
async function recordsOf(ids: readonly string[], db: LogDb): Promise<AuditRecord[]> {
  const [rows, details] = await Promise.all([db.audits.bulkGet([...ids]), db.details.bulkGet([...ids])]);
  const out: AuditRecord[] = [];
  for (let i = 0; i < ids.length; i++) {
    const row = rows[i];
    const detail = details[i];
    if (row && detail) out.push(fromRows(row, detail));
  }
  return out;
}

/** The records an export holds, newest audit first. */
export async function collectRecords(filter: ExportFilter = {}, db: LogDb = logDb()): Promise<AuditRecord[]> {
  return recordsOf(await recordIds(filter, db), db);
}

/** What an export needs of its records to pick their verdicts and evidence. */
type RecordKeys = Pick<AuditRecord, 'id' | 'urlKey'>;

async function verdictsOf(records: readonly RecordKeys[], db: LogDb, whole: boolean): Promise<Verdict[]> {
  const verdicts = whole
    ? await db.verdicts.toArray()
    : await db.verdicts
        .where('urlKey')
        .anyOf([...new Set(records.map((r) => r.urlKey))])
        .toArray();
  return verdicts.sort((a, b) => (a.urlKey + a.fingerprint < b.urlKey + b.fingerprint ? -1 : 1));
}

const byCapture = (a: Evidence, b: Evidence): number => a.capturedAt - b.capturedAt || (a.id < b.id ? -1 : 1);

async function evidenceOf(records: readonly RecordKeys[], db: LogDb, whole: boolean): Promise<Evidence[]> {
  const evidence = whole
    ? await db.evidence.toArray()
    : await db.evidence
        .where('recordId')
        .anyOf(records.map((r) => r.id))
        .toArray();
  return evidence.sort(byCapture);
}

/**
 * The ids of the evidence an export holds, in its order (capture time, then id), without keeping
 * the screenshots: each is read, its key kept, and let go.
 */
async function evidenceIds(records: readonly RecordKeys[], db: LogDb, whole: boolean): Promise<string[]> {
  const keys: Pick<Evidence, 'id' | 'capturedAt'>[] = [];
  const keep = (e: Evidence) => {
    keys.push({ id: e.id, capturedAt: e.capturedAt });
  };
  if (whole) await db.evidence.each(keep);
  else
    await db.evidence
      .where('recordId')
      .anyOf(records.map((r) => r.id))
      .each(keep);
  return keys.sort((a, b) => a.capturedAt - b.capturedAt || (a.id < b.id ? -1 : 1)).map((e) => e.id);
}

// ── JSON ────────────────────────────────────────────────────────────────────────

/** The envelope's own fields, first in both exports (the streamed one must match the other exactly). */
const exportHeader = (now: Date): Omit<LogExport, 'records' | 'verdicts' | 'evidence'> => ({
  app: 'gouji',
  kind: 'audit-log',
  schemaVersion: LOG_SCHEMA_VERSION,
  exportedAt: now.toISOString(),
});

/** The log (or the filtered part) in the versioned envelope import.ts reads. */
export async function exportJson(
  filter: ExportFilter = {},
  db: LogDb = logDb(),
  now: Date = new Date(),
): Promise<LogExport> {
  const whole = isWholeLog(filter);
  const records = await collectRecords(filter, db);
  const [verdicts, evidence] = await Promise.all([
    verdictsOf(records, db, whole),
    evidenceOf(records, db, whole),
  ]);
  return { ...exportHeader(now), records, verdicts, evidence };
}

export const exportJsonText = async (filter: ExportFilter = {}, db: LogDb = logDb()): Promise<string> =>
  JSON.stringify(await exportJson(filter, db));

/** Records and pieces of evidence read and written per part of a streamed export. */
export const EXPORT_PAGE = 100;

/**
 * The same JSON as `exportJsonText`, character for character, as a sequence of parts: the envelope,
 * then one part per page of EXPORT_PAGE records, the verdicts, then one part per page of evidence.
 * Only one page of records (models) or evidence (screenshots) is in memory at a time, and no
 * string ever holds the whole log: a log of 10 000 audits with screenshots is hundreds of MB, past
 * what one string or one JSON.stringify can take.
 */
export async function* exportJsonParts(
  filter: ExportFilter = {},
  db: LogDb = logDb(),
  now: Date = new Date(),
): AsyncGenerator<string> {
  const whole = isWholeLog(filter);
  const ids = await recordIds(filter, db);
  const envelope = JSON.stringify(exportHeader(now));
  yield `${envelope.slice(0, -1)},"records":[`;
  // the keys that pick verdicts and evidence come from the rows alone (no model read for them)
  const keys: RecordKeys[] = [];
  let first = true;
  for (let i = 0; i < ids.length; i += EXPORT_PAGE) {
    const page = await recordsOf(ids.slice(i, i + EXPORT_PAGE), db);
    if (!page.length) continue;
    for (const r of page) keys.push({ id: r.id, urlKey: r.urlKey });
    yield (first ? '' : ',') + page.map((r) => JSON.stringify(r)).join(',');
    first = false;
  }
  yield `],"verdicts":${JSON.stringify(await verdictsOf(keys, db, whole))},"evidence":[`;
  const evidence = await evidenceIds(keys, db, whole);
  first = true;
  for (let i = 0; i < evidence.length; i += EXPORT_PAGE) {
    const page = (await db.evidence.bulkGet(evidence.slice(i, i + EXPORT_PAGE))).filter(
      (e): e is Evidence => e !== undefined,
    );
    if (!page.length) continue;
    yield (first ? '' : ',') + page.map((e) => JSON.stringify(e)).join(',');
    first = false;
  }
  yield ']}';
}

/** The JSON export as a file: a Blob of the streamed parts (see exportJsonParts). */
export async function exportJsonBlob(filter: ExportFilter = {}, db: LogDb = logDb()): Promise<Blob> {
  // A Blob of a Blob and a part refers to the first, so each part can be let go once it is added.
  let blob = new Blob([], { type: 'application/json' });
  for await (const part of exportJsonParts(filter, db)) blob = new Blob([blob, part], { type: blob.type });
  return blob;
}

// ── CSV ─────────────────────────────────────────────────────────────────────────

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** A text cell that a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/** One CSV field: formula-guarded text, quoted when it holds a comma, quote, CR or LF. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && FORMULA.test(s) && !PLAIN_NUMBER.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const csvRow = (fields: (string | number | null | undefined)[]): string =>
  fields.map(csvField).join(',');

export const CSV_COLUMNS = [
  'url',
  'site',
  'agency',
  'title',
  'year',
  'format',
  'publishedAt',
  'auditedAt',
  'version',
  'rule',
  'spec',
  'severity',
  'outcome',
  'messageZh',
  'messageEn',
  'cells',
  'expected',
  'actual',
  'verdict',
  'note',
  'read',
] as const;

const label = (key: string, lang: Lang): string => t(key as MessageKey, lang);

/** The CSV text of records, with each finding's verdict and note. */
export function toCsv(
  records: readonly AuditRecord[],
  verdicts: readonly Verdict[],
  lang: Lang = 'zh',
): string {
  const byKey = new Map(verdicts.map((v) => [`${v.urlKey}\u0000${v.fingerprint}`, v]));
  const lines = [csvRow(CSV_COLUMNS.map((c) => label(`log.csv.${c}`, lang)))];
  for (const r of records) {
    const report = [
      r.url,
      r.site,
      r.agency ?? '',
      r.title ?? '',
      r.year,
      label(`format.${r.format}`, lang),
      r.publishedAt ?? '',
      formatTime(r.auditedAt),
      r.version,
    ];
    // Last, so the columns before it keep their places for sheets made from earlier exports.
    const read = describeReadState(r.read ?? readState(r.model), lang);
    if (r.findings.length === 0) {
      lines.push(csvRow([...report, ...Array(CSV_COLUMNS.length - report.length - 1).fill(''), read]));
      continue;
    }
    for (const f of r.findings) {
      // a verdict given under the finding's former (pre-masking) fingerprint counts for it too
      const v =
        byKey.get(`${r.urlKey}\u0000${f.fingerprint}`) ??
        (f.formerFingerprint ? byKey.get(`${r.urlKey}\u0000${f.formerFingerprint}`) : undefined);
      lines.push(
        csvRow([
          ...report,
          ...findingFields(f, lang),
          v?.verdict ? label(`log.verdict.${v.verdict}`, lang) : '',
          v?.note ?? '',
          read,
        ]),
      );
    }
  }
  return BOM + lines.join(CRLF) + CRLF;
}

function findingFields(f: Finding, lang: Lang): (string | number | null)[] {
  return [
    f.rule,
    f.spec,
    label(`severity.${f.severity}`, lang),
    label(`outcome.${f.outcome}`, lang),
    f.message.zh,
    f.message.en,
    f.cells.join('; '),
    f.expected ?? null,
    f.actual ?? null,
  ];
}

/** The log (or the filtered part) as CSV, headers in `lang`. */
export async function exportCsv(
  filter: ExportFilter = {},
  lang: Lang = 'zh',
  db: LogDb = logDb(),
): Promise<string> {
  const whole = isWholeLog(filter);
  const records = await collectRecords(filter, db);
  return toCsv(records, await verdictsOf(records, db, whole), lang);
}

/** gouji-log-2024-03-01.csv (local date). */
export function exportFileName(kind: 'csv' | 'json', at: Date = new Date()): string {
  return `gouji-log-${formatTime(at.getTime()).slice(0, 10)}.${kind}`;
}
