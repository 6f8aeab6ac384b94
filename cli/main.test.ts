// @vitest-environment node

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as source from '../utils/source/index';
import { LoadError, load } from './load';
import { runCli } from './testing';

// One input that throws must not stop the batch: the reader can be made to throw per test.
vi.mock('../utils/source/index', async (original) => {
  const actual = await original<typeof import('../utils/source/index')>();
  return { ...actual, readReport: vi.fn(actual.readReport) };
});

const PAGES = join(__dirname, '../tests/fixtures/pages');
const ENCODED = join(__dirname, '../tests/fixtures/encoded');
const DOCUMENTS = join(__dirname, '../tests/fixtures/documents');

describe('gouji --json', () => {
  it('prints only a JSON array, one object per input, in the documented shape', async () => {
    const { code, out, err } = await runCli(join(PAGES, '2019/seed001-word.html'), '--json');
    expect(code).toBe(0);
    expect(err).toBe('');
    const [report] = JSON.parse(out);
    expect(Object.keys(report)).toEqual(
      expect.arrayContaining([
        'source',
        'isReport',
        'title',
        'agency',
        'year',
        'publishedAt',
        'format',
        'tables',
        'findings',
        'counts',
      ]),
    );
    expect(report).toMatchObject({ isReport: true, year: 2019, format: '2019', agency: '中宁县人民政府' });
    expect(report.tables.applications.new.TOT).toEqual({ raw: '5', value: 5, flags: [] });
    expect(report.tables.reviews.rev.pending).toMatchObject({ value: 1 });
    expect(report.tables.legacy).toBeNull();
  });

  it('gives a clear line for a missing file and a non-report, and goes on with the other inputs', async () => {
    const { code, out, err } = await runCli(
      '/nonexistent/page.html',
      join(PAGES, '2021/seed004-word.html'),
      join(__dirname, '../tests/e2e/pages/news.html'),
      '--json',
    );
    expect(code).toBe(3);
    const reports = JSON.parse(out);
    expect(reports.map((r: { isReport: boolean }) => r.isReport)).toEqual([true, false]);
    expect(err).toMatch(/\/nonexistent\/page\.html: .*(文件不存在|not found)/);
    expect(err).toMatch(/news\.html: 不是政府信息公开工作年度报告/);
    expect(err.split('\n')).toHaveLength(2);
  });

  it('expands a folder into the pages it holds', async () => {
    const { out } = await runCli(join(PAGES, '2021'), '--json');
    expect(JSON.parse(out).length).toBeGreaterThanOrEqual(6);
  });
});

describe('gouji usage', () => {
  it.each([
    [[]],
    [['--bogus', 'x.html']],
    [['x.html', '--fail-on', 'sometimes']],
    [['x.html', '--lang', 'fr']],
  ])('exits 2 on bad usage: %j', async (argv) => {
    const { code, err } = await runCli(...argv);
    expect(code).toBe(2);
    expect(err).toMatch(/用法|usage/);
  });

  it('prints a readable summary without --json', async () => {
    const { code, out } = await runCli(join(PAGES, '2019/seed000-word.html'));
    expect(code).toBe(0);
    expect(out).toContain('宁夏中宁工业园区管理委员会');
    expect(out).toContain('2019年试行格式');
    expect(out).toMatch(/表三 收到和处理申请：完整/);
  });
});

describe('gouji --fail-on', () => {
  it('exits 1 when a finding of that severity or worse is present, 0 otherwise', async () => {
    // Seed 001's 行政复议 row sums to 1 against a total of 0 (T4-01, an error).
    expect((await runCli(join(PAGES, '2019/seed001-word.html'), '--json', '--fail-on', 'error')).code).toBe(
      1,
    );
    expect((await runCli(join(PAGES, '2021/seed003-word.html'), '--json', '--fail-on', 'error')).code).toBe(
      0,
    );
  });

  it('lists findings grouped by table with the arithmetic', async () => {
    const { out } = await runCli(join(PAGES, '2019/seed001-word.html'));
    expect(out).toMatch(/【表四 行政复议、行政诉讼】\n.*✗ 错误 T4-01/);
    expect(out).toContain('reviews/rev/total');
  });
});

describe('gouji cross-year in a batch', () => {
  const Y2022 = join(__dirname, '../scripts/demo/sample-report.html');
  const Y2023 = join(__dirname, '../tests/e2e/pages/xyr-2023.html');
  const specs = (report: { findings: { spec: string }[] }) => report.findings.map((f) => f.spec);

  it('checks carry-over against the same body’s report of the year before when both are given', async () => {
    const [, y2023] = JSON.parse((await runCli(Y2022, Y2023, '--json')).out);
    expect(specs(y2023)).toContain('XYR-01');
  });

  it('has nothing to compare with when the year before is not in the batch', async () => {
    const [y2023] = JSON.parse((await runCli(Y2023, '--json')).out);
    expect(specs(y2023)).not.toContain('XYR-01');
  });
});

describe('gouji encodings', () => {
  it('reads a GB2312-declared page', async () => {
    const [report] = JSON.parse((await runCli(join(ENCODED, 'seed003-gb2312.html'), '--json')).out);
    expect(report).toMatchObject({ isReport: true, agency: '中宁县工业和信息化局', year: 2021 });
  });

  it('reads an undeclared GBK page by falling back from UTF-8', async () => {
    const [report] = JSON.parse((await runCli(join(ENCODED, 'seed003-gbk-undeclared.html'), '--json')).out);
    expect(report).toMatchObject({ isReport: true, agency: '中宁县工业和信息化局' });
  });
});

describe('gouji URLs', () => {
  let server: Server;
  let base = '';
  beforeAll(async () => {
    const gbk = readFileSync(join(ENCODED, 'seed003-gbk-undeclared.html'));
    const text = readFileSync(join(DOCUMENTS, 'seed003.tabs.txt'));
    const pdf = readFileSync(join(DOCUMENTS, 'seed003.pdf'));
    server = createServer((req, res) => {
      if (req.url === '/report.htm') {
        res.writeHead(200, { 'content-type': 'text/html; charset=GBK' });
        res.end(gbk);
      } else if (req.url === '/download?id=3') {
        res.writeHead(200, { 'content-type': 'application/octet-stream' });
        res.end(text);
      } else if (req.url === '/seed.htm') {
        // A misconfigured server: plain text announced as HTML with no markup in it.
        res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(text);
      } else if (req.url === '/view?id=9') {
        // A PDF served as a web page, under a name that says nothing.
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        res.end(pdf);
      } else if (req.url === '/chart.png') {
        res.writeHead(200, { 'content-type': 'image/png' });
        res.end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      } else if (req.url === '/report.doc') {
        res.writeHead(200, { 'content-type': 'application/msword' });
        res.end(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
      } else {
        res.writeHead(404);
        res.end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches a page and honours the charset the server declares', async () => {
    const { out } = await runCli(`${base}/report.htm`, '--json');
    expect(JSON.parse(out)[0]).toMatchObject({ isReport: true, source: `${base}/report.htm`, year: 2021 });
  });

  it('reads a text report by its bytes, whatever the URL or the Content-Type says', async () => {
    for (const path of ['/download?id=3', '/seed.htm']) {
      const { code, out } = await runCli(`${base}${path}`, '--json');
      expect(code).toBe(0);
      expect(JSON.parse(out)[0]).toMatchObject({
        isReport: true,
        agency: '中宁县工业和信息化局',
        year: 2021,
      });
    }
  });

  it('reads a PDF by its %PDF- bytes though the server calls it HTML', { timeout: 60_000 }, async () => {
    const { code, out } = await runCli(`${base}/view?id=9`, '--json');
    expect(code).toBe(0);
    const [report] = JSON.parse(out);
    expect(report).toMatchObject({
      isReport: true,
      agency: '中宁县工业和信息化局',
      year: 2021,
      format: '2021',
    });
    expect(report.tables.active['art20_5.licensing'].decisions).toMatchObject({ value: 33 });
  });

  it('refuses an image before reading it, and a Word 97 file with a way out, exit 3', async () => {
    const { code, out, err } = await runCli(`${base}/chart.png`, `${base}/report.doc`, '--json');
    expect(code).toBe(3);
    expect(JSON.parse(out)).toEqual([]);
    expect(err.split('\n')).toEqual([
      `${base}/chart.png: 无法读取：image/png is not a document / 不是文档`,
      expect.stringMatching(/report\.doc: 旧版 Word.*另存为 DOCX 或 PDF/),
    ]);
  });

  it('cuts off a body larger than the cap', async () => {
    await expect(load(`${base}/download?id=3`, 1000)).rejects.toThrow(LoadError);
    await expect(load(`${base}/download?id=3`, 1000)).rejects.toThrow(/larger than/);
  });

  it('says which URL failed and why', async () => {
    const { code, err } = await runCli(`${base}/missing.htm`, '--json');
    expect(code).toBe(3);
    expect(err).toContain(`${base}/missing.htm: 无法读取：HTTP 404`);
  });
});

describe('gouji documents and local paths', () => {
  it('says a scanned PDF has no text layer, on one line, and goes on (exit 3)', {
    timeout: 60_000,
  }, async () => {
    const { code, out, err } = await runCli(
      join(DOCUMENTS, 'scanned.pdf'),
      join(DOCUMENTS, 'seed004.docx'),
      '--json',
    );
    expect(code).toBe(3);
    expect(err).toMatch(/^.*scanned\.pdf: 扫描件，没有文字层，无法审核$/);
    expect(err).not.toMatch(/不是政府信息公开工作年度报告/);
    expect(JSON.parse(out).map((r: { agency: string }) => r.agency)).toEqual(['青铜峡工业园区管委会']);
  });

  it('reads a plain-text report copied out of Word (tabs between cells)', async () => {
    const { code, out } = await runCli(join(DOCUMENTS, 'seed001.tabs.txt'), '--json');
    expect(code).toBe(0);
    const [report] = JSON.parse(out);
    expect(report).toMatchObject({ isReport: true, format: '2019', year: 2019, agency: '中宁县人民政府' });
    expect(report.tables.reviews.rev.pending).toMatchObject({ value: 1 });
    expect(
      report.findings
        .filter((f: { severity: string; outcome: string }) => f.severity === 'error' && f.outcome === 'fail')
        .map((f: { spec: string }) => f.spec),
    ).toEqual(['T4-01']);
  });

  it('takes a relative path for a local file with no host: no FMT-13 against a made-up site', async () => {
    const page = join(PAGES, '2021/seed003-word.html');
    const rel = relative(process.cwd(), page);
    expect(rel.startsWith('/')).toBe(false);
    const [fromRelative] = JSON.parse((await runCli(rel, '--json')).out);
    const [fromAbsolute] = JSON.parse((await runCli(page, '--json')).out);
    const fmt13 = (r: { findings: { spec: string; outcome: string }[] }) =>
      r.findings.filter((f) => f.spec === 'FMT-13' && f.outcome === 'fail');
    expect(fmt13(fromRelative)).toEqual([]);
    expect(fromRelative.findings).toEqual(fromAbsolute.findings);
  });

  it('reports an input that throws on its own line, goes on with the batch and exits 3 (not 1)', async () => {
    vi.mocked(source.readReport).mockRejectedValueOnce(new Error('boom'));
    const { code, out, err } = await runCli(
      join(PAGES, '2019/seed001-word.html'),
      join(PAGES, '2021/seed004-word.html'),
      '--json',
      '--fail-on',
      'warning',
    );
    expect(err).toMatch(/seed001-word\.html: 无法读取：boom/);
    expect(JSON.parse(out).map((r: { agency: string }) => r.agency)).toEqual(['青铜峡工业园区管委会']);
    expect(code).toBe(3);
  });

  /** The next input is read on a clock that moves a minute at every read: its parse runs out of time at once. */
  const nextInputSlow = async () => {
    const actual = await vi.importActual<typeof import('../utils/source/index')>('../utils/source/index');
    vi.mocked(source.readReport).mockImplementationOnce(async (...args) => {
      let now = 0;
      const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 60_001));
      try {
        return await actual.readReport(...args);
      } finally {
        clock.mockRestore();
      }
    });
  };

  it('reports an input that runs out of time as not read, on its own line, and goes on (exit 3)', async () => {
    await nextInputSlow();
    const { code, out, err } = await runCli(
      join(PAGES, '2019/seed001-word.html'),
      join(PAGES, '2021/seed004-word.html'),
      '--json',
    );
    expect(err).toBe(
      `${join(PAGES, '2019/seed001-word.html')}: 未读取：超过 60 秒仍未读完（可用 --time-limit 放宽）`,
    );
    expect(JSON.parse(out).map((r: { agency: string }) => r.agency)).toEqual(['青铜峡工业园区管委会']);
    expect(code).toBe(3);
  });

  it('--time-limit sets the seconds (0: none), and anything but a number of seconds is bad usage', async () => {
    await nextInputSlow();
    const limited = await runCli(join(PAGES, '2019/seed001-word.html'), '--time-limit', '90', '--lang', 'en');
    expect(limited.err).toMatch(/seed001-word\.html: not read: reading took longer than 90 s/);
    expect(limited.code).toBe(3);

    await nextInputSlow();
    const unlimited = await runCli(join(PAGES, '2019/seed001-word.html'), '--time-limit', '0', '--json');
    expect(unlimited.code).toBe(0);
    expect(JSON.parse(unlimited.out)[0]).toMatchObject({ isReport: true, agency: '中宁县人民政府' });

    expect((await runCli(join(PAGES, '2019/seed001-word.html'), '--time-limit', 'soon')).code).toBe(2);
    expect((await runCli(join(PAGES, '2019/seed001-word.html'), '--time-limit', '-1')).code).toBe(2);
  });
});

describe('gouji: what could not be read (issue 8)', () => {
  /** seed 003 with every table published as an image, as portals that post scans do. */
  const imagePage = () => {
    const dir = mkdtempSync(join(tmpdir(), 'gouji-cli-'));
    const html = readFileSync(join(PAGES, '2021/seed003-ueditor.html'), 'utf8').replace(
      /<table[\s\S]*?<\/table>/gi,
      '<p><img src="t.png" alt="表"></p>',
    );
    const file = join(dir, 'image-tables.html');
    writeFileSync(file, html);
    return file;
  };

  it('--json gives the read state with its reasons', async () => {
    const [report] = JSON.parse((await runCli(imagePage(), '--json')).out);
    expect(report.read.level).toBe('none');
    expect(report.read.reasons).toContainEqual({
      kind: 'table',
      table: 'applications',
      problem: 'not-in-dom',
    });
    const [whole] = JSON.parse((await runCli(join(PAGES, '2021/seed003-ueditor.html'), '--json')).out);
    expect(whole.read).toEqual({ level: 'complete', reasons: [] });
  });

  it('the readable summary says so, and never that no problem was found', async () => {
    const { out } = await runCli(imagePage());
    expect(out).toContain('未能读取表格');
    expect(out).toContain('表三 收到和处理申请：未找到（可能是图片或附件）');
    expect(out).not.toContain('未发现问题');
  });
});
