import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readListPage, summarizeList } from './list';

const FIXTURE = join(__dirname, '../../tests/fixtures/pages/index/nianbao-list.html');
const BASE = 'http://www.znzf.gov.cn/zwgk/zfxxgk/zfxxgknb/index.html';

const doc = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const page = (list: string, paging = '', script = '') =>
  doc(`<html><head><title>年报</title></head><body>
    <div class="nav"><a href="/">首页</a><a href="/xxgk/">政务公开</a><a href="2">2</a></div>
    <ul class="list">${list}</ul><div class="page">${paging}</div><script>${script}</script></body></html>`);
const item = (href: string, title: string) => `<li><a href="${href}">${title}</a></li>`;

describe('readListPage', () => {
  it('reads the listed links of a real-layout column page, resolved, with their titles', () => {
    const list = readListPage(doc(readFileSync(FIXTURE, 'utf8')), BASE);
    expect(list.links).toHaveLength(12);
    expect(list.links[0]).toEqual({
      url: 'http://www.znzf.gov.cn/zwgk/zfxxgk/zfxxgknb/202401/t20240125_4418830.html',
      title: '中宁县2023年政府信息公开工作年度报告',
      namesReport: true,
    });
    // the notice filed in the same column is a list item too, to be looked at, not dropped
    const notice = list.links.find((l) => l.title.startsWith('关于印发'));
    expect(notice?.namesReport).toBe(false);
    // breadcrumb, side navigation and footer are not list items
    expect(list.links.some((l) => /zfxxgkzn|ysqgk/.test(l.url))).toBe(false);
    expect(list.pages).toEqual(['http://www.znzf.gov.cn/zwgk/zfxxgk/zfxxgknb/index_1.html']);
    expect(list.pageCount).toBe(2);
  });

  it('counts TRS pages from createPageHTML and lists index_1…index_N-1', () => {
    const list = readListPage(
      page(
        item('a.html', '某县2021年政府信息公开工作年度报告'),
        '',
        'createPageHTML(4, 0, "index", "shtml");',
      ),
      'http://x.gov.cn/nb/index.shtml',
    );
    expect(list.pageCount).toBe(4);
    expect(list.pages).toEqual([
      'http://x.gov.cn/nb/index_1.shtml',
      'http://x.gov.cn/nb/index_2.shtml',
      'http://x.gov.cn/nb/index_3.shtml',
    ]);
  });

  it('reads countPage when the script sets it', () => {
    const list = readListPage(
      page(item('a.html', '某县2021年政府信息公开工作年度报告'), '', 'var countPage = 3;//共多少页'),
      'http://x.gov.cn/nb/index_2.html',
    );
    expect(list.pageCount).toBe(3);
    expect(list.pages).toEqual(['http://x.gov.cn/nb/index.html', 'http://x.gov.cn/nb/index_1.html']);
  });

  it('follows 下一页 and numbered links in the list folder only, on the same site', () => {
    const list = readListPage(
      page(
        item('/a/1.html', '某县2022年政府信息公开工作年度报告') + item('/a/2.html', '某县召开推进会'),
        '<a href="list.jsp?page=2">下一页</a><a href="list.jsp?page=5">5</a><a href="http://other.gov.cn/nb/list.jsp?page=3">3</a><a href="/">首页</a>',
      ),
      'http://x.gov.cn/nb/list.jsp?page=1',
    );
    expect(list.pages).toEqual(['http://x.gov.cn/nb/list.jsp?page=2', 'http://x.gov.cn/nb/list.jsp?page=5']);
    expect(list.pageCount).toBe(5);
    expect(list.links.map((l) => [l.url, l.namesReport])).toEqual([
      ['http://x.gov.cn/a/1.html', true],
      ['http://x.gov.cn/a/2.html', false],
    ]);
  });

  it('reads year-first titles, Chinese years and the full title of a cut one', () => {
    const list = readListPage(
      page(
        item('1.html', '2019年上海市人民政府办公厅政府信息公开工作年度报告') +
          item('2.html', '二〇一八年度某县政务公开年度报告') +
          '<li><a href="3.html" title="某县发展和改革局2020年政府信息公开工作年度报告">某县发展和改革局2020年政府…</a></li>',
      ),
      'http://x.gov.cn/nb/',
    );
    expect(list.links.map((l) => l.namesReport)).toEqual([true, true, true]);
    expect(list.links[2]!.title).toBe('某县发展和改革局2020年政府信息公开工作年度报告');
  });

  it('finds no list on a page without report links', () => {
    const list = readListPage(page(item('1.html', '某县召开推进会')), 'http://x.gov.cn/nb/');
    expect(list.links).toEqual([]);
  });
});

describe('summarizeList', () => {
  it('says how many reports, which bodies and which years the titles name', () => {
    const list = readListPage(doc(readFileSync(FIXTURE, 'utf8')), BASE);
    const summary = summarizeList(list.links);
    expect(summary.reports).toBe(11);
    expect(summary.years).toEqual([2018, 2019, 2020, 2021, 2022, 2023]);
    expect(summary.bodies).toEqual(['中宁县', '中宁县工业和信息化局', '宁夏中宁工业园区管理委员会']);
  });
});
