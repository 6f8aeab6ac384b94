// @vitest-environment node

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Explained } from './explain';
import { runCli } from './testing';

const PAGES = join(__dirname, '../tests/fixtures/pages');
const DOCUMENTS = join(__dirname, '../tests/fixtures/documents');

const explainJson = async (path: string): Promise<Explained> => {
  const { code, out } = await runCli('--explain', '--json', path);
  expect(code).toBe(0);
  return JSON.parse(out) as Explained;
};

describe('gouji --explain on pages', () => {
  it('prints each table row as read with the row key its label mapped to, and the headers over the column keys', async () => {
    const { code, out, err } = await runCli('--explain', join(PAGES, '2021/seed003-word.html'));
    expect(code).toBe(0);
    expect(err).toBe('');
    const lines = out.split('\n');
    expect(lines).toContain('读取状态：表格和正文均已读取');
    expect(lines).toContain('── 表三 收到和处理申请：读到 28 行，来自 1 个表格元素');
    expect(lines).toContain('    #4 申请人情况 / 自然人 → NP');
    expect(lines).toContain('    #10 申请人情况 / 总计 → TOT');
    expect(lines).toContain('     4 │ 一、本年新收政府信息公开申请数量 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 → new');
    expect(lines).toContain(
      '     8 │ 三、本年度办理结果 │ (三) 不予公开 │ 1. 属于国家秘密 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 → r3_1',
    );
    // 表二's blocks each have their own header row: a column key takes the header above its block.
    expect(lines).toContain('    #2 第二十条第（五）项 / 本年处理决定数量 → decisions');
    expect(lines).toContain('     7 │ 行政许可 │ 33 │ · │ · → art20_5.licensing');
    // 表四's one data row holds the three blocks, by position under its header.
    expect(lines).toContain('    #6 行政诉讼 / 未经复议直接起诉 / 结果 维持 → litDirect·upheld');
    // The narrative: its headings, and each claim with its values and its sentence.
    expect(lines).toContain('    三、收到和处理政府信息公开申请情况');
    expect(lines).toContain('  正文中读出的说法（12 条）');
    // the channel counts ARI-05 compares, the second with the year its clause names
    expect(out).toContain('    各渠道发布数量（channelCount） website count=14（14条）  p5\n');
    expect(out).toContain('    各渠道发布数量（channelCount） website count=14（14条） year:2021  p8\n');
    expect(out).toMatch(
      /总数与分项（totalWithParts） 公开本部门信息 total=37（37条） part1:网站发布=14（14条） part2:新媒体发布=23（23条） 其中 {2}p5\n {6}「公开本部门信息 37 条。其中，网站发布 14 条，新媒体发布 23 条」/,
    );
    expect(out).toContain(
      '    未收到申请（noApplications）  p6\n      「2021 年，未收到政府信息公开申请。」',
    );
    // A 2021 report has no statistics table: nothing said about one.
    expect(out).not.toContain('统计表');
  });

  it('says which rows were guessed, short or unplaced and which labels and cells were not read plainly', async () => {
    const { out } = await runCli('--explain', '--lang', 'en', join(PAGES, '2019/seed001-word.html'));
    const lines = out.split('\n');
    expect(lines).toContain('Read state: Partly read: Table 3 · applications: partly read (3 rows not read)');
    // each claim by its kind's name in the user's language, then its id
    expect(lines).toContain(
      '    statistics period (statisticsPeriod) startYear=2019 startMonth=1 startDay=1 endMonth=12 endDay=31 endYear=2019  p3',
    );
    // Seed 001's 予以公开 row lost its label: placed by its neighbours, its numbers flagged.
    expect(lines).toContain(
      '     6 │ 三、本年 度办 理结果 │ · │ 0 │ 0 │ 0 │ 0 │ 4 → r1 · label lost, placed by its neighbours',
    );
    expect(lines).toContain('    r1: its label was lost; placed by its neighbours');
    expect(lines).toContain('    r5_2: the row has too few values');
    expect(lines).toContain('    new ← 一、才本年新州女政府信息公开申请数量');
    expect(lines).toContain(
      '    r1: NP missing, BIZ missing, RES garbled「0」, SOC garbled「0」, LEG garbled「0」, OTH garbled「0」, TOT garbled「4」',
    );
    expect(lines).toContain('    art20_9.procurement: projects not a number「45996.82万元」, amount blank');
  });

  it('gives the same as one JSON object with --json', async () => {
    const e = await explainJson(join(PAGES, '2021/seed003-word.html'));
    expect(Object.keys(e)).toEqual([
      'source',
      'isReport',
      'title',
      'format',
      'input',
      'document',
      'read',
      'tables',
      'headings',
      'paragraphs',
      'claims',
    ]);
    expect(e).toMatchObject({ isReport: true, format: '2021', input: 'html', document: [] });
    expect(e.read).toEqual({ level: 'complete', reasons: [] });
    const t3 = e.tables.find((t) => t.table === 'applications')!;
    expect(t3).toMatchObject({ found: true, complete: true, elements: 1, missing: [], extra: [] });
    expect(t3.columns.map((c) => [c.key, c.column, c.header])).toEqual([
      ['NP', 4, '申请人情况 / 自然人'],
      ['BIZ', 5, '申请人情况 / 法人或其他组织 / 商业企业'],
      ['RES', 6, '申请人情况 / 法人或其他组织 / 科研机构'],
      ['SOC', 7, '申请人情况 / 法人或其他组织 / 社会公益组织'],
      ['LEG', 8, '申请人情况 / 法人或其他组织 / 法律服务机构'],
      ['OTH', 9, '申请人情况 / 法人或其他组织 / 其他'],
      ['TOT', 10, '申请人情况 / 总计'],
    ]);
    expect(t3.rows.map((r) => r.status).slice(0, 4)).toEqual(['header', 'header', 'header', 'placed']);
    expect(t3.rows[3]).toEqual({
      n: 4,
      cells: ['一、本年新收政府信息公开申请数量', '0', '0', '0', '0', '0', '0', '0'],
      label: '一、本年新收政府信息公开申请数量',
      keys: ['new'],
      status: 'placed',
      address: 'applications/new/NP',
    });
    expect(t3.rows.flatMap((r) => r.keys)).toHaveLength(25);
    const t4 = e.tables.find((t) => t.table === 'reviews')!;
    expect(t4.rows[3]!.keys).toEqual(['rev', 'litDirect', 'litAfterRev']);
    expect(e.claims.find((c) => c.kind === 'totalWithParts' && c.subject === '公开本部门信息')).toEqual({
      kind: 'totalWithParts',
      subject: '公开本部门信息',
      values: {
        total: { raw: '37条', value: 37 },
        'part1:网站发布': { raw: '14条', value: 14 },
        'part2:新媒体发布': { raw: '23条', value: 23 },
      },
      qualifiers: ['其中'],
      sentence: '公开本部门信息 37 条。其中，网站发布 14 条，新媒体发布 23 条',
      paragraph: 'p5',
      address: 'paragraph/p5',
    });
  });

  it('refuses --fail-on with --explain (it audits nothing)', async () => {
    const { code } = await runCli('--explain', '--fail-on', 'error', join(PAGES, '2021/seed003-word.html'));
    expect(code).toBe(2);
  });

  it('says a page is no report, and explains what little it read', async () => {
    const { code, err, out } = await runCli('--explain', join(PAGES, 'negative/news-related-reading.html'));
    expect(code).toBe(0);
    expect(err).toMatch(/不是政府信息公开工作年度报告/);
    expect(out).toBe(`━━ ${join(PAGES, 'negative/news-related-reading.html')}`);
  });
});

describe('gouji --explain on documents', () => {
  it('tells how a PDF was read, and the page and box of each row and claim', {
    timeout: 60_000,
  }, async () => {
    const e = await explainJson(join(DOCUMENTS, 'seed000.pdf'));
    expect(e.input).toBe('pdf');
    expect(e.document.join('\n')).toMatch(/PDF 7 页：8 个表格（由 \d+ 条表格线重建，3 处跨页续表已合并）/);
    const t2 = e.tables.find((t) => t.table === 'active')!;
    // 表二 is five tables in the PDF, joined by its blocks.
    expect(t2.elements).toBe(5);
    const licensing = t2.rows.find((r) => r.keys.includes('art20_5.licensing'))!;
    expect(licensing.cells).toEqual(['行政许可', '0', '0', '0']);
    expect(licensing.at).toMatch(/^p\.4 \[/);
    const t3 = e.tables.find((t) => t.table === 'applications')!;
    expect(t3.rows.find((r) => r.keys.includes('new'))!.at).toMatch(/^p\.5 \[/);
    const rate = e.claims.find((c) => c.kind === 'rate')!;
    expect(rate.values.numerator!.value).toBe(45);
    expect(rate.sentence).toBe('及时办理信访案件，园区累计处理信访交办件45件，已办结45件，办结率100%。');
    expect(rate.at).toMatch(/^p\.3 \[/);
  });

  it('gives the lines of a text report, and its guessed and short rows', async () => {
    const { out } = await runCli('--explain', join(DOCUMENTS, 'seed001.tabs.txt'));
    expect(out).toContain(
      '  · 第 72–97 行：表格（制表符分隔 / tab-separated），26 行 / lines 72–97: a table (tab-separated), 26 rows',
    );
    expect(out).toMatch(
      /\n +\d+ │ 一、才 │ 本年新州 │ 女政府信息公开申请数量 │ 3 │ 2 │ 0 │ 0 │ 0 │ 0 │ 5 → new {2}\[line 75\]\n/,
    );
    expect(out).toContain('    r1：标签缺失，按相邻行推定');
    expect(out).toMatch(/统计期间（statisticsPeriod） [^\n]*startYear=2019[^\n]* {2}p4 \[line 7\]/);
  });

  it('tells how a DOCX was read, with the place of each row', async () => {
    const e = await explainJson(join(DOCUMENTS, 'seed004.docx'));
    expect(e.document[0]).toMatch(/^DOCX（mammoth 转换）：6 个表格（29 个合并单元格）/);
    const t3 = e.tables.find((t) => t.table === 'applications')!;
    const carryOut = t3.rows.find((r) => r.keys.includes('carryOut'))!;
    expect(carryOut.status).toBe('placed');
    expect(carryOut.at).toMatch(/^table \d+ › row \d+ › cell 1$/);
  });
});
