import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCount } from '@/components/overlay/findings';
import type { TabResult } from '../../entrypoints/shared/messages';
import { GECKO_ID } from '../../wxt.config';
import { type FirefoxHarness, launchFirefox } from './firefox';
import { REPO } from './harness';
import { auditInNode } from './overlay-helpers';

// The Firefox build (MV2) in real Firefox: a report on a *.gov.cn portal is detected, audited,
// drawn, badged and filed in the log, with the same reading as the CLI; a page that is no report
// gets nothing. What the review found broken there (H1): browser.action is undefined in MV2, so the
// badge threw before the log was written; optional host permissions were dropped.

/** What the add-on's own pages see of the browser (a minimal typing). */
interface FirefoxApi {
  runtime: { id: string; getManifest(): Record<string, unknown> };
  tabs: { query(q: object): Promise<{ id?: number; url?: string }[]> };
  browserAction: { getBadgeText(d: { tabId: number }): Promise<string> };
  storage: { session: { get(key: string): Promise<Record<string, unknown>> } };
}

let ff: FirefoxHarness;

/** The add-on's view of a page: its tab result and its badge. */
async function tabState(url: string): Promise<{ result: TabResult | undefined; badge: string } | null> {
  return ff.inExtension(async (u) => {
    const { browser } = globalThis as unknown as { browser: FirefoxApi };
    const tab = (await browser.tabs.query({})).find((t) => t.url === u);
    if (tab?.id === undefined) return null;
    const key = `tab:${tab.id}`;
    return {
      result: (await browser.storage.session.get(key))[key] as TabResult | undefined,
      badge: await browser.browserAction.getBadgeText({ tabId: tab.id }),
    };
  }, url);
}

/** The log's records (url, counts), read with plain IndexedDB from the add-on's page. */
async function logged(): Promise<{ url: string; counts: unknown }[]> {
  return ff.inExtension(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'gouji-log')) return [];
    return new Promise<{ url: string; counts: unknown }[]>((ok, fail) => {
      const open = indexedDB.open('gouji-log');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('audits', 'readonly').objectStore('audits').getAll();
        all.onsuccess = () => {
          ok((all.result as { url: string; counts: unknown }[]).map(({ url, counts }) => ({ url, counts })));
          open.result.close();
        };
        all.onerror = () => fail(all.error);
      };
    });
  }, null);
}

async function until<T>(read: () => Promise<T>, done: (v: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)?.slice(0, 300)}`);
    await new Promise((ok) => setTimeout(ok, 250));
    last = await read();
  }
  return last;
}

beforeAll(async () => {
  ff = await launchFirefox(REPO);
});

afterAll(async () => {
  await ff?.close();
});

describe('the Firefox build in Firefox', () => {
  it('is installed under its stable ID, with the optional host permission "add a site" asks for', async () => {
    expect(ff.extensionId).toBe(GECKO_ID);
    const manifest = await ff.inExtension(async () => {
      const { browser } = globalThis as unknown as { browser: FirefoxApi };
      return { id: browser.runtime.id, manifest: browser.runtime.getManifest() };
    }, null);
    expect(manifest.id).toBe(GECKO_ID);
    expect(manifest.manifest.optional_permissions).toEqual(['*://*/*']);
  });

  it.each(['tests/e2e/pages/report-2021.html', 'tests/fixtures/pages/2021/seed003-word.html'])(
    '%s: detected, audited, drawn, badged and logged as the CLI reads it',
    async (path) => {
      const page = await ff.open(path);
      const url = page.url();
      const state = await until(
        () => tabState(url),
        (s) => !!s?.result && (s.result.model !== null || s.result.error !== null),
        `the tab result of ${path}`,
      );
      const result = state!.result!;
      expect(result.error).toBeNull();
      expect(result.detection?.kind).toBe('report');

      const inNode = auditInNode(path, url);
      expect(result.model?.title).toBe(inNode.model.title);
      expect(result.model?.tables).toEqual(JSON.parse(JSON.stringify(inNode.model.tables)));
      const brief = (findings: { fingerprint: string; outcome: string; severity: string }[] = []) =>
        findings.map((f) => `${f.fingerprint} ${f.outcome} ${f.severity}`).sort();
      expect(brief(result.audit?.findings)).toEqual(brief(inNode.audit.findings));

      // the overlay's host is on the page
      expect(await page.evaluate(() => document.querySelector('gouji-overlay') !== null)).toBe(true);
      // the badge: errors in red, or ✓ for a clean report
      const errors = errorCount(inNode.audit.findings);
      const badge = await until(
        async () => (await tabState(url))?.badge ?? '',
        (b) => b !== '',
        'the badge',
      );
      expect(badge).toBe(errors ? String(errors) : '✓');
      // filed in the log, with the engine's counts
      const records = await until(logged, (rs) => rs.some((r) => r.url === url), 'the log record');
      expect(records.find((r) => r.url === url)?.counts).toEqual(inNode.audit.counts);
      await page.close();
    },
  );

  it('leaves a *.gov.cn page that is no report alone', async () => {
    const page = await ff.open('tests/e2e/pages/news.html');
    // the detector has run once the page is idle; give it a moment more
    await new Promise((ok) => setTimeout(ok, 1500));
    const state = await tabState(page.url());
    expect(state).not.toBeNull();
    expect(state?.result).toBeUndefined();
    expect(state?.badge).toBe('');
    expect(await page.evaluate(() => document.querySelector('gouji-overlay') !== null)).toBe(false);
    await page.close();
  });
});
