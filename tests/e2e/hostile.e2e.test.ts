import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Harness, launch, REPO } from './harness';
import { waitForHost } from './overlay-helpers';

// What a portal page, or a content script gone wrong, can make Gouji do: nothing it should not.
// Messages are sent from the content scripts' own context (the extension's isolated world of the
// page, reached through CDP) — the strongest position a compromised page can get without breaking
// the renderer — and must be refused unless they are a content script's own kind, for its own tab.

let h: Harness;

/** Evaluates `expression` in the extension's isolated world of the page's top frame. */
async function inContentWorld(page: Page, expression: string): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) =>
        c.origin.startsWith(`chrome-extension://${h.extensionId}`) &&
        c.auxData?.type === 'isolated' &&
        c.auxData.frameId === frameTree.frame.id,
    );
    if (!world) throw new Error('no content script runs in this page');
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

const sendFromContent = (page: Page, message: unknown): Promise<unknown> =>
  inContentWorld(page, `chrome.runtime.sendMessage(${JSON.stringify(message)})`);

/** Pages of the log, read with plain IndexedDB from an extension page. */
async function loggedUrls(): Promise<string[]> {
  const ext = await h.context.newPage();
  try {
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
    return await ext.evaluate(async () => {
      if (!(await indexedDB.databases()).some((d) => d.name === 'gouji-log')) return [];
      return new Promise<string[]>((ok, fail) => {
        const open = indexedDB.open('gouji-log');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('audits', 'readonly').objectStore('audits').getAll();
          all.onsuccess = () => {
            ok((all.result as { url: string }[]).map((r) => r.url).sort());
            open.result.close();
          };
          all.onerror = () => fail(all.error);
        };
      });
    });
  } finally {
    await ext.close();
  }
}

beforeAll(async () => {
  h = await launch({ root: REPO });
});

afterAll(async () => {
  await h?.close();
});

describe('a content script speaks only for its own tab, and never for the popup', () => {
  let report: Page;
  let news: Page;
  let reportTab: number;
  let newsTab: number;

  beforeAll(async () => {
    report = await h.open('tests/e2e/pages/report-2021.html');
    await h.waitForTabResult(report);
    await waitForHost(report);
    // a *.gov.cn page that is no report: only the detector runs there
    news = await h.open('tests/e2e/pages/news.html');
    reportTab = await h.tabIdOf(report);
    newsTab = await h.tabIdOf(news);
  });

  it('starts with the report filed in the log', async () => {
    await expect.poll(loggedUrls, { timeout: 20_000 }).toEqual([report.url()]);
  });

  it("refuses a content script's log-clear, and the log keeps its record", async () => {
    const reply = (await sendFromContent(news, { type: 'log-clear' })) as { ok: boolean; error?: unknown };
    expect(reply).toMatchObject({ ok: false, error: { zh: expect.any(String), en: expect.any(String) } });
    expect(await loggedUrls()).toEqual([report.url()]);
  });

  it("refuses a content script's audit-tab and toggle-overlay, for another tab or its own", async () => {
    for (const message of [
      { type: 'audit-tab', tabId: reportTab },
      { type: 'audit-tab', tabId: newsTab },
      { type: 'toggle-overlay', tabId: reportTab },
    ]) {
      expect(await sendFromContent(news, message), message.type).toMatchObject({ ok: false });
    }
    // The report's overlay is still up, and nothing was injected into the news page.
    expect(await report.evaluate(() => document.querySelector('gouji-overlay') !== null)).toBe(true);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(await news.evaluate(() => document.querySelector('gouji-overlay') !== null)).toBe(false);
  });

  it('refuses a malformed audit from a content script and says so for its tab (no ✓)', async () => {
    const reply = await sendFromContent(news, { type: 'audited', model: { kind: 'report' }, audit: null });
    expect(reply).toMatchObject({ ok: false });
    const stored = await h.waitForTabResult(news, { done: (r) => r.error !== null });
    expect(stored.error).toMatch(/^malformed audited/);
    expect(stored.model).toBeNull();
    expect(await h.badgeText(news)).toBe('');
  });

  it("admits a content script's own kind of message for its own tab (the channel works)", async () => {
    await sendFromContent(news, { type: 'audit-failed', error: 'from the content world' });
    const stored = await h.waitForTabResult(news, { done: (r) => r.error === 'from the content world' });
    expect(stored.error).toBe('from the content world');
    // and the same request the content script was refused is honoured from an extension page
    expect(await h.sendMessage({ type: 'toggle-overlay', tabId: reportTab })).toEqual({
      ok: true,
      shown: false,
    });
  });
});
