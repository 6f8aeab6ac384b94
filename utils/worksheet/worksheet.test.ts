// @vitest-environment node

import { inflateRawSync } from 'node:zlib';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../audit/result';
import { modelBuilder } from '../rules/testing/model-builder';
import { fromLog, type WorksheetReport, worksheetSheets } from './worksheet';
import { columnName, worksheetXlsx } from './xlsx';

const finding = (spec: string, severity: Finding['severity'], extra: Partial<Finding> = {}): Finding => ({
  rule: spec,
  spec,
  outcome: 'fail',
  severity,
  message: { zh: `${spec} 新收 3 + 结转 0 ≠ 4`, en: `${spec} new 3 + carried 0 ≠ 4` },
  cells: ['applications/new/TOT'],
  fingerprint: `fp-${spec}`,
  ...extra,
});
const model = modelBuilder('2021').set('applications/new/TOT', 3).build();
const report = (over: Partial<WorksheetReport>): WorksheetReport => ({
  url: 'http://x.gov.cn/a.html',
  title: '某县教育局2022年政府信息公开工作年度报告',
  agency: '某县教育局',
  year: 2022,
  format: '2021',
  publishedAt: '2023-01-10',
  status: 'audited',
  findings: [],
  model,
  ...over,
});

/** One file of a zip (the .xlsx), read through its central directory. */
function unzip(bytes: Buffer, name: string): string {
  const eocd = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = bytes.readUInt32LE(eocd + 16);
  for (let i = 0; i < bytes.readUInt16LE(eocd + 10); i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const [n, e, c] = [bytes.readUInt16LE(at + 28), bytes.readUInt16LE(at + 30), bytes.readUInt16LE(at + 32)];
    const local = bytes.readUInt32LE(at + 42);
    if (bytes.toString('utf8', at + 46, at + 46 + n) === name) {
      const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
      const data = bytes.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + n + e + c;
  }
  throw new Error(`${name} not in the zip`);
}

describe('worksheetSheets', () => {
  const reports = [
    report({
      findings: [finding('T3-01', 'error'), finding('FMT-12', 'warning')],
      publishedAt: '2023-03-01',
    }),
    report({ year: 2020, url: 'http://x.gov.cn/b.html', title: '标题 "带引号"', findings: [] }),
    report({
      url: 'http://x.gov.cn/c.pdf',
      status: 'unreadable',
      note: 'PDF',
      title: null,
      agency: null,
      year: null,
      model: null,
      listedTitle: '某县财政局2021年政府信息公开工作年度报告',
    }),
  ];
  const [sheet, findings, grid] = worksheetSheets(reports, 'zh');

  it('has a row per report with its counts, on-time mark, status and a link that cannot break out', () => {
    expect(sheet!.data).toHaveLength(4);
    const first = sheet!.data[1]!;
    expect(first[0]).toBe('某县教育局');
    expect(first[5]).toMatchObject({ value: '逾期' });
    expect(first[7]).toMatchObject({ value: 1, backgroundColor: expect.any(String) });
    expect(sheet!.data[2]![2]).toMatchObject({
      type: 'Formula',
      value: 'HYPERLINK("http://x.gov.cn/b.html","标题 ""带引号""")',
    });
    expect(sheet!.data[2]![5]).toMatchObject({ value: '按时' });
    // unread: body and year from the listed title, no counts
    expect(sheet!.data[3]!.slice(0, 2)).toEqual(['某县财政局', 2021]);
    expect(sheet!.data[3]![6]).toMatchObject({ value: '无法读取' });
    expect(sheet!.data[3]![7]).toBeNull();
  });

  it('has a row per finding with the arithmetic in words and the cells with their values', () => {
    expect(findings!.data).toHaveLength(3);
    const row = findings!.data[1]!;
    expect(row.slice(0, 3)).toEqual(['某县教育局', 2022, 'T3-01']);
    expect(row[3]).toMatchObject({ value: '错误' });
    expect(row[5]).toMatchObject({ value: 'T3-01 新收 3 + 结转 0 ≠ 4' });
    expect((row[6] as { value: string }).value).toMatch(/= 3$/);
  });

  it('grids bodies by years over the whole span: missing, late, errors, unread', () => {
    expect(
      grid!.data[0]!.map((c) => (typeof c === 'object' && c ? (c as { value: unknown }).value : c)),
    ).toEqual(['机关', 2020, 2021, 2022]);
    const edu = grid!.data.find((r) => r[0] === '某县教育局')!;
    expect(edu[1]).toMatchObject({ value: '无问题' });
    expect(edu[2]).toMatchObject({ value: '缺' });
    expect(edu[3]).toMatchObject({ value: '✗1 !1 逾期' });
    const fin = grid!.data.find((r) => r[0] === '某县财政局')!;
    expect(fin[2]).toMatchObject({ value: '无法读取' });
  });

  it('carries the reviewer’s verdicts and notes from the log', () => {
    const record = {
      url: 'http://x.gov.cn/a.html',
      urlKey: 'x.gov.cn/a.html',
      title: 't',
      agency: 'a',
      year: 2022,
      format: '2021',
      publishedAt: null,
      findings: [finding('T3-01', 'error')],
      model,
    } as unknown as Parameters<typeof fromLog>[0][number];
    const [r] = fromLog(
      [record],
      [
        {
          urlKey: 'x.gov.cn/a.html',
          fingerprint: 'fp-T3-01',
          verdict: 'confirmed',
          note: '已通知整改',
          updatedAt: 1,
        },
      ],
    );
    const [, rows] = worksheetSheets([r!], 'zh');
    expect(rows!.data[1]!.slice(9, 11)).toEqual(['已确认', '已通知整改']);
  });
});

describe('worksheetXlsx', () => {
  it('names columns A…Z, AA…', () => {
    expect([0, 25, 26, 51, 52].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'BA']);
  });

  it('writes a file that reads back, with frozen headers and a filter over the report and finding sheets', async () => {
    const blob = await worksheetXlsx([report({ findings: [finding('T3-01', 'error')] })], 'en');
    const bytes = Buffer.from(await blob.arrayBuffer());
    const sheets = await readXlsxFile(bytes);
    expect(sheets.map((s) => s.sheet)).toEqual(['Reports', 'Findings', 'Body × year']);
    expect(sheets[0]!.data[1]![0]).toBe('某县教育局');
    expect(sheets[1]!.data[1]![2]).toBe('T3-01');
    const first = unzip(bytes, 'xl/worksheets/sheet1.xml');
    expect(first).toContain('<autoFilter ref="A1:M2"/>');
    expect(first).toMatch(/<pane ySplit="1"/);
    expect(unzip(bytes, 'xl/worksheets/sheet2.xml')).toContain('<autoFilter ref="A1:L2"/>');
    expect(unzip(bytes, 'xl/worksheets/sheet3.xml')).not.toContain('<autoFilter');
  });

  // write-excel-file 4.1.1 has no hyperlink cells (no <hyperlinks> element, no relationship per
  // link; its README and source have none), so a title links back to its report by a HYPERLINK
  // formula, and the link column holds the address as plain text for readers that do not compute
  // formulas: read-excel-file reads a formula cell without a cached value as empty.
  it('links each title back to its report by a formula, and keeps the address as text beside it', async () => {
    const url = 'http://x.gov.cn/nb/2023.html?id=1&x=2';
    const blob = await worksheetXlsx(
      [report({ url, title: '某县教育局2023年"年报"', findings: [finding('T3-01', 'error')] })],
      'zh',
    );
    const bytes = Buffer.from(await blob.arrayBuffer());
    const [reports, findings] = (await readXlsxFile(bytes)).map((s) => s.data);
    const title = reports![0]!.indexOf('标题');
    const link = reports![0]!.indexOf('链接');
    expect(reports![1]![link]).toBe(url);
    expect(reports![1]![title]).toBeNull();
    const fromXml = (xml: string) => xml.replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const formula = /<c r="C2"[^>]*><f>([^<]*)<\/f><\/c>/.exec(unzip(bytes, 'xl/worksheets/sheet1.xml'))?.[1];
    expect(fromXml(formula ?? '')).toBe(`HYPERLINK("${url}","某县教育局2023年""年报""")`);
    // the findings sheet links each finding to its report the same way
    expect(fromXml(unzip(bytes, 'xl/worksheets/sheet2.xml'))).toContain(`<f>HYPERLINK("${url}",`);
    expect(findings).toHaveLength(2);
  });
});
