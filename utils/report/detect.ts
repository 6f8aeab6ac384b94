import type { Detection, Format } from './model';
import { chineseToNumber, fold, isSpace } from './normalize';

// Page detection (FMT-01) and format detection (FMT-03). This runs on every page of a
// portal, so the first test is a plain substring search on the raw title and body text;
// only pages that pass it pay for normalization.

const YEAR = '(\\d{4}|[〇零一二三四五六七八九]{4})';
/** report-formats.md §4.6, anchored at the end: a report's title ends with 年度报告. */
const TITLE_RE = new RegExp(
  `^(.*?)${YEAR}\\s*年(?:度)?\\s*(?:的)?\\s*(?:政府)?\\s*(?:信息公开|政务公开|政务信息公开)\\s*(?:工作)?\\s*(?:的)?\\s*年度报告$`,
);
/** The year first: 2019年上海市人民政府办公厅政府信息公开工作年度报告. */
const YEAR_FIRST_TITLE_RE = new RegExp(
  `^${YEAR}\\s*年(?:度)?\\s*(.+?)\\s*(?:政府)?\\s*(?:信息公开|政务公开|政务信息公开)\\s*(?:工作)?\\s*(?:的)?\\s*年度报告$`,
);
const TITLE_IN_TEXT = `${YEAR}\\s*年(?:度)?\\s*(?:政府)?\\s*(?:信息公开|政务公开|政务信息公开)\\s*(?:工作)?\\s*年度报告`;
const TITLE_IN_TEXT_RE = new RegExp(TITLE_IN_TEXT);
/** A report naming itself in its text, tried where a year stands (yearLed). */
export const TITLE_IN_TEXT_AT = new RegExp(TITLE_IN_TEXT, 'y');
/** A title may carry a version note after the name: （全文）, (文字版), 【图解】. */
const TITLE_SUFFIX = /\s*[(（【[]\s*(?:全文|文字版|全真版|图文版|正文|修订版|更正版|更新)\s*[)）】\]]\s*$/;
/** Site names after the title in <title>: `报告_中宁县人民政府`, `报告 - 门户网站`. */
const SITE_SEPARATOR = /\s*(?:[_|｜]|\s-\s|—{1,2}|--)\s*/;

const T3_ANCHORS = ['本年新收', '上年结转', '予以公开', '结转下年度'];
const T4_ANCHOR = '未经复议直接起诉';

const F2021_SIGNALS = [
  '本年制发件数',
  '本年废止件数',
  '现行有效件数',
  '本年处理决定数量',
  '本年收费金额',
  // （六）其他处理's sub-rows (FMT-03): either one is enough, a pasted table may lose the other's label.
  '逾期不补正',
  '逾期未按收费通知要求缴纳费用',
];
const F2019_SIGNALS = [
  '本年新制作数量',
  '本年新公开数量',
  '对外公开总数量',
  '上一年项目数量',
  '本年增/减',
  '其他对外管理服务事项',
  '第二十条第(九)项',
];
/** The name FMT-03 lists for a single-row （六）其他处理 among the 2019 signals. */
export const SINGLE_ROW_SIX = '单行(六)其他处理';
/**
 * 2019's （六）其他处理 is one row: between its label and （七）总计 stand only that row's values.
 * 2021's has numbered sub-rows there (1.申请人…逾期不补正…, 2.…缴纳费用…, 3.其他), and any one of
 * them is enough to tell, since a pasted table may lose a sub-row's label. What else may stand
 * between (续表, a header repeated on the continued table, a page number) names no sub-row.
 */
/** The row's label, followed by a value, a blank mark, a bracket or 总计 (never 六、其他需要报告的事项). */
const SIX_LABEL_RE = /(?:\(六\)|六[、.])其他(?:处理)?(?=[\d\-—–/无(]|总计)/g;
const SIX_SUB_ROW_RE = /[1-3][.、](?:申请人|其他)|逾期|不补正|收费|缴纳/;
/** How far after （六） its row ends at 总计: seven values and a repeated header fit easily. */
const SIX_ROW_REACH = 400;

function hasSingleRowSix(compact: string): boolean {
  for (const m of compact.matchAll(SIX_LABEL_RE)) {
    const start = m.index + m[0].length;
    const rest = compact.slice(start, start + SIX_ROW_REACH);
    const end = rest.indexOf('总计');
    if (end >= 0 && !SIX_SUB_ROW_RE.test(rest.slice(0, end))) return true;
  }
  return false;
}

/** Words that make a page about reports rather than a report: notices, templates, meetings. */
const NOT_A_REPORT_TITLE = /通知|格式|模板|样式|会议|工作要点|函$|报表|预算|决算|征集|解读|图解/;

/** The page's <meta>s by name and by property (lower case), the first of each: read once per page. */
export interface PageMetas {
  /** The content of the first <meta> named (or with property) one of `names`, in their order. */
  get(names: string[]): string | null;
}

export function pageMetas(doc: Document): PageMetas {
  // One pass over the page's few dozen <meta>s, not two case-insensitive selector searches of the
  // whole document per name: on a long page with no such meta each search visits every element.
  const byName = new Map<string, string>();
  const byProperty = new Map<string, string>();
  for (const el of Array.from(doc.getElementsByTagName('meta'))) {
    const name = el.getAttribute('name')?.toLowerCase();
    const property = el.getAttribute('property')?.toLowerCase();
    const content = el.getAttribute('content') ?? '';
    if (name && !byName.has(name)) byName.set(name, content);
    if (property && !byProperty.has(property)) byProperty.set(property, content);
  }
  return {
    get(names) {
      for (const wanted of names) {
        const key = wanted.toLowerCase();
        const content = (byName.has(key) ? byName.get(key) : byProperty.get(key))?.trim();
        if (content) return content;
      }
      return null;
    },
  };
}

/** One <meta> value, for a caller that needs no other (see PageMetas.get). */
export const metaContent = (doc: Document, names: string[]): string | null => pageMetas(doc).get(names);

/**
 * Places whose text names other pages, never this one: links, navigation, lists, sidebars,
 * 上一篇/下一篇 boxes, related-reading and search-result blocks. A title candidate inside one of
 * them is a neighbour's title.
 */
const NEIGHBOUR_TAGS = 'a, nav, aside, li, dt, dd, select, option, marquee';
const NEIGHBOUR_CLASS =
  /(?:^|[\s_-])(?:side|sidebar|aside|nav|menu|prev|next|pre|page-?nav|pager|sxp|sxpage|related|relate|xgyd|xgwz|xgxx|xglj|recommend|tuijian|hot|rank|search|result|crumb|breadcrumb|footer|friend|links?|column-list|news-?list)(?:[\s_-]|\d|$)/i;
/** A box whose own text starts like a neighbour: 上一篇：…, 相关阅读 …. */
const NEIGHBOUR_TEXT =
  /^\s*(?:上一篇|下一篇|上一条|下一条|上篇|下篇|相关阅读|相关链接|相关文章|相关新闻|相关信息|推荐阅读|热点|搜索)/;
/** How far up a candidate's ancestors are looked at for a neighbour class. */
const NEIGHBOUR_DEPTH = 6;

function isNeighbour(el: Element): boolean {
  if (el.closest(NEIGHBOUR_TAGS)) return true;
  // A heading made of a link (<h2><a>…</a></h2>) names the page it links to.
  const text = (el.textContent ?? '').replace(/\s+/g, '');
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a')))
    linked += (a.textContent ?? '').replace(/\s+/g, '').length;
  if (text && linked * 2 >= text.length) return true;
  let node: Element | null = el;
  for (let depth = 0; node && depth < NEIGHBOUR_DEPTH; depth++, node = node.parentElement) {
    const marks = `${node.getAttribute('class') ?? ''} ${node.id ?? ''}`;
    if (marks.trim() && NEIGHBOUR_CLASS.test(marks)) return true;
  }
  return false;
}

const clean = (t: string | null | undefined) => t?.replace(/[\s\u00a0\u3000]+/g, ' ').trim() ?? '';

const FIRST_LINE_TAGS = new Set(['p', 'strong', 'b', 'center', 'td']);

/**
 * The first `limit` elements with one of these tag names, in document order. A walk that stops
 * there, not querySelectorAll, which lists every cell of a table-heavy page to keep twelve.
 */
function firstElements(doc: Document, tags: Set<string>, limit: number): Element[] {
  const out: Element[] = [];
  const walker = doc.createTreeWalker(doc, 1 /* NodeFilter.SHOW_ELEMENT */);
  for (let node = walker.nextNode(); node && out.length < limit; node = walker.nextNode()) {
    if (tags.has((node as Element).localName)) out.push(node as Element);
  }
  return out;
}

/**
 * The page's headings and title boxes in document order: one search per selector, which the browser
 * answers from its own indexes, where the list of them was matched against every element.
 */
function headingElements(doc: Document): Element[] {
  const found = new Set<Element>();
  for (const selector of ['h1', 'h2', 'h3', '.title', '.article-title', '#title'])
    for (const el of Array.from(doc.querySelectorAll(selector))) found.add(el);
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a
  return [...found].sort((a, b) => (a.compareDocumentPosition(b) & 4 ? -1 : 1));
}

/** What the page says its own title is: CMS metadata, else <title>'s first part. */
function primaryTitle(doc: Document, metas: PageMetas): string | null {
  const docTitle = clean(doc.title);
  return clean(metas.get(['ArticleTitle', 'og:title'])) || (docTitle.split(SITE_SEPARATOR)[0] ?? '') || null;
}

/**
 * Every candidate title of the page itself, best first: metadata, the page's headings, <title>, a
 * fragment's first lines; anything naming a neighbour is left out. Asked only when the primary
 * title is not a report's (most pages' is, and their headings are then never looked at).
 */
function titleCandidates(doc: Document, metas: PageMetas): string[] {
  const all: string[] = [];
  const add = (t: string | null | undefined) => {
    const text = clean(t);
    if (text && text.length < 200 && !NEIGHBOUR_TEXT.test(text) && !all.includes(text)) all.push(text);
  };
  const meta = metas.get(['ArticleTitle', 'og:title']);
  add(meta);
  let headings = 0;
  for (const el of headingElements(doc)) {
    if (headings >= 6) break;
    if (isNeighbour(el)) continue;
    headings++;
    add(el.textContent);
  }
  const docTitle = clean(doc.title);
  add(docTitle);
  const parts = docTitle.split(SITE_SEPARATOR);
  for (const part of parts) add(part);
  add(metas.get(['title']));
  // Fragments and plain pages carry the title only as the first lines of the body.
  for (const el of firstElements(doc, FIRST_LINE_TAGS, 12)) {
    const text = el.textContent ?? '';
    if (text.length < 80 && /年度报告|年度報告/.test(text) && !isNeighbour(el)) add(text);
  }
  return all;
}

/** Two titles of one page agree when one holds the other (a site suffix, a version note). */
function sameTitle(a: string, b: string): boolean {
  const key = (t: string) =>
    fold(t)
      .replace(/[\s"'《》〈〉]/g, '')
      .replace(TITLE_SUFFIX, '');
  const [x, y] = [key(a), key(b)];
  return !!x && !!y && (x.includes(y) || y.includes(x));
}

interface TitleMatch {
  title: string;
  agency: string | null;
  year: number;
}

function matchTitle(candidate: string): TitleMatch | null {
  const folded = fold(candidate).replace(TITLE_SUFFIX, '').trim();
  const m = TITLE_RE.exec(folded);
  const yearFirst = m ? null : YEAR_FIRST_TITLE_RE.exec(folded);
  if (!m && !yearFirst) return null;
  // The agency is kept as printed (繁體 included): the fold maps character for character.
  const printed = candidate.replace(TITLE_SUFFIX, '').trim();
  const start = m ? 0 : folded.indexOf(yearFirst![2]!, yearFirst![1]!.length);
  const length = (m ? m[1]! : yearFirst![2]!).length;
  const source = fold(printed).length === folded.length ? printed : folded;
  const prefix = source
    .slice(start, start + length)
    .replace(/[《〈"]/g, '')
    .trim();
  if (NOT_A_REPORT_TITLE.test(prefix) || /^关于/.test(prefix)) return null;
  const year = chineseToNumber(m ? m[2]! : yearFirst![1]!);
  if (year === null || year < 2000 || year > 2100) return null;
  return { title: candidate.replace(TITLE_SUFFIX, '').trim(), agency: normalizeAgency(prefix), year };
}

const BARE_AREA = /^[\u4e00-\u9fa5]{1,10}(?:省|市|县|区|旗|自治州|自治县|自治区|盟|州)$/;
const NOT_A_GOVERNMENT_AREA =
  /开发区|实验区|园区|新区|工业区|高新区|示范区|保税区|管委会|管理委员会|街道|社区/;

/** The issuing body as the title names it; a bare place name (中宁县) means its 人民政府. */
export function normalizeAgency(prefix: string): string | null {
  const name = prefix.replace(/[\s:：]/g, '');
  if (!name) return null;
  if (BARE_AREA.test(name) && !NOT_A_GOVERNMENT_AREA.test(name)) return `${name}人民政府`;
  return name;
}

const DATE_RE = /(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})\s*日?/;

function isoDate(text: string): string | null {
  const m = DATE_RE.exec(fold(text));
  if (!m) return null;
  const [, y, mo, d] = m;
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${y}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const DATE_LINE =
  /(?:发布(?:时间|日期)|公开日期|成文日期|发文日期|日期)\s*[:：]\s*(\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2})/;
const SIGNATURE_DATE =
  /^\s*(\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(\d{1,3}|[一二三四五六七八九十]{1,3})\s*日\s*$/;

/** SIGNATURE_DATE without its anchors, tried where a year stands (yearLed): a date anywhere in a text. */
export const DATE_AT =
  /(?:\d{4}|[〇零一二三四五六七八九]{4})\s*年\s*(?:\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*日/y;

const DAY_SIGNS = /[\u2f47\u3230\u3290\u33e0-\u33fe]/;
/** The most characters a SIGNATURE_DATE match holds besides spaces: 2020年12月31日, 二〇二〇年十二月三十一日. */
const SIGNATURE_DATE_CHARS = 12;
const ZERO_WIDTH_OR_SPACE = /[\s\u200b-\u200d\u2060\ufeff\u00ad]/;

/**
 * Could the block's text fold to a SIGNATURE_DATE? It ends in 日 or in a sign that folds to one, and
 * besides spaces and zero-width characters it holds at most the date's characters: the fold never
 * shortens text otherwise (no digit or 年月日 composes from parts), so a paragraph that merely
 * mentions a day (工作日, 日常) is turned away before it is folded, in a dozen steps.
 */
export function mayBeSignatureDate(text: string): boolean {
  if (!text.includes('日') && !DAY_SIGNS.test(text)) return false;
  let visible = 0;
  for (let i = 0; i < text.length; i++)
    if (!ZERO_WIDTH_OR_SPACE.test(text[i]!) && ++visible > SIGNATURE_DATE_CHARS) return false;
  return true;
}

/** Publication date: CMS metadata, then a 发布时间 line, then a signature date standing alone. */
function findPublishedAt(doc: Document, foldedBody: string, metas: PageMetas): string | null {
  const meta = metas.get(['PubDate', 'publishdate', 'firstpublishedtime', 'dcterms.issued', 'pubdate']);
  const fromMeta = meta ? isoDate(meta) : null;
  if (fromMeta) return fromMeta;
  // every wording of DATE_LINE holds 日期 but 发布时间: a page with neither is not scanned
  const line =
    foldedBody.includes('日期') || foldedBody.includes('发布时间') ? DATE_LINE.exec(foldedBody) : null;
  if (line) return isoDate(line[1]!);
  // A block's text is a piece of the body's, and the fold keeps a date's characters in place, so a
  // body without a date anywhere has no block that is one (most report pages have one: the
  // statistics period; an excerpt may not, and then its blocks are not looked at)
  if (!yearLed(foldedBody, DATE_AT, true, 1).length) return null;
  // the last 400 blocks, read by index from the end: a copy of the list would wrap every block first
  const blocks = doc.querySelectorAll('p, div');
  for (let i = blocks.length - 1; i >= Math.max(0, blocks.length - 400); i--) {
    const el = blocks[i]!;
    // A block holding blocks is found out at its first inner one (its text would be a copy of all
    // of them); a date line ends in 日 (or in a sign that folds to one: ⽇, ㊐, ㏠…㏾), which turns
    // most of the rest away before the fold.
    if (el.firstElementChild && el.querySelector('p, div, table')) continue;
    const text = el.textContent ?? '';
    if (!mayBeSignatureDate(text)) continue;
    const m = SIGNATURE_DATE.exec(fold(text));
    if (m) {
      const [, y, mo, d] = m.map((s) => String(chineseToNumber(s ?? '') ?? s));
      return isoDate(`${y}年${mo}月${d}日`);
    }
  }
  return null;
}

/** FMT-03 over the folded text of the page (`spaceless`: that text without whitespace, if at hand). */
export function detectFormat(
  foldedText: string,
  year: number | null,
  hasLegacyTable: boolean,
  spaceless = foldedText.replace(/\s+/g, ''),
) {
  // 增减 written as 增/减 (the replacement leaves 增/减 as it is: a text without 增减 is not copied)
  const compact = spaceless.includes('增减') ? spaceless.replace(/增\/?减|增减/g, '增/减') : spaceless;
  const f2021 = F2021_SIGNALS.filter((s) => compact.includes(s));
  const f2019 = F2019_SIGNALS.filter((s) => compact.includes(s));
  if (hasSingleRowSix(compact)) f2019.push(SINGLE_ROW_SIX);
  let format: Format;
  if (f2021.length && f2019.length) format = 'hybrid';
  else if (f2021.length) format = '2021';
  else if (f2019.length) format = '2019';
  else if (hasLegacyTable || (year !== null && year <= 2018)) format = 'pre2019';
  else format = 'unknown';
  return { format, signals: { f2019, f2021 } };
}

/** Pre-2019 statistics tables: `统计指标 | 单位 | 汇总数` or indicator rows with 其中 children. */
export function hasLegacyTableText(compact: string): boolean {
  return /统计指标/.test(compact) || (/其中/.test(compact) && /情况统计表|统计报表/.test(compact));
}

function countAnchors(text: string): number {
  return T3_ANCHORS.filter((a) => text.includes(a)).length + (text.includes(T4_ANCHOR) ? 3 : 0);
}

/** Links to several reports of different years: a column or list page of reports. */
function looksLikeIndex(doc: Document): boolean {
  const years = new Set<number>();
  for (const a of Array.from(doc.querySelectorAll('a'))) {
    const raw = a.getAttribute('title') ?? a.textContent ?? '';
    if (!/年度报告|年度報告/.test(raw)) continue;
    const text = fold(raw);
    const m = TITLE_IN_TEXT_RE.exec(text);
    if (m) years.add(chineseToNumber(m[1]!) ?? 0);
    if (years.size >= 2) return true;
  }
  return false;
}

const NONE: Detection = {
  kind: 'none',
  title: null,
  agency: null,
  year: null,
  publishedAt: null,
  format: 'unknown',
  formatSignals: { f2019: [], f2021: [] },
};

/** The 一…六 headings of a report's narrative (2019 and 2021 formats). */
const SECTION_HEADINGS = [
  /一\s*[、.．]\s*总体情况/,
  /二\s*[、.．]\s*主动公开政府信息情况/,
  /三\s*[、.．]\s*收到和处理政府信息公开申请情况/,
  /四\s*[、.．]\s*政府信息公开行政复议\s*[、,，和及]?\s*行政诉讼情况/,
  /五\s*[、.．]\s*存在的主要问题及改进情况/,
  /六\s*[、.．]\s*其他需要报告的事项/,
];

/** Raw-text test for Table 3's anchors, before any normalization is paid for. */
const MAY_HAVE_ANCHORS =
  /本年新收|上年结转|上年結轉|予以公开|予以公開|结转下年度|結轉下年度|未经复议|未經復議/;

export function detectReport(doc: Document): Detection {
  // document.title: the browser keeps the <title> at hand, where a selector search walks a page that
  // has none (a fragment, a pasted excerpt) to its end, three times a detection
  const rawTitle = doc.title;
  const bodyText = doc.body?.textContent ?? doc.documentElement?.textContent ?? '';
  // Cheap gate: every report names itself or carries table 三's anchors, in either script.
  if (!/年度报告|年度報告|本年新收|上年结转|上年結轉/.test(rawTitle + bodyText)) return NONE;

  const metas = pageMetas(doc);
  const primary = primaryTitle(doc, metas);
  let candidates: string[] | null = null;
  const all = () => (candidates ??= titleCandidates(doc, metas));
  let folded: string | null = null;
  let compact = '';
  const foldBody = () => {
    if (folded === null) {
      folded = fold(bodyText);
      compact = folded.replace(/\s+/g, '');
    }
    return folded;
  };
  /** The body itself shows a report: Table 3's anchors with numbers, or the narrative's headings. */
  let evidence: boolean | null = null;
  const bodyIsReport = (): boolean => {
    if (evidence !== null) return evidence;
    foldBody();
    evidence =
      (MAY_HAVE_ANCHORS.test(bodyText) && countAnchors(compact) >= 3 && tablesHoldNumbers(doc)) ||
      SECTION_HEADINGS.filter((re) => re.test(folded!)).length >= 3;
    return evidence;
  };

  // The page's own title decides. Another candidate (a heading when the metadata names a site or a
  // column) counts only when it agrees with that title or the body shows a report.
  let match: TitleMatch | null = primary ? matchTitle(primary) : null;
  if (!match) {
    for (const candidate of all()) {
      const found = matchTitle(candidate);
      if (!found) continue;
      if (!primary || sameTitle(candidate, primary) || bodyIsReport()) match = found;
      break;
    }
  }

  if (!match) {
    const anyTitle = primary ?? all()[0] ?? '';
    if (!NOT_A_REPORT_TITLE.test(fold(anyTitle)) && MAY_HAVE_ANCHORS.test(bodyText)) {
      foldBody();
      if (countAnchors(compact) >= 3 && tablesHoldNumbers(doc)) {
        match = { title: anyTitle, agency: null, year: 0 };
      }
    }
    if (!match) {
      if (looksLikeIndex(doc)) return { ...NONE, kind: 'index', title: anyTitle || null };
      return NONE;
    }
  }

  const publishedAt = findPublishedAt(doc, foldBody(), metas);
  // No title names the year: the body's own statements of it do, and rules judging the year then
  // say it was taken from the body (yearFrom), never an error on it.
  const fromBody = match.year ? null : bodyYear(foldBody(), publishedAt);
  const year = match.year || fromBody;
  const { format, signals } = detectFormat(foldBody(), year, hasLegacyTableText(compact), compact);
  const agency = match.agency ?? fallbackAgency(metas);
  return {
    kind: 'report',
    title: match.title || null,
    agency,
    year,
    ...(fromBody ? { yearFrom: 'body' as const } : {}),
    publishedAt,
    format,
    formatSignals: signals,
  };
}

/** The statistics period a report states: 2020年1月1日至2020年12月31日 (the second year may be left out). */
export const PERIOD_AT =
  /(\d{4})\s*年\s*(?:度\s*)?0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|[-—–~])\s*(?:(\d{4})\s*年\s*)?12\s*月\s*31\s*日/y;
/** A year and the comma after it, where a clause opening with the year ends its opening words. */
export const YEAR_THEN_COMMA_AT = /(\d{4})\s*年\s*(?:度)?\s*(?:全年|内)?\s*[，,]/y;

const isDigitCode = (k: number) => k >= 48 && k <= 57;
const YEAR_NUMERALS = '〇零一二三四五六七八九';

/**
 * The matches of `sticky` in `text`, in order and not overlapping, as a global search finds them
 * (the property test holds the two together), for a regex whose every match opens with a year:
 * four digits (or, with `numerals`, four of 〇…九), spaces, 年. A global search tries such a regex
 * at every position of a page's text, most of it in vain; here it is tried once per 年 that has a
 * year before it. `limit`: stop after that many.
 */
export function yearLed(
  text: string,
  sticky: RegExp,
  numerals: boolean,
  limit = Infinity,
): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  // where the last match ended: a global search goes on from there
  let end = 0;
  for (let nian = text.indexOf('年'); nian >= 0 && out.length < limit; nian = text.indexOf('年', nian + 1)) {
    let i = nian;
    while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
    const start = i - 4;
    if (start < end) continue;
    let digits = 0;
    let others = 0;
    for (let k = start; k < i; k++) {
      if (isDigitCode(text.charCodeAt(k))) digits++;
      else if (numerals && YEAR_NUMERALS.includes(text[k]!)) others++;
    }
    if (digits !== 4 && others !== 4) continue;
    sticky.lastIndex = start;
    const m = sticky.exec(text);
    if (m) {
      out.push(m);
      end = start + m[0].length;
    }
  }
  return out;
}

const CLAUSE_END = /[。；;！!？?\s]/;
const ORDINAL_CHAR = /[一二三四五六七八九十\d]/;

/** Does `text` before `at` end as a clause's opening: its start or a clause end, spaces, an ordinal? */
function yearOpensClause(text: string, at: number): boolean {
  if (opening(text, at)) return true;
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  // (?:\(?[一…十\d]+[)、.]\s*)?: the ordinal's mark, its numerals (the whole run: a numeral cannot
  // open a clause, so a shorter run never can), an optional (
  if (i === 0 || !/[)、.]/.test(text[i - 1]!)) return false;
  let j = i - 1;
  while (j > 0 && ORDINAL_CHAR.test(text[j - 1]!)) j--;
  if (j === i - 1) return false;
  return opening(text, j > 0 && text[j - 1] === '(' ? j - 1 : j);
}

/** Before `at`: the start, or spaces after the start or after a clause end ((?:^|[。…\s])\s*). */
function opening(text: string, at: number): boolean {
  let i = at;
  while (i > 0 && isSpace(text.charCodeAt(i - 1))) i--;
  return i === 0 || i < at || CLAUSE_END.test(text[i - 1]!);
}

/**
 * The years clauses open with as the current one: "2020年，全市…", "（二）2020年度，…", the way FMT-15
 * reads it. This is what /(?:^|[。；;！!？?\s])\s*(?:\(?[一…十\d]+[)、.]\s*)?(\d{4})\s*年…[，,]/g finds
 * (the property test holds the two together), but that regex, able to match at the start, is tried
 * at every position of the page's text; here the year and its comma are found where a 年 stands
 * (yearLed), and the opening is checked backwards. Both matches end in a comma, which opens no
 * clause, so neither overlaps the next.
 */
export function yearOpeners(text: string): number[] {
  const years: number[] = [];
  for (const m of yearLed(text, YEAR_THEN_COMMA_AT, false))
    if (yearOpensClause(text, m.index)) years.push(Number(m[1]));
  return years;
}
const PLANS_HEADING = /五\s*[、.．]\s*存在的主要问题/;

/**
 * The report year from the body of a page without a title (an excerpt, a fragment), in the order of
 * how directly the body says it: the report naming itself (2020年政府信息公开工作年度报告), the
 * statistics period it states, then the year most of its clauses open with. Each is the one year
 * the body agrees on; two years stated alike, or a year after the page's publication, give none.
 */
export function bodyYear(folded: string, publishedAt: string | null = null): number | null {
  const latest = publishedAt ? Number(publishedAt.slice(0, 4)) : 2100;
  const plausible = (y: number | null): y is number => y !== null && y >= 2000 && y <= latest;
  const [named] = yearLed(folded, TITLE_IN_TEXT_AT, true, 1);
  const namedYear = named ? chineseToNumber(named[1]!) : null;
  if (plausible(namedYear)) return namedYear;

  const unique = (years: number[]): number | null => {
    const counts = new Map<number, number>();
    for (const y of years) if (plausible(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    if (!ranked.length || (ranked[1] && ranked[1][1] === ranked[0]![1])) return null;
    return ranked[0]![0];
  };
  const periods = yearLed(folded, PERIOD_AT, false)
    .filter((m) => !m[2] || m[2] === m[1])
    .map((m) => Number(m[1]));
  const period = unique(periods);
  if (period !== null) return period;

  const plans = PLANS_HEADING.exec(folded);
  const narrative = plans ? folded.slice(0, plans.index) : folded;
  return unique(yearOpeners(narrative));
}

function fallbackAgency(metas: PageMetas): string | null {
  const source = metas.get(['ContentSource', 'source', 'author']);
  return source ? normalizeAgency(source) : null;
}

const NUMBER_CELL = /^[\s\u00a0\u3000]*[0-9０-９]+[\s\u00a0\u3000]*$/;

/** A blank template reprinted in a notice has the anchors but no numbers in its tables. */
function tablesHoldNumbers(doc: Document): boolean {
  // Only counted, so in any order: <td>s first, from the browser's own index of tags, then <th>s.
  let numeric = 0;
  for (const tag of ['td', 'th']) {
    // read by index, not copied: the first ten numbers are found early, and a copy wraps every cell
    const cells = doc.getElementsByTagName(tag);
    for (let i = 0; i < cells.length; i++) {
      // Any width of digit: full-width ０-９ are common in Word pastes.
      if (NUMBER_CELL.test(cells[i]!.textContent ?? '') && ++numeric >= 10) return true;
    }
  }
  return false;
}
