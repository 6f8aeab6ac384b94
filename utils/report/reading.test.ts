import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { parseReport } from './parse';
import { readingRecord } from './reading';

// The reading record over the demo page, changed in the ways real pages differ: what it says about
// rows placed, numbers left over, rows no key took and cells not read plainly.

const SAMPLE = readFileSync(join(__dirname, '../../scripts/demo/sample-report.html'), 'utf8');
const URL = 'http://www.example.gov.cn/report.html';

const record = (html: string) => {
  const parsed = parseReport(documentFromHtml(html, URL), { url: URL });
  return readingRecord(parsed);
};
const t3 = (html: string) => record(html).tables.find((t) => t.table === 'applications')!;

describe('readingRecord', () => {
  it('maps each printed label to its row key and each header to its column key', () => {
    const table = t3(SAMPLE);
    const row = table.rows.find((r) => r.keys.includes('new'))!;
    expect(row).toMatchObject({
      cells: ['一、本年新收政府信息公开申请数量', '18', '4', '0', '1', '1', '0', '25'],
      label: '一、本年新收政府信息公开申请数量',
      keys: ['new'],
      status: 'placed',
      address: 'applications/new/NP',
    });
    expect(row.left).toBeUndefined();
    expect(table.columns.map((c) => c.key)).toEqual(['NP', 'BIZ', 'RES', 'SOC', 'LEG', 'OTH', 'TOT']);
    expect(table.columns[0]!.header).toMatch(/申请人情况 \/ 自然人$/);
    expect(table.rows.filter((r) => r.status === 'header').length).toBeGreaterThan(0);
  });

  it('says which numbers of a row no column took, and which row no key took', () => {
    const html = SAMPLE.replace(
      '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>18</td>',
      '<td colspan="3">一、本年新收政府信息公开申请数量</td><td>7</td><td>18</td>',
    ).replace(
      '<tr><td colspan="3">四、结转下年度继续办理</td>',
      '<tr><td colspan="3">五、补充统计</td><td>3</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>3</td></tr><tr><td colspan="3">四、结转下年度继续办理</td>',
    );
    const table = t3(html);
    const row = table.rows.find((r) => r.keys.includes('new'))!;
    // Values are a row's last seven cells: the extra 7 at its left is left over, said as such.
    expect(row.left).toEqual(['7']);
    expect(row.label).toBe('一、本年新收政府信息公开申请数量 7');
    const extra = table.rows.find((r) => r.cells[0] === '五、补充统计')!;
    expect(extra).toMatchObject({ keys: [], status: 'unplaced' });
    expect(table.extra).toContain('五、补充统计');
  });

  it('lists blank and missing cells and the rows not read, with why', () => {
    const html = SAMPLE.replace(
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>2</td>',
      '<td colspan="3">二、上年结转政府信息公开申请数量</td><td>&nbsp;</td>',
    ).replace(/<tr><td colspan="3">四、结转下年度继续办理<\/td>.*?<\/tr>/, '');
    const table = t3(html);
    expect(table.flagged).toContainEqual({ row: 'carryIn', col: 'NP', raw: '', flags: ['blank'] });
    expect(table.missing).toContainEqual({ key: 'carryOut', why: 'not-found' });
    expect(table.complete).toBe(false);
  });

  it('gives every claim with its values and sentence, and the paragraph to find it by', () => {
    const claims = record(SAMPLE).claims;
    const received = claims.find((c) => c.kind === 'applicationsReceived')!;
    expect(received.sentence).toContain('全年共收到政府信息公开申请28件');
    expect(Object.values(received.values).map((v) => v.value)).toContain(28);
    expect(received.address).toMatch(/^paragraph\/p\d+$/);
  });
});
