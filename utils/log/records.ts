import { fingerprint } from '../audit/fingerprint';
import { fillMessage } from '../audit/message';
import { readState } from '../audit/read-state';
import type { AuditResult, Finding, Localized, Severity } from '../audit/result';
import { FORMATS, type Format, type ReportModel } from '../report/model';
import { cellLabel } from '../rules/labels';
import { fmtNum } from '../rules/lib/cells';
import { contentHash, diffTables } from './content';
import {
  type FollowThrough,
  followThrough,
  isCrossYearFinding,
  isLogFinding,
  runCrossYear,
} from './cross-year';
import { type AuditRow, type DetailRow, type LogDb, logDb } from './db';
import { agencyKeyOf, cleanUrl, searchKey, searchTextOf, siteOf, urlKeyOf } from './keys';
import {
  type AuditRecord,
  AuditRecordSchema,
  type DocumentSource,
  type Evidence,
  EvidenceSchema,
  type RecordRef,
  type RecordSummary,
  type SeverityCounts,
  type TableChange,
  type Verdict,
  VerdictSchema,
  type VerdictValue,
} from './schema';
import { formatTime, newId } from './time';

// The log's operations. Every function takes the database last, defaulting to the extension's log,
// so tests and benches pass their own. Records are validated with zod before any write.

// ── Rows ⇄ records ──────────────────────────────────────────────────────────────

export function toSummary(row: AuditRow): RecordSummary {
  const { search: _search, ...summary } = row;
  return summary;
}

export function toRows(record: AuditRecord): { row: AuditRow; detail: DetailRow } {
  const { model, findings, change, ...summary } = record;
  return {
    row: { ...summary, search: searchTextOf(summary) },
    detail: { id: record.id, model, findings, change },
  };
}

export const fromRows = (row: AuditRow, detail: DetailRow): AuditRecord => ({
  ...toSummary(row),
  model: detail.model,
  findings: detail.findings,
  change: detail.change,
});

export const refOf = (r: Pick<RecordSummary, 'id' | 'url' | 'title' | 'year'>): RecordRef => ({
  id: r.id,
  url: r.url,
  title: r.title,
  year: r.year,
});

export function severityCounts(findings: readonly Finding[]): SeverityCounts {
  const s: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}

// ── Queries over the indexes ────────────────────────────────────────────────────

const ANY = [-Infinity, Infinity] as const;

/** Newest audit first, then by id descending: the [latest+auditedAt] index read backwards (the unfiltered list). */
export const newestFirst = (
  a: Pick<AuditRow, 'auditedAt' | 'id'>,
  b: Pick<AuditRow, 'auditedAt' | 'id'>,
): number => b.auditedAt - a.auditedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

async function latestRowOf(db: LogDb, urlKey: string): Promise<AuditRow | undefined> {
  return db.audits.where('[urlKey+version]').between([urlKey, ANY[0]], [urlKey, ANY[1]]).last();
}

/** The newest latest-version record of a body for a year, other than the page `exceptUrlKey`. */
async function bodyYearRow(
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

// ── XYR-08: changed after publication ───────────────────────────────────────────

const XYR08: Localized = {
  zh: '本页表格与 {date} 的审核（第 {version} 版）不同：{count} 个单元格的数字有变化，如 {examples}',
  en: 'The tables differ from the audit of {date} (version {version}): {count} cells changed, e.g. {examples}',
};

const shownValue = (v: { raw: string; value: number | null } | null, lang: 'zh' | 'en'): string =>
  v === null ? (lang === 'zh' ? '（无）' : '(none)') : v.value === null ? `“${v.raw}”` : fmtNum(v.value);

function changeFinding(change: TableChange, model: ReportModel, hash: string): Finding {
  const examples = change.cells.slice(0, 3);
  const words = (lang: 'zh' | 'en') =>
    examples
      .map(
        (c) =>
          `${cellLabel(c.address, model.legacyRows)[lang]} ${shownValue(c.before, lang)} → ${shownValue(c.after, lang)}`,
      )
      .join(lang === 'zh' ? '；' : '; ') +
    (change.cells.length > examples.length ? (lang === 'zh' ? '等' : ' …') : '');
  return {
    rule: 'XYR-08',
    spec: 'XYR-08',
    outcome: 'fail',
    messageId: 'changed',
    severity: 'info',
    message: fillMessage(XYR08, {
      date: formatTime(change.previous.auditedAt, false),
      version: change.previous.version,
      count: change.cells.length,
      examples_zh: words('zh'),
      examples_en: words('en'),
    }),
    cells: change.cells.filter((c) => c.after !== null).map((c) => c.address),
    // one finding per change: a verdict on one republication does not cover the next
    fingerprint: fingerprint('XYR-08', `${change.previous.contentHash}>${hash}`),
  };
}

// ── Adding an audit ─────────────────────────────────────────────────────────────

export interface AuditMeta {
  /** the page; defaults to model.source */
  url?: string;
  extensionVersion: string;
  /** epoch ms; defaults to now */
  auditedAt?: number;
  /** the body was merged or renamed (机构改革): XYR-01 is then a warning; by default read from the text */
  merged?: boolean;
  /**
   * ms: an audit identical to the page's latest version (same tables, engine version and engine
   * findings) within this long after it gives that version back instead of adding one
   */
  repeatWithin?: number;
  /** the user asked for this audit: always a new version, whatever repeatWithin says */
  requested?: boolean;
  /** the audit was of a file (the report viewer): its type, address, page and hash */
  document?: DocumentSource;
}

export interface AddAuditResult {
  record: AuditRecord;
  /** XYR-08: the same URL's previous version had other numbers (both versions' cells) */
  change: TableChange | null;
  /** the same body's previous-year record the cross-year checks compared with */
  previousYear: RecordSummary | null;
  /** the cross-year findings (also in record.findings) */
  crossYear: Finding[];
  /** ids of next-year records of the same body whose cross-year findings now compare with this one */
  relinked: string[];
  /** the page's latest version given back instead of a new one (meta.repeatWithin) */
  repeated: boolean;
}

/** Put the cross-year findings in place of a record's old ones (before XYR-08, after the engine's). */
function withCrossYear(findings: readonly Finding[], cross: readonly Finding[]): Finding[] {
  const engine = findings.filter((f) => !isLogFinding(f));
  const changed = findings.filter((f) => f.spec === 'XYR-08');
  return [...engine, ...cross, ...changed];
}

const engineFingerprints = (findings: readonly Finding[]): string =>
  findings
    .filter((f) => !isLogFinding(f))
    .map((f) => f.fingerprint)
    .sort()
    .join('\n');

/**
 * The model as the log filed it: a model read without a host (a saved page) takes the site its
 * record was filed under, so runCrossYear's same-body guard sees what the log matched on.
 */
const onSite = (model: ReportModel, site: string): ReportModel =>
  model.host ? model : { ...model, host: site || null };

/** Re-run a record's cross-year checks against `previous` (or none) and store them. */
async function relink(db: LogDb, row: AuditRow, previous: { row: AuditRow; model: ReportModel } | null) {
  const detail = await db.details.get(row.id);
  if (!detail) return;
  const run = runCrossYear(
    onSite(detail.model, row.site),
    previous ? onSite(previous.model, previous.row.site) : null,
    {
      previousRef: previous ? refOf(previous.row) : null,
    },
  );
  const findings = withCrossYear(detail.findings, run.findings);
  const record = AuditRecordSchema.parse({
    ...fromRows(row, detail),
    findings,
    severities: severityCounts(findings),
    crossYear: { against: previous && run.compared ? refOf(previous.row) : null, counts: run.counts },
  });
  const rows = toRows(record);
  await db.audits.put(rows.row);
  await db.details.put(rows.detail);
}

/**
 * Store an audit as a new version of its page. Computes the content hash, compares with the page's
 * previous version (XYR-08) and with the same body's previous-year report (XYR-01…07, T4-04), and
 * refreshes the cross-year findings of the body's next-year report if the log has one. With
 * meta.repeatWithin, an identical audit of the page soon after its latest version (not requested by
 * the user) writes nothing and gives that version back.
 */
export async function addAudit(
  model: ReportModel,
  audit: AuditResult,
  meta: AuditMeta,
  db: LogDb = logDb(),
): Promise<AddAuditResult> {
  const url = cleanUrl(meta.url ?? model.source ?? '');
  if (!url) throw new Error('addAudit: the audit has no URL');
  const urlKey = urlKeyOf(url);
  const site = siteOf(model.host ?? url);
  const agencyKey = agencyKeyOf(model.agency, model.title);
  const hash = contentHash(model.tables);
  const auditedAt = meta.auditedAt ?? Date.now();

  return db.transaction('rw', db.audits, db.details, async () => {
    const prevRow = await latestRowOf(db, urlKey);
    if (
      prevRow &&
      meta.repeatWithin !== undefined &&
      !meta.requested &&
      prevRow.contentHash === hash &&
      prevRow.extensionVersion === meta.extensionVersion &&
      auditedAt - prevRow.auditedAt >= 0 &&
      auditedAt - prevRow.auditedAt < meta.repeatWithin
    ) {
      const detail = await db.details.get(prevRow.id);
      if (detail && engineFingerprints(detail.findings) === engineFingerprints(audit.findings)) {
        const record = fromRows(prevRow, detail);
        const against = record.crossYear?.against;
        const yearRow = against ? await db.audits.get(against.id) : undefined;
        return {
          record,
          change: record.change,
          previousYear: yearRow ? toSummary(yearRow) : null,
          crossYear: record.findings.filter(isCrossYearFinding),
          relinked: [],
          repeated: true,
        };
      }
    }

    // the previous version's tables are read only when they differ (XYR-08)
    const prevDetail = prevRow && prevRow.contentHash !== hash ? await db.details.get(prevRow.id) : undefined;
    let change: TableChange | null = null;
    if (prevRow && prevDetail) {
      change = {
        previous: {
          id: prevRow.id,
          version: prevRow.version,
          auditedAt: prevRow.auditedAt,
          contentHash: prevRow.contentHash,
        },
        cells: diffTables(prevDetail.model.tables, model.tables),
      };
    }

    const yearRow =
      model.year !== null ? await bodyYearRow(db, agencyKey, site, model.year - 1, urlKey) : undefined;
    const yearDetail = yearRow ? await db.details.get(yearRow.id) : undefined;
    const run = runCrossYear(
      onSite(model, site),
      yearDetail && yearRow ? onSite(yearDetail.model, yearRow.site) : null,
      {
        previousRef: yearRow ? refOf(yearRow) : null,
        ...(meta.merged !== undefined ? { merged: meta.merged } : {}),
      },
    );
    const compared = run.compared && !!yearRow;

    const findings = withCrossYear(audit.findings, run.findings);
    if (change) findings.push(changeFinding(change, model, hash));

    const record = AuditRecordSchema.parse({
      id: newId(),
      url,
      urlKey,
      site,
      title: model.title,
      agency: model.agency,
      agencyKey,
      year: model.year,
      format: model.format,
      publishedAt: model.publishedAt,
      auditedAt,
      extensionVersion: meta.extensionVersion,
      contentHash: hash,
      version: (prevRow?.version ?? 0) + 1,
      latest: 1,
      counts: audit.counts,
      figures: audit.figures,
      severities: severityCounts(findings),
      crossYear: { against: compared ? refOf(yearRow!) : null, counts: run.counts },
      changed: change !== null,
      ...(meta.document ? { document: meta.document } : {}),
      read: readState(model),
      model,
      findings,
      change,
    } satisfies AuditRecord);

    const rows = toRows(record);
    if (prevRow) await db.audits.update(prevRow.id, { latest: 0 });
    await db.audits.add(rows.row);
    await db.details.add(rows.detail);

    // the body's next-year report now has a previous year to compare with (or a newer version of it)
    const relinked: string[] = [];
    if (model.year !== null) {
      const next = await bodyYearRow(db, agencyKey, site, model.year + 1, urlKey);
      if (next) {
        await relink(db, next, { row: rows.row, model });
        relinked.push(next.id);
      }
    }

    return {
      record,
      change,
      previousYear: compared ? toSummary(yearRow!) : null,
      crossYear: run.findings,
      relinked,
      repeated: false,
    };
  });
}

// ── Reading ─────────────────────────────────────────────────────────────────────

export type SeverityFilter = Severity | 'clean';

export interface ListQuery {
  /** matched against title, agency, site and URL (normalized: spacing, punctuation, 繁體, 管委会) */
  query?: string;
  year?: number | null;
  format?: Format | null;
  /** records with at least one finding of this severity; 'clean': with none */
  severity?: SeverityFilter | null;
  /** 1-based */
  page?: number;
  pageSize?: number;
}

/** Whether a query narrows the log: a search, or a year, format or severity filter. */
export const hasFilter = (q: Pick<ListQuery, 'query' | 'year' | 'format' | 'severity'>): boolean =>
  !!q.query || q.year != null || q.format != null || !!q.severity;

export interface ListPage {
  items: RecordSummary[];
  total: number;
  /** the page returned (clamped to the last one) */
  page: number;
  pageSize: number;
  pages: number;
}

export const DEFAULT_PAGE_SIZE = 50;

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
      if (detail) follow = followThrough(record.model, detail.model);
    }
  }
  return {
    record,
    history,
    previousYear,
    verdicts: Object.fromEntries(verdicts.map((v) => [v.fingerprint, v])),
    evidence,
    followThrough: follow,
  };
}

// ── Verdicts ────────────────────────────────────────────────────────────────────

export interface VerdictPatch {
  /** null clears the verdict; undefined keeps it */
  verdict?: VerdictValue | null;
  note?: string;
  rule?: string;
}

/**
 * Set the reviewer's verdict and/or note on a finding of a page. Kept across re-audits and engine
 * upgrades (keyed by page and fingerprint). Returns null when nothing is left (no verdict, no note).
 */
export async function setVerdict(
  url: string,
  findingFingerprint: string,
  patch: VerdictPatch,
  db: LogDb = logDb(),
): Promise<Verdict | null> {
  const urlKey = urlKeyOf(url);
  return db.transaction('rw', db.verdicts, async () => {
    const old = await db.verdicts.get([urlKey, findingFingerprint]);
    const rule = patch.rule ?? old?.rule;
    const next = VerdictSchema.parse({
      urlKey,
      fingerprint: findingFingerprint,
      verdict: patch.verdict !== undefined ? patch.verdict : (old?.verdict ?? null),
      note: patch.note ?? old?.note ?? '',
      updatedAt: Date.now(),
      ...(rule ? { rule } : {}),
    } satisfies Verdict);
    if (next.verdict === null && next.note.trim() === '') {
      await db.verdicts.delete([urlKey, findingFingerprint]);
      return null;
    }
    await db.verdicts.put(next);
    return next;
  });
}

export async function getVerdicts(url: string, db: LogDb = logDb()): Promise<Verdict[]> {
  return db.verdicts.where('urlKey').equals(urlKeyOf(url)).toArray();
}

// ── Evidence ────────────────────────────────────────────────────────────────────

export type EvidenceInput = Omit<Evidence, 'id' | 'capturedAt'> & { capturedAt?: number };

export async function addEvidence(input: EvidenceInput, db: LogDb = logDb()): Promise<Evidence> {
  const evidence = EvidenceSchema.parse({
    ...input,
    id: newId(),
    capturedAt: input.capturedAt ?? Date.now(),
  });
  await db.transaction('rw', db.audits, db.evidence, async () => {
    if (!(await db.audits.get(evidence.recordId)))
      throw new Error(`addEvidence: no record ${evidence.recordId}`);
    await db.evidence.add(evidence);
  });
  return evidence;
}

export async function getEvidence(recordId: string, db: LogDb = logDb()): Promise<Evidence[]> {
  const list = await db.evidence.where('recordId').equals(recordId).toArray();
  return list.sort((a, b) => a.capturedAt - b.capturedAt);
}

// ── Deleting ────────────────────────────────────────────────────────────────────

/**
 * Delete one version. The page's previous version becomes its latest; when no version is left, the
 * page's verdicts go too. Next-year records that compared with it compare with what is left.
 */
export async function deleteRecord(id: string, db: LogDb = logDb()): Promise<boolean> {
  return db.transaction('rw', [db.audits, db.details, db.verdicts, db.evidence], async () => {
    const row = await db.audits.get(id);
    if (!row) return false;
    await db.audits.delete(id);
    await db.details.delete(id);
    await db.evidence.where('recordId').equals(id).delete();
    const rest = await latestRowOf(db, row.urlKey);
    if (!rest) await db.verdicts.where('urlKey').equals(row.urlKey).delete();
    else if (row.latest === 1) await db.audits.update(rest.id, { latest: 1 });

    if (row.year !== null && row.latest === 1) {
      const next = await bodyYearRow(db, row.agencyKey, row.site, row.year + 1);
      if (next && next.crossYear?.against?.id === id) {
        const prev = await bodyYearRow(db, row.agencyKey, row.site, row.year, next.urlKey);
        const prevDetail = prev ? await db.details.get(prev.id) : undefined;
        await relink(db, next, prev && prevDetail ? { row: prev, model: prevDetail.model } : null);
      }
    }
    return true;
  });
}

/** Empty the log: records, verdicts and evidence. */
export async function clearLog(db: LogDb = logDb()): Promise<void> {
  await db.transaction('rw', [db.audits, db.details, db.verdicts, db.evidence], async () => {
    await Promise.all([db.audits.clear(), db.details.clear(), db.verdicts.clear(), db.evidence.clear()]);
  });
}

/** Recompute version numbers and the latest flag of pages by audit time (after an import). */
export async function renumber(urlKeys: Iterable<string>, db: LogDb = logDb()): Promise<void> {
  for (const key of new Set(urlKeys)) {
    const rows = await db.audits.where('urlKey').equals(key).toArray();
    rows.sort((a, b) => a.auditedAt - b.auditedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const [i, r] of rows.entries()) {
      const version = i + 1;
      const latest = i === rows.length - 1 ? 1 : 0;
      if (r.version !== version || r.latest !== latest) await db.audits.update(r.id, { version, latest });
    }
  }
}
