import { Budget } from '../budget';
import { tBoth } from '../i18n';
import { parseAddress, TABLE_IDS } from '../report/model';
import { type Parsed, parseReport } from '../report/parse';
import { decodeBytes } from './decode';
import { locationsOf, PLACED_ATTRIBUTE, type SourceLocation } from './location';
import type { PdfOptions } from './pdf';
import { type SniffedKind, type SourceHint, sniff } from './sniff';
import { textToHtml } from './text';

// Many sources, one reader (architecture.md): every document is turned into a synthetic HTML
// page — real <table>/<tr>/<td> with rowspan/colspan for its tables, <h1>/<p> for its text,
// each element stamped with where it came from (`data-at`, see ./location.ts) — and read by
// the very parseReport that reads portal pages. So every fix to reading helps every source.
//
// Usable in Node (the CLI passes a happy-dom `parseHtml`) and in an extension page or
// offscreen document (the default `parseHtml` is the page's own DOMParser; pdf.js needs its
// worker, cMap and standard-font URLs there, see PdfOptions).
//
//   const read = await readReport(bytes, { contentType, name: url }, { url });
//   if (read.problem) show(read.problem[lang]);            // scanned PDF, .doc, image…
//   else { runAudit(read.parsed.model); draw(read.locations) } // address → page+box / lines

export type DocumentKind = 'pdf' | 'docx' | 'text' | 'html';

export type ProblemCode = 'scanned' | 'legacy-word' | 'unsupported' | 'empty' | 'unreadable';

/** Why a document was not read; never "not a report". */
export interface SourceProblem {
  code: ProblemCode;
  zh: string;
  en: string;
}

export interface ReadDocument {
  /** what the bytes were read as; null when they are nothing Gouji reads */
  kind: DocumentKind | null;
  /** what the bytes are, by their magic numbers first */
  sniffed: SniffedKind;
  /** the synthetic page ('' when there is a problem) */
  html: string;
  document: Document | null;
  /** how it was read, one line per step, Chinese / English (`gouji --explain`) */
  explain: string[];
  problem?: SourceProblem;
  /** PDF only: the size of each page in points, for drawing boxes over rendered pages */
  pages?: { width: number; height: number }[];
}

export interface ReadOptions {
  /** HTML → Document; defaults to the global DOMParser (browser pages, happy-dom tests) */
  parseHtml?: (html: string) => Document;
  pdf?: PdfOptions;
}

export interface ReadReport extends ReadDocument {
  /** the parser's model and address → element map; null when there is a problem */
  parsed: Parsed | null;
  /** cell and paragraph address → where it is in the document (empty for HTML pages) */
  locations: Record<string, SourceLocation>;
}

function defaultParseHtml(html: string): Document {
  if (typeof DOMParser === 'undefined')
    throw new Error('readDocument needs options.parseHtml outside a browser');
  return new DOMParser().parseFromString(html, 'text/html');
}

const problem = (code: ProblemCode, data: Record<string, string> = {}): SourceProblem => {
  const key = {
    scanned: 'source.scanned',
    'legacy-word': 'source.legacyWord',
    unsupported: 'source.unsupported',
    empty: 'source.empty',
    unreadable: 'source.unreadable',
  } as const;
  return { code, ...tBoth(key[code], data) };
};

const UNSUPPORTED_NAME: Partial<Record<SniffedKind, string>> = {
  zip: 'ZIP',
  rtf: 'RTF',
  image: 'image / 图片',
  binary: 'binary / 二进制',
};

/** Reads a document into a synthetic page (and its Document) without parsing the report. */
export async function readDocument(
  bytes: Uint8Array,
  hint: SourceHint = {},
  options: ReadOptions = {},
): Promise<ReadDocument> {
  const parseHtml = options.parseHtml ?? defaultParseHtml;
  const sniffed = sniff(bytes, hint);
  const charset = /charset=([\w-]+)/i.exec(hint.contentType ?? '')?.[1]?.toLowerCase() ?? null;
  const failed = (kind: DocumentKind | null, p: SourceProblem, explain: string[] = []): ReadDocument => ({
    kind,
    sniffed,
    html: '',
    document: null,
    explain: [...explain, `${p.zh} / ${p.en}`],
    problem: p,
  });

  switch (sniffed) {
    case 'empty':
      return failed(null, problem('empty'));
    case 'ole':
      return failed(null, problem('legacy-word'));
    case 'zip':
    case 'rtf':
    case 'image':
    case 'binary':
      return failed(null, problem('unsupported', { type: UNSUPPORTED_NAME[sniffed]! }));
    case 'html': {
      const html = decodeBytes(bytes, charset);
      return { kind: 'html', sniffed, html, document: parseHtml(html), explain: ['网页 / HTML page'] };
    }
    case 'text': {
      const { html, explain } = textToHtml(decodeBytes(bytes, charset));
      return { kind: 'text', sniffed, html, document: parseHtml(html), explain };
    }
    case 'docx': {
      try {
        const { docxToHtml } = await import('./docx');
        const { html, explain } = await docxToHtml(bytes);
        return { kind: 'docx', sniffed, html, document: parseHtml(html), explain };
      } catch (error) {
        return failed('docx', problem('unreadable', { type: 'DOCX', error: (error as Error).message }));
      }
    }
    case 'pdf': {
      try {
        const { pdfToHtml } = await import('./pdf');
        const read = await pdfToHtml(bytes, options.pdf ?? {});
        if (!read.hasText) return failed('pdf', problem('scanned'), read.explain);
        return {
          kind: 'pdf',
          sniffed,
          html: read.html,
          document: parseHtml(read.html),
          explain: read.explain,
          pages: read.pages,
        };
      } catch (error) {
        return failed('pdf', problem('unreadable', { type: 'PDF', error: (error as Error).message }));
      }
    }
  }
}

/**
 * Cells the reader placed by inference are guesses: flagged garbled, so no rule errs on them
 * (VAL-06 names them, every other check on them is uncertain).
 */
function flagPlaced({ model, elements }: Parsed): void {
  for (const [address, el] of elements) {
    if (!el.hasAttribute(PLACED_ATTRIBUTE)) continue;
    const a = parseAddress(address);
    if (!a || !(TABLE_IDS as readonly string[]).includes(a.table)) continue;
    const cell = model.tables[a.table]?.[a.row]?.[a.col];
    if (cell && !cell.flags.includes('garbled')) cell.flags = [...cell.flags, 'garbled'];
  }
}

/**
 * Reads a document and parses it as a report: the model, its elements and their locations.
 * `budgetMs`: the parse stops with BudgetExceeded after this long (counted from when the document
 * is ready, so a slow PDF text layer does not eat it).
 */
export async function readReport(
  bytes: Uint8Array,
  hint: SourceHint = {},
  options: ReadOptions & { url?: string; budgetMs?: number } = {},
): Promise<ReadReport> {
  const read = await readDocument(bytes, hint, options);
  if (!read.document) return { ...read, parsed: null, locations: {} };
  const budget = options.budgetMs === undefined ? undefined : new Budget(options.budgetMs);
  const parsed = parseReport(read.document, { url: options.url, budget });
  if (read.kind === 'html') return { ...read, parsed, locations: {} };
  flagPlaced(parsed);
  return { ...read, parsed, locations: locationsOf(parsed.elements) };
}

export { declaredCharset, decodeBytes } from './decode';
export { type Box, describeLocation, locationOf, locationsOf, type SourceLocation } from './location';
export { type SniffedKind, type SourceHint, sniff } from './sniff';
