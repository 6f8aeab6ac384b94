import { runCrossBody } from '../audit/cross-body';
import { runCrossYear, sameBody } from '../audit/cross-year';
import type { AuditResult } from '../audit/result';
import { addCounts, runAudit } from '../audit/run';
import { type Budget, BudgetExceeded } from '../budget';
import { t } from '../i18n';
import { viewerFile } from '../report/attachments';
import type { ReportModel } from '../report/model';
import { parseReport } from '../report/parse';
import { FetchError, type Fetched, type Fetcher } from './fetch';
import { type ListedLink, readListPage, sameSite } from './list';

// A sweep: read a portal's list of reports (following its pagination on the same site), fetch and
// read every link it lists, audit the reports, then check the reports against each other: the
// cross-year checks between the years found, and the cross-body checks of one portal (XBD-*).
// One link's failure never stops the others; every link comes back with a status.

export const SWEEP_STATUSES = ['audited', 'not-a-report', 'unreadable', 'fetch-failed'] as const;
export type SweepStatus = (typeof SWEEP_STATUSES)[number];

export interface SweepEntry {
  url: string;
  listedTitle: string;
  /** the list page that linked it */
  listPage: string;
  status: SweepStatus;
  /** why it is not audited: HTTP 404, timed out, PDF… */
  note: string | null;
  model: ReportModel | null;
  /** the report's audit with its cross-year and cross-body findings */
  audit: AuditResult | null;
}

export interface SweepResult {
  start: string;
  /** list pages read, in order */
  listPages: string[];
  /** list pages that could not be read */
  failedListPages: Array<{ url: string; error: string }>;
  /** list pages known but not read (beyond --max-pages) */
  unreadPages: string[];
  entries: SweepEntry[];
  /** cancelled before every link was read: entries holds the links read */
  cancelled?: boolean;
}

export interface SweepProgress {
  total: number;
  done: number;
  audited: number;
  /** audited reports with at least one error */
  withErrors: number;
  notReport: number;
  unreadable: number;
  fetchFailed: number;
}

export type DocumentKind = 'html' | 'pdf' | 'docx' | 'doc' | 'other';

export interface SweepDeps {
  fetch: Fetcher;
  /** bytes → text by the charset the server or the page declares (GBK included) */
  decode(bytes: Uint8Array, headerCharset: string | null): string;
  toDocument(html: string, url: string): Document;
  /** Frees a document once read (the CLI's happy-dom keeps each page's DOM until closed). */
  releaseDocument?(doc: Document): Promise<void>;
  /**
   * a PDF / DOCX reader (utils/source readReport); without it such links are 'unreadable'. No model
   * means the document could not be read, and `problem` says why (scanned, legacy Word…).
   */
  readDocument?(
    fetched: Fetched,
    kind: 'pdf' | 'docx',
  ): Promise<{ model: ReportModel | null; problem?: string }>;
  onProgress?(progress: SweepProgress, entry: SweepEntry): void;
  /**
   * A fresh time budget for reading one page: past it the link is unreadable and the sweep goes on.
   * Without it a page is read however long it takes.
   */
  budget?(): Budget;
}

export interface SweepOptions {
  /** list pages to read at most, the first included */
  maxPages?: number;
  /** links read at a time over all hosts (the fetcher keeps each host to its own limit) */
  concurrency?: number;
  /** the first list page's text when it is a saved page rather than a URL to fetch */
  startHtml?: string;
  /** pause and cancel from the outside (the sweep view's buttons) */
  control?: SweepControl;
}

export interface SweepControl {
  /** resolves at once, or when a pause ends; asked before each link */
  gate(): Promise<void>;
  cancelled(): boolean;
}

export function emptyProgress(total = 0): SweepProgress {
  return { total, done: 0, audited: 0, withErrors: 0, notReport: 0, unreadable: 0, fetchFailed: 0 };
}

/** The counts of a finished sweep, errors counted with the cross-year and cross-body findings. */
export function progressOf(entries: readonly SweepEntry[]): SweepProgress {
  const count = (s: SweepStatus) => entries.filter((e) => e.status === s).length;
  return {
    total: entries.length,
    done: entries.length,
    audited: count('audited'),
    withErrors: entries.filter((e) =>
      e.audit?.findings.some((f) => f.outcome === 'fail' && f.severity === 'error'),
    ).length,
    notReport: count('not-a-report'),
    unreadable: count('unreadable'),
    fetchFailed: count('fetch-failed'),
  };
}

const describe = (error: unknown) =>
  error instanceof FetchError ? error.message : error instanceof Error ? error.message : String(error);

/** What the bytes are, by their signature first (servers mislabel), then by type and address. */
export function documentKind(fetched: Pick<Fetched, 'bytes' | 'contentType' | 'url'>): DocumentKind {
  const b = fetched.bytes;
  const type = fetched.contentType.toLowerCase();
  const path = (() => {
    try {
      return new URL(fetched.url).pathname.toLowerCase();
    } catch {
      return '';
    }
  })();
  if (b[0] === 0x25 && b[1] === 0x50 && b[2] === 0x44 && b[3] === 0x46) return 'pdf'; // %PDF
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04)
    return /wordprocessingml/.test(type) || path.endsWith('.docx') ? 'docx' : 'other';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'doc';
  if (/pdf/.test(type)) return 'pdf';
  if (/html|xml|text\/plain/.test(type) || /\.(s?html?|xhtml|jsp|aspx?|php)$|\/$/.test(path)) return 'html';
  if (!type) {
    const head = new TextDecoder('latin1').decode(b.subarray(0, 512)).toLowerCase();
    if (/<html|<!doctype|<body|<table|<p[\s>]/.test(head)) return 'html';
  }
  return 'other';
}

/** A 全真版 viewer page: the report itself is a PDF the page embeds. */
function embeddedPdf(doc: Document, base: string): string | null {
  for (const el of Array.from(doc.querySelectorAll('iframe[src], embed[src], object[data], a[href]'))) {
    const raw = el.getAttribute('src') ?? el.getAttribute('data') ?? el.getAttribute('href') ?? '';
    const m =
      /(?:^|[?&=])([^?&=]*\.pdf)(?:$|[?#&])/i.exec(raw) ?? (/\.pdf(?:$|[?#])/i.test(raw) ? [raw, raw] : null);
    if (!m) continue;
    try {
      return new URL(decodeURIComponent(m[1]!), base).href;
    } catch {}
  }
  return null;
}

/** One list page read: its links and the further list pages it names (same site only), or why not. */
export async function readOneListPage(
  url: string,
  start: URL,
  deps: SweepDeps,
  startHtml?: string,
): Promise<{ links: ListedLink[]; pages: string[] } | { error: string }> {
  let html: string;
  let finalUrl = url;
  try {
    if (startHtml !== undefined) html = startHtml;
    else {
      const fetched = await deps.fetch(url);
      html = deps.decode(fetched.bytes, fetched.charset);
      finalUrl = fetched.url;
    }
  } catch (error) {
    return { error: describe(error) };
  }
  const doc = deps.toDocument(html, finalUrl);
  try {
    const page = readListPage(doc, finalUrl);
    return { links: page.links, pages: page.pages.filter((next) => sameSite(start, new URL(next))) };
  } finally {
    await deps.releaseDocument?.(doc);
  }
}

async function readLists(start: string, deps: SweepDeps, opts: SweepOptions) {
  const maxPages = Math.max(1, opts.maxPages ?? 50);
  const queue = [start];
  const known = new Set(queue);
  const listPages: string[] = [];
  const failedListPages: SweepResult['failedListPages'] = [];
  const links: Array<ListedLink & { listPage: string }> = [];
  const seenLinks = new Set<string>();
  const startUrl = new URL(start);
  while (queue.length && listPages.length + failedListPages.length < maxPages) {
    const url = queue.shift()!;
    const page = await readOneListPage(url, startUrl, deps, url === start ? opts.startHtml : undefined);
    if ('error' in page) {
      failedListPages.push({ url, error: page.error });
      continue;
    }
    listPages.push(url);
    for (const link of page.links) {
      if (seenLinks.has(link.url)) continue;
      seenLinks.add(link.url);
      links.push({ ...link, listPage: url });
    }
    for (const next of page.pages) {
      if (known.has(next)) continue;
      known.add(next);
      queue.push(next);
    }
  }
  return { listPages, failedListPages, unreadPages: queue, links };
}

/** Fetches and reads one listed link: its status, and the model when there is one. */
export async function readLink(
  link: ListedLink & { listPage: string },
  deps: SweepDeps,
): Promise<Pick<SweepEntry, 'status' | 'note' | 'model'>> {
  let fetched: Fetched;
  // A pdf.js "全真版" viewer (…/viewer.html?file=…pdf): its page is a bare shell whose script loads
  // the file named in its address, so the file is what to read.
  const shown = (() => {
    try {
      return viewerFile(new URL(link.url))?.href ?? null;
    } catch {
      return null;
    }
  })();
  try {
    fetched = await deps.fetch(shown ?? link.url);
  } catch (error) {
    return { status: 'fetch-failed', note: describe(error), model: null };
  }
  const readDoc = async (
    f: Fetched,
    kind: 'pdf' | 'docx',
  ): Promise<Pick<SweepEntry, 'status' | 'note' | 'model'>> => {
    if (!deps.readDocument) return { status: 'unreadable', note: kind.toUpperCase(), model: null };
    try {
      const { model, problem } = await deps.readDocument(f, kind);
      if (!model)
        return {
          status: 'unreadable',
          note: problem ? `${kind.toUpperCase()}: ${problem}` : kind.toUpperCase(),
          model: null,
        };
      return { status: model.kind === 'report' ? 'audited' : 'not-a-report', note: null, model };
    } catch (error) {
      return { status: 'unreadable', note: `${kind.toUpperCase()}: ${describe(error)}`, model: null };
    }
  };
  const kind = documentKind(fetched);
  if (kind === 'pdf' || kind === 'docx') return readDoc(fetched, kind);
  if (kind === 'doc') return { status: 'unreadable', note: 'DOC', model: null };
  if (kind === 'other')
    return { status: 'unreadable', note: fetched.contentType || 'unknown type', model: null };
  const doc = deps.toDocument(deps.decode(fetched.bytes, fetched.charset), fetched.url);
  let model: ReportModel;
  let pdf: string | null;
  try {
    model = parseReport(doc, { url: fetched.url, budget: deps.budget?.() }).model;
    // A viewer page around the PDF of a listed report: read the PDF.
    pdf = model.kind !== 'report' && link.namesReport ? embeddedPdf(doc, fetched.url) : null;
  } catch (error) {
    // One page that runs out of time or throws is one unreadable link: the sweep goes on (and the
    // extension's queue does not take the same page again at every wake).
    const seconds = error instanceof BudgetExceeded ? { seconds: error.limitMs / 1000 } : null;
    // both languages, as the sweep's rows are read in either
    const note = seconds
      ? `${t('sweep.timedOut', 'zh', seconds)} / ${t('sweep.timedOut', 'en', seconds)}`
      : `HTML: ${describe(error)}`;
    return { status: 'unreadable', note, model: null };
  } finally {
    await deps.releaseDocument?.(doc);
  }
  if (model.kind === 'report') return { status: 'audited', note: null, model };
  if (pdf) {
    try {
      const inner = await deps.fetch(pdf);
      if (documentKind(inner) === 'pdf') return readDoc(inner, 'pdf');
    } catch (error) {
      return { status: 'fetch-failed', note: `PDF: ${describe(error)}`, model: null };
    }
  }
  return { status: 'not-a-report', note: null, model };
}

/** Audit each report (its own audit kept when already run), with the same body's report of the year before and the sweep's other bodies. */
export function auditSweep(entries: SweepEntry[]): void {
  const reports = entries.filter((e) => e.status === 'audited' && e.model);
  const crossBody = runCrossBody(reports.map((e) => ({ url: e.url, model: e.model! })));
  for (const entry of reports) {
    const model = entry.model!;
    const audit = entry.audit ?? runAudit(model);
    const previous =
      reports.find(
        (o) => model.year !== null && o.model!.year === model.year - 1 && sameBody(model, o.model!),
      )?.model ?? null;
    const crossYear = runCrossYear(model, previous);
    const xbd = crossBody.findings.get(entry.url) ?? [];
    entry.audit = {
      ...audit,
      findings: [...audit.findings, ...crossYear.findings, ...xbd],
      counts: addCounts(addCounts(audit.counts, crossYear.counts), crossBody.counts.get(entry.url)!),
    };
  }
}

export async function runSweep(
  start: string,
  deps: SweepDeps,
  opts: SweepOptions = {},
): Promise<SweepResult> {
  const lists = await readLists(start, deps, opts);
  const entries: SweepEntry[] = lists.links.map((link) => ({
    url: link.url,
    listedTitle: link.title,
    listPage: link.listPage,
    status: 'fetch-failed',
    note: null,
    model: null,
    audit: null,
  }));
  const progress = emptyProgress(entries.length);
  let next = 0;
  const read = new Set<number>();
  const worker = async () => {
    while (next < entries.length) {
      await opts.control?.gate();
      // another worker may have taken the last link while this one waited
      if (opts.control?.cancelled() || next >= entries.length) return;
      const i = next++;
      read.add(i);
      const entry = entries[i]!;
      Object.assign(entry, await readLink({ ...lists.links[i]! }, deps));
      progress.done++;
      if (entry.status === 'audited') {
        progress.audited++;
        // the report's own audit now, so progress shows errors as they come; auditSweep adds the rest
        entry.audit = runAudit(entry.model!);
        if (entry.audit.findings.some((f) => f.outcome === 'fail' && f.severity === 'error'))
          progress.withErrors++;
      } else if (entry.status === 'not-a-report') progress.notReport++;
      else if (entry.status === 'unreadable') progress.unreadable++;
      else progress.fetchFailed++;
      deps.onProgress?.({ ...progress }, entry);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, opts.concurrency ?? 4) }, worker));
  const cancelled = !!opts.control?.cancelled() && read.size < entries.length;
  const done = cancelled ? entries.filter((_, i) => read.has(i)) : entries;
  auditSweep(done);
  return { start, ...lists, entries: done, ...(cancelled ? { cancelled } : {}) };
}
