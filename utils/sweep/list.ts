import { fold } from '../report/normalize';

// Reading a portal's list page of reports (a 政府信息公开年报 column): which links it lists, under
// what titles, and where the list's other pages are. Pure over a Document and the page's URL, so the
// CLI (happy-dom) and the extension (the live page) read lists the same way.
//
// The list is found through its report links: an anchor whose text names an annual report. Every
// other link in the same container is a list item too (news filed in the same column is kept and
// looked at later, not dropped), except the pagination and the site's chrome.

/**
 * A report title inside link text: 中宁县2023年政府信息公开工作年度报告, 二〇一八年度政务公开年度报告, or
 * the year first, 2019年上海市人民政府办公厅政府信息公开工作年度报告.
 */
const REPORT_LINK =
  /(\d{4}|[〇零一二三四五六七八九]{4})\s*年(?:度)?(.{0,40}?)(?:政府)?\s*(?:信息公开|政务公开|政务信息公开)\s*(?:工作)?\s*(?:的)?\s*年度报告/;
const NEXT = /^\s*(?:下一?页|后一?页|下页|>|›|»|next)\s*$/i;
const LAST = /^\s*(?:尾页|末页|最后一?页|last)\s*$/i;
const OTHER_PAGING = /^\s*(?:首页|上一?页|前一?页|上页|<|‹|«|first|prev(?:ious)?)\s*$/i;
const PAGE_NUMBER = /^\s*\[?\s*(\d{1,3})\s*\]?\s*$/;
/** TRS static lists: createPageHTML(10, 0, "index", "html") or var countPage = 10. */
const TRS_CALL =
  /createPageHTML\s*\(\s*['"]?(\d+)['"]?\s*,\s*['"]?(\d+)['"]?\s*,\s*['"]([\w-]+)['"]\s*,\s*['"](\w+)['"]/;
const TRS_COUNT = /countPage\s*=\s*['"]?(\d+)/;

export interface ListedLink {
  url: string;
  /** the title the list gives the link (its title attribute or text) */
  title: string;
  /** the link names an annual report; other items of the list are looked at before being kept as not a report */
  namesReport: boolean;
}

export interface ListPage {
  url: string;
  links: ListedLink[];
  /** other pages of the same list on the same site, in the order found */
  pages: string[];
  /** the number of pages the list says it has (TRS countPage, the highest page number), when it says */
  pageCount: number | null;
}

const clean = (text: string | null | undefined) => (text ?? '').replace(/[\s\u00a0\u3000]+/g, ' ').trim();

function resolve(href: string | null, base: string): URL | null {
  if (!href || /^\s*(?:javascript:|mailto:|tel:|#)/i.test(href)) return null;
  try {
    const url = new URL(href.trim(), base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:' && url.protocol !== 'file:') return null;
    url.hash = '';
    return url;
  } catch {
    return null;
  }
}

/** Same portal: same host, ignoring a leading www. (file:// pages only link to file://). */
export function sameSite(a: URL, b: URL): boolean {
  const host = (u: URL) => u.hostname.toLowerCase().replace(/^www\./, '');
  return a.protocol === 'file:' ? b.protocol === 'file:' : host(a) === host(b) && b.protocol !== 'file:';
}

const linkTitle = (a: Element) => {
  const text = clean(a.textContent);
  const title = clean(a.getAttribute('title'));
  // Lists cut long titles (…); the title attribute holds the whole.
  return title.length > text.length || /…|\.\.\./.test(text) ? title || text : text;
};

/** The list container a report link sits in: its <ul>/<ol>/<table>, or the block two levels up. */
function containerOf(a: Element): Element | null {
  return a.closest('ul, ol, table, dl') ?? a.parentElement?.parentElement ?? a.parentElement;
}

function isPagingText(text: string): boolean {
  return NEXT.test(text) || LAST.test(text) || OTHER_PAGING.test(text) || PAGE_NUMBER.test(text);
}

/** Links only a pager has (首页 is also every site's "home"). */
const PAGER_SIGN = new RegExp(
  `${NEXT.source}|${LAST.source}|^\\s*(?:上一?页|前一?页|上页|prev(?:ious)?)\\s*$|${PAGE_NUMBER.source}`,
  'i',
);

/** The anchor's block holds other paging links: a pager, not a menu that happens to hold a number. */
function inPager(a: Element): boolean {
  const block = a.parentElement?.closest('div, p, td, ul, ol, span, nav') ?? a.parentElement;
  if (!block) return false;
  let paging = 0;
  for (const other of Array.from(block.querySelectorAll('a')))
    if (other !== a && PAGER_SIGN.test(clean(other.textContent))) paging++;
  return paging >= 1;
}

/** TRS's index.html, index_1.html … index_{N-1}.html beside the current page. */
function trsPages(doc: Document, pageUrl: URL): { pages: string[]; count: number } | null {
  const scripts = Array.from(doc.querySelectorAll('script'))
    .map((s) => s.textContent ?? '')
    .join('\n');
  const call = TRS_CALL.exec(scripts);
  const count = call ? Number(call[1]) : Number(TRS_COUNT.exec(scripts)?.[1] ?? 0);
  if (!count || count < 2 || count > 1000) return null;
  const stem = call?.[3] ?? 'index';
  const ext = call?.[4] ?? 'html';
  const pages: string[] = [];
  for (let i = 0; i < count; i++) {
    const name = i === 0 ? `${stem}.${ext}` : `${stem}_${i}.${ext}`;
    pages.push(new URL(name, pageUrl).href);
  }
  return { pages, count };
}

export function readListPage(doc: Document, pageHref: string): ListPage {
  const pageUrl = new URL(pageHref);
  pageUrl.hash = '';
  const anchors = Array.from(doc.querySelectorAll('a[href]'));

  const containers = new Set<Element>();
  for (const a of anchors)
    if (REPORT_LINK.test(fold(linkTitle(a)))) {
      const c = containerOf(a);
      if (c) containers.add(c);
    }

  const links: ListedLink[] = [];
  const seen = new Set<string>([pageUrl.href]);
  const pages: string[] = [];
  // A list's pages live in its own folder (index_1.html, list.jsp?page=2); a 首页 or a number
  // elsewhere is the site's home or another column.
  const folder = (u: URL) => u.pathname.replace(/[^/]*$/, '');
  const addPage = (url: URL) => {
    if (!sameSite(pageUrl, url) || folder(url) !== folder(pageUrl)) return;
    if (url.href === pageUrl.href || pages.includes(url.href)) return;
    pages.push(url.href);
  };
  let highest = 0;
  for (const a of anchors) {
    const url = resolve(a.getAttribute('href'), pageUrl.href);
    if (!url) continue;
    const title = linkTitle(a);
    if (isPagingText(title)) {
      const n = PAGE_NUMBER.exec(title);
      // a bare number is a page only inside a pager (beside 下一页 or other numbers), not in a menu
      if (n && !inPager(a)) continue;
      if (n) highest = Math.max(highest, Number(n[1]));
      addPage(url);
      continue;
    }
    const inList = [...containers].some((c) => c.contains(a));
    if (!inList || !title || seen.has(url.href)) continue;
    seen.add(url.href);
    links.push({ url: url.href, title, namesReport: REPORT_LINK.test(fold(title)) });
  }
  const trs = trsPages(doc, pageUrl);
  for (const p of trs?.pages ?? []) addPage(new URL(p));
  return { url: pageUrl.href, links, pages, pageCount: trs?.count ?? (highest > 1 ? highest : null) };
}

export interface ListSummary {
  reports: number;
  bodies: string[];
  years: number[];
}

/** The body and year a listed title names, when it names a report. */
export function titleParts(title: string): { body: string | null; year: number | null } | null {
  const m = REPORT_LINK.exec(fold(title));
  if (!m) return null;
  const year = /^\d{4}$/.test(m[1]!) ? Number(m[1]) : null;
  const body = (fold(title).slice(0, m.index) + m[2]!).replace(/\s+/g, '').replace(/的$/, '');
  return { body: body || null, year };
}

/** What the list's own titles say: how many reports, of which bodies and years (for the offer to sweep). */
export function summarizeList(links: ListedLink[]): ListSummary {
  const bodies = new Set<string>();
  const years = new Set<number>();
  let reports = 0;
  for (const link of links) {
    const parts = titleParts(link.title);
    if (!parts) continue;
    reports++;
    if (parts.year) years.add(parts.year);
    if (parts.body) bodies.add(parts.body);
  }
  return { reports, bodies: [...bodies], years: [...years].sort((a, b) => a - b) };
}

/** What a list page offers to sweep: reports its titles name, bodies, the span of years, further pages. */
export interface ListOffer {
  reports: number;
  bodies: number;
  /** "2021" or "2021–2023" */
  years: string;
  /** list pages beyond this one (the page count the list states, else the pages it links) */
  more: number;
}

/** The sweep offer of a list page: at least two reports with a year among its links, else null. */
export function listOffer(page: ListPage): ListOffer | null {
  const summary = summarizeList(page.links);
  if (summary.reports < 2 || summary.years.length < 1) return null;
  const years =
    summary.years.length > 1 ? `${summary.years[0]}–${summary.years.at(-1)}` : String(summary.years[0]);
  return {
    reports: summary.reports,
    bodies: summary.bodies.length,
    years,
    more: Math.max(page.pageCount ?? 1, page.pages.length + 1) - 1,
  };
}
