import { type FollowThrough, followThrough } from '../audit/cross-year';
import type { Finding } from '../audit/result';
import { type AuditRow, type LogDb, logDb } from './db';
import { urlKeyOf } from './keys';
import { ANY } from './list';
import { readStoredModel } from './migrate';
import { fromRows, newestFirst, toSummary } from './rows';
import type { AuditRecord, Evidence, RecordSummary, Verdict } from './schema';

// Reading the log: a record with its history, verdicts and evidence, the same body's previous
// year. Every function takes the database last, defaulting to the extension's log, so tests and
// benches pass their own. The list's reads (listLatest, logFacets, logContents, getLatest) live in
// list.ts, which the popup's first paint loads without this module's model reading (zod, the
// cross-year code); they are re-exported here for the log's other readers.
export {
  ANY,
  countLatest,
  firstRows,
  getLatest,
  type LogContents,
  type LogFacets,
  latestRowOf,
  listLatest,
  logContents,
  logFacets,
} from './list';

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

// ── Reading a record ────────────────────────────────────────────────────────────

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
