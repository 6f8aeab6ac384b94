import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '@/utils/audit/result';
import { FIRST_ROWS_GLOBAL } from '@/utils/log/first-rows';
import { severityCounts } from '@/utils/log/rows';
import type { Evidence, RecordSummary, Verdict } from '@/utils/log/schema';
import { type Harness, launch, REPO } from './harness';
import { auditInNode, drawnMarks, waitForHost } from './overlay-helpers';

// The audit log in real Chromium with the built extension: pages audited on a *.gov.cn portal are
// filed by the background, the popup lists, filters and opens them, a verdict and evidence are kept,
// CSV export is what Excel needs, the same body's next-year report gets its cross-year findings
// (overlay and popup), and everything is still there when the browser starts again on the same
// profile. The expected counts are the Node audit of the same files (the CLI's code).

const PAGES = {
  gxj2021: {
    path: 'tests/fixtures/pages/2021/seed003-word.html',
    title: '中宁县工业和信息化局2021年政府信息公开工作年度报告',
  },
  county2019: {
    path: 'tests/fixtures/pages/2019/seed001-word.html',
    title: '中宁县2019年政府信息公开工作年度报告',
  },
  park2017: {
    path: 'tests/fixtures/pages/pre2019/seed002-trs.html',
    title: '银川德胜工业园区2017年政府信息公开工作年度报告',
  },
} as const;
type Key = keyof typeof PAGES;

/** The demo report (2022) and its next year, with a carry-over that does not match (XYR-01). */
const Y2022 = {
  path: 'scripts/demo/sample-report.html',
  title: '示例县自然资源局2022年政府信息公开工作年度报告',
};
const Y2023 = {
  path: 'tests/e2e/pages/xyr-2023.html',
  title: '示例县自然资源局2023年政府信息公开工作年度报告',
};

type Row = RecordSummary & { search: string };
interface Detail {
  id: string;
  findings: Finding[];
}

/** A store of the log, read with plain IndexedDB from an extension page (the log's origin). */
async function readStore<T>(page: Page, store: 'audits' | 'details' | 'verdicts' | 'evidence'): Promise<T[]> {
  return page.evaluate(async (name) => {
    // never create the database here: Dexie must be the one that makes it
    if (!(await indexedDB.databases()).some((d) => d.name === 'gouji-log')) return [];
    return new Promise<T[]>((ok, fail) => {
      const open = indexedDB.open('gouji-log');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const all = db.transaction(name, 'readonly').objectStore(name).getAll();
        all.onsuccess = () => {
          ok(all.result as T[]);
          db.close();
        };
        all.onerror = () => fail(all.error);
      };
    });
  }, store);
}

/** RFC 4180: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

let profile: string;
let h: Harness;
let ext: Page;
const urls = {} as Record<Key | 'y2022' | 'y2023', string>;
const expected = {} as Record<Key, { error: number; warning: number; info: number; findings: Finding[] }>;

/** Polls until `done` holds (expect.poll is for tests only; hooks need this too). */
async function until<T>(
  read: () => Promise<T>,
  done: (v: T) => boolean,
  what: string,
  timeout = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(last)?.slice(0, 200)}`);
    await new Promise((ok) => setTimeout(ok, 200));
    last = await read();
  }
  return last;
}

/** The latest version of every page in the log, once there are `n`. */
const waitForRecords = (n: number): Promise<Row[]> =>
  until(
    async () => (await readStore<Row>(ext, 'audits')).filter((r) => r.latest === 1),
    (rows) => rows.length === n,
    `${n} records in the log`,
  );

async function audit(path: string): Promise<Page> {
  const page = await h.open(path);
  await h.waitForTabResult(page);
  await waitForHost(page);
  return page;
}

async function openPopup(tabPage?: Page): Promise<Page> {
  const popup = await h.context.newPage();
  const tab = tabPage ? `?tab=${await h.tabIdOf(tabPage)}` : '';
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html${tab}`);
  await popup.locator('.log-list, .log-empty').first().waitFor();
  return popup;
}

const rows = (popup: Page) => popup.locator('.log-rows .log-row');
const rowOf = (popup: Page, title: string) => popup.locator('.log-row', { hasText: title });
const findingOf = (popup: Page, spec: string) =>
  popup.locator('.record-detail li.finding', { has: popup.locator('.spec', { hasText: spec }) });

beforeAll(async () => {
  profile = await mkdtemp(join(tmpdir(), 'gouji-log-profile-'));
  h = await launch({ root: REPO, userDataDir: profile });
  await h.setSettings({ lang: 'zh' });
  ext = await h.context.newPage();
  await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
});
afterAll(async () => {
  await h?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('the audit log in the popup', () => {
  let popup: Page;
  let park: Page;

  beforeAll(async () => {
    for (const key of Object.keys(PAGES) as Key[]) {
      const page = await audit(PAGES[key].path);
      urls[key] = page.url();
      const node = auditInNode(PAGES[key].path, page.url());
      expected[key] = { ...severityCounts(node.audit.findings), findings: node.audit.findings };
      if (key === 'park2017') park = page;
      else await page.close();
    }
    await waitForRecords(3);
    popup = await openPopup(park);
  });

  it('files one record per audited page, with the page’s identity and findings', async () => {
    const stored = await waitForRecords(3);
    const details = await readStore<Detail>(ext, 'details');
    for (const key of Object.keys(PAGES) as Key[]) {
      const row = stored.find((r) => r.url === urls[key])!;
      expect(row).toMatchObject({ title: PAGES[key].title, version: 1, extensionVersion: '0.1.0' });
      const { findings, ...counts } = expected[key];
      expect(row.severities).toEqual(counts);
      const detail = details.find((d) => d.id === row.id)!;
      expect(detail.findings.map((f) => f.fingerprint)).toEqual(findings.map((f) => f.fingerprint));
    }
  });

  it('lists the three records, newest first, with their status and error counts', async () => {
    await expect.poll(() => rows(popup).count()).toBe(3);
    // the rows came from popup.html's first-rows script, read before the popup's modules loaded
    // (utils/log/first-rows.ts), and are those the list shows
    const early = await popup.evaluate(async (global) => {
      const read = (globalThis as Record<string, unknown>)[global] as Promise<RecordSummary[] | null>;
      return (await read)?.map((r) => r.title) ?? null;
    }, FIRST_ROWS_GLOBAL);
    expect(early).toEqual([PAGES.park2017.title, PAGES.county2019.title, PAGES.gxj2021.title]);
    expect(await popup.locator('.log-row .row-title').allTextContents()).toEqual([
      PAGES.park2017.title,
      PAGES.county2019.title,
      PAGES.gxj2021.title,
    ]);
    for (const key of Object.keys(PAGES) as Key[]) {
      const row = rowOf(popup, PAGES[key].title);
      const e = expected[key];
      for (const severity of ['error', 'warning', 'info'] as const) {
        const count = row.locator(`.count.${severity}`);
        if (e[severity] === 0) expect(await count.count()).toBe(0);
        else expect(await count.textContent()).toMatch(new RegExp(`^${e[severity]} 个`));
      }
      const status = e.error ? 'error' : e.warning ? 'warning' : e.info ? 'info' : 'clean';
      expect(await row.getAttribute('class')).toContain(`status-${status}`);
    }
    await expect
      .poll(() => popup.locator('.log-pager .pager-state').textContent())
      .toBe('第 1 / 1 页，共 3 条');
  });

  it('points at the current tab’s own record', async () => {
    await popup.locator('button[name="this-page"]').click();
    await expect.poll(() => popup.locator('.record-detail h2').textContent()).toBe(PAGES.park2017.title);
    await popup.locator('button[name="back"]').click();
    await rows(popup).first().waitFor();
  });

  it('filters by year, format, severity and search, and shows the right subset', async () => {
    const titles = async () => {
      await popup.waitForTimeout(100);
      return popup.locator('.log-row .row-title').allTextContents();
    };
    await popup.selectOption('select[name="year"]', '2019');
    await expect.poll(titles).toEqual([PAGES.county2019.title]);
    await popup.selectOption('select[name="year"]', '');
    await popup.selectOption('select[name="format"]', 'pre2019');
    await expect.poll(titles).toEqual([PAGES.park2017.title]);
    await popup.selectOption('select[name="format"]', '');
    await popup.selectOption('select[name="severity"]', 'error');
    await expect
      .poll(titles)
      .toEqual(
        (['park2017', 'county2019', 'gxj2021'] as Key[])
          .filter((k) => expected[k].error > 0)
          .map((k) => PAGES[k].title),
      );
    await popup.selectOption('select[name="severity"]', '');
    await popup.fill('input[name="query"]', '中宁');
    await expect.poll(titles).toEqual([PAGES.county2019.title, PAGES.gxj2021.title]);
    // the export buttons say they take the filtered part
    expect(await popup.locator('.export-bar button[name="csv"]').textContent()).toContain('当前筛选的 2 条');
    await popup.fill('input[name="query"]', '');
    await expect.poll(() => rows(popup).count()).toBe(3);
  });

  it('opens a record: its findings with the arithmetic, and a verdict that is stored', async () => {
    await rowOf(popup, PAGES.county2019.title).click();
    const detail = popup.locator('.record-detail');
    await detail.waitFor();
    const t401 = expected.county2019.findings.find((f) => f.spec === 'T4-01')!;
    const item = findingOf(popup, 'T4-01');
    expect(await item.getAttribute('data-fingerprint')).toBe(t401.fingerprint);
    expect(await item.locator('.message').textContent()).toBe(t401.message.zh);
    expect(await item.locator('.arithmetic').textContent()).toBe(
      `应为 ${t401.expected}，实为 ${t401.actual}`,
    );
    expect(await detail.locator('.findings li.finding').count()).toBe(expected.county2019.findings.length);
    expect(await detail.locator('a.open-page').getAttribute('href')).toBe(urls.county2019);
    expect(await detail.locator('.no-previous').count()).toBe(1);

    await item.locator('button[name="confirm"]').click();
    await expect.poll(() => item.locator('button[name="confirm"]').getAttribute('aria-pressed')).toBe('true');
    await item.locator('textarea[name="note"]').fill('已与原文核对');
    await item.locator('textarea[name="note"]').blur();
    await expect
      .poll(async () =>
        (await readStore<Verdict>(ext, 'verdicts')).map((v) => [v.fingerprint, v.verdict, v.note]),
      )
      .toEqual([[t401.fingerprint, 'confirmed', '已与原文核对']]);
  });

  it('keeps the cells as printed as evidence (the screenshot needs the page to be the visible tab)', async () => {
    // The popup is about the park's tab; that page is not this record's, so it asks to open it.
    await findingOf(popup, 'T4-01').locator('button[name="capture"]').click();
    await expect
      .poll(() => popup.locator('.log-message.error').textContent())
      .toContain('请先在当前标签页打开此报告');
    await popup.locator('button[name="back"]').click();

    // On the park's own record, from its tab: the cells' text is kept; the screenshot needs the
    // tab to be the visible one (here the popup page is), and the popup says so.
    await rowOf(popup, PAGES.park2017.title).click();
    const finding = expected.park2017.findings.find((f) => f.severity === 'error' && f.cells.length)!;
    const item = popup.locator(`.record-detail li.finding[data-fingerprint="${finding.fingerprint}"]`);
    await item.locator('button[name="capture"]').click();
    await expect
      .poll(() => popup.locator('.log-message').textContent())
      .toContain('已保存单元格原文，但未能截图');
    const [evidence] = await readStore<Evidence>(ext, 'evidence');
    expect(evidence).toMatchObject({ fingerprint: finding.fingerprint, url: urls.park2017 });
    expect(evidence!.cells.map((c) => c.address)).toEqual(finding.cells);
    expect(evidence!.cells.every((c) => c.text !== '')).toBe(true);
    await item.locator('.evidence figure').waitFor();
    await popup.locator('button[name="back"]').click();
  });

  it('exports CSV for Excel: BOM, one row per finding with the report’s fields, the verdict', async () => {
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.locator('.export-bar button[name="csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^gouji-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.endsWith('\r\n')).toBe(true);
    const [header, ...body] = parseCsv(text);
    expect(header!.slice(0, 10)).toEqual([
      '网址',
      '网站',
      '发布机关',
      '标题',
      '年度',
      '格式',
      '发布日期',
      '审核时间',
      '版本',
      '规则',
    ]);
    const col = (name: string) => header!.indexOf(name);
    const total = (Object.keys(PAGES) as Key[]).reduce(
      (n, k) => n + Math.max(1, expected[k].findings.length),
      0,
    );
    expect(body).toHaveLength(total);
    for (const key of Object.keys(PAGES) as Key[]) {
      const mine = body.filter((r) => r[col('网址')] === urls[key]);
      expect(mine).toHaveLength(Math.max(1, expected[key].findings.length));
      for (const r of mine) {
        expect(r[col('标题')]).toBe(PAGES[key].title);
        expect(r[col('网站')]).toBe('example.gov.cn');
      }
      expect(mine.map((r) => r[col('检查项')])).toEqual(expected[key].findings.map((f) => f.spec));
    }
    const t401 = body.find((r) => r[col('网址')] === urls.county2019 && r[col('检查项')] === 'T4-01')!;
    expect(t401[col('复核结论')]).toBe('已确认');
    expect(t401[col('复核备注')]).toBe('已与原文核对');
    expect(t401[col('严重程度')]).toBe('错误');

    // a filter on: only the matching pages
    await popup.selectOption('select[name="year"]', '2019');
    await expect.poll(() => rows(popup).count()).toBe(1);
    const [part] = await Promise.all([
      popup.waitForEvent('download'),
      popup.locator('.export-bar button[name="csv"]').click(),
    ]);
    const partRows = parseCsv((await readFile((await part.path())!)).toString('utf8').slice(1)).slice(1);
    expect(new Set(partRows.map((r) => r[col('网址')]))).toEqual(new Set([urls.county2019]));
    await popup.selectOption('select[name="year"]', '');
    await expect.poll(() => rows(popup).count()).toBe(3);
  });

  it('exports JSON that names every record, and refuses a broken import without writing', async () => {
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.locator('.export-bar button[name="json"]').click(),
    ]);
    const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
    expect(file).toMatchObject({ app: 'gouji', kind: 'audit-log' });
    expect(file.records).toHaveLength(3);
    file.records[1].year = 'two thousand';
    await popup.locator('input[name="import-file"]').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await expect
      .poll(() => popup.locator('.export-bar .message.error').textContent())
      .toContain('第 2 条记录（records[1]）的字段 year');
    expect(await waitForRecords(3)).toHaveLength(3);
  });
});

describe('the same body’s report of the next year', () => {
  let popup: Page;
  let next: Page;

  beforeAll(async () => {
    popup = await openPopup();
    const prev = await audit(Y2022.path);
    urls.y2022 = prev.url();
    await prev.close();
    await waitForRecords(4);
    next = await audit(Y2023.path);
    urls.y2023 = next.url();
    await waitForRecords(5);
  });

  it('files the cross-year findings against last year’s report (XYR-01 on the carry-over)', async () => {
    const stored = await waitForRecords(5);
    const row = stored.find((r) => r.url === urls.y2023)!;
    const prev = stored.find((r) => r.url === urls.y2022)!;
    expect(row.crossYear?.against).toMatchObject({ id: prev.id, url: urls.y2022, year: 2022 });
    const detail = (await readStore<Detail>(ext, 'details')).find((d) => d.id === row.id)!;
    const xyr01 = detail.findings.filter((f) => f.spec === 'XYR-01');
    expect(xyr01.map((f) => f.cells[0])).toEqual(['applications/carryIn/NP', 'applications/carryIn/TOT']);
    expect(xyr01[0]!.message.zh).toContain('上一年度报告《示例县自然资源局2022年政府信息公开工作年度报告》');
    const node = auditInNode(Y2023.path, urls.y2023);
    expect(row.severities.error).toBe(severityCounts(node.audit.findings).error + 2);
  });

  it('shows them in the page’s overlay, like any other finding, and counts them in the badge', async () => {
    const node = auditInNode(Y2023.path, urls.y2023);
    // boxes on the carry-over cells of XYR-01, as on any finding's cells
    await expect
      .poll(
        async () => (await drawnMarks(next)).filter((m) => m.key.startsWith('applications/carryIn/')).length,
      )
      .toBeGreaterThanOrEqual(2);
    const toggle = next.locator('gouji-overlay [data-action="collapse"]');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const specs = () =>
      next.evaluate(() =>
        [
          ...(document.querySelector('gouji-overlay')?.shadowRoot?.querySelectorAll('.panel .spec') ?? []),
        ].map((e) => e.textContent),
      );
    await expect.poll(specs).toContain('XYR-01');
    expect((await specs()).filter((s) => s === 'XYR-01')).toHaveLength(2);
    await expect.poll(() => h.badgeText(next)).toBe(String(severityCounts(node.audit.findings).error + 2));
  });

  it('shows them in the popup, which names and opens last year’s record', async () => {
    // the popup was open while both pages were audited: it read the log again
    await expect.poll(() => rows(popup).count()).toBe(5);
    await rowOf(popup, Y2023.title).click();
    const cross = popup.locator('.record-detail .cross-year');
    await cross.waitFor();
    expect(await cross.locator('.spec', { hasText: 'XYR-01' }).count()).toBe(2);
    const link = cross.locator('button[name="previous-year"]');
    expect(await link.textContent()).toContain(Y2022.title);
    await link.click();
    await expect.poll(() => popup.locator('.record-detail h2').textContent()).toBe(Y2022.title);

    // the link back opens the page in a new tab, where the detector runs and the overlay comes up
    const [opened] = await Promise.all([
      h.context.waitForEvent('page'),
      popup.locator('.record-detail a.open-page').click(),
    ]);
    await opened.waitForLoadState('load');
    expect(opened.url()).toBe(urls.y2022);
    await waitForHost(opened);
    await opened.close();
    await popup.close();
  });
});

describe('after the browser restarts on the same profile', () => {
  beforeAll(async () => {
    const id = h.extensionId;
    await h.close();
    h = await launch({ root: REPO, userDataDir: profile });
    expect(h.extensionId).toBe(id);
    ext = await h.context.newPage();
    await ext.goto(`chrome-extension://${h.extensionId}/popup.html`);
  });

  it('still has every record, the verdict and the evidence', async () => {
    expect(await waitForRecords(5)).toHaveLength(5);
    expect((await readStore<Evidence>(ext, 'evidence')).length).toBe(1);
    const popup = await openPopup();
    await expect.poll(() => rows(popup).count()).toBe(5);
    await rowOf(popup, PAGES.county2019.title).click();
    const item = findingOf(popup, 'T4-01');
    await expect.poll(() => item.locator('button[name="confirm"]').getAttribute('aria-pressed')).toBe('true');
    expect(await item.locator('textarea[name="note"]').inputValue()).toBe('已与原文核对');
    await popup.close();
  });

  it('deletes a record, then clears the log after a confirmation', async () => {
    const popup = await openPopup();
    await rowOf(popup, PAGES.park2017.title).click();
    await popup.locator('.record-detail button[name="delete"]').click();
    await popup.locator('.record-detail button[name="delete-yes"]').click();
    await expect.poll(() => rows(popup).count()).toBe(4);
    expect(await rowOf(popup, PAGES.park2017.title).count()).toBe(0);
    expect((await readStore<Evidence>(ext, 'evidence')).length).toBe(0);

    await popup.locator('.export-bar button[name="clear"]').click();
    // the confirmation counts what goes: the pages, every version of them, verdicts and evidence
    const versions = (await readStore(ext, 'audits')).length;
    const verdicts = (await readStore(ext, 'verdicts')).length;
    expect(versions).toBeGreaterThanOrEqual(4);
    expect(await popup.locator('.export-bar .confirm').textContent()).toContain(
      `4 个网页的全部 ${versions} 条审核记录（含历史版本）、${verdicts} 条复核结论和 0 条证据`,
    );
    await popup.locator('.export-bar button[name="clear-yes"]').click();
    await popup.locator('.log-empty').waitFor();
    expect(await readStore(ext, 'audits')).toEqual([]);
    expect(await readStore(ext, 'verdicts')).toEqual([]);
    await popup.close();
  });
});

describe('a screenshot as evidence', () => {
  // captureVisibleTab needs activeTab (the user clicked the toolbar button) or <all_urls>; headless
  // Chromium cannot click the toolbar, so this browser's copy of the extension holds <all_urls>.
  let shot: Harness;
  beforeAll(async () => {
    shot = await launch({ root: REPO, grantHosts: ['<all_urls>'] });
    await shot.setSettings({ lang: 'zh' });
  });
  afterAll(async () => {
    await shot?.close();
  });

  it('takes the visible tab with the overlay, the cells as printed and the time', async () => {
    const page = await shot.open(PAGES.county2019.path);
    await shot.waitForTabResult(page);
    await waitForHost(page);
    const popup = await shot.context.newPage();
    await popup.goto(`chrome-extension://${shot.extensionId}/popup.html?tab=${await shot.tabIdOf(page)}`);
    await popup.locator('button[name="this-page"]').click();
    const item = popup.locator('.record-detail li.finding', {
      has: popup.locator('.spec', { hasText: 'T4-01' }),
    });
    // the report's tab in front, as when the popup is opened on it
    await page.bringToFront();
    await item.locator('button[name="capture"]').click();
    await expect.poll(() => popup.locator('.log-message').textContent()).toBe('已保存证据');
    const img = item.locator('.evidence figure img');
    await img.waitFor();
    expect(await img.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    // a real picture of the page, not an empty one
    expect(((await img.getAttribute('src')) ?? '').length).toBeGreaterThan(10_000);
    // the page prints 0 in the 复议 total, where 0 + 0 + 0 + 1 = 1 is due
    expect(await item.locator('.evidence-cells').textContent()).toContain('行政复议·尚未审结 “1”');
    expect(await item.locator('.evidence-cells').textContent()).toContain('行政复议·总计 “0”');
    expect(await item.locator('.evidence-time').textContent()).toMatch(
      /^取证于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/,
    );
    await popup.close();
    await page.close();
  });
});
