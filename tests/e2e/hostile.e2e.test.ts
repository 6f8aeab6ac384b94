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
async function inContentWorld(page: Page, expression: string, harness: Harness = h): Promise<unknown> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) =>
        c.origin.startsWith(`chrome-extension://${harness.extensionId}`) &&
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

const sendFromContent = (page: Page, message: unknown, harness: Harness = h): Promise<unknown> =>
  inContentWorld(page, `chrome.runtime.sendMessage(${JSON.stringify(message)})`, harness);

/** Pages of the log, read with plain IndexedDB from an extension page. */
async function loggedUrls(harness: Harness = h): Promise<string[]> {
  const ext = await harness.context.newPage();
  try {
    await ext.goto(`chrome-extension://${harness.extensionId}/popup.html`);
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

describe('a content script speaks only for its own tab, and never for the popup', () => {
  afterAll(async () => {
    await h?.close();
  });

  let report: Page;
  let news: Page;
  let reportTab: number;
  let newsTab: number;

  beforeAll(async () => {
    h = await launch({ root: REPO });
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

/** Polls until `done` holds (expect.poll is for tests only, not hooks). */
async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)?.slice(0, 300)}`);
    await new Promise((ok) => setTimeout(ok, 200));
    last = await read();
  }
  return last;
}

/** What hostile.js got, read from the page's own world. */
interface Got {
  messages: string[];
  roots: string[];
  hosts: number;
  attacks: number;
  events: string[];
}
const got = (page: Page): Promise<Got> =>
  page.evaluate(() => (window as unknown as { __hostile: Got }).__hostile);

/** The panel as the content script sees it (its isolated world can open a closed root). */
const panelState = (page: Page, harness: Harness) =>
  inContentWorld(
    page,
    `(() => {
      const host = document.querySelector('gouji-overlay');
      const root = host && chrome.dom.openOrClosedShadowRoot(host);
      const panel = root?.querySelector('.panel');
      return {
        hosts: document.querySelectorAll('gouji-overlay').length,
        mode: root?.mode ?? null,
        panel: panel ? panel.className : null,
        findings: root ? root.querySelectorAll('[data-spec]').length : 0,
      };
    })()`,
    harness,
  ) as Promise<{ hosts: number; mode: string | null; panel: string | null; findings: number }>;

describe.each([
  ['closed, as users get it', true],
  ['opened by the test hook, so the page can reach the buttons', false],
] as const)('a hostile report page, the shadow root %s', (_label, closedShadowRoot) => {
  let hh: Harness;
  let page: Page;

  beforeAll(async () => {
    hh = await launch({ root: REPO, closedShadowRoot });
    // the page knows Gouji's ID, as it would Firefox's fixed add-on ID or a store's
    page = await hh.open(`tests/e2e/pages/hostile-report.html?id=${hh.extensionId}`);
    await hh.waitForTabResult(page);
    await until(
      () => panelState(page, hh),
      (s) => s.hosts === 1 && s.panel !== null,
      'the overlay',
    );
    // let the page attack for a while
    await until(
      () => got(page),
      (g) => g.attacks > 20,
      'the attacks',
    );
  });
  afterAll(async () => {
    await hh?.close();
  });

  it('hears no message from Gouji (no extension ID, no "content script started")', async () => {
    expect((await got(page)).messages).toEqual([]);
  });

  it("hears no event named after Gouji's ID, and stops no script by dispatching one", async () => {
    const { events, attacks } = await got(page);
    expect(events).toEqual([]);
    // the page dispatched WXT's "started" event for the detector and the auditor at every attack,
    // which ended the auditor and took its overlay down while WXT's context was in use
    expect(attacks).toBeGreaterThan(20);
    const state = await panelState(page, hh);
    expect(state.hosts).toBe(1);
    expect(state.panel).not.toBeNull();
  });

  it(
    closedShadowRoot ? 'cannot reach the shadow root' : 'reaches the root only through the test hook',
    async () => {
      const { roots, hosts } = await got(page);
      expect(hosts).toBeGreaterThan(0);
      // the page's patched attachShadow never saw the overlay's root
      expect(roots.filter((r) => r.startsWith('attachShadow:'))).toEqual([]);
      if (closedShadowRoot) expect(roots).toEqual([]);
      else {
        expect(roots.length).toBeGreaterThan(0);
        expect(roots.every((r) => r === 'shadowRoot:open')).toBe(true);
      }
      const seen = await page.evaluate(
        () => document.querySelector('gouji-overlay')?.shadowRoot?.mode ?? null,
      );
      expect(seen).toBe(closedShadowRoot ? null : 'open');
    },
  );

  it('changes nothing with its clicks and keys: the panel as without the page script, the overlay up', async () => {
    const state = await panelState(page, hh);
    expect(state).toMatchObject({ hosts: 1, mode: closedShadowRoot ? 'closed' : 'open' });
    // exactly as the same report without the page script (docked, collapsed or not, as its width
    // decides): the page's Escape and clicks on collapse, dock and close did nothing
    const control = await hh.open('tests/e2e/pages/report-2021.html');
    await until(
      () => panelState(control, hh),
      (s) => s.hosts === 1 && s.panel !== null,
      'the control overlay',
    );
    expect(await panelState(control, hh)).toEqual(state);
    await control.close();
    expect(await hh.badgeText(page)).not.toBe('');
  });

  it('files one version of the page, however often it asks for a re-audit', async () => {
    await expect.poll(() => loggedUrls(hh), { timeout: 20_000 }).toContain(page.url());
    // and a flood of requested re-audits from the content script's own world counts once
    const { model, audit } = await hh.waitForTabResult(page);
    for (let i = 0; i < 5; i++)
      await sendFromContent(page, { type: 'audited', model, audit, requested: true }, hh);
    const versions = (await loggedUrls(hh)).filter((u) => u === page.url()).length;
    expect(versions).toBeLessThanOrEqual(2);
  });
});
