import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDUCATION, GOVERNMENT, type Portal, servePortal } from '../sweep/portal';
import { DEFAULT_HOST, type Harness, launch, REPO } from './harness';

// The sweep view in real Chromium with the built extension: the fixture portal of the CLI's sweep
// tests, reached as a *.gov.cn host (the extension's built-in host access), swept from
// the popup's offer on the list page into sweep.html?list=…, paused and resumed; then the grid, the checks across bodies and the worksheet.

let h: Harness;
let portal: Portal;
beforeAll(async () => {
  portal = await servePortal();
  h = await launch({ root: REPO });
  await h.setSettings({ lang: 'zh' });
}, 60_000);
afterAll(async () => {
  await h?.close();
  await portal?.close();
});

describe('the sweep view', () => {
  it('sweeps the list politely, pauses and resumes, and shows the grid, the cross-body checks and the worksheet', async () => {
    const list = `http://${DEFAULT_HOST}:${portal.port}/xxgk/nb/index.html`;
    // the popup on the list page offers the sweep, with what the list's titles say
    const listPage = await h.context.newPage();
    await listPage.goto(list);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${await h.tabIdOf(listPage)}`);
    const offer = popup.locator('button[data-action=sweep]');
    await offer.waitFor();
    expect(await offer.textContent()).toBe('审核列表中的 6 份年报 / Audit the 6 reports listed here');
    expect(await popup.locator('.list-found').textContent()).toBe('3 个机关，2021–2023，列表另有 1 页');
    const [page] = await Promise.all([h.context.waitForEvent('page'), offer.click()]);
    await popup.close();
    expect(page.url()).toBe(
      `chrome-extension://${h.extensionId}/sweep.html?list=${encodeURIComponent(list)}`,
    );
    await page.locator('main[data-phase=running] button[name=pause]').click();
    await page.locator('main[data-phase=paused]').waitFor();
    // links already past the gate finish; then nothing moves while paused
    await page.waitForTimeout(2_500);
    const held = await page.locator('.counts').textContent();
    await page.waitForTimeout(1_500);
    expect(await page.locator('.counts').textContent()).toBe(held);
    expect(held).not.toMatch(/^15\/15/);
    await page.locator('button[name=resume]').click();
    await page.locator('main[data-phase=done]').waitFor({ timeout: 60_000 });

    expect(await page.locator('.counts').textContent()).toBe(
      '15/15：已审核 12（有错误 1），不是年报 1，无法读取 1，获取失败 1',
    );
    await expect.poll(() => page.locator('.rows tbody tr').count()).toBe(15);
    const grid = await page
      .locator('.grid tr')
      .evaluateAll((rows) => rows.map((r) => Array.from(r.children).map((c) => c.textContent)));
    expect(grid[0]).toEqual(['机关', '2020', '2021', '2022', '2023']);
    const row = (body: string) => grid.find((r) => r[0] === body)!;
    expect(row(EDUCATION)[3]).toMatch(/^✗2/);
    expect(row(GOVERNMENT)[1]).toBe('缺');
    expect(await page.locator('.cross-body li[data-spec=XBD-02]').textContent()).toContain(GOVERNMENT);
    await expect.poll(() => page.locator('.cross-body li[data-spec=XBD-01]').count()).toBe(2);
    expect(Math.max(...portal.maxInFlight().values())).toBeLessThanOrEqual(2);

    // filter and sort
    await page.locator('select[name=status]').selectOption('fetch-failed');
    await expect.poll(() => page.locator('.rows tbody tr').count()).toBe(1);
    await page.locator('select[name=status]').selectOption('');
    await page.locator('th[data-column=errors] button').click();
    await page.locator('th[data-column=errors] button').click();
    await expect.poll(() => page.locator('.rows tbody tr').first().textContent()).toContain(EDUCATION);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button[name=download]').click(),
    ]);
    const sheets = await readXlsxFile(await readFile((await download.path())!));
    expect(sheets.map((s) => s.sheet)).toEqual(['报告', '问题', '机关×年度']);
    expect(sheets[0]!.data.slice(1)).toHaveLength(15);
  }, 120_000);
});
