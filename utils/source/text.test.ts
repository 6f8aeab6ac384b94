import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { parseReport } from '../report/parse';
import { readReport } from './index';
import { locationsOf } from './location';
import { textToHtml } from './text';

// The plain-text reader on small texts written for the test: both table layouts, labels
// wrapped over lines, page footers inside a table, paragraphs cut by hard wraps and page breaks.

const read = (text: string) => {
  const { html, explain } = textToHtml(text);
  const doc = documentFromHtml(html);
  return {
    doc,
    explain,
    rows: Array.from(doc.querySelectorAll('tr')).map((tr) =>
      Array.from(tr.children).map((td) => td.textContent),
    ),
  };
};

const T4_ALIGNED = [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议                                  行政诉讼',
  '结果维持  结果纠正  其他结果  尚未审结  总计  未经复议直接起诉  复议后起诉',
  '0         1         0         0         1     0  0  0  0  0   0  0  0  0  0',
].join('\n');

describe('textToHtml', () => {
  it('reads tab-separated rows cell by cell, keeping leading blanks and a blank within the width', () => {
    const { rows } = read(
      '第二十条第（九）项\t\t\n信息内容\t采购项目数量\t采购总金额\n政府集中采购\t3\t\t\t\n',
    );
    expect(rows).toEqual([
      ['第二十条第（九）项', '', ''],
      ['信息内容', '采购项目数量', '采购总金额'],
      ['政府集中采购', '3', ''],
    ]);
  });

  it('widens a label over the empty fields after it, which are not blank values', () => {
    const { doc } = read('标签\t甲\t乙\t丙\n三、\t\t\t0\t4\n\t1\t\t0\n');
    const cells = (n: number) =>
      Array.from(doc.querySelectorAll('tr')[n]!.children).map((c) => [
        c.textContent,
        c.getAttribute('colspan'),
      ]);
    expect(cells(1)).toEqual([
      ['三、', '3'],
      ['0', null],
      ['4', null],
    ]);
    // Between values an empty field is a blank value; at the start it stands under a row span.
    expect(cells(2)).toEqual([
      ['', null],
      ['1', null],
      ['', null],
      ['0', null],
    ]);
  });

  it('splits space-aligned columns, single-spaced numbers included', () => {
    const { rows } = read(T4_ALIGNED);
    expect(rows[2]).toEqual(['0', '1', '0', '0', '1', '0', '0', '0', '0', '0', '0', '0', '0', '0', '0']);
    expect(rows[1]).toEqual([
      '结果维持',
      '结果纠正',
      '其他结果',
      '尚未审结',
      '总计',
      '未经复议直接起诉',
      '复议后起诉',
    ]);
  });

  it('keeps a table across a page footer and a blank line, and joins a wrapped label', () => {
    const text = [
      '信息内容      上一年项目数量   本年增/减   处理决定数量',
      '行政许可      246              减45        52772',
      '',
      '- 3 -',
      '',
      '其他对外管理  285              减130       66184',
      '服务事项',
      '行政处罚      2279             0           23302',
    ].join('\n');
    const { rows, explain } = read(text);
    expect(rows).toEqual([
      ['信息内容', '上一年项目数量', '本年增/减', '处理决定数量'],
      ['行政许可', '246', '减45', '52772'],
      ['其他对外管理服务事项', '285', '减130', '66184'],
      ['行政处罚', '2279', '0', '23302'],
    ]);
    expect(explain.join('\n')).toMatch(/跳过页脚 1 行.*1 行短文字并入/);
  });

  it('joins hard-wrapped lines and a paragraph cut by a page break, not headings', () => {
    const long =
      '宁夏中宁工业园区管理委员会深入学习贯彻党的十九届四中、五中全会精神，全面落实党中央、国务院全面推进政务公开工作的决策部署，不断提高政府信息公开质量';
    const { doc } = read(
      [
        '某某县人民政府',
        '2020年政府信息公开工作年度报告',
        '',
        '一、总体情况',
        long,
        '',
        '第 2 页',
        '',
        '和实效。',
        '（一）主动公开情况。',
      ].join('\n'),
    );
    const ps = Array.from(doc.querySelectorAll('h1, p')).map((p) => p.textContent);
    expect(ps).toEqual([
      '某某县人民政府2020年政府信息公开工作年度报告',
      '一、总体情况',
      `${long}和实效。`,
      '（一）主动公开情况。',
    ]);
  });

  it('stamps every cell and paragraph with its lines, which the parser map turns into locations', () => {
    const text = `某县2021年政府信息公开工作年度报告\n\n三、收到和处理政府信息公开申请情况\n${T4_ALIGNED}`;
    const { doc } = read(text);
    const { model, elements } = parseReport(doc);
    expect(model.tables.reviews?.rev?.corrected?.value).toBe(1);
    const locations = locationsOf(elements);
    expect(locations['reviews/rev/corrected']).toEqual({ kind: 'text', lines: [7, 7] });
  });

  it('reads a wider gap in a space-aligned row as a blank cell at its column, flagged as placed', async () => {
    const text = [
      '某县2021年政府信息公开工作年度报告',
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议                                          行政诉讼',
      '结果维持  结果纠正  其他结果  尚未审结  总计      未经复议直接起诉                                  复议后起诉',
      '                                                  结果维持  结果纠正  其他结果  尚未审结  总计      结果维持  结果纠正  其他结果  尚未审结  总计',
      // 复议 其他结果 and 直接起诉 尚未审结 are blank: two cells, one gap each.
      '1         2                   3         6         0         0         0                   0         0         0         0         0         0',
    ].join('\n');
    const { rows } = read(text);
    expect(rows[3]).toEqual(['1', '2', '', '3', '6', '0', '0', '0', '', '0', '0', '0', '0', '0', '0']);
    // Through readReport, which honours the placed mark of its own synthetic page.
    const report = await readReport(
      new TextEncoder().encode(text),
      { name: 'r.txt' },
      { parseHtml: documentFromHtml },
    );
    const model = report.parsed!.model;
    const rev = model.tables.reviews!.rev!;
    expect(rev.other).toEqual({ raw: '', value: 0, flags: ['blank', 'garbled'] });
    expect(rev.pending).toEqual({ raw: '3', value: 3, flags: ['garbled'] });
    expect(model.tables.reviews!.litDirect!.pending).toMatchObject({ value: 0, flags: ['blank', 'garbled'] });
    expect(model.tableInfo.reviews.complete).toBe(true);
  });

  it('names a column no row fills from the header, and leaves a row shifted into the labels as read', () => {
    const { rows } = read(
      [
        '信息内容      甲      乙      丙',
        '行政许可      1               3',
        '行政处罚      2               4',
        '其他  5  6  7',
      ].join('\n'),
    );
    expect(rows).toEqual([
      ['信息内容', '甲', '乙', '丙'],
      ['行政许可', '1', '', '3'],
      ['行政处罚', '2', '', '4'],
      ['其他', '5', '6', '7'],
    ]);
  });

  it('honours the placed mark only in its own synthetic page: a web page cannot make a check uncertain', async () => {
    const text = readFileSync(
      join(__dirname, '../../tests/fixtures/pages/2021/seed004-ueditor.html'),
      'utf8',
    );
    const page = text.replace(/<td(?=[\s>])/g, '<td data-gouji-placed');
    const report = await readReport(
      new TextEncoder().encode(page),
      { name: 'p.html' },
      { parseHtml: documentFromHtml },
    );
    const cells = Object.values(report.parsed!.model.tables.applications!).flatMap((r) => Object.values(r));
    expect(cells.length).toBeGreaterThan(100);
    expect(cells.filter((c) => c.flags.includes('garbled'))).toEqual([]);
  });
});
