import { type Browser, browser, defineBackground } from '#imports';
import { AUDITOR_SCRIPT, type Message, type TabResult, tabKey } from './shared/messages';

// The message hub. Results live in storage.session, not in worker memory: the MV3 worker is
// stopped when idle, and the popup and the e2e tests read the same keys.

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

async function injectAuditor(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [AUDITOR_SCRIPT] });
}

async function handle(message: Message, sender: Browser.runtime.MessageSender): Promise<unknown> {
  const tabId = sender.tab?.id;
  const url = sender.url ?? sender.tab?.url ?? '';
  switch (message.type) {
    case 'report-detected':
      if (tabId === undefined) return;
      await writeTab(tabId, url, { detection: message.detection });
      await injectAuditor(tabId);
      return;
    case 'audited':
      if (tabId === undefined) return;
      await writeTab(tabId, url, { model: message.model, audit: message.audit, error: null });
      return;
    case 'audit-failed':
      if (tabId === undefined) return;
      await writeTab(tabId, url, { error: message.error });
      return;
    case 'audit-tab':
      await injectAuditor(message.tabId);
      return { ok: true };
  }
}

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: Message, sender, sendResponse) => {
    handle(message, sender).then(sendResponse, (err: unknown) => {
      console.error('[gouji]', message.type, err);
      sendResponse({ ok: false, error: String(err) });
    });
    // `true` keeps the channel open for the asynchronous answer; returning a promise only
    // works in recent Chrome versions.
    return true;
  });

  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document (reload included) starts with no result; the detector reports again.
    if (change.status === 'loading') void browser.storage.session.remove(tabKey(tabId));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void browser.storage.session.remove(tabKey(tabId));
  });
});
