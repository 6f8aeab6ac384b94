import type { AuditResult, Finding, Localized } from '../audit/result';
import { tBoth } from '../i18n';
import type { ReportModel } from '../report/model';
import { type LogDb, logDb } from './db';
import { ImportError, type ImportSummary, importLog } from './import';
import { urlKeyOf } from './keys';
import type { DocumentSource, Evidence, RecordRef, TableChange, Verdict, VerdictValue } from './schema';
import { addAudit, addEvidence, clearLog, deleteRecord, setVerdict } from './write';

// The log's side of the message hub: what the background does with an audit and with the popup's
// requests, as plain functions over the database. The background is the log's only writer; the
// browser calls it needs (a screenshot, the page's own text) come in as `deps`, so every handler is
// tested with fake-indexeddb and no browser.

// ── Messages ────────────────────────────────────────────────────────────────────

/** popup → background: set or clear the reviewer's verdict and/or note on a finding of a page */
export interface LogVerdictRequest {
  type: 'log-verdict';
  url: string;
  fingerprint: string;
  /** null clears the verdict; absent keeps it */
  verdict?: VerdictValue | null;
  note?: string;
  rule?: string;
}

/** popup → background: capture evidence of a finding from the tab that shows its page */
export interface LogEvidenceRequest {
  type: 'log-evidence';
  recordId: string;
  fingerprint: string;
  tabId: number;
}

export interface LogDeleteRequest {
  type: 'log-delete';
  id: string;
}

export interface LogClearRequest {
  type: 'log-clear';
}

/** popup → background: a JSON export to merge into the log (validated whole before any write) */
export interface LogImportRequest {
  type: 'log-import';
  text: string;
}

export type LogRequest =
  | LogVerdictRequest
  | LogEvidenceRequest
  | LogDeleteRequest
  | LogClearRequest
  | LogImportRequest;

export type LogReply =
  | {
      ok: true;
      verdict?: Verdict | null;
      evidence?: Evidence;
      imported?: ImportSummary;
      deleted?: boolean;
      /** done, with a caveat to show (evidence saved without its screenshot) */
      warning?: Localized;
    }
  | { ok: false; error: Localized };

/** background → extension pages: the log changed; an open popup reloads what it shows. */
export interface LogChanged {
  type: 'log-changed';
}

/**
 * background → the auditor that sent the audit: what the log made of it. `findings` are the
 * record's: the engine's, then the cross-year ones (XYR-01…07, T4-04) naming the other report, then
 * XYR-08 when the page's tables changed since its last audit. The overlay shows them like any other.
 */
export interface LogResult {
  type: 'log-result';
  recordId: string;
  findings: Finding[];
  change: TableChange | null;
  /** the same body's previous-year report the cross-year checks compared with */
  previousYear: RecordRef | null;
}

/**
 * background → the auditor that sent the audit: the log could not file it (IndexedDB failed, full,
 * or blocked). The overlay says so: the audit is shown but not saved.
 */
export interface LogFailed {
  type: 'log-failed';
  error: Localized;
}

/** What the page says at a finding, read by the auditor from its element map. */
export interface EvidenceTexts {
  /** the page the auditor runs on (must be the record's) */
  url: string;
  cells: { address: string; text: string }[];
  sentence?: string;
}

export interface HubDeps {
  /** browser.runtime.getManifest().version */
  extensionVersion: string;
  now?(): number;
  /** the tab's auditor: the finding's cell texts and sentence, scrolled into view; null when none answers */
  evidenceTexts?(tabId: number, fingerprint: string): Promise<EvidenceTexts | null>;
  /** a screenshot (data URL) of the tab, which must be the visible one of its window */
  capture?(tabId: number): Promise<string>;
}

// ── Audits ──────────────────────────────────────────────────────────────────────

/**
 * How long an identical audit of a page counts as the same one. The auditor runs again whenever
 * the overlay is toggled on or the page reloads; within this window, the same tables and findings
 * under the same engine add no version to the history. An audit the user asks for (the panel's
 * "audit again") is always a new version.
 */
export const REPEAT_MS = 10 * 60 * 1000;

/**
 * File an audit in the log (a new version of its page) and say what the page should add to its
 * overlay. Only reports with an audit are filed. An audit identical to the page's latest version
 * within REPEAT_MS gives that version back instead of adding one, unless the user asked for it.
 */
export async function logAudit(
  model: ReportModel,
  audit: AuditResult | null,
  url: string,
  deps: HubDeps,
  db: LogDb = logDb(),
  { requested = false, document }: { requested?: boolean; document?: DocumentSource } = {},
): Promise<LogResult | null> {
  if (model.kind !== 'report' || !audit) return null;
  const { record, change } = await addAudit(
    model,
    audit,
    {
      url,
      extensionVersion: deps.extensionVersion,
      auditedAt: deps.now?.() ?? Date.now(),
      repeatWithin: REPEAT_MS,
      requested,
      ...(document ? { document } : {}),
    },
    db,
  );
  // a new record's crossYear.against is the previous year it compared with; a repeat's, the stored one
  return {
    type: 'log-result',
    recordId: record.id,
    findings: record.findings,
    change,
    previousYear: record.crossYear?.against ?? null,
  };
}

// ── The popup's requests ────────────────────────────────────────────────────────

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Why an audit was not filed, in both languages. */
export const notSaved = (e: unknown): Localized => tBoth('log.notSaved', { error: errorText(e) });

const failed = (e: unknown): LogReply => ({ ok: false, error: tBoth('log.failed', { error: errorText(e) }) });

async function captureEvidence(req: LogEvidenceRequest, deps: HubDeps, db: LogDb): Promise<LogReply> {
  const record = await db.audits.get(req.recordId);
  if (!record) return { ok: false, error: tBoth('log.evidence.noRecord', { id: req.recordId }) };
  // The page must be the record's, open in that tab with its auditor: the texts come from there.
  const texts = await (deps.evidenceTexts?.(req.tabId, req.fingerprint) ?? Promise.resolve(null)).catch(
    () => null,
  );
  if (!texts || urlKeyOf(texts.url) !== record.urlKey) {
    return { ok: false, error: tBoth('log.evidence.notOpen') };
  }
  let screenshot: string | undefined;
  let warning: Localized | undefined;
  try {
    if (!deps.capture) throw new Error('no screenshot here');
    screenshot = await deps.capture(req.tabId);
  } catch (e) {
    // The text of the cells is evidence too; keep it, and say what is missing.
    warning = tBoth('log.evidence.noScreenshot', { error: errorText(e) });
  }
  const evidence = await addEvidence(
    {
      recordId: record.id,
      fingerprint: req.fingerprint,
      url: record.url,
      cells: texts.cells,
      ...(screenshot ? { screenshot } : {}),
      ...(texts.sentence ? { sentence: texts.sentence } : {}),
      ...(deps.now ? { capturedAt: deps.now() } : {}),
    },
    db,
  );
  return { ok: true, evidence, ...(warning ? { warning } : {}) };
}

/** One request of the popup; never throws (a failure is a reply that says why, in both languages). */
export async function handleLogRequest(
  req: LogRequest,
  deps: HubDeps,
  db: LogDb = logDb(),
): Promise<LogReply> {
  try {
    switch (req.type) {
      case 'log-verdict': {
        const verdict = await setVerdict(
          req.url,
          req.fingerprint,
          {
            ...(req.verdict !== undefined ? { verdict: req.verdict } : {}),
            ...(req.note !== undefined ? { note: req.note } : {}),
            ...(req.rule ? { rule: req.rule } : {}),
          },
          db,
        );
        return { ok: true, verdict };
      }
      case 'log-evidence':
        return await captureEvidence(req, deps, db);
      case 'log-delete':
        return { ok: true, deleted: await deleteRecord(req.id, db) };
      case 'log-clear':
        await clearLog(db);
        return { ok: true };
      case 'log-import':
        return { ok: true, imported: await importLog(req.text, db) };
    }
  } catch (e) {
    if (e instanceof ImportError) return { ok: false, error: e.localized };
    return failed(e);
  }
}
