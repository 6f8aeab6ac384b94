import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { runAudit } from '../audit/run';
import { t3Rows } from './model';
import { parseReport } from './parse';

// Table shapes seen on real portals, each in the smallest page that shows it.

const TITLE = '<title>某县2021年政府信息公开工作年度报告</title>';
const page = (body: string, title = TITLE) => {
  const url = 'http://www.example.gov.cn/t.html';
  return parseReport(documentFromHtml(`<html><head>${title}</head><body>${body}</body></html>`, url), {
    url,
  });
};

const LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carryIn: '二、上年结转政府信息公开申请数量',
  r1: '（一）予以公开',
  r2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  r3_1: '1.属于国家秘密',
  r3_2: '2.其他法律行政法规禁止公开',
  r3_3: '3.危及“三安全一稳定”',
  r3_4: '4.保护第三方合法权益',
  r3_5: '5.属于三类内部事务信息',
  r3_6: '6.属于四类过程性信息',
  r3_7: '7.属于行政执法案卷',
  r3_8: '8.属于行政查询事项',
  r4_1: '1.本机关不掌握相关政府信息',
  r4_2: '2.没有现成信息需要另行制作',
  r4_3: '3.补正后申请内容仍不明确',
  r5_1: '1.信访举报投诉类申请',
  r5_2: '2.重复申请',
  r5_3: '3.要求提供公开出版物',
  r5_4: '4.无正当理由大量反复申请',
  r5_5: '5.要求行政机关确认或重新出具已获取信息',
  r6_1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  r6_2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  r6_3: '3.其他',
  r7: '（七）总计',
  carryOut: '四、结转下年度继续办理',
};

const T3_HEADER = `<tr><td rowspan="3" colspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr><td><p>商业</p><p>企业</p></td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>`;

/** 表三 rows with simple labels (no category cells): the 2021 rows, values from `value(row, col)`. */
function t3Body(value: (row: string, col: number) => string, rows = t3Rows('2021')) {
  return rows
    .map(
      (row) =>
        `<tr><td colspan="3">${LABELS[row]}</td>${[0, 1, 2, 3, 4, 5, 6].map((c) => `<td>${value(row, c)}</td>`).join('')}</tr>`,
    )
    .join('\n');
}

const T4 = (data: string[]) => `<table>
<tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr>
<tr><td rowspan="2">结果<br/>维持</td><td rowspan="2">结果<br/>纠正</td><td rowspan="2">其他<br/>结果</td><td rowspan="2">尚未<br/>审结</td><td rowspan="2">总计</td><td colspan="5">未经复议直接起诉</td><td colspan="5">复议后起诉</td></tr>
<tr>${'<td>结果维持</td><td>结果纠正</td><td>其他结果</td><td>尚未审结</td><td>总计</td>'.repeat(2)}</tr>
<tr>${data.map((d) => `<td>${d}</td>`).join('')}</tr></table>`;

const values = (table: Record<string, Record<string, { value: number | null }>> | null, row: string) =>
  Object.values(table?.[row] ?? {}).map((c) => c.value);

describe('表三 shapes', () => {
  it('reads a table continued in a second <table> without its header', () => {
    const rows = t3Rows('2021');
    const first = rows.slice(0, 12);
    const second = rows.slice(12);
    const v = (row: string, c: number) => String(rows.indexOf(row) * 10 + c);
    const model = page(
      `<table>${T3_HEADER}${t3Body(v, first)}</table><p>（续表）</p><table>${t3Body(v, second)}</table>`,
    ).model;
    expect(model.tableInfo.applications).toMatchObject({ found: true, complete: true });
    const base = rows.indexOf('carryOut') * 10;
    expect(values(model.tables.applications, 'carryOut')).toEqual([0, 1, 2, 3, 4, 5, 6].map((c) => base + c));
  });

  it('reads the report tables inside a layout table', () => {
    const inner = `<table>${T3_HEADER}${t3Body(() => '1')}</table>`;
    const model = page(`<table><tr><td><p>正文</p>${inner}</td></tr></table>`).model;
    expect(model.tableInfo.applications.complete).toBe(true);
    expect(model.paragraphs.map((p) => p.text)).toContain('正文');
  });

  it('accepts a 法人或其他组织小计 column and category subtotal rows, and reports them as extra', () => {
    const header = T3_HEADER.replace(
      '<td colspan="5">法人或其他组织</td>',
      '<td colspan="6">法人或其他组织</td>',
    ).replace('<td>其他</td></tr>', '<td>其他</td><td>小计</td></tr>');
    const rows = t3Rows('2021');
    const body = rows
      .flatMap((row) => {
        const cells = (n: number) => [n, 0, 0, 0, 0, 0, 0, n].map((x) => `<td>${x}</td>`).join('');
        const line = `<tr><td colspan="3">${LABELS[row]}</td>${cells(row === 'r1' ? 2 : 0)}</tr>`;
        return row === 'r3_1' ? [`<tr><td colspan="3">（三）不予公开</td>${cells(0)}</tr>`, line] : [line];
      })
      .join('');
    const { model } = page(`<table>${header}${body}</table>`);
    expect(Object.keys(model.tables.applications!.r1!)).toEqual([
      'NP',
      'BIZ',
      'RES',
      'SOC',
      'LEG',
      'OTH',
      'ORG',
      'TOT',
    ]);
    expect(model.tables.applications!.r3).toBeDefined();
    expect(model.tableInfo.applications.extra).toEqual(expect.arrayContaining(['法人或其他组织小计']));
    expect(model.tableInfo.applications.missingRows).toEqual([]);
  });

  it('right-aligns a short row and marks the lost cells missing, never zero', () => {
    const model = page(
      `<table>${T3_HEADER}${t3Body((row, c) => (row === 'r7' && c === 0 ? '' : '1')).replace(
        /<tr><td colspan="3">（七）总计<\/td><td><\/td>/,
        '<tr><td colspan="3">（七）总计</td>',
      )}</table>`,
    ).model;
    expect(model.tables.applications!.r7!.NP).toEqual({ raw: '', value: null, flags: ['missing'] });
    expect(model.tableInfo.applications.garbledRows).toContain('r7');
    expect(model.tableInfo.applications.complete).toBe(false);
  });

  it('reads the official merged layout: 三、 rowspan 22, categories beside their first item', () => {
    const rows = t3Rows('2021');
    const cells = (row: string) =>
      [0, 1, 2, 3, 4, 5, 6].map((c) => `<td>${rows.indexOf(row) + c}</td>`).join('');
    const category: Record<string, string> = {
      r3_1: '<td rowspan="8">（三）不予公开</td>',
      r4_1: '<td rowspan="3">（四）无法提供</td>',
      r5_1: '<td rowspan="5">（五）不予处理</td>',
      r6_1: '<td rowspan="3">（六）其他处理</td>',
    };
    const body = rows
      .map((row) => {
        const first = row === 'r1' ? '<td rowspan="22">三、本年度办理结果</td>' : '';
        if (row === 'new' || row === 'carryIn' || row === 'carryOut')
          return `<tr><td colspan="3">${LABELS[row]}</td>${cells(row)}</tr>`;
        if (/^r[3-6]_/.test(row))
          return `<tr>${first}${category[row] ?? ''}<td>${LABELS[row]}</td>${cells(row)}</tr>`;
        return `<tr>${first}<td colspan="2">${LABELS[row]}</td>${cells(row)}</tr>`;
      })
      .join('');
    const { model, elements } = page(`<table>${T3_HEADER}${body}</table>`);
    expect(model.tableInfo.applications).toMatchObject({ complete: true, labelVariants: {}, extra: [] });
    for (const row of rows) expect(values(model.tables.applications, row)[0], row).toBe(rows.indexOf(row));
    expect(elements.get('applications/r5_2/TOT')?.textContent).toBe(String(rows.indexOf('r5_2') + 6));
  });
});

describe('表二 shapes', () => {
  it('maps values by cell order when header and data colspans disagree (上海 2019)', () => {
    const model = page(
      `<table><tr><td colspan="4">第二十条第（五）项</td></tr>
       <tr><td>信息内容</td><td>上一年项目数量</td><td colspan="2">本年增/减</td><td>处理决定数量</td></tr>
       <tr><td>行政许可</td><td colspan="2">7</td><td>+2</td><td>30</td></tr></table>`,
      '<title>某市2019年政府信息公开工作年度报告</title>',
    ).model;
    expect(model.tables.active!['art20_5.licensing']).toEqual({
      prevItems: { raw: '7', value: 7, flags: [] },
      delta: { raw: '+2', value: 2, flags: ['signed'] },
      decisions: { raw: '30', value: 30, flags: [] },
    });
  });

  it('skips a footnote row inside the table and ignores trailing layout cells', () => {
    const model = page(
      `<table><tr><td colspan="4">第二十条第（八）项</td></tr>
       <tr><td>信息内容</td><td>本年收费金额（单位：万元）</td><td></td><td></td></tr>
       <tr><td>行政事业性收费</td><td>12.5</td><td></td><td></td></tr>
       <tr height="0"><td style="border:none"></td><td style="border:none"></td></tr></table>`,
    ).model;
    expect(model.tables.active!['art20_8.fees']).toEqual({
      amountWan: { raw: '12.5', value: 12.5, flags: [] },
    });
    expect(model.tableInfo.active.extra).toEqual([]);
  });
});

describe('表四 shapes', () => {
  it('reads a blank 行政复议 block as blank, and the rest by position', () => {
    const { model } = page(T4(['', '', '', '', '', '1', '0', '0', '0', '1', '0', '0', '0', '2', '2']));
    expect(model.tables.reviews!.rev!.total).toEqual({ raw: '', value: 0, flags: ['blank'] });
    expect(values(model.tables.reviews, 'litDirect')).toEqual([1, 0, 0, 0, 1]);
    expect(values(model.tables.reviews, 'litAfterRev')).toEqual([0, 0, 0, 2, 2]);
  });
});

describe('one table for everything', () => {
  it('splits a single <table> holding 表二, 表三 and 表四 by their anchors', () => {
    const t2 = `<tr><td colspan="10">第二十条第（五）项</td></tr><tr><td>信息内容</td><td>本年处理决定数量</td></tr><tr><td>行政许可</td><td>9</td></tr>`;
    const t4 = T4(Array.from({ length: 15 }, () => '0')).replace(/^<table>|<\/table>$/g, '');
    const { model } = page(`<table>${t2}${T3_HEADER}${t3Body(() => '0')}${t4}</table>`);
    expect(model.tables.active!['art20_5.licensing']!.decisions!.value).toBe(9);
    expect(model.tableInfo.applications.complete).toBe(true);
    expect(model.tableInfo.reviews.complete).toBe(true);
  });
});

describe('rows recognised by their labels, never by how many numbers they hold (issue 8)', () => {
  it('reads a 表三 whose five 法人或其他组织 columns are blank in every row', () => {
    const rows = t3Rows('2021');
    const blanks = ['&nbsp;', '', '—', '<p class="MsoNormal"><o:p>&nbsp;</o:p></p>', '-'];
    const v = (row: string, c: number) =>
      c === 0 ? String(rows.indexOf(row) + 1) : c === 6 ? String(rows.indexOf(row) + 1) : blanks[c - 1]!;
    const { model } = page(`<table>${T3_HEADER}${t3Body(v)}</table>`);
    expect(model.tableInfo.applications).toMatchObject({ found: true, complete: true, missingRows: [] });
    for (const row of rows) {
      const cells = model.tables.applications![row]!;
      expect(cells.NP!.value, row).toBe(rows.indexOf(row) + 1);
      expect(cells.TOT!.value, row).toBe(rows.indexOf(row) + 1);
      for (const col of ['BIZ', 'RES', 'SOC', 'LEG', 'OTH'])
        expect(cells[col], `${row}/${col}`).toMatchObject({ value: 0, flags: ['blank'] });
    }
  });

  it('reads a blank column whose data cells span two grid columns (平潭 2021 商业企业)', () => {
    const header = T3_HEADER.replace(
      '<td><p>商业</p><p>企业</p></td>',
      '<td colspan="2">商业企业</td>',
    ).replace('<td colspan="5">法人或其他组织</td>', '<td colspan="6">法人或其他组织</td>');
    const body = t3Body((_row, c) => (c === 1 ? '' : '2')).replace(/<td><\/td>/g, '<td colspan="2"></td>');
    const { model } = page(`<table>${header}${body}</table>`);
    expect(model.tableInfo.applications.complete).toBe(true);
    expect(model.tables.applications!.r1!.BIZ).toMatchObject({ value: 0, flags: ['blank'] });
    expect(model.tables.applications!.r1!.NP!.value).toBe(2);
  });

  it('flags the cells of a row whose identity was guessed as garbled (L7), so no check errs on them', () => {
    // （二）部分公开 lost its label; it takes the one key its neighbours leave. Its numbers do not add up.
    const v = (row: string, c: number) => (row === 'r2' ? (c === 6 ? '9' : '1') : '0');
    const html = `<table>${T3_HEADER}${t3Body(v)}</table>`.replace(LABELS.r2!, '');
    const { model } = page(html);
    const r2 = model.tables.applications!.r2!;
    expect(r2.NP).toMatchObject({ value: 1, flags: ['garbled'] });
    expect(r2.TOT).toMatchObject({ value: 9, flags: ['garbled'] });
    expect(model.tables.applications!.r1!.NP!.flags).toEqual([]);
    const onR2 = runAudit(model).findings.filter((f) =>
      f.cells.some((c) => c.startsWith('applications/r2/')),
    );
    expect(onR2.length).toBeGreaterThan(0);
    for (const f of onR2) expect(f.severity, f.rule).not.toBe('error');
  });

  it('reads the visible table, not a hidden print or mobile copy before it', () => {
    const hidden = `<div style="display: none"><table>${T3_HEADER}${t3Body(() => '7')}</table></div>`;
    const { model } = page(`${hidden}<table>${T3_HEADER}${t3Body(() => '1')}</table>`);
    expect(model.tableInfo.applications).toMatchObject({ complete: true, extra: [] });
    expect(values(model.tables.applications, 'new')).toEqual([1, 1, 1, 1, 1, 1, 1]);
  });

  it('continues 表三 into a second <table> that holds only its last row', () => {
    const rows = t3Rows('2021');
    const { model } = page(
      `<table>${T3_HEADER}${t3Body(() => '1', rows.slice(0, -1))}</table><table>${t3Body(() => '3', ['carryOut'])}</table>`,
    );
    expect(model.tableInfo.applications.complete).toBe(true);
    expect(values(model.tables.applications, 'carryOut')).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });
});

describe('the article in a one-cell layout table (review H2)', () => {
  const article = `<p>一、总体情况</p><p>本机关认真贯彻落实《条例》，全年主动公开政府信息120条。</p>
    <p>三、收到和处理政府信息公开申请情况</p><p>本年度共收到政府信息公开申请5件，均已按期答复。</p><img src="t3.png"/>
    <p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年度未发生因政府信息公开引起的行政复议、行政诉讼。</p><img src="t4.png"/>
    <p>五、存在的主要问题及改进情况</p><p>${'工作仍有不足，'.repeat(20)}将继续改进。</p>`;

  it('is never taken for 表四, and the narrative inside it is read', () => {
    const { model } = page(`<table><tr><td>${article}</td></tr></table>`);
    expect(model.tableInfo.reviews).toMatchObject({ found: false, reason: 'not-in-dom' });
    expect(model.tableInfo.applications).toMatchObject({ found: false, reason: 'not-in-dom' });
    expect(model.headings.map((h) => h.ordinal)).toEqual(['一', '三', '四', '五']);
    expect(model.paragraphs.map((p) => p.text)).toContain('本年度共收到政府信息公开申请5件，均已按期答复。');
  });
});

describe('a grid too large to expand (review M4)', () => {
  it('is reported as not read with its reason, never silently', () => {
    const huge = `<table><tr>${'<td rowspan="0" colspan="1000">x</td>'.repeat(50)}</tr>${'<tr><td>1</td></tr>'.repeat(1000)}</table>`;
    const { model } = page(`<p>三、收到和处理政府信息公开申请情况</p>${huge}`);
    expect(model.tableInfo.applications).toMatchObject({ found: false, reason: 'too-large' });
    expect(model.tableInfo.reviews).toMatchObject({ found: false, reason: 'too-large' });
  });

  it('still reads the report tables beside it', () => {
    const huge = `<table><tr>${'<td rowspan="0" colspan="1000">x</td>'.repeat(50)}</tr>${'<tr><td>1</td></tr>'.repeat(1000)}</table>`;
    const { model } = page(`${huge}<table>${T3_HEADER}${t3Body(() => '1')}</table>`);
    expect(model.tableInfo.applications.complete).toBe(true);
  });
});

// Counter-examples the markup generator (markup.property.test.ts) found, each in its smallest page.
describe('generator counter-examples', () => {
  it('keeps a blank 总计 when the row also lost its label (the empty label is not a value)', () => {
    const v = (row: string, c: number) => (row === 'r2' ? ['5', '1', '2', '3', '4', '6', ''][c]! : '0');
    const { model } = page(`<table>${T3_HEADER}${t3Body(v)}</table>`.replace(LABELS.r2!, ''));
    expect(values(model.tables.applications, 'r2')).toEqual([5, 1, 2, 3, 4, 6, 0]);
    expect(model.tables.applications!.r2!.TOT).toMatchObject({ value: 0, flags: ['blank', 'garbled'] });
  });

  it('does not take the category cell beside a leaf that lost its label for the leaf (nor for a subtotal)', () => {
    const rows = t3Rows('2021');
    const body = rows
      .map((row) => {
        const cells = [1, 2, 3, 4, 5, 6, 7].map((c) => `<td>${c}</td>`).join('');
        if (row === 'r3_1')
          return `<tr><td rowspan="8" colspan="2">（三）不予公开</td><td></td>${cells}</tr>`;
        if (/^r3_/.test(row)) return `<tr><td>${LABELS[row]}</td>${cells}</tr>`;
        return `<tr><td colspan="3">${LABELS[row]}</td>${cells}</tr>`;
      })
      .join('');
    const { model } = page(`<table>${T3_HEADER}${body}</table>`);
    expect(model.tables.applications!.r3).toBeUndefined();
    expect(values(model.tables.applications, 'r3_1')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(model.tables.applications!.r3_1!.NP!.flags).toEqual(['garbled']);
  });

  it('reads a blank cell that spans two columns at the end of a row as a blank value', () => {
    const body = t3Body((_row, c) => (c === 6 ? '' : '1')).replace(
      /<td><\/td><\/tr>/g,
      '<td colspan="2"></td></tr>',
    );
    const { model } = page(`<table>${T3_HEADER}${body}</table>`);
    expect(model.tableInfo.applications).toMatchObject({ complete: true, missingRows: [] });
    expect(model.tables.applications!.new!.TOT).toMatchObject({ value: 0, flags: ['blank'] });
  });

  // A row that lost its label, whose first value is a blank cell spanning two columns: by its cells
  // alone the wide blank could be the lost label; its labelled neighbours show values start after
  // the three label columns, so it is a blank value and the row is read whole (its cells garbled,
  // since which row it is was taken from the neighbours).
  const lostLabelWideBlank = (values: string[], layout: 'simple' | 'merged') => {
    const rows = t3Rows('2021');
    const body = rows
      .map((row) => {
        const cells = (row === 'r4_2' ? values : ['1', '1', '1', '1', '1', '1', '6'])
          .map((v, i) => (row === 'r4_2' && i === 0 ? `<td colspan="2">${v}</td>` : `<td>${v}</td>`))
          .join('');
        if (layout === 'merged' && /^r4_/.test(row)) {
          const label = row === 'r4_2' ? '' : LABELS[row];
          const category = row === 'r4_1' ? '<td rowspan="3" colspan="2">（四）无法提供</td>' : '';
          return `<tr>${category}<td>${label}</td>${cells}</tr>`;
        }
        return `<tr><td colspan="3">${row === 'r4_2' ? '' : LABELS[row]}</td>${cells}</tr>`;
      })
      .join('');
    return page(`<table>${T3_HEADER}${body}</table>`).model;
  };

  it.each([
    ['a blank row, simple labels', ['', '', '无', '—', '', '/', ''], 'simple'],
    ['a row with numbers, simple labels', ['', '2', '0', '1', '0', '0', '3'], 'simple'],
    ['a row with numbers beside the category cell', ['&nbsp;', '2', '0', '1', '0', '0', '3'], 'merged'],
  ] as const)(
    'reads a row that lost its label and opens with a wide blank value: %s',
    (_name, cells, layout) => {
      const model = lostLabelWideBlank([...cells], layout);
      expect(model.tableInfo.applications).toMatchObject({ found: true, complete: true, missingRows: [] });
      const r42 = model.tables.applications!.r4_2!;
      expect(Object.values(r42).map((c) => c.value)).toEqual(
        cells.map((c) => (/^\d$/.test(c) ? Number(c) : 0)),
      );
      expect(r42.NP).toMatchObject({ value: 0, flags: ['blank', 'garbled'] });
      expect(Object.values(r42).every((c) => c.flags.includes('garbled'))).toBe(true);
      expect(values(model.tables.applications, 'r4_3')).toEqual([1, 1, 1, 1, 1, 1, 6]);
    },
  );

  it('continues 表三 into a <table> holding its last row and a footnote', () => {
    const rows = t3Rows('2021');
    const { model } = page(
      `<table>${T3_HEADER}${t3Body(() => '1', rows.slice(0, -1))}</table><table>${t3Body(() => '3', ['carryOut'])}<tr><td colspan="10">注：单位为件。</td></tr></table>`,
    );
    expect(values(model.tables.applications, 'carryOut')).toEqual([3, 3, 3, 3, 3, 3, 3]);
  });
});

describe('Traditional characters in value cells', () => {
  it('reads 萬元 and 無變化 like 万元 and 无变化', () => {
    const model = page(
      `<table><tr><td colspan="4">第二十条第（五）项</td></tr>
       <tr><td>信息内容</td><td>上一年项目数量</td><td>本年增/减</td><td>处理决定数量</td></tr>
       <tr><td>行政许可</td><td>7</td><td>無變化</td><td>30</td></tr>
       <tr><td colspan="4">第二十条第（九）项</td></tr>
       <tr><td>信息内容</td><td>采购项目数量</td><td>采购总金额</td><td></td></tr>
       <tr><td>政府集中采购</td><td>3</td><td>12.5萬元</td><td></td></tr></table>`,
      '<title>某市2019年政府信息公开工作年度报告</title>',
    ).model;
    expect(model.tables.active!['art20_5.licensing']!.delta).toMatchObject({ value: 0, flags: [] });
    expect(model.tables.active!['art20_9.procurement']!.amount).toMatchObject({ value: 12.5, unit: '万元' });
  });
});
