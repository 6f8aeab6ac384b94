// npm run bench (second half): the parser, the audit and the detector timed in real Chromium
// (/usr/bin/chromium through playwright-core, no browser download), each as a ratio to a floor
// measured in the same page: one bare pass that reads every table cell's text and the body text.
// `--write` puts the table into BENCHMARKS.md between its markers; `--profile [page.html]` prints
// where the time goes instead. Never a pass/fail test.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { cpus, platform, release } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { writeBenchTable } from './benchmarks-md.mjs';
import { launchChromium } from './chromium.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
/** Rounds of floor and run batches per page (see timeIn). */
const ROUNDS = 15;
const PAGES = join(REPO, 'tests/fixtures/pages');
const CORPUS = join(REPO, '../shared/corpus/real');
const write = process.argv.includes('--write');
/** `--profile [page.html]`: a CPU profile of parse + audit on that page (default: the stress page). */
const profileAt = process.argv.indexOf('--profile');
const profiling = profileAt >= 0;

const bundle = (
  await build({
    entryPoints: [join(REPO, 'scripts/bench/in-page.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    // unminified when profiling, so the profile names the project's functions
    minify: !profiling,
    logLevel: 'silent',
  })
).outputFiles[0].text;

const read = (path) => readFileSync(path, 'utf8');
const htmlIn = (dir) =>
  existsSync(dir)
    ? readdirSync(dir)
        .filter((f) => f.endsWith('.html'))
        .map((f) => join(dir, f))
    : [];

/** Real reports: the project's fixture pages of each format, and the real portal pages when present. */
const reports = [
  ...['2019', '2021', 'pre2019'].flatMap((f) => htmlIn(join(PAGES, f)).slice(0, 2)),
  ...htmlIn(CORPUS).filter((f) => /_\d{4}(_excerpt)?\.html$/.test(f)),
];

/** 50 reports' tables on one page (about 14 000 cells): the stress case of the budget. */
function stressPage() {
  const tables = reports.map((f) => read(f).match(/<table[\s\S]*?<\/table>/gi) ?? []).filter((t) => t.length);
  const parts = [];
  for (let i = 0; parts.length < 50; i++) parts.push(tables[i % tables.length].join('\n'));
  const head = read(reports[0]).match(/<head[\s\S]*?<\/head>/i)?.[0] ?? '';
  return `<html>${head}<body>${parts.join('\n<hr>\n')}</body></html>`;
}

const paragraph = '<p>区政府召开常务会议，研究部署今冬明春安全生产、社会治理等工作。会议强调要压实责任。</p>';
const newsPage = `<html><head><title>区政府召开常务会议_某区人民政府</title></head><body>${paragraph.repeat(2000)}</body></html>`;
const row = `<tr>${'<td>1234</td>'.repeat(20)}</tr>`;
const bigTable = `<html><head><title>2023年财政预算执行情况表_某区人民政府</title></head><body><table>${row.repeat(500)}</table></body></html>`;

const browser = await launchChromium();
const chromeVersion = browser.version();
const page = await browser.newPage();

/**
 * The page served at a portal's address, as the auditor meets it: its host is the page's own, so the
 * checks that compare the report with its site run as they do there (a page set as content would be
 * about:blank, with no host).
 */
async function openAt(html, url = 'https://www.example.gov.cn/art/report.html') {
  await page.unrouteAll();
  // the page itself and nothing else: its images, styles and scripts stay off the network
  await page.route('**/*', (route) =>
    route.request().url() === url
      ? route.fulfill({ body: html, contentType: 'text/html; charset=utf-8' })
      : route.abort(),
  );
  await page.goto(url, { waitUntil: 'domcontentloaded' });
}

/** A corpus page's own portal, from its file name (shanghai-gov-cn_… → www.shanghai.gov.cn). */
const portalOf = (file) => {
  const site = /^([a-z]+)-gov-cn_/.exec(file.slice(file.lastIndexOf('/') + 1))?.[1];
  return site ? `https://www.${site}.gov.cn/art/report.html` : undefined;
};

/**
 * `fn` and the floor timed in the same page, in alternating batches: the machine is shared, so a
 * load spike between a floor measured first and a run measured later skewed the ratio both ways.
 * First `fn`'s first run on the fresh page is timed alone (what one audit of a page costs, compiling
 * included). Then both run for half a second before anything is counted: the floor is a few lines
 * that V8 optimises at once, while the auditor's hundred rules reach their optimised code only after
 * some dozens of runs, so timing them from the start compared warm code with code still warming up.
 * Then fifteen rounds of one floor batch and one `fn` batch (each at least 50 ms, the page clock being
 * coarsened to 0.1 ms), medians of each and of the rounds' ratios, and the quartiles of those ratios:
 * on a shared machine a neighbour's burst moves a round, and the spread says how far.
 */
async function timeIn(html, fn, url) {
  await openAt(html, url);
  await page.addScriptTag({ content: bundle });
  return page.evaluate(
    ([name, rounds]) => {
      const bench = globalThis.goujiBench;
      const repsFor = (run) => {
        let reps = 1;
        for (;;) {
          const t0 = performance.now();
          for (let i = 0; i < reps; i++) run(document);
          if (performance.now() - t0 >= 50 || reps >= 1 << 16) return reps;
          reps *= 2;
        }
      };
      const batch = (run, reps) => {
        const t0 = performance.now();
        for (let i = 0; i < reps; i++) run(document);
        return (performance.now() - t0) / reps;
      };
      const run = bench[name];
      const t0 = performance.now();
      run(document);
      const first = performance.now() - t0;
      for (const warm of [bench.floor, run]) {
        const start = performance.now();
        while (performance.now() - start < 500) warm(document);
      }
      const floorReps = repsFor(bench.floor);
      const runReps = repsFor(run);
      const floors = [];
      const runs = [];
      const ratios = [];
      for (let round = 0; round < rounds; round++) {
        const f = batch(bench.floor, floorReps);
        const r = batch(run, runReps);
        floors.push(f);
        runs.push(r);
        ratios.push(r / f);
      }
      const ordered = (xs) => [...xs].sort((a, b) => a - b);
      const median = (xs) => ordered(xs)[xs.length >> 1];
      const byRatio = ordered(ratios);
      return {
        ms: median(runs),
        floor: median(floors),
        ratio: byRatio[rounds >> 1],
        quartiles: [byRatio[rounds >> 2], byRatio[(3 * rounds) >> 2]],
        first,
      };
    },
    [fn, ROUNDS],
  );
}

const rows = [];
async function measure(label, html, fn, budget, url) {
  const { ms, floor, ratio, quartiles, first } = await timeIn(html, fn, url);
  rows.push({ label, ms, floor, ratio, quartiles, budget, first });
  process.stdout.write('.');
}

/**
 * The CPU profile (Chromium's sampling profiler over CDP) of `fn` run `runs` times on one page: the
 * functions with the most time of their own, and with the most time including what they call.
 */
async function profile(html, fn, runs = 200, url = undefined) {
  await openAt(html, url);
  await page.addScriptTag({ content: bundle });
  await page.evaluate((name) => {
    for (let i = 0; i < 20; i++) globalThis.goujiBench[name](document);
  }, fn);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.evaluate(
    ([name, n]) => {
      for (let i = 0; i < n; i++) globalThis.goujiBench[name](document);
    },
    [fn, runs],
  );
  const { profile: p } = await cdp.send('Profiler.stop');
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (id) => {
    const cf = byId.get(id).callFrame;
    return `${cf.functionName || '(anonymous)'}${cf.lineNumber >= 0 ? ` :${cf.lineNumber + 1}` : ''}`;
  };
  const self = new Map();
  const total = new Map();
  let all = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    all += dt;
    self.set(nameOf(id), (self.get(nameOf(id)) ?? 0) + dt);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) seen.add(nameOf(cur));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + dt);
  });
  const top = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 30)
      .map(([name, t]) => `${((100 * t) / all).toFixed(1).padStart(6)}%  ${name}`)
      .join('\n');
  console.log(
    `self time (line numbers of the unminified bench bundle)\n${top(self)}\n\nincluding callees\n${top(total)}`,
  );
}

if (profiling) {
  const file = process.argv[profileAt + 1];
  const given = file && !file.startsWith('--');
  await profile(given ? read(file) : stressPage(), 'audit', 200, given ? portalOf(file) : undefined);
  await browser.close();
  process.exit(0);
}

for (const file of reports) {
  const name = file.startsWith(CORPUS)
    ? `real: ${file.slice(CORPUS.length + 1)}`
    : file.slice(PAGES.length + 1);
  await measure(`parse + audit, ${name}`, read(file), 'audit', '≤ 25× floor', portalOf(file));
}
await measure('parse + audit, 50 reports’ tables on one page', stressPage(), 'audit', '≤ 10× floor');
await measure('detect, long news page (not a report)', newsPage, 'detect', '< 0.5 ms');
await measure('detect, 10 000-cell table (not a report)', bigTable, 'detect', '< 0.5 ms');
await browser.close();

const size = (path) =>
  existsSync(path) ? `${(gzipSync(readFileSync(path)).length / 1024).toFixed(1)} kB gz` : 'not built';
const scripts = join(REPO, '.output/chrome-mv3/content-scripts');
const sizes = [
  ['detector content script (every *.gov.cn page)', size(join(scripts, 'detector.js')), '< 10 kB gz'],
  ['auditor content script (report pages only)', size(join(scripts, 'auditor.js')), ''],
];
const zodInAuditor = existsSync(join(scripts, 'auditor.js'))
  ? /\bZodError\b|\$ZodType/.test(read(join(scripts, 'auditor.js')))
  : null;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpu}, ${`${platform()} ${release()}, Chromium ${chromeVersion}`}, headless. After half a second of each, medians of ${ROUNDS} rounds, each a batch of the floor then a batch of the run; the ratio is the median of the rounds' ratios, and "middle half" the range of the middle half of them (how far a shared machine moved the rounds). The floor is one bare pass over every table cell's text and the body text in the same page. "First run" is the run's first call on the fresh page, compiling included (one sample, not a median).`,
  '',
  '| what | median | floor | ratio | middle half | budget | first run |',
  '|---|---|---|---|---|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.label} | ${r.ms.toFixed(2)} ms | ${r.floor.toFixed(3)} ms | ${r.ratio.toFixed(1)}× | ${r.quartiles[0].toFixed(1)}–${r.quartiles[1].toFixed(1)}× | ${r.budget} | ${r.first.toFixed(1)} ms |`,
  ),
  '',
  '| bundle | size | budget |',
  '|---|---|---|',
  ...sizes.map(([what, s, b]) => `| ${what} | ${s} | ${b} |`),
  '',
  zodInAuditor === null
    ? 'Auditor bundle: not built (`npm run build` first).'
    : `zod in the auditor bundle: ${zodInAuditor ? 'yes' : 'no'}.`,
];

const table = lines.join('\n');
process.stdout.write(`\n${table}\n`);
if (write) {
  writeBenchTable('browser-bench', 'In real Chromium (`npm run bench`)', table);
}
