import { type Browser, browser, defineBackground } from '#imports';
import { type Badge, badgeOf, NOT_READ_BADGE } from '@/utils/audit/read-state';
import type { Finding } from '@/utils/audit/result';
import { tBoth } from '@/utils/i18n';
import { logDb } from '@/utils/log/db';
import { notSaved } from '@/utils/log/hub';
import type { ReportModel } from '@/utils/report/model';
import { coveredByBuiltIn, SETTINGS_KEY, sitePattern } from '@/utils/settings';
import { createSweep, setSweepState, unfinishedSweeps } from '@/utils/sweep/queue';
import { fileAudit } from './shared/file-audit';
import { admit, ReauditLimiter } from './shared/inbound';
import {
  handleLog,
  logAudited,
  logDocumentAudited,
  logSweptAudited,
  reportNotSaved,
} from './shared/log-background';
import {
  AUDITOR_SCRIPT,
  type ContentMessage,
  type ContentReply,
  DETECTOR_SCRIPT,
  type Message,
  type OpenViewer,
  SWEEP_OFFER_SCRIPT,
  SWEEP_RUNNER_PAGE,
  SWEEP_VIEW_PAGE,
  type SweepControl,
  type SweepStart,
  type SweepWake,
  type TabResult,
  TOGGLE_COMMAND,
  tabKey,
  VIEWER_PAGE,
  viewerQuery,
} from './shared/messages';
import { serialized } from './shared/serial';
import { loadSettings } from './shared/settings';

// The message hub. Results live in storage.session, not in worker memory: the MV3 worker is
// stopped when idle, and the popup and the e2e tests read the same keys.

/** The id of the detector's registration for the sites the user adds (see DETECTOR_SCRIPT). */
const SITES_SCRIPT_ID = 'gouji-detector-user-sites';

async function readTab(tabId: number): Promise<TabResult | undefined> {
  const key = tabKey(tabId);
  return (await browser.storage.session.get(key))[key] as TabResult | undefined;
}

async function writeTab(tabId: number, url: string, patch: Partial<TabResult>): Promise<void> {
  const previous = await readTab(tabId);
  // A result from an earlier page of the same tab must never leak into this one.
  const base = previous?.url === url ? previous : undefined;
  const next: TabResult = {
    url,
    detection: base?.detection ?? null,
    model: base?.model ?? null,
    audit: base?.audit ?? null,
    error: base?.error ?? null,
    ...patch,
    updatedAt: Date.now(),
  };
  await browser.storage.session.set({ [tabKey(tabId)]: next });
}

/**
 * Into the frame that holds the report: the top page, or a same-site iframe the detector ran in.
 * Resolves to whether the auditor put its overlay up (the script's main returns it).
 */
async function injectAuditor(tabId: number, frameId = 0): Promise<boolean> {
  const [run] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [frameId] },
    files: [AUDITOR_SCRIPT],
  });
  return run?.result === true;
}

/**
 * The toolbar button: `action` in MV3 (Chrome), `browserAction` in MV2 (Firefox), where `action`
 * is undefined and a bare `browser.action.x` would throw before any promise could catch it.
 */
const toolbarButton = (): typeof browser.action => browser.action ?? browser.browserAction;

/** The badge of utils/audit/read-state.ts: errors in red, "?" when not all was read, ✓ only for a clean report read whole. */
async function setBadge(
  tabId: number,
  model: ReportModel | null,
  findings: readonly Finding[] | null,
): Promise<void> {
  await showBadge(tabId, badgeOf(model, findings));
}

async function showBadge(tabId: number, badge: Badge | null): Promise<void> {
  const action = toolbarButton();
  if (!badge) {
    await action.setBadgeText({ tabId, text: '' });
    return;
  }
  await action.setBadgeBackgroundColor({ tabId, color: badge.color });
  await action.setBadgeTextColor?.({ tabId, color: '#ffffff' });
  await action.setBadgeText({ tabId, text: badge.text });
}

/** The toggle command: hide or show the overlay; on a tab with no auditor yet, audit it (activeTab). */
async function toggleOverlay(tabId?: number): Promise<ContentReply> {
  const id = tabId ?? (await browser.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id;
  if (id === undefined) return { ok: false, shown: false };
  const message: ContentMessage = { type: 'overlay-toggle' };
  try {
    const reply = (await browser.tabs.sendMessage(id, message)) as ContentReply | undefined;
    if (reply) return reply;
  } catch {
    // No auditor in this tab yet: fall through and inject one.
  }
  return { ok: true, shown: await injectAuditor(id) };
}

const isWebAddress = (url: string | undefined): boolean => {
  try {
    return !!url && /^https?:$/.test(new URL(url).protocol);
  } catch {
    return false;
  }
};

/**
 * Opens the report viewer next to the tab it was asked from: on a file (http(s) only) offered by
 * a page, or on an empty paste box.
 */
async function openViewer(message: OpenViewer): Promise<{ ok: boolean }> {
  if (message.src !== undefined && !isWebAddress(message.src)) return { ok: false };
  const { tabId, from } = message;
  const query = viewerQuery({
    ...(message.src ? { src: message.src } : {}),
    ...(from && isWebAddress(from) ? { from } : {}),
    ...(tabId !== undefined ? { tabId } : {}),
    ...(message.paste ? { paste: true } : {}),
  });
  const opener = tabId !== undefined ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  await browser.tabs.create({
    url: `${browser.runtime.getURL(VIEWER_PAGE as '/')}?${query}`,
    ...(opener ? { index: opener.index + 1, windowId: opener.windowId, openerTabId: opener.id } : {}),
  });
  return { ok: true };
}

/** Registers the detector for the sites of the options page that the user granted access to. */
async function syncSiteScripts(): Promise<void> {
  const { sites } = await loadSettings();
  const wanted: string[] = [];
  for (const pattern of sites) {
    if (coveredByBuiltIn(pattern)) continue;
    if (await browser.permissions.contains({ origins: [pattern] })) wanted.push(pattern);
  }
  const existing = await browser.scripting.getRegisteredContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (existing.length) await browser.scripting.unregisterContentScripts({ ids: [SITES_SCRIPT_ID] });
  if (!wanted.length) return;
  await browser.scripting.registerContentScripts([
    {
      id: SITES_SCRIPT_ID,
      matches: wanted,
      js: [DETECTOR_SCRIPT],
      runAt: 'document_idle',
      allFrames: true,
      persistAcrossSessions: true,
    },
  ]);
}

// ── The sweep ────────────────────────────────────────────────────────────────────
// The queue is in the log's database (utils/sweep/queue.ts); the runner that works through it needs
// a DOM to read pages with, which an MV3 worker lacks: in Chrome it is an offscreen document
// (reason DOM_PARSER), in Firefox a frame of the background page. Both outlive the popup and the
// sweep tab. The worker starts the runner when a sweep starts or resumes, and at browser start when
// the queue has work left.

/** Whether the extension may fetch from the list's site: *.gov.cn built in, others granted. */
async function mayFetch(list: string): Promise<boolean> {
  const pattern = sitePattern(list);
  if (!pattern) return false;
  return coveredByBuiltIn(pattern) || browser.permissions.contains({ origins: [pattern] });
}

interface OffscreenApi {
  createDocument(p: { url: string; reasons: string[]; justification: string }): Promise<void>;
}
interface ContextsApi {
  getContexts?(filter: { contextTypes: string[] }): Promise<unknown[]>;
}

/** Starts the runner if it is not up, and tells it there is work. */
async function wakeRunner(): Promise<void> {
  const offscreen = (globalThis as { chrome?: { offscreen?: OffscreenApi } }).chrome?.offscreen;
  const url = browser.runtime.getURL(SWEEP_RUNNER_PAGE as '/');
  if (offscreen) {
    const open = await (browser.runtime as unknown as ContextsApi).getContexts?.({
      contextTypes: ['OFFSCREEN_DOCUMENT'],
    });
    if (!open?.length) {
      // a new runner starts on the queue by itself
      await offscreen
        .createDocument({
          url,
          reasons: ['DOM_PARSER'],
          justification: 'Reads the report pages of a portal list the user asked to audit.',
        })
        .catch((err: unknown) => {
          // created meanwhile by another wake: it is up, which is all we want
          if (!/single offscreen|already/i.test(String(err))) throw err;
        });
      return;
    }
  } else if (typeof document !== 'undefined') {
    // Firefox's background page has a document: the runner is a frame of it
    if (!document.querySelector(`iframe[src="${url}"]`)) {
      const frame = document.createElement('iframe');
      frame.src = url;
      document.body.append(frame);
      return;
    }
  }
  const wake: SweepWake = { type: 'sweep-wake' };
  await browser.runtime.sendMessage(wake).catch(() => {});
}

async function startSweep(
  message: SweepStart,
): Promise<{ ok: true; id: string } | { ok: false; error: string }> {
  // Nothing is fetched from a site the user has not let the extension reach (the popup and the
  // sweep view ask for the permission from the user's click before sending this).
  if (!(await mayFetch(message.list))) return { ok: false, error: 'no host permission' };
  const sweep = await createSweep(logDb(), message.list, { maxPages: message.maxPages });
  await wakeRunner();
  return { ok: true, id: sweep.id };
}

/** The offer on a list page was clicked: sweep that page and show the sweep beside it. */
async function sweepThisList(
  url: string,
  tabId: number | undefined,
): Promise<{ ok: boolean; error?: string }> {
  if (!isWebAddress(url)) return { ok: false, error: 'not a web page' };
  const started = await startSweep({ type: 'sweep-start', list: url });
  if (!started.ok) return started;
  const opener = tabId !== undefined ? await browser.tabs.get(tabId).catch(() => undefined) : undefined;
  await browser.tabs.create({
    url: browser.runtime.getURL(`${SWEEP_VIEW_PAGE}?id=${encodeURIComponent(started.id)}` as '/'),
    ...(opener ? { index: opener.index + 1, windowId: opener.windowId, openerTabId: opener.id } : {}),
  });
  return { ok: true };
}

async function controlSweep(message: SweepControl): Promise<{ ok: boolean }> {
  const state = message.action === 'pause' ? 'paused' : message.action === 'resume' ? 'running' : 'cancelled';
  const changed = await setSweepState(logDb(), message.id, state);
  // resumed, or cancelled (the runner then runs the checks over what was read)
  if (changed && state !== 'paused') await wakeRunner();
  return { ok: changed };
}

/** At browser start: a sweep the last session left unfinished goes on. */
async function resumeSweeps(): Promise<void> {
  if ((await unfinishedSweeps(logDb())).length) await wakeRunner();
}

/** Requested re-audits per page (the panel's ↻), at most one every 10 s: see ReauditLimiter. */
const reaudits = new ReauditLimiter(browser.storage.session);

/** Handles a message the gate (handleInbound) admitted. */
async function handle(message: Message, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url ?? '';
  switch (message.type) {
    case 'report-detected':
      if (tabId === undefined) return;
      await writeTab(tabId, url, { detection: message.detection });
      await injectAuditor(tabId, sender.frameId ?? 0);
      return;
    case 'audited': {
      if (tabId === undefined) return;
      // Into the log first (its only writer; the page gets the cross-year findings back), then the
      // cosmetic parts, whose failures never cost the record (shared/file-audit.ts).
      const engine = message.model.kind === 'report' ? message.audit.findings : null;
      await fileAudit(engine, {
        log: () => logAudited(message, sender),
        failed: (error) => reportNotSaved(message, sender, error),
        describe: notSaved,
        // a tab closed meanwhile gets no session entry back (onRemoved already dropped it)
        cache: async () => {
          await browser.tabs.get(tabId);
          await writeTab(tabId, url, {
            model: message.model,
            audit: message.audit,
            error: null,
            attachments: message.attachments ?? [],
          });
        },
        badge: (findings) => setBadge(tabId, message.model, findings),
        warn: (step, err) => console.warn('[gouji]', step, err),
      });
      return;
    }
    case 'audit-failed':
      if (tabId === undefined) return;
      await writeTab(tabId, url, { error: message.error });
      // The auditor gave up on a page it was sent to read (too large, out of time, a reader that
      // threw): nothing is filed as audited, and the badge says not read, never ✓ nor nothing.
      await showBadge(tabId, NOT_READ_BADGE).catch(() => {});
      return;
    case 'audit-tab':
      await injectAuditor(message.tabId);
      return { ok: true };
    case 'toggle-overlay':
      return toggleOverlay(message.tabId);
    case 'document-audited':
      return logDocumentAudited(message, sender);
    case 'open-viewer':
      return openViewer(message);
    case 'audit-attachment':
      // the page's own tab and address: its tables are compared with the file's
      return openViewer({
        type: 'open-viewer',
        src: message.src,
        ...(url ? { from: url } : {}),
        ...(tabId !== undefined ? { tabId } : {}),
      });
    case 'sweep-start':
      return startSweep(message);
    case 'sweep-control':
      return controlSweep(message);
    case 'sweep-audited':
      return logSweptAudited(message, sender);
    case 'list-detected':
      if (tabId === undefined) return;
      await browser.scripting.executeScript({
        target: { tabId, frameIds: [sender.frameId ?? 0] },
        files: [SWEEP_OFFER_SCRIPT],
      });
      return;
    case 'sweep-this-list':
      // the sender's own page: a content script cannot name another list to sweep
      return sweepThisList(url, tabId);
    case 'log-verdict':
    case 'log-evidence':
    case 'log-delete':
    case 'log-clear':
    case 'log-import':
      return handleLog(message, sender);
  }
}

/**
 * Every inbound message passes the gate (shared/inbound.ts): known type, allowed sender class,
 * valid shape. A refused one does nothing and is answered with why; a content script whose page
 * sent something unreadable gets the same as a failed audit (no badge, the popup says so).
 */
async function handleInbound(raw: unknown, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const admission = admit(raw, sender, { id: browser.runtime.id, base: browser.runtime.getURL('/') });
  if (admission.ok) {
    const { message } = admission;
    // Freshly parsed, so ours to change: a re-audit asked for too soon is filed as an ordinary one.
    if (
      message.type === 'audited' &&
      message.requested &&
      !(await reaudits.allow(sender.url ?? sender.tab?.url ?? ''))
    )
      message.requested = false;
    return handle(message, sender);
  }
  console.warn('[gouji] refused:', admission.reason);
  const tabId = admission.malformedFromTab;
  if (tabId !== undefined) {
    await writeTab(tabId, sender.url ?? sender.tab?.url ?? '', { error: admission.reason });
    await setBadge(tabId, null, null);
  }
  return { ok: false, error: tBoth('message.refused') };
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender, sendResponse) => {
    handleInbound(message, sender).then(sendResponse, (err: unknown) => {
      console.error('[gouji]', (message as { type?: unknown } | null)?.type, err);
      sendResponse({ ok: false, error: String(err) });
    });
    // `true` keeps the channel open for the asynchronous answer; returning a promise only
    // works in recent Chrome versions.
    return true;
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command === TOGGLE_COMMAND) void toggleOverlay(tab?.id).catch((err) => console.error('[gouji]', err));
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document (reload included) starts with no result; the detector reports again.
    if (change.status !== 'loading') return;
    void browser.storage.session.remove(tabKey(tabId));
    void toolbarButton()
      .setBadgeText({ tabId, text: '' })
      .catch(() => {});
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabKey(tabId));
  });

  // Sites added in the options page: keep the registered detector in step with the settings and
  // with the permissions the user granted (or took back in the browser's own extension page).
  // One run at a time: adding a site fires permissions.onAdded and storage.onChanged together, and
  // interleaved runs failed with duplicate or missing script IDs or kept the old list (review M8).
  const syncSites = serialized(syncSiteScripts, (err) => console.error('[gouji] sites', err));
  const sync = () => void syncSites();
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'sync' && changes[SETTINGS_KEY]) sync();
  });
  browser.permissions.onAdded.addListener(sync);
  browser.permissions.onRemoved.addListener(sync);
  browser.runtime.onInstalled.addListener(sync);

  const resume = () => void resumeSweeps().catch((err) => console.error('[gouji] sweep', err));
  browser.runtime.onStartup.addListener(resume);
  browser.runtime.onInstalled.addListener(resume);
});
