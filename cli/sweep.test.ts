// @vitest-environment node

import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  EDUCATION,
  FINANCE,
  GOVERNMENT,
  LIST_PATHS,
  PARK,
  type Portal,
  servePortal,
  VIEWER_HREF,
} from '../tests/sweep/portal';
import type { SweepCliEntry } from './sweep';
import { runCli } from './testing';

// gouji --sweep against a fixture portal on 127.0.0.1 (tests/sweep/portal.ts): every link comes back
// with its status, the reports are checked across years and bodies, and the portal never sees more
// than two requests at a time.

let portal: Portal;
let outDir: string;
let sweep: Awaited<ReturnType<typeof runCli>>;
let entries: SweepCliEntry[];
const at = (path: string) => entries.filter((e) => e.source === `${portal.origin}${path}`);
const one = (path: string) => {
  const [entry, ...more] = at(path);
  expect(more).toEqual([]);
  return entry!;
};
const failed = (e: SweepCliEntry, spec: string) => e.findings.filter((f) => f.spec === spec);

beforeAll(async () => {
  portal = await servePortal();
  outDir = await mkdtemp(join(tmpdir(), 'gouji-sweep-out-'));
  sweep = await runCli('--sweep', portal.listUrl, '--json', '--delay', '0', '--out', outDir);
  entries = JSON.parse(sweep.out);
}, 60_000);
afterAll(async () => {
  await portal.close();
  await rm(outDir, { recursive: true, force: true });
});

describe('gouji --sweep', () => {
  it('reads the three list pages: TRS pages from createPageHTML, then 下一页; never the site home or another site', () => {
    const lists = portal.requests.filter((p) => /\/xxgk\/nb\/[^/]+$/.test(p) || p === '/');
    expect(lists).toEqual(LIST_PATHS);
    expect(new Set(entries.map((e) => e.listPage))).toEqual(
      new Set(LIST_PATHS.map((p) => `${portal.origin}${p}`)),
    );
    expect(one('/xxgk/nb/2021/edu-2020.html').listPage).toBe(`${portal.origin}${LIST_PATHS[2]}`);
  });

  it('gives every listed link once, with its listed title and the right status', () => {
    expect(entries.map((e) => e.source).sort()).toEqual([...portal.links.keys()].sort());
    for (const e of entries) expect(e.listedTitle).toBe(portal.links.get(e.source));
    const status = Object.fromEntries(entries.map((e) => [e.source.replace(portal.origin, ''), e.status]));
    expect(Object.values(status).filter((s) => s === 'audited')).toHaveLength(13);
    expect(status).toMatchObject({
      '/xxgk/nb/2024/news-tuijinhui.html': 'not-a-report',
      '/xxgk/nb/2024/health-2023.pdf': 'unreadable',
      '/xxgk/nb/2022/gone.html': 'fetch-failed',
      '/xxgk/nb/2021/edu-2020.html': 'audited',
    });
    // read by utils/source, which cannot make a report of this placeholder; the note says why
    expect(one('/xxgk/nb/2024/health-2023.pdf').note).toMatch(/^PDF: ./);
    expect(one('/xxgk/nb/2022/gone.html').note).toBe('HTTP 404');
    expect(sweep.code).toBe(3);
    expect(sweep.err).toContain('列表页 3 个，链接 16 个：已审核 13');
  });

  it('follows a pdf.js 全真版 viewer to the PDF in its ?file= and reads that', () => {
    const viewer = one(VIEWER_HREF);
    expect(viewer).toMatchObject({ status: 'audited', agency: PARK, year: 2020, format: '2019' });
    expect(viewer.tables.applications?.new?.TOT?.value).toBeTypeOf('number');
    expect(portal.requests).toContain('/xxgk/nb/2021/park-2020.pdf');
    // the shell page itself is not fetched: it holds no report
    expect(portal.requests).not.toContain('/pdfjs/web/viewer.html');
  });

  it('reads each report as a file audit would: body, year, tables', () => {
    const gov = one('/xxgk/nb/2024/gov-2023.html');
    expect(gov).toMatchObject({
      isReport: true,
      agency: GOVERNMENT,
      year: 2023,
      format: '2021',
      publishedAt: '2024-01-20',
    });
    expect(gov.tables.applications?.new?.TOT?.value).toBe(5);
    // GBK, and a 503 on the first try
    const gbk = one('/xxgk/nb/2022/zn-gyhxxh-2021.html');
    expect(gbk).toMatchObject({ status: 'audited', agency: '中宁县工业和信息化局', year: 2021 });
    expect(portal.requests.filter((p) => p === '/xxgk/nb/2022/zn-gyhxxh-2021.html')).toHaveLength(2);
  });

  it('runs the cross-year checks between the years found', () => {
    const [carry] = failed(one('/xxgk/nb/2023/edu-2022.html'), 'XYR-01');
    expect(carry).toMatchObject({ outcome: 'fail', severity: 'error' });
    expect(carry!.message.zh).toContain(`${EDUCATION}2021年`);
    expect(failed(one('/xxgk/nb/2024/edu-2023.html'), 'XYR-01')).toEqual([]);
  });

  it('checks across bodies: one body twice for a year, a government below its departments', () => {
    const a = failed(one('/xxgk/nb/2024/fin-2023.html'), 'XBD-01');
    const b = failed(one('/xxgk/nb/2024/fin-2023-gz.html'), 'XBD-01');
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a[0]!.message.zh).toContain('fin-2023-gz.html');
    const [below] = failed(one('/xxgk/nb/2024/gov-2023.html'), 'XBD-02');
    // 示例县教育局 4 + 示例县财政局 3 and 4 (both listings) > 5
    expect(below).toMatchObject({ severity: 'warning', actual: 5, expected: 11 });
    expect(below!.message.zh).toContain(FINANCE);
    expect(failed(one('/xxgk/nb/2023/gov-2022.html'), 'XBD-02')).toEqual([]);
  });

  it('never had more than two requests in flight to the portal', () => {
    const max = portal.maxInFlight();
    expect([...max.keys()]).toEqual([`127.0.0.1:${portal.port}`]);
    expect(max.get(`127.0.0.1:${portal.port}`)).toBe(2);
  });

  it('writes a worksheet that opens, with a row per link, a row per finding and the body × year grid', async () => {
    const sheets = await readXlsxFile(await readFile(join(outDir, 'gouji-sweep.xlsx')));
    expect(sheets.map((s) => s.sheet)).toEqual(['报告', '问题', '机关×年度']);
    const [reports, findings, grid] = sheets.map((s) => s.data);
    expect(reports![0]!.slice(0, 2)).toEqual(['机关', '年度']);
    expect(reports!.slice(1)).toHaveLength(16);
    const urlColumn = reports![0]!.indexOf('链接');
    expect(
      reports!
        .slice(1)
        .map((r) => r[urlColumn])
        .sort(),
    ).toEqual([...portal.links.keys()].sort());
    const dead = reports!.find((r) => r[urlColumn] === `${portal.origin}/xxgk/nb/2022/gone.html`)!;
    // a dead link still names its body and year, from the listed title
    expect(dead.slice(0, 2)).toEqual(['示例县住房和城乡建设局', 2021]);
    expect(dead).toContain('获取失败');
    const total = entries.reduce((n, e) => n + e.findings.length, 0);
    expect(findings!.slice(1)).toHaveLength(total);
    const xbd = findings!.find((r) => r[2] === 'XBD-02')!;
    expect(xbd.slice(0, 4)).toEqual([GOVERNMENT, 2023, 'XBD-02', '警告']);
    expect(String(xbd[6])).toContain('新收'); // the cell, named, with its value
    expect(String(xbd[6])).toContain('= 5');
    expect(grid![0]).toEqual(['机关', 2020, 2021, 2022, 2023]);
    const row = (body: string) => grid!.find((r) => r[0] === body)!;
    expect(row(EDUCATION)[3]).toMatch(/^✗2/); // XYR-01 on 2022, NP and TOT
    expect(row(GOVERNMENT)[1]).toBe('缺'); // no 2020 report listed
    expect(row(FINANCE)[4]).toContain('×2'); // listed twice
    expect(row('示例县住房和城乡建设局')[2]).toBe('获取失败');
  });

  it('stops at --max-pages and says how many pages it did not read', async () => {
    const { code, out, err } = await runCli(
      '--sweep',
      portal.listUrl,
      '--json',
      '--delay',
      '0',
      '--max-pages',
      '1',
    );
    const few: SweepCliEntry[] = JSON.parse(out);
    expect(few).toHaveLength(7);
    expect(new Set(few.map((e) => e.listPage))).toEqual(new Set([portal.listUrl]));
    expect(err).toContain('还有 1 个列表页未读取');
    expect(code).toBe(3);
  });

  it('sweeps a saved list page from where it was saved, and writes the JSON to --out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'gouji-sweep-'));
    try {
      const html = await (await fetch(`${portal.origin}${LIST_PATHS[2]}`)).text();
      const saved = join(dir, 'list.html');
      await writeFile(saved, `<!-- saved from url=(0000)${portal.origin}${LIST_PATHS[2]} -->\n${html}`);
      const { code, out } = await runCli(
        '--sweep',
        saved,
        '--json',
        '--delay',
        '0',
        '--out',
        join(dir, 'out'),
      );
      const got: SweepCliEntry[] = JSON.parse(out);
      expect(got.filter((e) => e.status === 'audited').map((e) => e.year)).toContain(2020);
      expect(JSON.parse(await readFile(join(dir, 'out', 'gouji-sweep.json'), 'utf8'))).toEqual(got);
      expect(code).toBe(3);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    // the whole list again, its PDF included
  }, 30_000);

  it('gives each page --time-limit seconds: a page not read in time is an unreadable link, the sweep goes on', async () => {
    // every read of the clock a minute after the last: each page runs out at its first boundary
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 60_001));
    let run: Awaited<ReturnType<typeof runCli>>;
    try {
      run = await runCli('--sweep', portal.listUrl, '--json', '--delay', '0', '--max-pages', '1');
    } finally {
      clock.mockRestore();
    }
    const entries: SweepCliEntry[] = JSON.parse(run.out);
    expect(entries).toHaveLength(7);
    expect(entries.filter((e) => e.status === 'audited')).toEqual([]);
    // the five report pages of the first list page (the PDF's reader trips on the mocked clock itself)
    const timedOut = entries.filter((e) => e.status === 'unreadable');
    expect(timedOut.map((e) => e.note).filter((n) => n?.startsWith('未读取'))).toEqual(
      Array(5).fill('未读取：超过 60 秒仍未读完 / not read: reading took longer than 60 s'),
    );
    expect(run.code).toBe(3);
  });

  it('refuses bad usage', async () => {
    expect((await runCli('--sweep', portal.listUrl, '--time-limit', 'soon')).code).toBe(2);
    expect((await runCli('--sweep', portal.listUrl, '--max-pages', '0')).code).toBe(2);
    expect((await runCli('--sweep', portal.listUrl, 'extra.html')).code).toBe(2);
  });
});
