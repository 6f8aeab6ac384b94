import { act } from 'preact/test-utils';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing';
import { click, mount, q, qa, text, type } from '@/components/log/testing';
import { runAudit } from '@/utils/audit/run';
import { logDb } from '@/utils/log/db';
import { exportJson } from '@/utils/log/export';
import { FILING_ERROR_KEY, type FilingError } from '@/utils/log/filing-error';
import { FIRST_ROWS_GLOBAL, POPUP_PAGE_SIZE, readFirstRowsDirect } from '@/utils/log/first-rows';
import { handleLogRequest, type LogRequest, logAudit } from '@/utils/log/hub';
import { getVerdicts, listLatest } from '@/utils/log/queries';
import { parseFixture } from '@/utils/log/testing/fixtures';
import { syntheticLog, writeBulk } from '@/utils/log/testing/synthetic';
import { clearLog } from '@/utils/log/write';
import { LogPanel, readFirstRows } from './LogPanel';

// The popup's log on a log of thousands of pages (fake-indexeddb): it shows one page of summaries
// and reads no model for it; writes go to the background, here the hub's own handler on the same
// log; export hands a Blob to an <a download>.

const PAGES = 3000;
const URL_2019 = 'https://www.example.gov.cn/xxgk/2019/seed001.html';
const sent: LogRequest[] = [];

const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  throw new Error(`timed out: ${what}`);
};

beforeAll(async () => {
  await writeBulk(logDb(), syntheticLog(PAGES));
  const m = parseFixture('2019/seed001-fragment', URL_2019);
  await logAudit(m, runAudit(m), URL_2019, { extensionVersion: '0.1.0' });
});

beforeEach(() => {
  fakeBrowser.reset();
  sent.length = 0;
  const b = fakeBrowser as unknown as {
    i18n: { getUILanguage(): string };
    tabs: { getCurrent(): Promise<undefined> };
    runtime: { sendMessage(m: LogRequest): Promise<unknown> };
  };
  b.i18n.getUILanguage = () => 'zh-CN';
  b.tabs.getCurrent = async () => undefined;
  b.runtime.sendMessage = async (m: LogRequest) => {
    sent.push(m);
    return handleLogRequest(m, { extensionVersion: '0.1.0' });
  };
});
afterEach(() => {
  vi.restoreAllMocks();
});

/** The indexes of the log the popup asks, in order (a spy on the audits table's where). */
function indexesAsked(): string[] {
  const steps: string[] = [];
  const audits = logDb().audits;
  const where = audits.where.bind(audits);
  vi.spyOn(audits, 'where').mockImplementation(((index: string) => {
    steps.push(index);
    return where(index);
  }) as typeof audits.where);
  return steps;
}

describe('LogPanel on a log of thousands of pages', () => {
  it('opens on one page of summaries, without reading any model', async () => {
    const details = vi.spyOn(logDb().details, 'get');
    const bulk = vi.spyOn(logDb().details, 'bulkGet');
    const view = mount(<LogPanel tabId={null} pageUrl={URL_2019} />);
    await until(() => qa(view.root, '.log-row').length > 0, 'the list');
    expect(qa(view.root, '.log-row')).toHaveLength(20);
    // the synthetic pages and the seed page, 20 a page (counted after the rows are drawn)
    await until(() => text(q(view.root, '.pager-state')).startsWith('第 1 /'), 'the count');
    expect(text(q(view.root, '.pager-state'))).toBe(
      `第 1 / ${Math.ceil((PAGES + 1) / 20)} 页，共 ${PAGES + 1} 条`,
    );
    expect(details).not.toHaveBeenCalled();
    expect(bulk).not.toHaveBeenCalled();
    // the newest audit first: the seed page filed last
    expect(text(q(view.root, '.log-row .row-title'))).toBe('中宁县2019年政府信息公开工作年度报告');
    expect(q(view.root, 'button[name="this-page"]')).not.toBeNull();

    click(q(view.root, 'button[name="next"]'));
    await until(() => text(q(view.root, '.pager-state')).startsWith('第 2 /'), 'page 2');
    type(q(view.root, 'select[name="year"]'), '2019', 'change');
    await until(() => text(q(view.root, '.pager-state')).includes('第 1 /'), 'filtered');
    const metas = qa(view.root, '.log-row .row-meta:nth-child(2)');
    expect(metas).toHaveLength(20);
    expect(metas.every((m) => m.textContent!.includes('2019年'))).toBe(true);
    view.unmount();
  });

  it('draws the first rows before it counts the log and reads the filters’ choices, and says so', async () => {
    // what the popup asks the log, in order, and the moment the first row is in the page
    const steps = indexesAsked();
    const root = document.body;
    let atFirstRow: { pager: string; years: number; yearDisabled: boolean; formats: number } | null = null;
    const watch = new MutationObserver(() => {
      if (atFirstRow || !root.querySelector('.log-row')) return;
      steps.push('rows drawn');
      const year = q(root, 'select[name="year"]') as HTMLSelectElement;
      atFirstRow = {
        pager: text(q(root, '.pager-state')),
        years: year.options.length,
        yearDisabled: year.disabled,
        formats: (q(root, 'select[name="format"]') as HTMLSelectElement).options.length,
      };
    });
    watch.observe(root, { childList: true, subtree: true });
    const view = mount(<LogPanel tabId={null} pageUrl={null} />);
    await until(
      () => (q(view.root, 'select[name="year"]') as HTMLSelectElement | null)?.disabled === false,
      'the facets',
    );
    await until(() => text(q(view.root, '.pager-state')).startsWith('第 1 /'), 'the count');
    watch.disconnect();

    // at the first row: 20 rows, no count and no choices yet, and the page says it is reading them
    expect(atFirstRow).toEqual({ pager: '第 1 页，正在统计条数…', years: 1, yearDisabled: true, formats: 1 });
    expect(q(view.root, '.pager-state')!.getAttribute('aria-busy')).toBe('false');
    // the rows came off the list's index first (then its count was asked for); the facets' indexes
    // were read only once the rows were drawn
    const drawn = steps.indexOf('rows drawn');
    expect(steps[0]).toBe('[latest+auditedAt]');
    expect(drawn).toBeGreaterThan(0);
    expect(
      steps.slice(0, drawn).filter((s) => s !== '[latest+auditedAt]' && s !== '[urlKey+version]'),
    ).toEqual([]);
    expect(steps.slice(drawn)).toContain('[latest+year+auditedAt]');
    expect(steps.slice(drawn)).toContain('[latest+format+auditedAt]');
    // then the same choices as before: every year of the log, newest first, and its formats
    const years = qa(view.root, 'select[name="year"] option').map((o) => o.textContent);
    expect(years).toEqual([
      '全部年度',
      ...[2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017].map((y) => `${y}年`),
    ]);
    expect(qa(view.root, 'select[name="format"] option').length).toBeGreaterThan(1);
    expect(text(q(view.root, '.pager-state'))).toBe(
      `第 1 / ${Math.ceil((PAGES + 1) / 20)} 页，共 ${PAGES + 1} 条`,
    );
    view.unmount();
  });

  it('takes the rows the page began reading before it rendered, and reads afresh after that', async () => {
    const early = readFirstRows();
    const ids = (await early).map((r) => r.id);
    expect(ids).toHaveLength(20);
    const steps = indexesAsked();
    const view = mount(<LogPanel tabId={null} pageUrl={null} firstRowsRead={early} />);
    await until(() => text(q(view.root, '.pager-state')).startsWith('第 1 /'), 'the count');
    expect(qa(view.root, '.log-row').map((r) => r.dataset.id)).toEqual(ids);
    // the list's index was asked once, for the count: the rows were the early read's
    expect(steps.filter((s) => s === '[latest+auditedAt]')).toHaveLength(1);
    click(q(view.root, 'button[name="next"]'));
    await until(() => text(q(view.root, '.pager-state')).startsWith('第 2 /'), 'page 2');
    click(q(view.root, 'button[name="prev"]'));
    await until(() => text(q(view.root, '.pager-state')).startsWith('第 1 /'), 'page 1 again');
    // back on page 1: its rows read again (and counted), not the early read reused
    expect(steps.filter((s) => s === '[latest+auditedAt]')).toHaveLength(4);
    expect(qa(view.root, '.log-row').map((r) => r.dataset.id)).toEqual(ids);
    view.unmount();
  });

  it('takes the rows popup.html’s first-rows script read without Dexie, and reads through Dexie when it gave none', async () => {
    const page = globalThis as Record<string, unknown>;
    try {
      const viaDexie = (await readFirstRows()).map((r) => r.id);
      const steps = indexesAsked();
      page[FIRST_ROWS_GLOBAL] = readFirstRowsDirect(POPUP_PAGE_SIZE);
      expect((await readFirstRows()).map((r) => r.id)).toEqual(viaDexie);
      expect(steps).toEqual([]);
      // the script left the log to Dexie (none yet, another version): read the usual way
      page[FIRST_ROWS_GLOBAL] = Promise.resolve(null);
      expect((await readFirstRows()).map((r) => r.id)).toEqual(viaDexie);
      expect(steps).toEqual(['[latest+auditedAt]']);
    } finally {
      delete page[FIRST_ROWS_GLOBAL];
    }
  });

  it('opens a record and sends the verdict to the background', async () => {
    const view = mount(<LogPanel tabId={null} pageUrl={URL_2019} />);
    await until(() => !!q(view.root, 'button[name="this-page"]'), 'this page');
    click(q(view.root, 'button[name="this-page"]'));
    await until(() => !!q(view.root, '.record-detail'), 'the detail');
    const item = q(view.root, '.record-detail li.finding')!;
    const fingerprint = item.dataset.fingerprint!;
    click(q(item, 'button[name="confirm"]'));
    await until(() => sent.length === 1, 'the message');
    expect(sent[0]).toMatchObject({ type: 'log-verdict', url: URL_2019, fingerprint, verdict: 'confirmed' });
    await until(
      () =>
        q(view.root, `li.finding[data-fingerprint="${fingerprint}"] button[name="confirm"]`)?.getAttribute(
          'aria-pressed',
        ) === 'true',
      'pressed',
    );
    expect(await getVerdicts(URL_2019)).toMatchObject([{ fingerprint, verdict: 'confirmed' }]);
    view.unmount();
  });

  it('exports the filtered part as CSV through a Blob and an <a download>', async () => {
    let blob: Blob | null = null;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((b) => {
      blob = b as Blob;
      return 'blob:gouji-test';
    });
    const clicked: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push(this.download);
    });
    const view = mount(<LogPanel tabId={null} pageUrl={null} />);
    await until(() => qa(view.root, '.log-row').length > 0, 'the list');
    type(q(view.root, 'input[name="query"]'), '中宁县2019');
    await until(() => text(q(view.root, '.pager-state')).includes('共 1 条'), 'searched');
    click(q(view.root, '.export-bar button[name="csv"]'));
    await until(() => clicked.length === 1, 'the download');
    expect(clicked[0]).toMatch(/^gouji-log-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    expect(
      csv
        .split('\r\n')
        .slice(1, -1)
        .every((line) => line.startsWith(URL_2019)),
    ).toBe(true);
    view.unmount();
  });

  it('shows the last audit the background could not file, until dismissed', async () => {
    const kept: FilingError = {
      url: 'https://www.example.gov.cn/lost.html',
      at: 1_700_000_000_000,
      error: {
        zh: '本次审核未能存入日志：QuotaExceededError',
        en: 'This audit was not saved in the log: QuotaExceededError',
      },
    };
    await fakeBrowser.storage.local.set({ [FILING_ERROR_KEY]: kept });
    const view = mount(<LogPanel tabId={null} pageUrl={null} />);
    await until(() => !!view.root.querySelector('.filing-error'), 'the filing error');
    expect(text(q(view.root, '.filing-error'))).toContain('未能存入日志');
    expect(text(q(view.root, '.filing-error'))).toContain('lost.html');
    click(q(view.root, 'button[name="dismiss-filing-error"]'));
    await until(() => !view.root.querySelector('.filing-error'), 'dismissed');
    expect((await fakeBrowser.storage.local.get(FILING_ERROR_KEY))[FILING_ERROR_KEY]).toBeUndefined();
    view.unmount();
  });

  it('says so when the log cannot be read, instead of loading forever, and retries', async () => {
    const where = vi.spyOn(logDb().audits, 'where').mockImplementation(() => {
      throw new Error('IndexedDB blocked');
    });
    const view = mount(<LogPanel tabId={null} pageUrl={null} />);
    await until(() => !!view.root.querySelector('.load-error'), 'the error');
    expect(text(q(view.root, '.load-error'))).toContain('IndexedDB blocked');
    expect(view.root.querySelector('.log-loading')).toBeNull();
    where.mockRestore();
    click(q(view.root, 'button[name="retry"]'));
    await until(() => qa(view.root, '.log-row').length > 0, 'the list after a retry');
    view.unmount();
  });

  const choose = (view: { root: HTMLElement }, content: string) => {
    const input = q(view.root, '.export-bar input[type="file"]') as HTMLInputElement;
    Object.defineProperty(input, 'files', {
      value: [new File([content], 'log.json', { type: 'application/json' })],
      configurable: true,
    });
    act(() => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
  };

  it('imports a file itself, without one giant runtime message, and re-enables the buttons after a failure', async () => {
    const view = mount(<LogPanel tabId={null} pageUrl={null} />);
    await until(() => qa(view.root, '.log-row').length > 0, 'the list');
    choose(view, '{}');
    await until(() => !!view.root.querySelector('.export-bar .message.error'), 'the failure');
    expect(text(q(view.root, '.export-bar .message.error'))).toContain('不是勾稽导出的审核日志');
    expect((q(view.root, '.export-bar button[name="csv"]') as HTMLButtonElement).disabled).toBe(false);

    const file = await exportJson({ query: '中宁县2019' }, logDb());
    expect(file.records.length).toBeGreaterThan(0);
    await clearLog(logDb());
    choose(view, JSON.stringify(file));
    await until(
      () => text(view.root.querySelector('.export-bar .message')).includes('已导入'),
      'the summary',
    );
    expect(sent.filter((m) => m.type === 'log-import')).toEqual([]);
    expect((await listLatest({}, logDb())).total).toBe(file.records.filter((r) => r.latest === 1).length);
    // put the shared log back for the other tests
    await writeBulk(logDb(), syntheticLog(PAGES));
    view.unmount();
  });
});
