import type { AuditResult } from '@/utils/audit/result';
import type { LogFailed, LogRequest, LogResult } from '@/utils/log/hub';
import type { DocumentSource } from '@/utils/log/schema';
import type { Attachment } from '@/utils/report/attachments';
import type { Detection, ReportModel } from '@/utils/report/model';

// Messages between the content scripts, the popup and the background: their types. What the
// background accepts, and from whom, is checked at run time in ./inbound.ts (schema + sender class
// per type): a new inbound type goes there too, or typecheck fails. Content scripts import only
// types from here, never ./inbound.ts (zod stays out of them). In a subfolder because WXT would
// take entrypoints/messages.ts for an unlisted script.

/** detector → background: this page is a report, please inject the auditor */
export interface ReportDetected {
  type: 'report-detected';
  detection: Detection;
}

/** auditor → background: the page was read and audited */
export interface Audited {
  type: 'audited';
  model: ReportModel;
  audit: AuditResult;
  /** the user asked for this audit (the panel's 审核 again): the log files it as a new version */
  requested?: boolean;
  /** the report files the page offers (PDF/DOCX links, pdf.js viewers), for "审核附件" */
  attachments?: Attachment[];
}

/** auditor → background: parsing threw; kept so the popup can say why nothing shows */
export interface AuditFailed {
  type: 'audit-failed';
  error: string;
}

/** popup → background: audit this tab now (the popup's click grants activeTab) */
export interface AuditTab {
  type: 'audit-tab';
  tabId: number;
}

/**
 * popup or any extension page → background: what the toggle command (Alt+Shift+G) does, for the
 * active tab or the given one. Tests use it, since headless Chromium does not deliver commands.
 */
export interface ToggleOverlay {
  type: 'toggle-overlay';
  tabId?: number;
}

/** popup → background: the log's writes (verdict, evidence, delete, clear, import), utils/log/hub.ts */
export type { LogRequest } from '@/utils/log/hub';

/** What the report viewer read: its type, address, page and hash (utils/log/schema.ts). */
export type { DocumentSource } from '@/utils/log/schema';

/**
 * viewer → background: a document (PDF, DOCX, text) was read and audited. Filed in the log like a
 * page audit; the reply is the LogResult (cross-year findings) or null.
 */
export interface DocumentAudited {
  type: 'document-audited';
  model: ReportModel;
  audit: AuditResult;
  source: DocumentSource;
  requested?: boolean;
}

/**
 * popup or auditor → background: open the report viewer on a file (`src`, offered on page `from`
 * in tab `tabId`, whose own tables are compared with it), or on an empty paste box.
 */
export interface OpenViewer {
  type: 'open-viewer';
  src?: string;
  from?: string;
  tabId?: number;
  paste?: boolean;
}

/** auditor → background: the panel's "审核附件" — open the viewer on this file of the sender's page. */
export interface AuditAttachment {
  type: 'audit-attachment';
  src: string;
}

/**
 * popup or sweep view → background: sweep this list page (an http(s) address) in the background.
 * The answer: `{ ok: true, id }`, or `{ ok: false, error }` when the extension may not fetch from
 * the list's site (the page asks for the host permission first, from the user's click).
 */
export interface SweepStart {
  type: 'sweep-start';
  list: string;
  maxPages?: number;
}

/** popup or sweep view → background: pause, resume or cancel a sweep. */
export interface SweepControl {
  type: 'sweep-control';
  id: string;
  action: 'pause' | 'resume' | 'cancel';
}

/**
 * sweep runner (offscreen document) → background: a swept report, read and audited, to be filed in
 * the log like an audit the user made. The answer is the LogResult, or `{ ok: false }`.
 */
export interface SweepAudited {
  type: 'sweep-audited';
  url: string;
  model: ReportModel;
  audit: AuditResult;
}

/** detector → background: this page is a list of reports; offer the sweep on it (sweep-offer script). */
export interface ListDetected {
  type: 'list-detected';
}

/**
 * sweep-offer script → background: the user clicked the page's offer; sweep this page (the sender's
 * own address, never one the message names) and open the sweep view beside it.
 */
export interface SweepThisList {
  type: 'sweep-this-list';
}

/** The script the background injects on a list page for the offer. */
export const SWEEP_OFFER_SCRIPT = '/content-scripts/sweep-offer.js';

/** background → sweep runner: there is work in the queue (a sweep started or resumed). */
export interface SweepWake {
  type: 'sweep-wake';
}

/** The runner's page: an offscreen document in Chrome, a frame of the background page in Firefox. */
export const SWEEP_RUNNER_PAGE = '/sweep-runner.html';
export const SWEEP_VIEW_PAGE = '/sweep.html';

export type Message =
  | ReportDetected
  | Audited
  | AuditFailed
  | AuditTab
  | ToggleOverlay
  | LogRequest
  | DocumentAudited
  | OpenViewer
  | AuditAttachment
  | SweepStart
  | SweepControl
  | SweepAudited
  | ListDetected
  | SweepThisList;

/** background → auditor (in whichever frame holds the report): show or hide the overlay. */
export interface OverlayToggle {
  type: 'overlay-toggle';
}

/** background → auditor: audit the page again and redraw. */
export interface OverlayReaudit {
  type: 'overlay-reaudit';
}

/**
 * background → auditor: the texts of a finding's cells and sentence, from its element map, for
 * evidence; the auditor scrolls them into view first. Answered with EvidenceTexts or null.
 */
export interface EvidenceTextsRequest {
  type: 'evidence-texts';
  fingerprint: string;
}

/** background → auditor: what the log added to the audit (cross-year findings, XYR-08), to show. */
/** background → auditor: the log could not file the audit; the overlay says it is not saved. */
export type { LogFailed, LogResult } from '@/utils/log/hub';

export type ContentMessage = OverlayToggle | OverlayReaudit | LogResult | LogFailed | EvidenceTextsRequest;

/** The auditor's answer to a ContentMessage. */
export interface ContentReply {
  ok: boolean;
  /** whether the overlay is on the page after the message */
  shown: boolean;
}

/** Name of the toggle command in the manifest. */
export const TOGGLE_COMMAND = 'toggle-overlay';

/** What the background keeps per tab in storage.session under tabKey(tabId). */
export interface TabResult {
  url: string;
  detection: Detection | null;
  model: ReportModel | null;
  audit: AuditResult | null;
  error: string | null;
  /** the report files the page offers (absent in results stored before attachments were read) */
  attachments?: Attachment[];
  /** epoch ms of the last change */
  updatedAt: number;
}

export const tabKey = (tabId: number): string => `tab:${tabId}`;

/** Path of the on-demand content script inside the built extension. */
export const AUDITOR_SCRIPT = '/content-scripts/auditor.js';
/**
 * Path of the detector inside the built extension, registered again for the sites the user adds.
 * Written like AUDITOR_SCRIPT (from the extension's root, checked against WXT's PublicPath).
 */
export const DETECTOR_SCRIPT = '/content-scripts/detector.js';

/**
 * storage.local key the e2e harness sets in its test profile: the overlay is drawn in an open shadow
 * root, so tests can read and click it (./test-hooks.ts). Extension storage: no page can set it.
 */
export const OPEN_SHADOW_FOR_TESTS = 'gouji:e2e-open-shadow-root';

/**
 * storage.local key the e2e harness may set in its test profile: a smaller time budget for the
 * audit (milliseconds), so a test page can run out of it (./test-hooks.ts). It can only lower the
 * budget, and only extension storage holds it: no page can set or raise it.
 */
export const AUDIT_BUDGET_FOR_TESTS = 'gouji:e2e-audit-budget-ms';

/** The report viewer page (entrypoints/viewer) and its query: the file, its page, its tab, or the paste box. */
export const VIEWER_PAGE = '/viewer.html';

export function viewerQuery(open: Omit<OpenViewer, 'type'>): string {
  const q = new URLSearchParams();
  if (open.src) q.set('src', open.src);
  if (open.from) q.set('from', open.from);
  if (open.tabId !== undefined) q.set('tab', String(open.tabId));
  if (open.paste) q.set('paste', '1');
  return q.toString();
}
