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
import { newestFirst, toSummary } from './rows';
import type { RecordSummary } from './schema';

// Reading the popup's list: the latest version of every page (searched, filtered, paged), its
// facets, the current page's own record, and what clearing would delete. Summary rows only: no
// model, no zod, no cross-year code, so the popup's first paint loads this and Dexie and nothing
// more (a record's detail is queries.ts, loaded when one is opened). Every function takes the
// database last, defaulting to the extension's log, so tests and benches pass their own.

export const ANY = [-Infinity, Infinity] as const;

/** The latest version of every page, by [latest+auditedAt]: read backwards, newest first. */
const latestByTime = (db: LogDb) => db.audits.where('[latest+auditedAt]').between([1, ANY[0]], [1, ANY[1]]);

export async function latestRowOf(db: LogDb, urlKey: string): Promise<AuditRow | undefined> {
  return db.audits.where('[urlKey+version]').between([urlKey, ANY[0]], [urlKey, ANY[1]]).last();
}

/**
 * The unfiltered list's first page, newest first, as listLatest gives it: a reverse cursor on the
 * index that stops after `pageSize` rows, whatever the size of the log. The count is apart
 * (countLatest), so the rows can be drawn before it is known.
 */
export async function firstRows(pageSize: number, db: LogDb = logDb()): Promise<RecordSummary[]> {
  const rows = await latestByTime(db)
    .reverse()
    .limit(Math.max(1, Math.floor(pageSize)))
    .toArray();
  return rows.map(toSummary);
}

/** How many pages the log holds (one latest record each): the unfiltered list's total. */
export const countLatest = (db: LogDb = logDb()): Promise<number> => latestByTime(db).count();

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
  // walking backwards is far slower than one key list, in fake-indexeddb and in Chrome alike. The
  // first page, which the popup opens on, needs no skipping: firstRows.
  if (!hasFilter({ query, year, format, severity })) {
    const ids = await latestByTime(db).primaryKeys();
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
    candidates = await latestByTime(db).toArray();
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

export interface LogFacets {
  /** newest first */
  years: number[];
  formats: Format[];
  /** pages audited (latest records) */
  pages: number;
}

/** Years and formats present in the log (for the list's filters), and the number of pages audited. */
export async function logFacets(db: LogDb = logDb()): Promise<LogFacets> {
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
      latestByTime(db).count(),
      db.audits.count(),
      db.verdicts.count(),
      db.evidence.count(),
    ]);
    return { pages, versions, verdicts, evidence };
  });
}

/** The latest record of the page, if it was audited. */
export async function getLatest(url: string, db: LogDb = logDb()): Promise<RecordSummary | null> {
  const row = await latestRowOf(db, urlKeyOf(url));
  return row ? toSummary(row) : null;
}
