import { parseArgs } from 'node:util';
import { runCrossYear, sameBody } from '../utils/audit/cross-year';
import type { AuditResult, Severity } from '../utils/audit/result';
import { addCounts, runAudit } from '../utils/audit/run';
import { Budget, BudgetExceeded } from '../utils/budget';
import { type Lang, t } from '../utils/i18n';
import type { ReportModel } from '../utils/report/model';
import { ReportModelSchema } from '../utils/report/model-schema';
import type { SourceLocation } from '../utils/source/index';
import { releaseDocuments } from './dom';
import { type Explained, explainInput, formatExplained } from './explain';
import { expandInputs, load } from './load';
import { readInNode } from './pdf-node';
import { type CliReport, formatReadable, toCliReport } from './report';
import { sweepCommand } from './sweep';

// gouji <file.html|.pdf|.docx|.txt|URL|folder>… [--json] [--fail-on error|warning] [--lang zh|en] [--time-limit S]
// gouji --explain <input>… [--json] [--lang zh|en]: how each input was read (cli/explain.ts)
// gouji --sweep <list URL|saved list page> [--json] [--max-pages N] [--out DIR] [--delay MS] (cli/sweep.ts)
// Exit status: 0 done; 1 a finding at or above --fail-on; 2 bad usage; 3 an input could not be read.

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Seconds one input may take to be read, and again to be audited, before it is reported as not
 * read and the batch goes on. Far more than the browser's 3 s: nothing freezes here, and a page
 * too large for the browser is sent to the command line; but one hostile page must not stall a
 * batch of hundreds for good. `--time-limit 0` lifts it.
 */
const DEFAULT_TIME_LIMIT_S = 60;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const stdio: Io = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let args: ReturnType<typeof parse>;
  const parse = (a: string[]) =>
    parseArgs({
      args: a,
      allowPositionals: true,
      options: {
        json: { type: 'boolean', default: false },
        explain: { type: 'boolean', default: false },
        'fail-on': { type: 'string' },
        lang: { type: 'string', default: 'zh' },
        help: { type: 'boolean', short: 'h', default: false },
        sweep: { type: 'string' },
        'max-pages': { type: 'string', default: '50' },
        out: { type: 'string' },
        delay: { type: 'string', default: '500' },
        'time-limit': { type: 'string', default: String(DEFAULT_TIME_LIMIT_S) },
      },
    });
  try {
    args = parse(argv);
  } catch (error) {
    io.err(`${(error as Error).message}\n${usage()}`);
    return 2;
  }
  const lang = args.values.lang as Lang;
  const failOn = args.values['fail-on'] as Severity | undefined;
  if (args.values.help) {
    io.out(usage());
    return 0;
  }
  const timeLimitS = Number(args.values['time-limit']);
  const badTimeLimit = !Number.isFinite(timeLimitS) || timeLimitS < 0;
  // 0: no limit
  const budgetMs = timeLimitS > 0 ? timeLimitS * 1000 : undefined;
  if (args.values.sweep !== undefined) {
    const maxPages = Number(args.values['max-pages']);
    const delayMs = Number(args.values.delay);
    if (
      args.positionals.length ||
      (lang !== 'zh' && lang !== 'en') ||
      (failOn !== undefined && failOn !== 'error' && failOn !== 'warning') ||
      !Number.isInteger(maxPages) ||
      maxPages < 1 ||
      !Number.isFinite(delayMs) ||
      delayMs < 0 ||
      badTimeLimit
    ) {
      io.err(usage());
      return 2;
    }
    return sweepCommand(
      args.values.sweep,
      {
        json: !!args.values.json,
        lang,
        maxPages,
        delayMs,
        out: args.values.out ?? null,
        failOn,
        ...(budgetMs === undefined ? {} : { budgetMs }),
      },
      io,
    );
  }
  if (
    !args.positionals.length ||
    badTimeLimit ||
    (args.values.explain && failOn !== undefined) ||
    (lang !== 'zh' && lang !== 'en') ||
    (failOn !== undefined && failOn !== 'error' && failOn !== 'warning')
  ) {
    io.err(usage());
    return 2;
  }

  const failure = (error: unknown) =>
    error instanceof BudgetExceeded
      ? t('cli.timedOut', lang, { seconds: error.limitMs / 1000 })
      : t('cli.readError', lang, { error: describe(error) });
  const reports: CliReport[] = [];
  const explained: Explained[] = [];
  let unreadable = false;
  // `explain` (how a document was read, one line per step) and `locations` (address → page and
  // box, or lines) are the hook for `gouji --explain` on documents; see utils/source/location.ts
  // describeLocation for one line per place.
  const read: {
    source: string;
    model: ReportModel;
    explain: string[];
    locations: Record<string, SourceLocation>;
  }[] = [];
  // One input that cannot be read, or that throws while being read or audited, is reported on
  // its own line and the batch goes on; the exit status is then 3, never 1 (which means findings).
  for (const source of await expandInputs(args.positionals)) {
    try {
      const loaded = await load(source);
      const document = await readInNode(
        loaded.bytes,
        { contentType: loaded.contentType, name: loaded.url },
        budgetMs,
      );
      if (!document.parsed) {
        unreadable = true;
        io.err(`${source}: ${document.problem?.[lang] ?? t('cli.readError', lang, { error: '?' })}`);
        continue;
      }
      // The reading record needs the page's DOM (the rows as located): taken before it is released.
      if (args.values.explain) {
        const e = explainInput(source, document.kind, document.explain, document.parsed);
        explained.push(e);
        if (!args.values.json) io.out(formatExplained(e, lang));
        if (document.parsed.model.kind !== 'report')
          io.err(
            `${source}: ${t(document.parsed.model.kind === 'index' ? 'cli.index' : 'cli.notReport', lang)}`,
          );
        continue;
      }
      // The parser does not validate its own output (the content script ships without it); the CLI does.
      read.push({
        source,
        model: ReportModelSchema.parse(document.parsed.model),
        explain: document.explain,
        locations: document.locations,
      });
    } catch (error) {
      unreadable = true;
      io.err(`${source}: ${failure(error)}`);
    } finally {
      // The model is plain data now; the page's DOM would otherwise stay in memory to the end.
      await releaseDocuments();
    }
  }
  if (args.values.explain) {
    if (args.values.json) io.out(JSON.stringify(explained.length === 1 ? explained[0] : explained, null, 2));
    return unreadable ? 3 : 0;
  }
  for (const { source, model } of read) {
    let report: CliReport;
    try {
      const budget = budgetMs === undefined ? undefined : new Budget(budgetMs);
      report = toCliReport(source, model, model.kind === 'report' ? auditInBatch(model, read, budget) : null);
    } catch (error) {
      unreadable = true;
      io.err(`${source}: ${failure(error)}`);
      continue;
    }
    reports.push(report);
    if (model.kind !== 'report')
      io.err(`${source}: ${t(model.kind === 'index' ? 'cli.index' : 'cli.notReport', lang)}`);
    if (!args.values.json && model.kind === 'report') io.out(formatReadable(report, model, lang));
  }
  if (args.values.json) io.out(JSON.stringify(reports, null, 2));

  if (failOn) {
    const limit = SEVERITY_RANK[failOn];
    const hit = reports.some((r) => r.findings.some((f) => SEVERITY_RANK[f.severity] <= limit));
    if (hit) return 1;
  }
  return unreadable ? 3 : 0;
}

/**
 * The audit of one report, with the cross-year checks against the same body's report of the year
 * before when the batch holds it (and, in any case, the checks that need this year's text alone).
 */
function auditInBatch(model: ReportModel, batch: { model: ReportModel }[], budget?: Budget): AuditResult {
  const audit = runAudit(model, undefined, undefined, { budget });
  const previous =
    batch.find(
      ({ model: other }) =>
        other.kind === 'report' &&
        model.year !== null &&
        other.year === model.year - 1 &&
        sameBody(model, other),
    )?.model ?? null;
  const crossYear = runCrossYear(model, previous);
  const counts = addCounts(audit.counts, crossYear.counts);
  return { ...audit, findings: [...audit.findings, ...crossYear.findings], counts };
}

const usage = () =>
  [t('cli.usage', 'zh'), t('cli.usageSweep', 'zh'), t('cli.usage', 'en'), t('cli.usageSweep', 'en')].join(
    '\n',
  );

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException & { cause?: { code?: string } };
  if (e.code === 'ENOENT') return 'file not found / 文件不存在';
  if (e.code === 'EISDIR') return 'is a folder / 是文件夹';
  if (e.name === 'TimeoutError') return 'timed out / 超时';
  if (e.cause?.code) return e.cause.code;
  return e.message ?? String(error);
}
