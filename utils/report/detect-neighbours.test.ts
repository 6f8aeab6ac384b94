import { describe, expect, it } from 'vitest';
import { documentFromHtml } from '../../cli/dom';
import { detectReport } from './detect';

// Issue 8 / review H3: the page's own title decides. A report named by a neighbour — a sidebar
// heading, a 上一篇/下一篇 box, a related-reading list, a search result — never makes the page a
// report. Built as a family: every neighbour shape on every kind of page template, so that no
// single markup is special-cased.

const REPORT = '中宁县2023年政府信息公开工作年度报告';
const NEWS = '我县召开2024年政务公开工作推进会';
const SITE = '中宁县人民政府';
const NEWS_BODY = `<p>1月9日，县政府召开2024年全县政务公开工作推进会。会议要求各单位按时发布${REPORT.slice(3)}。</p><p>会议强调，要聚焦群众关切。</p>`;

/** Places on a page where another page's title appears. */
const NEIGHBOURS: Record<string, string> = {
  'sidebar <h2><a>': `<div class="sidebar"><h2><a href="/t1.html">${REPORT}</a></h2></div>`,
  'bare <h2><a> beside the article': `<h2><a href="/t1.html">${REPORT}</a></h2>`,
  '<h2 class="title"><a> with a date': `<h2 class="title"><a href="/t1.html">${REPORT}</a> <span>2024-01-20</span></h2>`,
  'aside heading without a link': `<aside><h3>${REPORT}</h3></aside>`,
  'TRS .title 上一篇': `<div class="title">上一篇：${REPORT}</div>`,
  'prev/next box': `<div class="pre-next"><p>上一篇：<a href="/t1.html">${REPORT}</a></p><p>下一篇：<a href="/t2.html">关于开展安全检查的通知</a></p></div>`,
  'prev/next as <strong> lines': `<div id="sxpage"><strong>下一篇：${REPORT}</strong></div>`,
  'related-reading list': `<div class="xgyd"><h4>相关阅读</h4><ul><li><a href="/t1.html">${REPORT}</a></li></ul></div>`,
  'related block with a plain title': `<div class="related-news"><div class="title">${REPORT}</div></div>`,
  'hot-news ranking': `<div class="hot-rank"><h3>${REPORT}</h3></div>`,
  'navigation menu': `<nav><h2>${REPORT}</h2></nav>`,
  'table row of links': `<table><tr><td><a href="/t1.html">${REPORT}</a></td><td>2024-01-20</td></tr></table>`,
};

/** Page templates: TRS metadata; <title> with the site; <title> holding only the site's name. */
const TEMPLATES: Record<string, (own: string, around: string) => string> = {
  'TRS with ArticleTitle': (own, around) =>
    `<html><head><meta name="ArticleTitle" content="${own}"><title>${own}_${SITE}</title></head><body><div class="main"><h1>${own}</h1>${around}<div class="TRS_Editor">${NEWS_BODY}</div></div></body></html>`,
  '<title> with a site suffix': (own, around) =>
    `<html><head><title>${own} - ${SITE}</title></head><body><div class="article"><h1 class="article_title">${own}</h1><div class="content">${NEWS_BODY}</div></div>${around}</body></html>`,
  '<title> is the site name': (own, around) =>
    `<html><head><title>${SITE}</title></head><body>${around}<div class="article"><div class="article-title">${own}</div>${NEWS_BODY}</div></body></html>`,
  'neighbour first in the markup': (own, around) =>
    `<html><head><title>${own}</title></head><body><div class="left">${around}</div><div class="right"><h1>${own}</h1>${NEWS_BODY}</div></body></html>`,
};

const cases = Object.entries(TEMPLATES).flatMap(([template, render]) =>
  Object.entries(NEIGHBOURS).map(([shape, html]) => [template, shape, render(NEWS, html)] as const),
);

describe('a news page naming a report in a neighbour is not a report', () => {
  it.each(cases)('%s + %s', (_template, _shape, html) => {
    const d = detectReport(documentFromHtml(html));
    expect(d.kind).toBe('none');
  });
});

describe('the same templates with the report as the page itself are reports', () => {
  // The control: the family above fails for the right reason, not because the templates hide titles.
  const SECTIONS =
    '<p>一、总体情况</p><p>二、主动公开政府信息情况</p><p>三、收到和处理政府信息公开申请情况</p><p>四、政府信息公开行政复议、行政诉讼情况</p>';
  it.each(Object.entries(TEMPLATES))('%s', (_template, render) => {
    const html = render(
      REPORT,
      `<div class="pre-next"><p>上一篇：<a href="/t0.html">${NEWS}</a></p></div>`,
    ).replace(NEWS_BODY, SECTIONS);
    expect(detectReport(documentFromHtml(html))).toMatchObject({
      kind: 'report',
      year: 2023,
      agency: '中宁县人民政府',
    });
  });
});

describe('lists and search results', () => {
  const links = (years: number[]) =>
    years
      .map(
        (y) =>
          `<li><a href="/t${y}.html" title="中宁县${y}年政府信息公开工作年度报告">中宁县${y}年政府信息公开工作年度报告</a><span>${y + 1}-01-20</span></li>`,
      )
      .join('');
  it.each([
    [
      'a column list',
      `<html><head><title>政府信息公开年报_${SITE}</title></head><body><ul class="list">${links([2021, 2022, 2023])}</ul></body></html>`,
    ],
    [
      'search results with headings',
      `<html><head><title>搜索结果 - ${SITE}</title></head><body><div class="search-result">${[2022, 2023]
        .map(
          (y) =>
            `<div class="item"><h3><a href="/t${y}.html">中宁县${y}年政府信息公开工作年度报告</a></h3><p>……本年新收政府信息公开申请……</p></div>`,
        )
        .join('')}</div></body></html>`,
    ],
    [
      'a list in a table',
      `<html><head><title>年度报告</title></head><body><table>${[2020, 2021].map((y) => `<tr><td><a href="/t${y}.html">中宁县${y}年政府信息公开工作年度报告</a></td></tr>`).join('')}</table></body></html>`,
    ],
  ])('%s is an index, not a report', (_name, html) => {
    expect(detectReport(documentFromHtml(html)).kind).toBe('index');
  });

  it('a search page with a single hit is no report either', () => {
    const html = `<html><head><title>搜索结果 - ${SITE}</title></head><body><div class="result"><h3><a href="/t1.html">${REPORT}</a></h3><p>本年新收、上年结转……</p></div></body></html>`;
    expect(detectReport(documentFromHtml(html)).kind).toBe('none');
  });
});
