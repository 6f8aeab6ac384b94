// npm run bench (fourth part): the popup's first list paint with 10 000 pages in the log, in real
// Chromium with the built extension. The log is filled through the extension's own IndexedDB (its
// Dexie database, from the popup page itself), then popup.html is opened afresh several times and
// timed from navigation start until the first row of the list is in the page and a frame painted.
// Beside it, in the same run, its floor: the built popup.html's own head (its styles) and twenty
// rows as static HTML, no script, added to a copy of the built extension: what the browser alone
// takes to open an extension page and paint such a list on this machine.
// `--write` puts the table into BENCHMARKS.md between its markers. Never a pass/fail test.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, platform, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { writeBenchTable } from './benchmarks-md.mjs';
import { launchWithExtension } from './chromium.mjs';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const EXTENSION = join(REPO, '.output/chrome-mv3');
const write = process.argv.includes('--write');
const PAGES = 10_000;
const RUNS = 7;

if (!existsSync(join(EXTENSION, 'manifest.json'))) {
  console.error('popup bench: no built extension, run `npm run build` first');
  process.exit(0);
}

const seedScript = (
  await build({
    entryPoints: [join(REPO, 'scripts/bench/popup-seed.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    target: 'chrome120',
    logLevel: 'silent',
    // the synthetic records come from the test helpers, whose page-parsing half needs Node and
    // happy-dom; the seeder never calls it, so those imports are stubbed in the browser
    define: { __dirname: '"/"' },
    plugins: [
      {
        name: 'node-stubs',
        setup(b) {
          b.onResolve({ filter: /^node:(fs|path)$|\/cli\/dom$/ }, (args) => ({
            path: args.path,
            namespace: 'stub',
          }));
          b.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({
            contents:
              'const no = () => { throw new Error("not in the browser"); };\n' +
              'export const readFileSync = no, documentFromHtml = no, join = (...p) => p.join("/");',
          }));
        },
      },
    ],
  })
).outputFiles[0].text;

const profile = mkdtempSync(join(tmpdir(), 'gouji-popup-bench-'));
const extension = mkdtempSync(join(tmpdir(), 'gouji-popup-bench-extension-'));
cpSync(EXTENSION, extension, { recursive: true });
const popupHtml = readFileSync(join(EXTENSION, 'popup.html'), 'utf8');
const headEnd = popupHtml.search(/<script\b|<\/head>/i);
if (headEnd < 0) throw new Error('popup bench: the built popup.html has no <script> or </head>');
const head = popupHtml.slice(0, headEnd);
const row = (i) =>
  `<div class="log-row">2020年某某县人民政府政府信息公开工作年度报告 ${i} <span class="en">2021 format</span> 发现问题 3</div>`;
writeFileSync(
  join(extension, 'bench-floor.html'),
  `${head}</head><body><div id="app"><main><h1>勾稽 Gouji</h1>${Array.from({ length: 20 }, (_, i) => row(i)).join('')}</main></div></body></html>`,
);
const context = await launchWithExtension(profile, extension, { viewport: { width: 420, height: 600 } });

// Every popup page notes when the list's first row appears, and when the frame after it is painted.
await context.addInitScript(() => {
  const seen = () => {
    if (!document.querySelector('.log-row')) return false;
    const inDom = performance.now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        globalThis.goujiFirstRow = { inDom, painted: performance.now() };
      }),
    );
    return true;
  };
  const watch = new MutationObserver(() => {
    if (seen()) watch.disconnect();
  });
  watch.observe(document, { childList: true, subtree: true });
});

async function run() {
  const worker =
    context.serviceWorkers().find((w) => w.url().endsWith('/background.js')) ??
    (await context.waitForEvent('serviceworker'));
  const origin = `chrome-extension://${new URL(worker.url()).host}`;
  const popupUrl = `${origin}/popup.html`;
  const floorUrl = `${origin}/bench-floor.html`;

  const seeder = await context.newPage();
  await seeder.goto(popupUrl);
  // CDP evaluation, not a script tag: the extension page's CSP allows only its own scripts
  await seeder.evaluate(seedScript);
  const records = await seeder.evaluate((n) => globalThis.goujiSeed(n), PAGES);
  await seeder.close();

  const runs = [];
  const floors = [];
  for (let i = 0; i < RUNS + 1; i++) {
    // the floor first, then the popup: alternated, so both meet the machine in the same state
    const floor = await context.newPage();
    await floor.goto(floorUrl);
    await floor.waitForFunction(() => globalThis.goujiFirstRow, undefined, { timeout: 60_000 });
    if (i > 0) floors.push(await floor.evaluate(() => globalThis.goujiFirstRow.painted));
    await floor.close();
    const popup = await context.newPage();
    await popup.goto(popupUrl);
    await popup.waitForFunction(() => globalThis.goujiFirstRow, undefined, { timeout: 60_000 });
    const r = await popup.evaluate(() => ({
      ...globalThis.goujiFirstRow,
      rows: document.querySelectorAll('.log-row').length,
      pager: document.querySelector('.log-pager, .pager')?.textContent?.trim() ?? '',
      domReady: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? 0,
    }));
    await popup.close();
    // the first run warms the browser's caches (the code, IndexedDB's files); not counted
    if (i > 0) runs.push(r);
    process.stdout.write('.');
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ms = (x) => `${Math.round(x)} ms`;
  // the spread of the openings beside each median: on a shared machine one opening can take half
  // as long again as the next
  const range = (xs) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;
  const painted = runs.map((r) => r.painted);
  const inDom = runs.map((r) => r.inDom);
  const domReady = runs.map((r) => r.domReady);
  const lines = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${platform()} ${release()}, Chromium ${context.browser()?.version() ?? ''}, headless; ${records} records for ${PAGES.toLocaleString('en')} pages in the extension's IndexedDB; median of ${RUNS} fresh openings of popup.html after one warm-up, each right after an opening of its floor page, and the fastest and slowest of them.`,
    '',
    '| what | median | fastest–slowest | budget |',
    '|---|---|---|---|',
    `| popup, ${PAGES.toLocaleString('en')} pages: navigation → first list row painted | ${ms(median(painted))} | ${range(painted)} | < 200 ms |`,
    `| of which: navigation → first list row in the DOM | ${ms(median(inDom))} | ${range(inDom)} |  |`,
    `| of which: navigation → the page's script loaded (DOMContentLoaded) | ${ms(median(domReady))} | ${range(domReady)} |  |`,
    `| rows in the first page of the list | ${runs[0]?.rows ?? 0} |  |  |`,
    `| floor: the same page's head and 20 rows as static HTML, no script: navigation → painted | ${ms(median(floors))} | ${range(floors)} |  |`,
  ];
  const table = lines.join('\n');
  process.stdout.write(`\n${table}\n`);
  if (write) {
    writeBenchTable(
      'popup-bench',
      'The popup with a large log (`npm run bench`, `scripts/bench/popup.mjs`)',
      table,
    );
  }
}

try {
  await run();
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  rmSync(extension, { recursive: true, force: true });
}
