import { describe, expect, it } from 'vitest';
import { hasReportBody, mayBecomeReport } from './hint';

describe('mayBecomeReport', () => {
  it('watches pages whose title or address names an annual report', () => {
    expect(
      mayBecomeReport('示例县2022年政府信息公开工作年度报告_示例县人民政府', 'http://x.gov.cn/a/1.html'),
    ).toBe(true);
    expect(mayBecomeReport('信息公开', 'http://x.gov.cn/zwgk/zfxxgknb/202301/t1.html')).toBe(true);
    expect(mayBecomeReport('', 'http://x.gov.cn/xxgk/ndbg/index.html')).toBe(true);
    expect(mayBecomeReport('', 'http://x.gov.cn/%E5%B9%B4%E6%8A%A5/1.html')).toBe(true);
  });

  it('leaves other portal pages alone', () => {
    expect(mayBecomeReport('示例县召开政务公开工作推进会', 'http://x.gov.cn/news/2023/1.html')).toBe(false);
    expect(mayBecomeReport('首页', 'http://x.gov.cn/')).toBe(false);
    expect(mayBecomeReport('通知公告', 'http://x.gov.cn/tzgg/number/1.html')).toBe(false);
  });
});

describe('hasReportBody', () => {
  const doc = (html: string) => {
    const d = document.implementation.createHTMLDocument('t');
    d.body.innerHTML = html;
    return d;
  };
  it('sees the tables or the narrative of a report', () => {
    expect(hasReportBody(doc('<p>本年新收 3 件</p>'))).toBe(true);
    expect(hasReportBody(doc(`<p>${'政府信息公开工作'.repeat(200)}</p>`))).toBe(true);
  });
  it('sees an empty shell still loading', () => {
    expect(hasReportBody(doc('<div id="article"><p>正在加载……</p></div>'))).toBe(false);
  });
  it('is not fooled by a portal template: layout tables, menus and link lists (review M9)', () => {
    const menu = `<ul>${'<li><a href="#">政务公开工作动态栏目</a></li>'.repeat(200)}</ul>`;
    const layout = `<table><tr><td>${menu}</td><td><div id="article"></div></td></tr></table>`;
    expect(hasReportBody(doc(layout))).toBe(false);
    expect(hasReportBody(doc(`<table><tr><td>1</td><td>2</td></tr></table>${menu}`))).toBe(false);
    const footer = `<footer><p>${'主办单位：某县人民政府办公室 '.repeat(200)}</p></footer>`;
    expect(hasReportBody(doc(`${layout}${footer}`))).toBe(false);
  });
});
