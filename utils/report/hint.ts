// Pages that render their report late (a script fills the article after load): the detector keeps
// watching for a few seconds, but only on pages whose title or address already suggests an annual
// report, so that ordinary pages of a portal pay for one detection and nothing more.

const TITLE_HINT = /年度报告|年度報告|年报|年報/;
/** Column names portals use for the annual-report section: nianbao, ndbg, gknb, xxgknb… */
const URL_HINT = /nianbao|ndbg|gknb|zfxxgknb|xxgknb|[/_-]nb[/_-]|annual/i;

export function mayBecomeReport(title: string, url: string): boolean {
  let path = url;
  try {
    const u = new URL(url);
    path = decodeURIComponent(u.pathname + u.search);
  } catch {
    // Not a URL: test the text as it is.
  }
  return TITLE_HINT.test(title) || URL_HINT.test(path) || TITLE_HINT.test(path);
}

const BODY_ANCHORS = /本年新收|上年结转|上年結轉|予以公开|予以公開|统计指标|統計指標/;
/** Non-space characters of article text a report's narrative has at the very least. */
const MIN_TEXT = 1500;
/** Text that is the page's own: paragraphs outside navigation, lists, headers and footers. */
const CHROME = 'a, nav, li, header, footer, aside';

/**
 * The report's body is on the page: Table 3's anchors, or a narrative's worth of paragraphs. A
 * portal template's own tables and links do not count (nearly every gov.cn template has them), so a
 * page detected by its title alone keeps waiting for its article to arrive.
 */
export function hasReportBody(doc: Document): boolean {
  const text = doc.body?.textContent ?? '';
  if (BODY_ANCHORS.test(text)) return true;
  let length = 0;
  for (const p of Array.from(doc.querySelectorAll('p'))) {
    if (p.closest(CHROME)) continue;
    length += (p.textContent ?? '').replace(/\s+/g, '').length;
    if (length >= MIN_TEXT) return true;
  }
  return false;
}
