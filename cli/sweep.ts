import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Severity } from '../utils/audit/result';
import { emptyCounts } from '../utils/audit/run';
import { Budget } from '../utils/budget';
import { type Lang, t } from '../utils/i18n';
import { ReportModelSchema } from '../utils/report/model-schema';
import { politeFetcher } from '../utils/sweep/fetch';
import {
  runSweep,
  type SweepDeps,
  type SweepEntry,
  type SweepProgress,
  type SweepResult,
} from '../utils/sweep/run';
import { fromSweep } from '../utils/worksheet/worksheet';
import { worksheetXlsx } from '../utils/worksheet/xlsx';
import { documentFromHtml, releaseDocument } from './dom';
import { decodePage } from './load';
import { readInNode } from './pdf-node';
import { type CliReport, formatReadable, toCliReport } from './report';

// gouji --sweep <list URL | saved list page> [--json] [--max-pages N] [--out DIR] [--delay MS]
// One object per listed link: the file audit's object plus status, listedTitle, listPage and note.

export interface SweepCliEntry extends CliReport {
  status: SweepEntry['status'];
  listedTitle: string;
  listPage: string;
  /** why a link was not audited: HTTP 404, timed out, PDF… */
  note: string | null;
}

export interface SweepCliOptions {
  json: boolean;
  lang: Lang;
  maxPages: number;
  out: string | null;
  /** pause after each request to one host, ms */
  delayMs: number;
  failOn?: Severity;
  /** how long one page may take to be read (--time-limit); none when absent */
  budgetMs?: number;
}

interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

const TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.doc': 'application/msword',
};

/** fetch, and file:// for the links of a saved list page (Node's fetch has no file://). */
const fetchWithFiles: typeof fetch = async (input, init) => {
  const url = String(input instanceof Request ? input.url : input);
  if (!url.startsWith('file:')) return fetch(input, init);
  const path = fileURLToPath(url);
  const bytes = await readFile(path).catch(() => null);
  if (!bytes) return new Response('not found', { status: 404 });
  return new Response(bytes, { headers: { 'content-type': TYPES[extname(path).toLowerCase()] ?? '' } });
};

/** The address a saved page came from: <base href>, or the browser's "saved from url=" mark. */
export function savedFrom(html: string): string | null {
  const head = html.slice(0, 4096);
  const url =
    /<!--\s*saved from url=\(\d+\)(https?:\/\/[^\s>]+?)\s*-->/i.exec(head)?.[1] ??
    /<base\s[^>]*href\s*=\s*["']?(https?:\/\/[^"'\s>]+)/i.exec(head)?.[1];
  return url ?? null;
}

function toEntry(entry: SweepEntry): SweepCliEntry {
  const base: CliReport = entry.model
    ? toCliReport(entry.url, ReportModelSchema.parse(entry.model), entry.audit)
    : {
        source: entry.url,
        isReport: false,
        kind: 'none',
        title: null,
        agency: null,
        year: null,
        publishedAt: null,
        format: 'unknown',
        tables: { active: null, applications: null, reviews: null, legacy: null },
        findings: [],
        counts: emptyCounts(),
        figures: null,
        read: null,
      };
  return {
    ...base,
    status: entry.status,
    listedTitle: entry.listedTitle,
    listPage: entry.listPage,
    note: entry.note,
  };
}

export function summaryData(result: SweepResult): Record<string, number> {
  const count = (s: SweepEntry['status']) => result.entries.filter((e) => e.status === s).length;
  return {
    pages: result.listPages.length,
    total: result.entries.length,
    audited: count('audited'),
    withErrors: result.entries.filter((e) =>
      e.audit?.findings.some((f) => f.outcome === 'fail' && f.severity === 'error'),
    ).length,
    notReport: count('not-a-report'),
    unreadable: count('unreadable'),
    fetchFailed: count('fetch-failed'),
  };
}

/**
 * How Node reads what a sweep fetched: pages over happy-dom (each released once read, since a sweep
 * reads hundreds), PDF and DOCX with utils/source. The CLI's sweep and the queue's tests share it.
 */
export function nodeReaders(
  lang: Lang,
  budgetMs?: number,
): Required<Pick<SweepDeps, 'decode' | 'toDocument' | 'releaseDocument' | 'readDocument'>> {
  return {
    decode: (bytes, charset) => decodePage(bytes, charset),
    toDocument: documentFromHtml,
    releaseDocument,
    readDocument: async (fetched) => {
      const read = await readInNode(
        fetched.bytes,
        { contentType: fetched.contentType, name: fetched.url },
        budgetMs,
      );
      const model = read.parsed?.model ?? null;
      // The model is plain data: free the report's DOM.
      if (read.document) await releaseDocument(read.document);
      return { model, problem: read.problem?.[lang] };
    },
  };
}

export async function sweepCommand(target: string, opts: SweepCliOptions, io: Io): Promise<number> {
  const { lang } = opts;
  let start = target;
  let startHtml: string | undefined;
  if (!/^https?:\/\//i.test(target)) {
    const path = resolve(target);
    try {
      startHtml = decodePage(await readFile(path));
    } catch (error) {
      io.err(`${target}: ${t('cli.readError', lang, { error: (error as Error).message })}`);
      return 3;
    }
    // A page saved by a browser names where it came from; its relative links and pages are there.
    start = savedFrom(startHtml) ?? pathToFileURL(path).href;
  }
  const fetcher = politeFetcher({ pauseMs: opts.delayMs }, fetchWithFiles);
  const result = await runSweep(
    start,
    {
      fetch: fetcher,
      ...nodeReaders(lang, opts.budgetMs),
      ...(opts.budgetMs === undefined ? {} : { budget: () => new Budget(opts.budgetMs!) }),
      onProgress: (_: SweepProgress, entry) => {
        if (entry.status !== 'audited')
          io.err(
            `${entry.url}: ${t(`sweep.status.${entry.status}`, lang)}${entry.note ? ` (${entry.note})` : ''} — ${entry.listedTitle}`,
          );
      },
    },
    { maxPages: opts.maxPages, startHtml },
  );

  for (const failed of result.failedListPages)
    io.err(`${failed.url}: ${t('sweep.listFailed', lang, { error: failed.error })}`);
  if (result.unreadPages.length)
    io.err(t('sweep.unreadPages', lang, { count: result.unreadPages.length, max: opts.maxPages }));

  const entries = result.entries.map(toEntry);
  if (opts.json) io.out(JSON.stringify(entries, null, 2));
  else
    for (const [i, entry] of result.entries.entries())
      if (entry.model && entry.status === 'audited') io.out(formatReadable(entries[i]!, entry.model, lang));
  io.err(t('sweep.summary', lang, summaryData(result)));

  if (opts.out) {
    await mkdir(opts.out, { recursive: true });
    const json = join(opts.out, 'gouji-sweep.json');
    await writeFile(json, `${JSON.stringify(entries, null, 2)}\n`);
    io.err(t('sweep.wrote', lang, { path: json }));
    const xlsx = join(opts.out, 'gouji-sweep.xlsx');
    const blob = await worksheetXlsx(fromSweep(result.entries), lang);
    await writeFile(xlsx, new Uint8Array(await blob.arrayBuffer()));
    io.err(t('sweep.wrote', lang, { path: xlsx }));
  }

  if (opts.failOn) {
    const limit = SEVERITY_RANK[opts.failOn];
    if (entries.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] <= limit))) return 1;
  }
  const unread =
    result.failedListPages.length > 0 ||
    result.entries.some((e) => e.status === 'unreadable' || e.status === 'fetch-failed');
  return unread ? 3 : 0;
}
