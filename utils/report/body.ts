import { fold } from './normalize';

// Who issued a report, as a key to match on: a body is one issuing agency on one portal
// (agencyKey + site). Cross-year checks compare only reports of the same body, never a county's
// aggregated report with its 园区's own (report-formats.md §5.8); the log indexes records by it.

// Punctuation of both widths, brackets, quotes, middle dots and dashes: none of it names a body.
const PUNCT = /[\s\p{P}\p{S}\u00a0\u3000]/gu;

/** Normalized text for matching: folded (NFKC, Traditional → Simplified), no spaces or punctuation, lower case. */
export function matchKey(text: string): string {
  return fold(text).replace(PUNCT, '').toLowerCase();
}

/** The agency's name without a trailing report title (中宁县2019年政府信息公开工作年度报告 → 中宁县). */
function nameFrom(text: string): string {
  return text
    .replace(/\s+/g, '')
    .replace(/(\d{4}|[〇零一二三四五六七八九]{4})年(度)?.*$/, '')
    .replace(/关于.*$/, '');
}

/**
 * The issuing body's name as a matching key: whitespace and punctuation removed, Traditional folded,
 * 管理委员会 → 管委会, and a trailing 人民政府 dropped (中宁县人民政府 and 中宁县 are the county's
 * government; 中宁县人民政府办公室 stays a body of its own). Falls back to the title's leading name.
 * Empty when neither names anyone: such a report is never matched with another.
 */
export function agencyKeyOf(agency: string | null | undefined, title?: string | null): string {
  const raw = agency?.trim() ? agency : title ? nameFrom(title) : '';
  return matchKey(raw ?? '')
    .replace(/管理委员会/g, '管委会')
    .replace(/人民政府$/, '');
}

/** A URL with its scheme (https://, file://); anything else is a host or already a urlKey. */
export const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;

/** The portal: host name, lower case, without a leading www. */
export function siteOf(hostOrUrl: string | null | undefined): string {
  if (!hostOrUrl) return '';
  let host = hostOrUrl.trim();
  if (SCHEME.test(host)) {
    try {
      host = new URL(host).hostname;
    } catch {
      return '';
    }
  }
  return host.toLowerCase().replace(/^www\./, '');
}
