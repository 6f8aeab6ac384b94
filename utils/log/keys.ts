import { agencyKeyOf, matchKey, SCHEME, siteOf } from '../report/body';

export { agencyKeyOf, matchKey, siteOf };

// The keys the log matches on. A report is one page (urlKey); a body is one issuing agency on one
// portal (agencyKey + site): cross-year checks compare only reports of the same body, never a
// county's aggregated report with its 园区's own (report-formats.md §5.8).

/**
 * One page, whatever link led to it: no scheme (portals serve the same page over http and https),
 * no www., no #fragment, host in lower case, path and query as they are.
 */
export function urlKeyOf(url: string): string {
  // Already a key (no scheme://): as it is. A key with a port, example.gov.cn:8080/…, would
  // otherwise parse as a URL of the scheme "example.gov.cn:".
  if (!SCHEME.test(url.trim())) return cleanUrl(url);
  try {
    const u = new URL(url);
    if (u.protocol === 'file:') return `file://${u.pathname}`;
    const port = u.port ? `:${u.port}` : '';
    return `${siteOf(u.hostname)}${port}${u.pathname}${u.search}`;
  } catch {
    return cleanUrl(url);
  }
}

/** The URL as it is stored and linked to: without its #fragment (overlay anchors are not the page). */
export function cleanUrl(url: string): string {
  return url.trim().replace(/#.*$/, '');
}

/** Normalized text for search; 管理委员会 and 管委会 are the same words. */
export const searchKey = (text: string): string => matchKey(text).replace(/管理委员会/g, '管委会');

/** What a search query matches against: title, agency, site and URL in one normalized string. */
export function searchTextOf(parts: {
  title: string | null;
  agency: string | null;
  site: string;
  url: string;
}): string {
  return [parts.title ?? '', parts.agency ?? '', parts.site, parts.url].map(searchKey).join('\u0001');
}
