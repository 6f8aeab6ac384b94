import { type Browser, browser } from '#imports';
import type { Localized } from '@/utils/audit/result';
import { tBoth } from '@/utils/i18n';
import { FILING_ERROR_KEY, type FilingError } from '@/utils/log/filing-error';
import {
  type EvidenceTexts,
  type HubDeps,
  handleLogRequest,
  type LogChanged,
  type LogFailed,
  type LogReply,
  type LogRequest,
  type LogResult,
  logAudit,
} from '@/utils/log/hub';
import type { Audited, DocumentAudited, EvidenceTextsRequest, SweepAudited } from './messages';

// The background's log glue: the browser calls the log's handlers (utils/log/hub.ts) need, and who
// may ask. The background is the only writer of the log.

const deps = (): HubDeps => ({
  extensionVersion: browser.runtime.getManifest().version,
  async evidenceTexts(tabId, fingerprint) {
    const message: EvidenceTextsRequest = { type: 'evidence-texts', fingerprint };
    return ((await browser.tabs.sendMessage(tabId, message)) as EvidenceTexts | null | undefined) ?? null;
  },
  async capture(tabId) {
    // Needs activeTab (the user opened the popup on this tab) or a host permission for the page.
    const tab = await browser.tabs.get(tabId);
    if (!tab.active) throw new Error('the page is not the visible tab of its window');
    return browser.tabs.captureVisibleTab(tab.windowId, { format: 'png' });
  },
});

/** Tells open extension pages (the popup) to read the log again. */
function changed(): void {
  const message: LogChanged = { type: 'log-changed' };
  browser.runtime.sendMessage(message).catch(() => {
    // no page is open: nobody to tell
  });
}

/** The frame's page: a report shown in a same-site iframe is filed under its own address. */
const pageOf = (message: Audited, sender: Browser.runtime.MessageSender): string =>
  sender.url ?? sender.tab?.url ?? message.model.source ?? '';

/**
 * Files an audit the auditor sent, and sends the auditor what the log added (cross-year findings,
 * XYR-08) for its overlay. Returns that, or null when there was nothing to file; throws when the
 * write failed (the caller tells the page and the popup: reportNotSaved).
 */
export async function logAudited(
  message: Audited,
  sender: Browser.runtime.MessageSender,
): Promise<LogResult | null> {
  const url = pageOf(message, sender);
  if (!url) return null;
  const result = await logAudit(message.model, message.audit, url, deps(), undefined, {
    requested: message.requested === true,
  });
  if (!result) return null;
  changed();
  const tabId = sender.tab?.id;
  if (tabId !== undefined)
    browser.tabs.sendMessage(tabId, result, { frameId: sender.frameId ?? 0 }).catch(() => {
      // the page went away meanwhile
    });
  return result;
}

/**
 * An audit the log could not file: the overlay that sent it says so, and the popup shows it until
 * dismissed (storage.local, so it outlives the worker and the tab).
 */
export async function reportNotSaved(
  message: Audited,
  sender: Browser.runtime.MessageSender,
  error: Localized,
): Promise<void> {
  console.error('[gouji] log', error.en);
  const kept: FilingError = { url: pageOf(message, sender), at: Date.now(), error };
  const tabId = sender.tab?.id;
  const told: LogFailed = { type: 'log-failed', error };
  await Promise.allSettled([
    browser.storage.local.set({ [FILING_ERROR_KEY]: kept }),
    tabId === undefined
      ? Promise.resolve()
      : browser.tabs.sendMessage(tabId, told, { frameId: sender.frameId ?? 0 }),
  ]);
}

/**
 * Files an audit of a document the report viewer read (PDF, DOCX, text), like a page audit: under
 * the file's address (pasted text: under its hash), with its type, page and hash. Only the viewer,
 * a page of the extension, may send it. The viewer gets the LogResult back as the answer.
 */
export async function logDocumentAudited(
  message: DocumentAudited,
  sender: Browser.runtime.MessageSender,
): Promise<LogResult | { ok: false; error: string }> {
  if (!fromExtensionPage(sender)) return { ok: false, error: 'not an extension page' };
  const url = message.source.url ?? `urn:sha256:${message.source.hash}`;
  const result = await logAudit(message.model, message.audit, url, deps(), undefined, {
    requested: message.requested === true,
    document: message.source,
  });
  if (!result) return { ok: false, error: 'not a report' };
  changed();
  return result;
}

/**
 * Files a report the sweep runner read and audited, like an audit the user made of that page: under
 * the listed address, through the same write (cross-year against the log, repeats within 10 min add
 * no version). Only the runner, a page of the extension, may send it.
 */
export async function logSweptAudited(
  message: SweepAudited,
  sender: Browser.runtime.MessageSender,
): Promise<LogResult | { ok: false; error: string }> {
  if (!fromExtensionPage(sender)) return { ok: false, error: 'not an extension page' };
  const result = await logAudit(message.model, message.audit, message.url, deps());
  if (!result) return { ok: false, error: 'not a report' };
  changed();
  return result;
}

/** Only the extension's own pages write to the log: never a content script on a portal's page. */
const fromExtensionPage = (sender: Browser.runtime.MessageSender): boolean =>
  sender.id === browser.runtime.id && !!sender.url?.startsWith(browser.runtime.getURL('/'));

export async function handleLog(
  message: LogRequest,
  sender: Browser.runtime.MessageSender,
): Promise<LogReply> {
  if (!fromExtensionPage(sender)) {
    return { ok: false, error: tBoth('log.notAllowed') };
  }
  const reply = await handleLogRequest(message, deps());
  if (reply.ok) changed();
  return reply;
}
