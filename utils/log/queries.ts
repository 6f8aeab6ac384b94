import { type FollowThrough, followThrough } from '../audit/cross-year';
import type { Finding } from '../audit/result';
import { FORMATS, type Format } from '../report/model';
import { type AuditRow, type LogDb, logDb } from './db';
import { searchKey, urlKeyOf } from './keys';
import {
  DEFAULT_PAGE_SIZE,
  hasFilter,
  type ListPage,
  type ListQuery,
  type SeverityFilter,
} from './list-query';
import { readStoredModel } from './migrate';
import { fromRows, newestFirst, toSummary } from './rows';
import type { AuditRecord, Evidence, RecordSummary, Verdict } from './schema';

// Reading the log: the list (latest version of every page, searched, filtered, paged), its facets,
// a record with its history, verdicts and evidence. Every function takes the database last,
// defaulting to the extension's log, so tests and benches pass their own.

// ── Queries over the indexes ────────────────────────────────────────────────────

export const ANY = [-Infinity, Infinity] as const;

export async function latestRowOf(db: LogDb, urlKey: string): Promise<AuditRow | undefined> {
  return db.audits.where('[urlKey+version]').between([urlKey, ANY[0]], [urlKey, ANY[1]]).last();
}

/** The newest latest-version record of a body for a year, other than the page `exceptUrlKey`. */
export async function bodyYearRow(
  db: LogDb,
  agencyKey: string,
  site: string,
  year: number,
  exceptUrlKey?: string,
): Promise<AuditRow | undefined> {
  if (!agencyKey) return undefined;
  const rows = await db.audits.where('[agencyKey+site+year]').equals([agencyKey, site, year]).toArray();
  return rows.filter((r) => r.latest === 1 && r.urlKey !== exceptUrlKey).sort(newestFirst)[0];
}

// ── Reading ─────────────────────────────────────────────────────────────────────

const matchesSeverity = (r: AuditRow, s: SeverityFilter): boolean =>
  s === 'clean'
    ? r.severities.error + r.severities.warning + r.severities.info === 0 &&
      (r.read?.level ?? 'complete') === 'complete'
    : r.severities[s] > 0;

/** Latest version of every page, newest audit first, filtered and paged. */
export async function listLatest(q: ListQuery = {}, db: LogDb = logDb()): Promise<ListPage> {
  const pageSize = Math.max(1, Math.floor(q.pageSize ?? DEFAULT_PAGE_SIZE));
  const wanted = Math.max(1, Math.floor(q.page ?? 1));
  const query = q.query ? searchKey(q.query) : '';
  const year = q.year ?? null;
  const format = q.format ?? null;
  const severity = q.severity ?? null;

  const shape = (total: number, page: number, rows: AuditRow[]): ListPage => ({
    items: rows.map(toSummary),
    total,
    page,
    pageSize,
    pages: Math.max(1, Math.ceil(total / pageSize)),
  });
  const clamp = (total: number) => Math.min(wanted, Math.max(1, Math.ceil(total / pageSize)));

  // No filter: the page's ids straight off the [latest+auditedAt] index (keys only), then those rows.
  // Keys are read with getAllKeys and sliced here: a cursor skipping thousands of rows (offset) or
  // walking backwards is far slower than one key list, in fake-indexeddb and in Chrome alike.
  if (!hasFilter({ query, year, format, severity })) {
    const ids = await db.audits.where('[latest+auditedAt]').between([1, ANY[0]], [1, ANY[1]]).primaryKeys();
    ids.reverse();
    const page = clamp(ids.length);
    const rows = await db.audits.bulkGet(ids.slice((page - 1) * pageSize, page * pageSize));
    return shape(
      ids.length,
      page,
      rows.filter((r): r is AuditRow => !!r),
    );
  }

  // Filters: narrow by the most selective index available, then filter the small summary rows.
  let candidates: AuditRow[];
  if (year !== null) {
    candidates = await db.audits
      .where('[latest+year+auditedAt]')
      .between([1, year, ANY[0]], [1, year, ANY[1]])
      .toArray();
  } else if (format !== null) {
    candidates = await db.audits
      .where('[latest+format+auditedAt]')
      .between([1, format, ANY[0]], [1, format, ANY[1]])
      .toArray();
  } else {
    candidates = await db.audits.where('[latest+auditedAt]').between([1, ANY[0]], [1, ANY[1]]).toArray();
  }
  const hits = candidates.filter(
    (r) =>
      (format === null || r.format === format) &&
      (!severity || matchesSeverity(r, severity)) &&
      (!query || r.search.includes(query)),
  );
  hits.sort(newestFirst);
  const page = clamp(hits.length);
  return shape(hits.length, page, hits.slice((page - 1) * pageSize, page * pageSize));
}

/** Years and formats present in the log (for the list's filters), and the number of pages audited. */
export async function logFacets(
  db: LogDb = logDb(),
): Promise<{ years: number[]; formats: Format[]; pages: number }> {
  // distinct years by skipping through the index: one seek per year, not one step per record
  const years: number[] = [];
  const byYear = db.audits.where('[latest+year+auditedAt]');
  let next = await byYear.between([1, ANY[0], ANY[0]], [1, ANY[1], ANY[1]]).first();
  while (next && next.year !== null) {
    years.push(next.year);
    next = await byYear.between([1, next.year, ANY[1]], [1, ANY[1], ANY[1]]).first();
  }
  years.reverse();
  const formats: Format[] = [];
  let pages = 0;
  for (const f of [...FORMATS].sort()) {
    const n = await db.audits
      .where('[latest+format+auditedAt]')
      .between([1, f, ANY[0]], [1, f, ANY[1]])
      .count();
    if (n > 0) formats.push(f);
    pages += n;
  }
  return { years, formats, pages };
}

/** What clearing the log deletes: its pages, every version of them, the verdicts and the evidence. */
export interface LogContents {
  pages: number;
  versions: number;
  verdicts: number;
  evidence: number;
}

export async function logContents(db: LogDb = logDb()): Promise<LogContents> {
  return db.transaction('r', [db.audits, db.verdicts, db.evidence], async () => {
    const [pages, versions, verdicts, evidence] = await Promise.all([
      db.audits.where('[latest+auditedAt]').between([1, ANY[0]], [1, ANY[1]]).count(),
      db.audits.count(),
      db.verdicts.count(),
      db.evidence.count(),
    ]);
    return { pages, versions, verdicts, evidence };
  });
}

export async function getRecord(id: string, db: LogDb = logDb()): Promise<AuditRecord | null> {
  const [row, detail] = await Promise.all([db.audits.get(id), db.details.get(id)]);
  return row && detail ? fromRows(row, detail) : null;
}

/** Every version of a page, newest first. */
export async function getHistory(url: string, db: LogDb = logDb()): Promise<RecordSummary[]> {
  const key = urlKeyOf(url);
  const rows = await db.audits
    .where('[urlKey+version]')
    .between([key, ANY[0]], [key, ANY[1]])
    .reverse()
    .toArray();
  return rows.map(toSummary);
}

/** The latest record of the page, if it was audited. */
export async function getLatest(url: string, db: LogDb = logDb()): Promise<RecordSummary | null> {
  const row = await latestRowOf(db, urlKeyOf(url));
  return row ? toSummary(row) : null;
}

export interface RecordDetail {
  record: AuditRecord;
  /** every version of the page, newest first */
  history: RecordSummary[];
  /** the same body's latest record of the previous year, when the log has one */
  previousYear: RecordSummary | null;
  /** by fingerprint */
  verdicts: Record<string, Verdict>;
  evidence: Evidence[];
  /** section 五 of both years, for the follow-through view (XYR-07) */
  followThrough: FollowThrough | null;
}

/**
 * The verdicts of a record's findings by fingerprint. A verdict given under a finding's former
 * fingerprint (before text places masked their numbers, review M5) is read for it when the finding
 * has none of its own, so no verdict of an older engine is orphaned.
 */
export function verdictsOf(
  findings: readonly Finding[],
  verdicts: readonly Verdict[],
): Record<string, Verdict> {
  const byFingerprint = new Map(verdicts.map((v) => [v.fingerprint, v]));
  const out: Record<string, Verdict> = Object.fromEntries(byFingerprint);
  for (const f of findings) {
    if (out[f.fingerprint] || !f.formerFingerprint) continue;
    const former = byFingerprint.get(f.formerFingerprint);
    if (former) out[f.fingerprint] = { ...former, fingerprint: f.fingerprint };
  }
  return out;
}

/** Everything the popup's detail view shows for one record. */
export async function getRecordDetail(id: string, db: LogDb = logDb()): Promise<RecordDetail | null> {
  const record = await getRecord(id, db);
  if (!record) return null;
  const [history, verdicts, evidence] = await Promise.all([
    getHistory(record.urlKey, db),
    getVerdicts(record.urlKey, db),
    getEvidence(record.id, db),
  ]);
  let previousYear: RecordSummary | null = null;
  let follow: FollowThrough | null = null;
  if (record.year !== null) {
    const row = await bodyYearRow(db, record.agencyKey, record.site, record.year - 1, record.urlKey);
    if (row) {
      previousYear = toSummary(row);
      const detail = await db.details.get(row.id);
      // an old record the current model cannot read shows no follow-through, never an error
      const previousModel = detail ? readStoredModel(detail.model, row.modelVersion) : null;
      if (previousModel) follow = followThrough(record.model, previousModel);
    }
  }
  return {
    record,
    history,
    previousYear,
    verdicts: verdictsOf(record.findings, verdicts),
    evidence,
    followThrough: follow,
  };
}

export async function getVerdicts(url: string, db: LogDb = logDb()): Promise<Verdict[]> {
  return db.verdicts.where('urlKey').equals(urlKeyOf(url)).toArray();
}

export async function getEvidence(recordId: string, db: LogDb = logDb()): Promise<Evidence[]> {
  const list = await db.evidence.where('recordId').equals(recordId).toArray();
  return list.sort((a, b) => a.capturedAt - b.capturedAt);
}
