import type { Budget } from '../budget';
import { extractClaims } from './claims';
import { detectReport, metaContent } from './detect';
import { type Located, locateTables, reportTables, type Skipped } from './locate';
import { emptyTableInfo, type ReportModel, type TableInfo } from './model';
import { readNarrative } from './narrative';
import { parseActive } from './parse-active';
import { parseApplications } from './parse-applications';
import { parseLegacy } from './parse-legacy';
import { parseReviews } from './parse-reviews';

// The reading half of the pipeline: page DOM → ReportModel. The same function runs in the
// content script and, over a happy-dom document, in the CLI. The model is built typed and is
// not re-validated here (review L1: zod would be most of the content script); the CLI, the
// log's writes and imports, and the tests validate it with ReportModelSchema.

export interface Parsed {
  model: ReportModel;
  /** cell and paragraph address → the element it was read from, for drawing */
  elements: Map<string, Element>;
  /**
   * The rows each table was read from, as located (DOM-bound, like `elements`): with them,
   * reading.ts tells how the page was read, only when asked, at no cost to the parse.
   */
  located: Located;
}

function hostOf(url: string | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    // A local file has no site: its host-based checks fall back to the page's own <meta name="Url">.
    return parsed.protocol === 'file:' ? null : parsed.hostname || null;
  } catch {
    return null;
  }
}

/** The page's canonical address, from its few <link>s rather than a selector search of the page. */
function canonicalLink(doc: Document): string | null {
  for (const link of Array.from(doc.getElementsByTagName('link')))
    if (link.getAttribute('rel') === 'canonical') return link.getAttribute('href');
  return null;
}

/** Why a report's tables could not be read: images or attachments instead of DOM tables. */
function absentReason(doc: Document): string {
  const images = doc.querySelectorAll('img').length;
  const attachments = doc.querySelectorAll('a[href$=".pdf" i], a[href$=".doc" i], a[href$=".docx" i]').length;
  return images + attachments > 0 ? 'not-in-dom' : 'not-found';
}

/**
 * `budget`: the deadline the parse honours at its boundaries (tables, rows, nodes, paragraphs);
 * past it, BudgetExceeded is thrown and nothing is returned. Without one it runs to the end.
 */
export function parseReport(doc: Document, opts: { url?: string; budget?: Budget } = {}): Parsed {
  const { budget } = opts;
  const detection = detectReport(doc);
  const elements = new Map<string, Element>();
  const put = (address: string, el: Element) => {
    if (!elements.has(address)) elements.set(address, el);
  };
  // A saved page still names where it was published (TRS <meta name="Url">, canonical link).
  const published = metaContent(doc, ['Url']) ?? canonicalLink(doc) ?? undefined;
  const base = { ...detection, source: opts.url ?? null, host: hostOf(opts.url) ?? hostOf(published) };

  if (detection.kind !== 'report') {
    const info = emptyTableInfo('not-a-report');
    const model: ReportModel = {
      ...base,
      tables: { active: null, applications: null, reviews: null, legacy: null },
      tableInfo: { active: info, applications: info, reviews: info, legacy: info },
      legacyRows: [],
      headings: [],
      paragraphs: [],
      claims: [],
    };
    return { model, elements, located: { active: [], applications: [], reviews: [], legacy: [] } };
  }

  const skipped: Skipped[] = [];
  const located = locateTables(doc, skipped, budget);
  const active = parseActive(located.active, detection.format, put, budget);
  const applications = parseApplications(located.applications, put, budget);
  const reviews = parseReviews(located.reviews, put, budget);
  const legacy = parseLegacy(located.legacy, put, budget);

  const narrative = readNarrative(doc, reportTables(located), put, budget);
  // The statistics table's footer (填表单位, 日期) is text the checks need as much as prose.
  const paragraphs = [...narrative.paragraphs];
  for (const note of legacy.notes) {
    const id = `p${paragraphs.length + 1}`;
    paragraphs.push({ id, section: 'other', text: note.text });
    put(`paragraph/${id}`, note.el);
  }

  // Pre-2019 reports have no national tables; their absence is the format, not a failure.
  // A table too large to expand is the likeliest place of a missing one: say so.
  // Asked only for a table not found (the page's images and links are counted for it).
  const reason = () =>
    skipped.length ? 'too-large' : detection.format === 'pre2019' ? 'not-in-format' : absentReason(doc);
  const orAbsent = (info: TableInfo): TableInfo =>
    info.found || info.reason !== 'not-found' ? info : { ...info, reason: reason() };
  const model: ReportModel = {
    ...base,
    tables: {
      active: active.table,
      applications: applications.table,
      reviews: reviews.table,
      legacy: legacy.table,
    },
    tableInfo: {
      active: orAbsent(active.info),
      applications: orAbsent(applications.info),
      reviews: orAbsent(reviews.info),
      legacy: legacy.info.found || !skipped.length ? legacy.info : { ...legacy.info, reason: 'too-large' },
    },
    legacyRows: legacy.rows,
    headings: narrative.headings,
    paragraphs,
    claims: extractClaims(paragraphs, budget),
  };
  return { model, elements, located };
}
