import { isCrossYearFinding, isLogFinding, runCrossYear } from '../audit/cross-year';
import { readState } from '../audit/read-state';
import type { AuditResult, Finding } from '../audit/result';
import { contentHash } from '../report/content';
import { MODEL_VERSION, type ReportModel } from '../report/model';
import { changeFinding, tableChange } from '../rules/xyr/xyr-08';
import { type AuditRow, type LogDb, logDb } from './db';
import { agencyKeyOf, cleanUrl, siteOf, urlKeyOf } from './keys';
import { readStoredModel } from './migrate';
import { bodyYearRow, latestRowOf } from './queries';
import { fromRows, refOf, severityCounts, toRows, toSummary } from './rows';
import {
  type AuditRecord,
  AuditRecordSchema,
  type DocumentSource,
  type Evidence,
  EvidenceSchema,
  type RecordSummary,
  type TableChange,
  type Verdict,
  VerdictSchema,
  type VerdictValue,
} from './schema';
import { newId } from './time';

// Writing the log: filing an audit (a new version of its page, with XYR-08 and the cross-year
// checks), verdicts, evidence, deleting and renumbering. Every function takes the database last,
// defaulting to the extension's log. Records are validated with zod before any write; the primary
// write of an audit never depends on reading any other stored record under the current schema.

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

/**
 * Re-run a record's cross-year checks against `previous` (or none) and store them. Best-effort, in
 * its own transaction after the write that called for it: a stored record the current model cannot
 * read (an older model, a field the schema now rejects) is skipped, never an error that would cost
 * the audit at hand. Resolves whether the record was updated.
 */
async function relink(
  db: LogDb,
  rowId: string,
  previous: { row: AuditRow; model: ReportModel } | null,
): Promise<boolean> {
  try {
    return await db.transaction('rw', db.audits, db.details, async () => {
      const row = await db.audits.get(rowId);
      const detail = await db.details.get(rowId);
      if (!row || !detail) return false;
      const model = readStoredModel(detail.model, row.modelVersion);
      if (!model) return false;
      const run = runCrossYear(
        onSite(model, row.site),
        previous ? onSite(previous.model, previous.row.site) : null,
        { previousRef: previous ? refOf(previous.row) : null },
      );
      const findings = withCrossYear(detail.findings, run.findings);
      const record = AuditRecordSchema.safeParse({
        ...fromRows(row, detail),
        model,
        modelVersion: MODEL_VERSION,
        findings,
        severities: severityCounts(findings),
        crossYear: { against: previous && run.compared ? refOf(previous.row) : null, counts: run.counts },
      });
      if (!record.success) return false;
      const rows = toRows(record.data);
      await db.audits.put(rows.row);
      await db.details.put(rows.detail);
      return true;
    });
  } catch (e) {
    console.warn('[gouji] log: relinking skipped', rowId, e);
    return false;
  }
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

  const filed = await db.transaction('rw', db.audits, db.details, async () => {
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
          relinked: [] as string[],
          repeated: true,
          next: null,
        };
      }
    }

    // the previous version's tables are read only when they differ (XYR-08); stored models are read
    // through their migrations, and one the current model cannot read is not compared with
    const prevDetail = prevRow && prevRow.contentHash !== hash ? await db.details.get(prevRow.id) : undefined;
    const prevModel = prevRow && prevDetail ? readStoredModel(prevDetail.model, prevRow.modelVersion) : null;
    const change: TableChange | null =
      prevRow && prevModel
        ? tableChange(
            {
              id: prevRow.id,
              version: prevRow.version,
              auditedAt: prevRow.auditedAt,
              contentHash: prevRow.contentHash,
            },
            prevModel.tables,
            model.tables,
          )
        : null;

    const found =
      model.year !== null ? await bodyYearRow(db, agencyKey, site, model.year - 1, urlKey) : undefined;
    const foundDetail = found ? await db.details.get(found.id) : undefined;
    const yearModel = found && foundDetail ? readStoredModel(foundDetail.model, found.modelVersion) : null;
    const yearRow = yearModel ? found : undefined;
    const run = runCrossYear(
      onSite(model, site),
      yearRow && yearModel ? onSite(yearModel, yearRow.site) : null,
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
      modelVersion: MODEL_VERSION,
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

    // the body's next-year report, which now has a previous year to compare with (or a newer version of it)
    const next =
      model.year !== null ? await bodyYearRow(db, agencyKey, site, model.year + 1, urlKey) : undefined;

    return {
      record,
      change,
      previousYear: compared ? toSummary(yearRow!) : null,
      crossYear: run.findings,
      relinked: [] as string[],
      repeated: false,
      next: next ? { next, row: rows.row } : null,
    };
  });

  // Outside the primary write, best-effort: the audit is filed whatever becomes of this.
  const { next, ...result } = filed;
  if (next && (await relink(db, next.next.id, { row: next.row, model }))) result.relinked.push(next.next.id);
  return result;
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

// ── Deleting ────────────────────────────────────────────────────────────────────

/**
 * Delete one version. The page's previous version becomes its latest; when no version is left, the
 * page's verdicts go too. Next-year records that compared with it compare with what is left.
 */
export async function deleteRecord(id: string, db: LogDb = logDb()): Promise<boolean> {
  const deleted = await db.transaction('rw', [db.audits, db.details, db.verdicts, db.evidence], async () => {
    const row = await db.audits.get(id);
    if (!row) return null;
    await db.audits.delete(id);
    await db.details.delete(id);
    await db.evidence.where('recordId').equals(id).delete();
    const rest = await latestRowOf(db, row.urlKey);
    if (!rest) await db.verdicts.where('urlKey').equals(row.urlKey).delete();
    else if (row.latest === 1) await db.audits.update(rest.id, { latest: 1 });
    return row;
  });
  if (!deleted) return false;
  // Next-year records that compared with it compare with what is left: best-effort, after the delete.
  if (deleted.year !== null && deleted.latest === 1) {
    const next = await bodyYearRow(db, deleted.agencyKey, deleted.site, deleted.year + 1);
    if (next && next.crossYear?.against?.id === id) await relinkWithPrevious(db, next);
  }
  return true;
}

/**
 * Re-run a record's cross-year checks against whatever the log now has as the same body's previous
 * year, or against nothing (unless `keepWhenNone`: an imported record keeps what it was compared
 * with elsewhere when this log has no previous year of its own). Best-effort, like relink.
 */
export async function relinkWithPrevious(
  db: LogDb,
  row: AuditRow,
  { keepWhenNone = false }: { keepWhenNone?: boolean } = {},
): Promise<boolean> {
  if (row.year === null) return false;
  const prev = await bodyYearRow(db, row.agencyKey, row.site, row.year - 1, row.urlKey);
  const prevDetail = prev ? await db.details.get(prev.id) : undefined;
  const prevModel = prev && prevDetail ? readStoredModel(prevDetail.model, prev.modelVersion) : null;
  if (!(prev && prevModel) && keepWhenNone) return false;
  return relink(db, row.id, prev && prevModel ? { row: prev, model: prevModel } : null);
}

/** Empty the log: records, verdicts, evidence and sweeps. */
export async function clearLog(db: LogDb = logDb()): Promise<void> {
  // the sweeps too: their items hold the same reports' models and findings, and their record links
  // would point at nothing (a running sweep stops: its queue is gone)
  const tables = [db.audits, db.details, db.verdicts, db.evidence, db.sweeps, db.sweepItems];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((t) => t.clear()));
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
