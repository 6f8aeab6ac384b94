import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCount } from '@/components/overlay/findings';
import { documentFromHtml } from '../../cli/dom';
import { nodePdfOptions } from '../../cli/pdf-node';
import type { TabResult } from '../../entrypoints/shared/messages';
import { runAudit } from '../../utils/audit/run';
import { FIRST_ROWS_GLOBAL } from '../../utils/log/first-rows';
import { readReport } from '../../utils/source/index';
import { GECKO_ID } from '../../wxt.config';
import { type FirefoxHarness, launchFirefox } from './firefox';
import { REPO } from './harness';
import { auditInNode } from './overlay-helpers';

// The Firefox build (MV2) in real Firefox: a report on a *.gov.cn portal is detected, audited,
// drawn, badged and filed in the log, with the same reading as the CLI; a page that is no report
// gets nothing. What the review found broken there (H1): browser.action is undefined in MV2, so the
// badge threw before the log was written; optional host permissions were dropped. The report
// viewer (an extension page running pdf.js and its worker) reads a PDF there as it does in Chromium.

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

  it('opens the popup on the logged reports, their first rows read by popup.html’s own script', async () => {
    const popup = await ff.openExtensionPage('popup.html');
    const shown = await until(
      () =>
        popup.evaluate(() =>
          [...document.querySelectorAll<HTMLElement>('.log-row')].map((r) => r.dataset.id),
        ),
      (ids) => ids.length >= 2,
      'the list’s rows',
    );
    // the same rows, read straight from IndexedDB before the popup's modules ran
    // (utils/log/first-rows.ts)
    const early = await popup.evaluate(async (global) => {
      const read = (globalThis as Record<string, unknown>)[global] as Promise<{ id: string }[] | null>;
      return (await read)?.map((r) => r.id) ?? null;
    }, FIRST_ROWS_GLOBAL);
    expect(early).toEqual(shown);
    await popup.close();
  });

  it('opens the report viewer with a fixture PDF: its pages, boxes over the cells, the panel as in Node', async () => {
    const file = 'tests/fixtures/documents/seed003.pdf';
    const src = `${ff.origin}/${file}`;
    const viewer = await ff.openExtensionPage(`viewer.html?src=${encodeURIComponent(src)}`);
    const state = await until(
      () => viewer.evaluate(() => document.body.dataset.state ?? ''),
      (s) => s === 'shown' || s === 'problem',
      'the viewer',
    );
    const problem = await viewer.evaluate(
      () => document.querySelector('[data-problem]')?.textContent ?? null,
    );
    expect(problem).toBeNull();
    expect(state).toBe('shown');

    // The same reading as in Node: the findings the panel lists are the engine's.
    const read = await readReport(
      new Uint8Array(readFileSync(join(REPO, file))),
      { name: file },
      { parseHtml: (html) => documentFromHtml(html), pdf: nodePdfOptions(), url: src },
    );
    const inNode = runAudit(read.parsed!.model);
    const flagged = inNode.findings;
    expect(flagged.length).toBeGreaterThan(0);
    // The panel starts collapsed in a small window: open it as a user would (a real click; the
    // overlay ignores events a page script makes).
    const toggle = await viewer.$('>>> [data-action="collapse"]');
    if ((await toggle?.evaluate((el) => el.getAttribute('aria-expanded'))) === 'false') await toggle!.click();
    await viewer.waitForFunction(
      () => !!document.querySelector('gouji-overlay')?.shadowRoot?.querySelector('[data-spec]'),
      { timeout: 10_000 },
    );
    const specs = await viewer.evaluate(() =>
      Array.from(
        document.querySelector('gouji-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-spec]') ??
          [],
        (el) => el.dataset.spec ?? '',
      ),
    );
    expect([...new Set(specs)].sort()).toEqual([...new Set(flagged.map((f) => f.spec))].sort());

    // Every page framed, every located cell boxed where the reader put it, at the page's scale;
    // the row cut by the page break on both its pages.
    const placed = await viewer.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('.pdf-page .at'), (el) => {
        const frame = el.closest<HTMLElement>('.pdf-page')!;
        const f = frame.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        const scale = f.width / Number(frame.dataset.widthPt);
        const [x0, y0] = el.dataset.box!.split(',').map(Number) as [number, number];
        return {
          address: el.dataset.address!,
          page: Number(frame.dataset.page),
          off: Math.max(Math.abs(r.left - f.left - x0 * scale), Math.abs(r.top - f.top - y0 * scale)),
        };
      }),
    );
    expect(await viewer.evaluate(() => document.querySelectorAll('.pdf-page').length)).toBe(
      read.pages!.length,
    );
    const located = Object.entries(read.locations).flatMap(([address, l]) =>
      l.kind === 'pdf' ? l.boxes.map((b) => `${address} p.${b.page}`) : [],
    );
    expect(placed.map((p) => `${p.address} p.${p.page}`).sort()).toEqual(located.sort());
    expect(Math.max(...placed.map((p) => p.off))).toBeLessThan(1);
    expect(placed.filter((p) => p.address === 'applications/r3_7/TOT').map((p) => p.page)).toEqual([4, 5]);
    // the pages themselves painted by pdf.js
    await until(
      () => viewer.evaluate(() => document.body.dataset.painted ?? ''),
      (p) => p === 'true',
      'the painted pages',
    );
    await viewer.close();
  });

  it("cannot be heard or stopped by a page that knows the add-on's fixed ID (review M1)", async () => {
    // tests/e2e/pages/hostile.js listens for, and keeps dispatching, the document events WXT's own
    // content script context sent and obeyed, named after the ID
    const page = await ff.open(`tests/e2e/pages/hostile-report.html?id=${encodeURIComponent(GECKO_ID)}`);
    const url = page.url();
    await until(
      () => tabState(url),
      (s) => !!s?.result?.model,
      'the tab result of the hostile page',
    );
    const got = () =>
      page.evaluate(() => {
        const { events, attacks, messages } = (
          window as unknown as { __hostile: { events: string[]; attacks: number; messages: string[] } }
        ).__hostile;
        return { events, attacks, messages, overlay: document.querySelector('gouji-overlay') !== null };
      });
    const seen = await until(got, (g) => g.attacks > 20, 'the attacks');
    expect(seen).toEqual({ events: [], attacks: seen.attacks, messages: [], overlay: true });
    await page.close();
  });

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
