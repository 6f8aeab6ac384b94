import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_BUDGET_FOR_TESTS } from '../../entrypoints/shared/messages';
import { type Harness, launch } from './harness';

// A page too large to audit on its main thread is refused with a reason, not parsed; one small
// enough but slow to read runs out of the audit's time budget. Either way the tab is never frozen
// by Gouji, and the page is stated not read (badge "?", never a ✓, never silence, nothing logged).

let h: Harness;
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gouji-budget-'));
  const row = `<tr>${'<td>1</td>'.repeat(20)}</tr>`;
  await writeFile(
    join(root, 'huge.html'),
    `<html><head><title>某县2023年政府信息公开工作年度报告</title></head><body>
     <h1>某县2023年政府信息公开工作年度报告</h1>
     <p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
     <table>${row.repeat(8000)}</table></body></html>`,
  );
  // 400 tables of 表三-like rows, 32 000 cells: under the size gate, tens of milliseconds to read
  const t3row = `<tr><td>予以公开</td>${'<td>1</td>'.repeat(7)}</tr>`;
  await writeFile(
    join(root, 'slow.html'),
    `<html><head><title>某县2023年政府信息公开工作年度报告</title></head><body>
     <h1>某县2023年政府信息公开工作年度报告</h1>
     <p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p>
     ${`<table><tr><td>本年新收政府信息公开申请数量</td>${'<td>1</td>'.repeat(7)}</tr>${t3row.repeat(9)}</table>`.repeat(400)}
     </body></html>`,
  );
  h = await launch({ root });
});
afterAll(async () => {
  await h?.close();
  await rm(root, { recursive: true, force: true });
});

describe('a page past the audit budget', () => {
  it('is refused with its size, not parsed, and gets no ✓', async () => {
    const page = await h.open('huge.html');
    const result = await h.waitForTabResult(page, { done: (r) => r.error !== null || r.model !== null });
    expect(result.model).toBeNull();
    expect(result.error).toContain('页面过大');
    expect(result.error).toContain('160000');
    expect(await h.badgeText(page)).toBe('?');
    // The page is still the page's own: responsive, and no overlay host was added.
    expect(await page.evaluate(() => document.querySelectorAll('td').length)).toBe(160_000);
  });
});

/** How many audits the log holds, read from an extension page (the log's origin). */
async function loggedAudits(): Promise<number> {
  const ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
  const count = await ext.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'gouji-log')) return 0;
    return new Promise<number>((ok, fail) => {
      const open = indexedDB.open('gouji-log');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('audits', 'readonly').objectStore('audits').getAll();
        all.onsuccess = () => {
          ok(all.result.length);
          open.result.close();
        };
        all.onerror = () => fail(all.error);
      };
    });
  });
  await ext.close();
  return count;
}

describe('a page that runs out of the audit’s time budget', () => {
  /** The test profile's switch (extension storage: no page can set it) that lowers the budget. */
  const setBudget = async (ms: number | null) => {
    const worker = await h.serviceWorker();
    await worker.evaluate(
      async ({ key, ms }) => {
        const { chrome } = globalThis as unknown as {
          chrome: { storage: { local: { set(o: object): Promise<void>; remove(k: string): Promise<void> } } };
        };
        if (ms === null) await chrome.storage.local.remove(key);
        else await chrome.storage.local.set({ [key]: ms });
      },
      { key: AUDIT_BUDGET_FOR_TESTS, ms },
    );
  };

  it('is stated not read, in both languages, badge "?", nothing logged; with the real budget it is read', async () => {
    await setBudget(1);
    const page = await h.open('slow.html');
    const result = await h.waitForTabResult(page, { done: (r) => r.error !== null || r.model !== null });
    expect(result.model).toBeNull();
    expect(result.error).toBe(
      '页面未能在 0.001 秒内读完，为免页面卡顿已停止审核，未读取；可另存网页后用命令行审核 / ' +
        'page not read: reading it took longer than 0.001 s, so the audit stopped rather than freeze the page; save it and use the command line',
    );
    expect(await h.badgeText(page)).toBe('?');
    expect(await page.evaluate(() => document.querySelector('gouji-overlay'))).toBeNull();
    expect(await loggedAudits()).toBe(0);

    // The same page with the real budget (3 s): read whole, so the time-out above was the budget's.
    await setBudget(null);
    await h.sendMessage({ type: 'audit-tab', tabId: await h.tabIdOf(page) });
    const read = await h.waitForTabResult(page, { done: (r) => r.model !== null });
    expect(read.model?.kind).toBe('report');
    expect(read.model?.tables.applications).not.toBeNull();
    expect(read.error).toBeNull();
    await expect.poll(loggedAudits).toBe(1);
    await page.close();
  });
});
