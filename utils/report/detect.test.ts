import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { bodyYear, detectFormat, detectReport, normalizeAgency, SINGLE_ROW_SIX } from './detect';
import { fold } from './normalize';

// Detection examples beside the detector, as github-url-detection keeps them: each page is
// the smallest thing that shows the case. Whole pages are in tests/fixtures/pages.

const page = (title: string, body = '', head = '') =>
  documentFromHtml(`<html><head><title>${title}</title>${head}</head><body>${body}</body></html>`);

const T3 =
  '<table><tr><td>一、本年新收政府信息公开申请数量</td><td>3</td></tr><tr><td>二、上年结转政府信息公开申请数量</td><td>0</td></tr><tr><td>（一）予以公开</td><td>3</td></tr><tr><td>四、结转下年度继续办理</td><td>0</td></tr></table>';
const NUMBERS = `<table><tr>${'<td>0</td>'.repeat(12)}</tr></table>`;

describe('detectReport: reports', () => {
  it.each([
    ['中宁县2019年政府信息公开工作年度报告_中宁县人民政府', 2019, '中宁县人民政府'],
    ['平潭综合实验区2023年度政府信息公开工作年度报告', 2023, '平潭综合实验区'],
    ['青铜峡工业园区管委会 2023 年政府信息公开工作年度报告 - 青铜峡市人民政府', 2023, '青铜峡工业园区管委会'],
    ['2019年上海市人民政府办公厅政府信息公开工作年度报告', 2019, '上海市人民政府办公厅'],
    ['某某局二〇二一年政府信息公开工作年度报告（全文）', 2021, '某某局'],
    ['中寧縣工業和信息化局2021年政府信息公開工作年度報告', 2021, '中寧縣工業和信息化局'],
    ['银川德胜工业园区2017年政府信息公开工作年度报告', 2017, '银川德胜工业园区'],
    ['某市2016年政务公开工作年度报告', 2016, '某市人民政府'],
  ])('%s', (title, year, agency) => {
    const d = detectReport(page(title));
    expect(d).toMatchObject({ kind: 'report', year, agency });
  });

  it('finds the title in the body of a fragment without <title>', () => {
    const d = detectReport(documentFromHtml(`<p>2019年某某局政府信息公开工作年度报告</p>${T3}${NUMBERS}`));
    expect(d).toMatchObject({ kind: 'report', year: 2019, agency: '某某局' });
  });

  it('takes a page with the table anchors and numbers but an unhelpful title as a report', () => {
    expect(detectReport(page('信息公开', `${T3}${NUMBERS}`)).kind).toBe('report');
  });

  it('reads the publication date from TRS metadata, a date line, or a signature', () => {
    const meta = '<meta name="PubDate" content="2021-02-03 10:00">';
    expect(detectReport(page('某局2020年政府信息公开工作年度报告', '', meta)).publishedAt).toBe('2021-02-03');
    expect(
      detectReport(page('某局2020年政府信息公开工作年度报告', '<div>发布时间：2021-1-9</div>')).publishedAt,
    ).toBe('2021-01-09');
    expect(
      detectReport(page('某园区2017年政府信息公开工作年度报告', '<p>某园区管委会</p><p>2018年1月18日</p>'))
        .publishedAt,
    ).toBe('2018-01-18');
  });

  it('finds a signature date written in numerals, full-width digits or a day sign, and none where the body has no date', () => {
    const signed = (date: string) =>
      detectReport(
        page(
          '某园区2017年政府信息公开工作年度报告',
          `<p>正文。</p><p>某园区管委会</p><p>${date}</p><div>版权所有</div>`,
        ),
      ).publishedAt;
    expect(signed('二〇一八年一月十八日')).toBe('2018-01-18');
    expect(signed('２０１８年\u3000１月１８日')).toBe('2018-01-18');
    expect(signed('2018年1月㏱')).toBe('2018-01-18');
    expect(signed('于2018年1月18日印发')).toBeNull();
    expect(signed('某园区管委会')).toBeNull();
  });
});

describe('detectReport: not reports', () => {
  it.each([
    [
      '我市召开2023年政府信息公开工作年度报告编制工作会议',
      '<p>会议要求按时发布2023年政府信息公开工作年度报告。</p>',
    ],
    [
      '某市2023年政府网站工作年度报表',
      `<table><tr><td>网站名称</td><td>某市人民政府</td></tr></table>${NUMBERS}`,
    ],
    ['某局2023年部门决算', `<p>年度报告</p>${NUMBERS}`],
    ['关于2014年政府信息公开工作要点落实情况的函', '<p>按要求报送年度报告。</p>'],
    [
      '关于印发《中华人民共和国政府信息公开工作年度报告格式》的通知',
      `<p>国办公开办函〔2021〕30号</p>${T3.replace(/<td>\d<\/td>/g, '<td></td>')}`,
    ],
    ['关于做好2023年政府信息公开工作年度报告编制发布工作的通知', '<p>各单位：</p>'],
    ['首页', '<p>欢迎访问</p>'],
  ])('%s', (title, body) => {
    expect(detectReport(page(title, body)).kind).toBe('none');
  });

  it('recognises a list of reports as an index, not a report', () => {
    const links = [2021, 2022, 2023]
      .map((y) => `<li><a href="./t${y}.htm">某区${y}年度政府信息公开工作年度报告</a></li>`)
      .join('');
    expect(detectReport(page('政府信息公开年报_某区人民政府', `<ul>${links}</ul>`)).kind).toBe('index');
  });
});

describe('detectFormat (FMT-03)', () => {
  it('tells the formats by their signal words', () => {
    expect(detectFormat('本年制发件数 现行有效件数', 2021, false).format).toBe('2021');
    expect(detectFormat(fold('本年新制作数量 本年増/滅'), 2019, false)).toMatchObject({
      format: '2019',
      signals: { f2019: ['本年新制作数量', '本年增/减'] },
    });
    expect(detectFormat('本年制发件数 上一年项目数量', 2021, false).format).toBe('hybrid');
    expect(detectFormat('统计指标', 2017, true).format).toBe('pre2019');
    expect(detectFormat('', 2020, false).format).toBe('unknown');
  });

  // 2019's （六）其他处理 is one row; 2021's has three numbered sub-rows (spec §2.2, FMT-03).
  const sixRows = (six: string, cell = (n: number) => String(n)) =>
    fold(
      `<td>（五）不予处理</td><td>5.要求行政机关确认或重新出具已获取信息</td>${[0, 1, 2].map((n) => `<td>${cell(n)}</td>`).join('')}${six}<td>（七）总计</td><td>4</td>`,
    ).replace(/<[^>]+>/g, ' ');
  const single = sixRows('<td>（六）其他处理</td><td>1</td><td>—</td><td>无</td><td>1,024件</td>');
  const subRows = sixRows(
    '<td>（六）其他处理</td><td>1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请</td><td>1</td><td>2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请</td><td>0</td><td>3.其他</td><td>2</td>',
  );

  it.each([
    ['with blanks, a unit and a thousands separator', single],
    ['shortened to （六）其他, full-width digits', sixRows('<td>（六）其他</td><td>１</td><td>０</td>')],
    ['in traditional characters', fold('（六）其他處理 1 0 0 （七）總計 4')],
    ['numbered 六、', sixRows('<td>六、其他处理</td><td>2</td>')],
  ])('counts a single-row （六）其他处理 as a 2019 signal: %s', (_name, text) => {
    expect(detectFormat(text, 2020, false)).toMatchObject({
      format: '2019',
      signals: { f2019: [SINGLE_ROW_SIX], f2021: [] },
    });
  });

  it('does not count （六）其他处理 with its sub-rows, even when a sub-row lost its label', () => {
    expect(detectFormat(subRows, 2022, false).signals.f2019).toEqual([]);
    const lostFirst = sixRows(
      '<td>（六）其他处理</td><td></td><td>1</td><td>2.申请人逾期未按收费通知要求缴纳费用</td><td>0</td>',
    );
    expect(detectFormat(lostFirst, 2022, false).signals.f2019).toEqual([]);
    // 3.其他 right before 总计 is 2021's last sub-row, not the single row.
    expect(detectFormat(fold('3.其他 0 0 （七）总计 4'), 2022, false).signals.f2019).toEqual([]);
    // Section 六 of the narrative is no table row.
    expect(
      detectFormat(fold('六、其他需要报告的事项 本年度收取信息处理费总计0元。'), 2022, false).signals.f2019,
    ).toEqual([]);
  });

  it('counts the single row across a table continued after a page break, header repeated', () => {
    const continued = sixRows(
      '<td>（六）其他处理</td><td>0</td><td>3</td></table><p>（续表）</p><table><tr><td>申请人情况</td><td>自然人</td><td>法人或其他组织</td><td>商业企业</td><td>其他</td><td>总计</td></tr>',
    );
    expect(detectFormat(continued, 2020, false).signals.f2019).toEqual([SINGLE_ROW_SIX]);
  });

  it('tells 表二 of 2021 with a single-row （六） of 2019 as the hybrid format', () => {
    expect(detectFormat(`本年制发件数 现行有效件数 ${single}`, 2021, false)).toMatchObject({
      format: 'hybrid',
      signals: { f2019: [SINGLE_ROW_SIX], f2021: ['本年制发件数', '现行有效件数'] },
    });
    expect(detectFormat(`本年制发件数 现行有效件数 ${subRows}`, 2021, false).format).toBe('2021');
  });
});

describe('normalizeAgency', () => {
  it('names the government for a bare place, and nothing else', () => {
    expect(normalizeAgency('中宁县')).toBe('中宁县人民政府');
    expect(normalizeAgency('平潭综合实验区')).toBe('平潭综合实验区');
    expect(normalizeAgency('中宁县工业和信息化局')).toBe('中宁县工业和信息化局');
    expect(normalizeAgency('')).toBeNull();
  });
});

describe('detectReport: from the body alone', () => {
  // An excerpt that starts at 三、 has no title at all; its tables decide, whatever the digits' width.
  const wide = (n: number) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
  const excerpt = (digit: (n: number) => string, cell = 'td') => {
    const row = (label: string, n: number) =>
      `<tr><${cell}>${label}</${cell}>${Array.from({ length: 7 }, (_, i) => `<td>${digit(n + i)}</td>`).join('')}</tr>`;
    return `<p>三、收到和处理政府信息公开申请情况</p><table>${row('一、本年新收政府信息公开申请数量', 3)}${row('二、上年结转政府信息公开申请数量', 0)}${row('（一）予以公开', 2)}${row('四、结转下年度继续办理', 1)}</table><p>四、政府信息公开行政复议、行政诉讼情况</p><p>本年制发件数 现行有效件数</p>`;
  };
  it.each([
    ['ASCII digits', excerpt(String)],
    ['full-width digits', excerpt(wide)],
    ['full-width digits padded with ideographic spaces', excerpt((n) => `\u3000${wide(n)}\u3000`)],
  ])('%s: a report, its format read from the body', (_name, body) => {
    expect(detectReport(documentFromHtml(body))).toMatchObject({
      kind: 'report',
      format: '2021',
      year: null,
    });
  });
});

describe('detectReport: the hybrid of 表二 2021 and a single-row （六） of 2019 (FMT-03)', () => {
  const row = (label: string, ...values: string[]) =>
    `<tr><td>${label}</td>${values.map((v) => `<td>${v}</td>`).join('')}</tr>`;
  const t2 = `<table>${row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数')}${row('规章', '0', '0', '3')}</table>`;
  const t3 = (six: string) =>
    `<table>${row('一、本年新收政府信息公开申请数量', ...'3000003'.split(''))}${row('二、上年结转政府信息公开申请数量', ...'0000000'.split(''))}${row('（一）予以公开', ...'2000002'.split(''))}${six}${row('（七）总计', ...'3000003'.split(''))}${row('四、结转下年度继续办理', ...'0000000'.split(''))}</table>`;
  const title = '<title>某县2021年政府信息公开工作年度报告</title>';

  it('reads it as hybrid, naming both formats’ signals', () => {
    const single = t3(row('（六）其他处理', '1', '', '', '', '', '', '1'));
    expect(detectReport(documentFromHtml(`${title}${t2}${single}`))).toMatchObject({
      kind: 'report',
      year: 2021,
      format: 'hybrid',
      formatSignals: { f2019: [SINGLE_ROW_SIX], f2021: ['本年制发件数', '本年废止件数', '现行有效件数'] },
    });
  });

  it('keeps 2021 when （六） has its sub-rows', () => {
    const subRows =
      row(
        '（六）其他处理',
        '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
        ...'1000001'.split(''),
      ) +
      row(
        '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
        ...'0000000'.split(''),
      ) +
      row('3.其他', ...'0000000'.split(''));
    expect(detectReport(documentFromHtml(`${title}${t2}${t3(subRows)}`)).format).toBe('2021');
  });
});

describe('bodyYear: the report year of a page without a title', () => {
  const statistics = '全市各级行政机关累计接收政府信息公开申请29130件，较2019年下降6.62%。';
  it.each([
    ['the statistics period', '本报告中所列数据的统计期限自2020年1月1日起至2020年12月31日止。', 2020],
    ['the period without its second year', '统计时限为2021年1月1日至12月31日。2020年同期…', 2021],
    ['the report naming itself', '本报告是根据条例编制的2022年政府信息公开工作年度报告。', 2022],
    [
      'clauses that open with the year',
      `2020年，${statistics}（三）政府信息管理方面 2020年，审核市政府公文250件。`,
      2020,
    ],
    [
      'a clause opening with the year 度 and full-width digits',
      '二、２０２３年度，本机关主动公开政府信息86条。',
      2023,
    ],
    [
      'plans of section 五 left out',
      `2020年，${statistics}五、存在的主要问题及改进情况 2021年，将进一步… 2021年，继续…`,
      2020,
    ],
  ])('%s', (_name, text, year) => {
    expect(bodyYear(fold(text))).toBe(year);
  });

  it.each([
    ['comparisons and document numbers only', '较2019年下降6.62%，依据国办公开办函〔2019〕60号。'],
    ['two years opening clauses alike', '2019年，收到申请3件。2020年，收到申请5件。'],
    ['a year after the page was published', '2024年，收到申请3件。'],
  ])('gives none on %s', (_name, text) => {
    expect(bodyYear(fold(text), '2023-01-20')).toBeNull();
  });

  it('reads an excerpt that starts at 三、 as a report of the year its clauses narrate, and says so', () => {
    const row = (label: string, n: number) =>
      `<tr><td>${label}</td>${Array.from({ length: 7 }, (_, i) => `<td>${n + i}</td>`).join('')}</tr>`;
    const excerpt = `<p>（二）依申请公开方面</p><p>2020年，全市各级行政机关累计接收政府信息公开申请29130件，较2019年下降6.62%。</p><p>2020年，审核市政府公文250件。</p><p>三、收到和处理政府信息公开申请情况</p><table>${row('一、本年新收政府信息公开申请数量', 3)}${row('二、上年结转政府信息公开申请数量', 0)}${row('（一）予以公开', 2)}${row('四、结转下年度继续办理', 1)}</table><p>五、存在的主要问题及改进情况</p><p>2021年，我们将进一步加强培训。</p>`;
    expect(detectReport(documentFromHtml(excerpt))).toMatchObject({
      kind: 'report',
      title: null,
      year: 2020,
      yearFrom: 'body',
    });
    // A title that names the year leaves the body alone.
    const titled = detectReport(
      documentFromHtml(`<title>某市2021年政府信息公开工作年度报告</title>${excerpt}`),
    );
    expect(titled.year).toBe(2021);
    expect(titled).not.toHaveProperty('yearFrom');
  });
});
