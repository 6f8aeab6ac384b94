import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromHtml } from '@/cli/dom';
import { toCliReport } from '@/cli/report';
import { inferT3 } from '@/utils/audit/infer';
import { runAudit } from '@/utils/audit/run';
import { parseReport } from '@/utils/report/parse';
import { type Harness, launch, REPO } from './harness';

// The CLI and the browser must give the same JSON for the same page: every fixture report of the
// project and every report page of ../shared/corpus/real (read in place; skipped when absent).
// Compared is the CLI's whole --json object (every cell's value and flags, every finding with its
// cells, message and outcome); only the whitespace of raw cell text may differ between engines.
// Then the CLI itself, `gouji --json <file>` as a user runs it, on the same file: the same JSON but
// for what depends on the page's address, which a local file does not have.

// Serve the folder that holds both the project and shared/, so one browser opens both.
const ROOT = join(REPO, '..');
const PROJECT = basename(REPO);
const CORPUS = join(ROOT, 'shared', 'corpus', 'real');

function htmlFiles(dir: string): string[] {
  return existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .sort()
    : [];
}

const FIXTURES = ['2019', '2021', 'pre2019'].flatMap((format) =>
  htmlFiles(join(REPO, 'tests/fixtures/pages', format)).map(
    (f) => `${PROJECT}/tests/fixtures/pages/${format}/${f}`,
  ),
);

/** Corpus report pages: those the CLI itself takes for reports (the index and negative pages are not). */
const url = (path: string) => `http://www.example.gov.cn/${path}`;
const parseInNode = (path: string, at: string) =>
  parseReport(documentFromHtml(readFileSync(join(ROOT, path), 'utf8'), at), { url: at }).model;
const CORPUS_REPORTS = htmlFiles(CORPUS)
  .map((f) => `shared/corpus/real/${f}`)
  .filter((path) => parseInNode(path, url(path)).kind === 'report');

/** The CLI's JSON with raw cell text stripped of whitespace, which engines may lay out differently. */
function comparable(json: ReturnType<typeof toCliReport>) {
  return JSON.parse(
    JSON.stringify({ ...json, source: null }, (key, value) =>
      key === 'raw' && typeof value === 'string' ? value.replace(/\s+/g, '') : value,
    ),
  );
}

/** The cells read: a page whose tables were missed would compare equal and prove nothing. */
const cellsOf = (json: ReturnType<typeof toCliReport>): number =>
  Object.values(json.tables).reduce(
    (n, table) => n + (table ? Object.values(table).reduce((m, row) => m + Object.keys(row).length, 0) : 0),
    0,
  );

let h: Harness;
/** Each page's JSON as the browser gave it, for the CLI's own run to be compared with. */
const inBrowserJson = new Map<string, ReturnType<typeof toCliReport>>();
beforeAll(async () => {
  h = await launch({ root: ROOT });
});
afterAll(async () => {
  await h?.close();
});

describe('CLI and browser give the same JSON', () => {
  it('has pages to compare', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(10);
    if (existsSync(CORPUS)) expect(CORPUS_REPORTS.length).toBeGreaterThanOrEqual(5);
  });

  it.each([...FIXTURES, ...CORPUS_REPORTS])('%s', async (path) => {
    const page = await h.open(path);
    const result = await h.waitForTabResult(page);
    expect(result.error).toBeNull();
    const inBrowser = result.model!;
    const inNode = parseInNode(path, page.url());
    expect(inBrowser.kind).toBe('report');
    const nodeJson = toCliReport(path, inNode, runAudit(inNode, undefined, inferT3(inNode)));
    const browserJson = toCliReport(path, inBrowser, result.audit);
    expect(cellsOf(nodeJson)).toBeGreaterThan(0);
    expect(comparable(browserJson)).toEqual(comparable(nodeJson));
    inBrowserJson.set(path, browserJson);
    await page.close();
  });

  /**
   * The JSON without what depends on where the page was read: its address, FMT-13 (the report's
   * site against its agency: a local file has none), the cross-year checks the CLI adds from its
   * batch (the browser adds them from the log) and the counts, which include both.
   */
  const addressFree = (json: ReturnType<typeof toCliReport>) => {
    const { counts: _counts, ...rest } = comparable(json);
    return {
      ...rest,
      findings: (rest.findings as { rule: string }[]).filter(
        (f) => f.rule !== 'FMT-13' && !f.rule.startsWith('XYR-'),
      ),
    };
  };

  it.each([...FIXTURES, ...CORPUS_REPORTS])('gouji --json %s', (path) => {
    const browserJson = inBrowserJson.get(path);
    expect(browserJson, 'the browser read this page above').toBeDefined();
    // one file per run: a batch would pair a body's consecutive years for the cross-year checks
    const run = spawnSync(process.execPath, [join(REPO, 'cli/gouji.mjs'), '--json', join(ROOT, path)], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const [cliJson] = JSON.parse(run.stdout) as ReturnType<typeof toCliReport>[];
    expect(cliJson?.isReport).toBe(true);
    expect(cellsOf(cliJson!)).toBeGreaterThan(0);
    expect(addressFree(cliJson!)).toEqual(addressFree(browserJson!));
  });
});
