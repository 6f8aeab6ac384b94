import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromHtml } from '@/cli/dom';
import { runAudit } from '@/utils/audit/run';
import type { ReportModel } from '@/utils/report/model';
import { parseReport } from '@/utils/report/parse';
import { type Harness, launch, REPO } from './harness';

// The extension in real Chromium must see what the CLI sees: for the same file, the model the
// background holds equals parseReport run on Node with happy-dom. Pages that are not reports
// are left alone: nothing stored, not one DOM change.

const ROOT = join(REPO, 'tests');

/** Paths under tests/: our stopgap page, plus every project fixture of these kinds once they exist. */
function pages(own: string | null, dirs: string[]): string[] {
  const found = dirs.flatMap((dir) => {
    const abs = join(ROOT, 'fixtures', 'pages', dir);
    if (!existsSync(abs)) return [];
    return readdirSync(abs)
      .filter((f) => f.endsWith('.html'))
      .sort()
      .map((f) => `fixtures/pages/${dir}/${f}`);
  });
  return own ? [own, ...found] : found;
}

const REPORTS = pages('e2e/pages/report-2021.html', ['2021', '2019', 'pre2019']);
const NOT_REPORTS = pages('e2e/pages/news.html', ['negative']);
/** Lists of reports: the only change is the sweep's offer, in one shadow host. */
const LISTS = pages(null, ['index']);

/** The model the CLI gives for the file: the CLI's own loader and DOM. */
function parseInNode(path: string, url: string): ReportModel {
  return parseReport(documentFromHtml(readFileSync(join(ROOT, path), 'utf8'), url), { url }).model;
}

/** Numbers only: the raw text may differ in whitespace between engines, the values must not. */
function values(table: ReportModel['tables']['applications']) {
  if (!table) return null;
  return Object.fromEntries(
    Object.entries(table).map(([row, cols]) => [
      row,
      Object.fromEntries(Object.entries(cols).map(([col, cell]) => [col, cell.value])),
    ]),
  );
}

let h: Harness;
beforeAll(async () => {
  h = await launch({ root: ROOT });
});
afterAll(async () => {
  await h?.close();
});

describe('report pages', () => {
  it.each(REPORTS)('%s: the background holds the model the CLI gives', async (path) => {
    const page = await h.open(path);
    const result = await h.waitForTabResult(page);
    expect(result.error).toBeNull();
    expect(result.detection?.kind).toBe('report');
    const inBrowser = result.model!;
    const inNode = parseInNode(path, page.url());

    expect(inBrowser.kind).toBe('report');
    expect(inBrowser.year).toBe(inNode.year);
    expect(inBrowser.format).toBe(inNode.format);
    expect(inBrowser.agency).toBe(inNode.agency);
    expect(inBrowser.title).toBe(inNode.title);
    expect(inBrowser.tableInfo.applications.found).toBe(inNode.tableInfo.applications.found);
    expect(values(inBrowser.tables.applications)).toEqual(values(inNode.tables.applications));
    expect(values(inBrowser.tables.reviews)).toEqual(values(inNode.tables.reviews));
    // Same findings too, compared by what a reader sees: rule, place and outcome.
    const brief = (r: ReturnType<typeof runAudit> | null) =>
      r?.findings.map((f) => `${f.fingerprint} ${f.outcome} ${f.severity}`).sort();
    expect(brief(result.audit)).toEqual(brief(runAudit(inNode)));
    await page.close();
  });

  it('reads our own 2021 page as written', async () => {
    const page = await h.open('e2e/pages/report-2021.html');
    const { model, audit } = await h.waitForTabResult(page);
    expect(model).toMatchObject({ year: 2022, format: '2021', agency: '示例市生态环境局' });
    const t3 = model!.tables.applications!;
    expect(t3.new?.TOT?.value).toBe(16);
    expect(t3.r7?.NP?.value).toBe(12);
    expect(t3.carryOut?.TOT?.value).toBe(1);
    expect(model!.tables.reviews?.rev?.total?.value).toBe(2);
    // Every number on the page agrees, so nothing may fail as an error.
    expect(audit?.findings.filter((f) => f.severity === 'error')).toEqual([]);
    await page.close();
  });

  it('forgets the result when the tab navigates away', async () => {
    const page = await h.open('e2e/pages/report-2021.html');
    await h.waitForTabResult(page);
    await page.goto(new URL('/e2e/pages/news.html', h.origin).href);
    await page.waitForTimeout(1000);
    expect(await h.readTabResult(page)).toBeUndefined();
    await page.close();
  });
});

describe('popup', () => {
  it('audits a page on demand that the detector left alone', async () => {
    const page = await h.open('e2e/pages/news.html');
    const tabId = await h.tabIdOf(page);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByText('此页不是政府信息公开工作年度报告').waitFor();
    await popup.getByRole('button', { name: /审核此页/ }).click();
    const { model } = await h.waitForTabResult(page);
    expect(model?.kind).toBe('none');
    await popup.close();
    await page.close();
  });
});

describe('a report whose tables could not be read (issue 8)', () => {
  it('badges "?", never ✓, and the popup says what was not read and why', async () => {
    const page = await h.open('e2e/pages/image-tables-report.html');
    const { model, audit } = await h.waitForTabResult(page);
    expect(model?.kind).toBe('report');
    expect(model?.tableInfo.applications).toMatchObject({ found: false, reason: 'not-in-dom' });
    expect(audit?.findings.filter((f) => f.outcome === 'fail' && f.severity === 'error')).toEqual([]);
    await expect.poll(() => h.badgeText(page)).toBe('?');
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${await h.tabIdOf(page)}`);
    const state = popup.locator('dd > [data-field="read-state"]');
    await state.waitFor();
    expect(await state.getAttribute('data-level')).toBe('none');
    expect(await state.textContent()).toContain('表三 收到和处理申请：未找到（可能是图片或附件）');
    // The log's record of the page, shown below, says the same.
    const logged = popup.locator(':not(dd) > [data-field="read-state"]');
    await logged.first().waitFor();
    expect(await logged.first().getAttribute('data-level')).toBe('none');
    await popup.close();
    await page.close();
  });

  it('badges ✓ for a clean report read whole', async () => {
    const page = await h.open('e2e/pages/report-2021.html');
    const { audit } = await h.waitForTabResult(page);
    const errors = audit!.findings.filter((f) => f.outcome === 'fail' && f.severity === 'error').length;
    await expect.poll(() => h.badgeText(page)).toBe(errors ? String(errors) : '✓');
    await page.close();
  });
});

describe('pages that are not reports', () => {
  it.each(NOT_REPORTS)('%s: nothing stored, DOM unchanged', async (path) => {
    const page = await h.open(path);
    // The detector runs at document_idle; give it, and any message it might send, time to land.
    await page.waitForTimeout(1500);
    expect(await h.readTabResult(page)).toBeUndefined();
    expect(await h.domChangesSinceReady(page)).toEqual({ mutations: 0, markupChanged: false });
    await page.close();
  });

  it.each(LISTS)(
    '%s (a list of reports): nothing stored; one host with the sweep offer, nothing else changed',
    async (path) => {
      const page = await h.open(path);
      await page.locator('gouji-overlay [data-gouji=sweep-offer]').waitFor();
      expect(await h.readTabResult(page)).toBeUndefined();
      expect(await page.locator('gouji-overlay').count()).toBe(1);
      // without its one host the page is as it was
      await page.evaluate(() => document.querySelector('gouji-overlay')!.remove());
      expect((await h.domChangesSinceReady(page)).markupChanged).toBe(false);
      await page.close();
    },
  );
});
