// Where a report page keeps its report as a file: a PDF or Word link in the article, an embedded
// PDF (<iframe>/<embed>/<object>), or a pdf.js "全真版" viewer whose file sits in its `?file=`
// parameter. The popup and the overlay offer these for audit ("审核附件"); the viewer page fetches
// and reads them. Pure over a Document, so the content script, the CLI and the tests share it.

export type AttachmentKind = 'pdf' | 'docx' | 'doc' | 'wps';

export interface Attachment {
  /** absolute http(s) address of the file itself (a viewer's `?file=` resolved) */
  url: string;
  kind: AttachmentKind;
  /** what the page calls it: the link text, title or file name */
  label: string;
  /** how the page offers it */
  via: 'link' | 'viewer' | 'embed';
  /** the name or label says annual report (年度报告/年报): offered first */
  likelyReport: boolean;
}

const EXTENSIONS: Record<string, AttachmentKind> = { pdf: 'pdf', docx: 'docx', doc: 'doc', wps: 'wps' };
const REPORT_WORDS = /年度报告|年报|工作报告|信息公开/;
/** Site chrome: a PDF in the header, menu or footer (a guide, a help file) is not the article's. */
const CHROME =
  'nav, header, footer, [role="navigation"], [role="contentinfo"], [class*="footer" i], [id*="footer" i]';

/** The document kind a file name or URL path ends with, if any (query and fragment ignored). */
export function kindOfName(name: string): AttachmentKind | null {
  const m = /\.([a-z]{3,4})\s*$/i.exec(name.replace(/[?#].*$/, '').trim());
  return m ? (EXTENSIONS[m[1]!.toLowerCase()] ?? null) : null;
}

function resolveHttp(href: string, base: string): URL | null {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/**
 * The file a pdf.js viewer shows: `…/viewer.html?file=<address>` (often percent-encoded, relative
 * to the viewer). Null when the address is not such a viewer.
 */
export function viewerFile(url: URL): URL | null {
  if (!/viewer(\.html?)?$|pdfjs|pdf\.js|generic\/web/i.test(url.pathname)) return null;
  const file = url.searchParams.get('file') ?? new URLSearchParams(url.hash.slice(1)).get('file');
  if (!file) return null;
  return resolveHttp(file, url.href);
}

/**
 * The address of a PDF shown directly in a tab, or by a pdf.js viewer in the tab, judged from the
 * address alone (the popup also asks the tab its content type). Null otherwise.
 */
export function pdfOfTab(address: string): string | null {
  const url = resolveHttp(address, 'http://invalid/');
  if (!url || url.hostname === 'invalid') return null;
  const shown = viewerFile(url);
  if (shown) return kindOfName(shown.pathname) === 'pdf' || !kindOfName(shown.pathname) ? shown.href : null;
  return kindOfName(url.pathname) === 'pdf' ? url.href.replace(/#.*$/, '') : null;
}

const textOf = (el: Element): string => (el.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Every report file the page offers, report-like names first, each address once. */
export function findAttachments(doc: Document, base: string): Attachment[] {
  const found = new Map<string, Attachment>();
  const add = (url: URL, kind: AttachmentKind, label: string, via: Attachment['via']) => {
    url.hash = '';
    const key = url.href;
    if (found.has(key)) return;
    const name = decodeURIComponent(url.pathname.split('/').pop() ?? '');
    const text = label || name;
    found.set(key, { url: key, kind, label: text, via, likelyReport: REPORT_WORDS.test(`${text} ${name}`) });
  };

  for (const el of Array.from(doc.querySelectorAll('a[href], iframe[src], embed[src], object[data]'))) {
    if (el.closest(CHROME)) continue;
    const attr = el.tagName === 'OBJECT' ? 'data' : el.tagName === 'A' ? 'href' : 'src';
    const url = resolveHttp(el.getAttribute(attr) ?? '', base);
    if (!url) continue;
    const label = textOf(el) || el.getAttribute('title') || el.getAttribute('download') || '';
    const shown = viewerFile(url);
    if (shown) {
      // A viewer's file without an extension (download.do?id=…) is still the viewer's PDF.
      const kind = kindOfName(shown.pathname) ?? 'pdf';
      add(shown, kind, label, 'viewer');
      continue;
    }
    // By the address, or by the link's own words when the address is a download script
    // (`/attach/download?id=12` with the text "2023年度报告.pdf").
    const kind =
      kindOfName(url.pathname) ??
      (el.tagName === 'A' ? (kindOfName(label) ?? kindOfName(el.getAttribute('download') ?? '')) : null);
    if (!kind) continue;
    add(url, kind, label, el.tagName === 'A' ? 'link' : 'embed');
  }
  return [...found.values()].sort((a, b) => Number(b.likelyReport) - Number(a.likelyReport));
}
