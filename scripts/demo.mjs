// `npm run demo`: opens a sample report page on a pretend county portal in Chromium with the
// built extension, waits for the extension's result and its overlay, saves screenshots to
// demo-output/ (the page as it opens, the overlay with a finding hovered, the popup) and prints
// what it found. Headed when a display is available (the browser stays open until you close it),
// headless otherwise. `node scripts/demo.mjs --docs` also refreshes docs/screenshot-overlay.png,
// the README's picture.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const REPO = fileURLToPath(new URL('..', import.meta.url));
const EXTENSION_DIR = join(REPO, '.output', 'chrome-mv3');
const OUT_DIR = join(REPO, 'demo-output');
const DOCS_SHOT = join(REPO, 'docs', 'screenshot-overlay.png');
const WRITE_DOCS = process.argv.includes('--docs');
// Wide enough for the findings panel to open beside the 1000 px article instead of over it.
const VIEWPORT = { width: 1640, height: 1000 };
const SAMPLE = join(REPO, 'scripts', 'demo', 'sample-report.html');
// Any *.gov.cn name is resolved to the local server, so the extension sees a portal page.
const HOST = 'www.shilixian.gov.cn';
const PAGE_PATH = '/zwgk/zfxxgknb/202301/t20230116_1024.html';
const WAIT_MS = 30_000;

function fail(message) {
  console.error(`demo: ${message}`);
  process.exit(1);
}

if (!existsSync(CHROMIUM)) {
  fail(`Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium fonts-noto-cjk`);
}
if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
  fail(`no built extension in ${EXTENSION_DIR}; run \`npm run build\` (npm run demo does it for you).`);
}

const { chromium } = await import('playwright-core');
const headed = Boolean(process.env.DISPLAY);
const html = readFileSync(SAMPLE);

const server = createServer((req, res) => {
  if (new URL(req.url ?? '/', 'http://x').pathname === PAGE_PATH) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  } else {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  }
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const url = `http://${HOST}:${server.address().port}${PAGE_PATH}`;
const userDataDir = await mkdtemp(join(tmpdir(), 'gouji-demo-'));

async function cleanup(context) {
  await context?.close().catch(() => {});
  server.closeAllConnections();
  server.close();
  await rm(userDataDir, { recursive: true, force: true });
}

let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: false, // headless is chosen with --headless=new below: only that mode runs extensions
    ignoreDefaultArgs: ['--disable-extensions'],
    viewport: VIEWPORT,
    args: [
      ...(headed ? [] : ['--headless=new']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--host-resolver-rules=MAP *.gov.cn 127.0.0.1',
    ],
  });
} catch (err) {
  await cleanup();
  fail(`could not start Chromium: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
}

try {
  const isOurs = (w) => w.url().startsWith('chrome-extension://') && w.url().endsWith('/background.js');
  const worker = async () =>
    context.serviceWorkers().find(isOurs) ??
    (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 20_000 }));
  const extensionId = new URL((await worker()).url()).host;
  // The demo speaks Chinese whatever the browser's own language (the options page's setting).
  await (await worker()).evaluate(() => chrome.storage.sync.set({ settings: { lang: 'zh', sites: [] } }));

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'load' });

  // The background keeps the result in storage.session under tab:<id>; poll it from the worker.
  const read = async () =>
    (await worker()).evaluate(async (pageUrl) => {
      const tab = (await chrome.tabs.query({})).find((t) => t.url === pageUrl);
      if (tab?.id === undefined) return null;
      const key = `tab:${tab.id}`;
      return { tabId: tab.id, result: (await chrome.storage.session.get(key))[key] ?? null };
    }, url);
  const deadline = Date.now() + WAIT_MS;
  let found = await read();
  while (!(found?.result?.model || found?.result?.error) && Date.now() < deadline) {
    await new Promise((ok) => setTimeout(ok, 250));
    found = await read();
  }
  const result = found?.result;
  if (!result?.model) {
    const why = result?.error ? `the parser failed: ${result.error}` : `no result within ${WAIT_MS / 1000} s`;
    throw new Error(`the extension found nothing on ${url} (${why}).`);
  }

  mkdirSync(OUT_DIR, { recursive: true });
  const shots = ['report-page.png'];
  const overlayShown = result.model.kind === 'report' && (await showOverlay(page));
  await page.screenshot({ path: join(OUT_DIR, 'report-page.png') });
  if (overlayShown) {
    await hoverWorstCell(page);
    await page.screenshot({ path: join(OUT_DIR, 'overlay.png') });
    shots.push('overlay.png');
    if (WRITE_DOCS) {
      mkdirSync(dirname(DOCS_SHOT), { recursive: true });
      await page.screenshot({ path: DOCS_SHOT });
    }
    await page.mouse.move(1, 1);
  }
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 420 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${found.tabId}`);
  await popup.waitForSelector('dl', { timeout: 5_000 }).catch(() => {});
  await popup.screenshot({ path: join(OUT_DIR, 'popup.png'), fullPage: true });
  shots.push('popup.png');
  await popup.close();
  await page.bringToFront();

  report(result);
  console.log(`\nScreenshots: ${shots.map((f) => join('demo-output', f)).join(', ')}`);
  if (WRITE_DOCS && overlayShown) console.log(`README picture: ${join('docs', 'screenshot-overlay.png')}`);

  if (headed) {
    console.log('The browser stays open; close its window to end the demo.');
    await new Promise((ok) => context.on('close', ok));
  }
  await cleanup(context);
} catch (err) {
  await cleanup(context);
  fail(err instanceof Error ? err.message : String(err));
}

/** Waits for the overlay (one <gouji-overlay> host, its panel inside) and opens the panel. */
async function showOverlay(page) {
  const panel = page.locator('gouji-overlay .panel');
  try {
    await panel.waitFor({ timeout: 10_000 });
  } catch {
    console.warn('demo: the overlay did not appear; screenshots show the page only.');
    return false;
  }
  const toggle = page.locator('gouji-overlay [data-action="collapse"]');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  return true;
}

/** Scrolls 表三 into view and hovers the cell with the most findings, so its tooltip shows. */
async function hoverWorstCell(page) {
  const target = await page.evaluate(() => {
    const root = document.querySelector('gouji-overlay')?.shadowRoot;
    const boxes = Array.from(root?.querySelectorAll('.box') ?? []);
    const rank = { error: 0, warning: 1, uncertain: 2, info: 3 };
    boxes.sort(
      (a, b) =>
        rank[a.dataset.tone] - rank[b.dataset.tone] ||
        (b.getAttribute('aria-label')?.match(/(\d+) 项/)?.[1] ?? 0) -
          (a.getAttribute('aria-label')?.match(/(\d+) 项/)?.[1] ?? 0),
    );
    const box = boxes[0];
    if (!box) return null;
    const top = box.getBoundingClientRect().top + window.scrollY;
    window.scrollTo({ top: Math.max(0, top - 220), behavior: 'instant' });
    return box.dataset.key;
  });
  if (!target) return;
  await page.waitForTimeout(300);
  const box = await page.locator(`gouji-overlay .box[data-key="${target}"]`).boundingBox();
  if (!box) return;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page
    .locator('gouji-overlay .tip')
    .waitFor({ timeout: 3000 })
    .catch(() => {});
}

function report({ model, audit }) {
  const tables = ['active', 'applications', 'reviews', 'legacy'];
  const names = { active: '表二', applications: '表三', reviews: '表四', legacy: '统计表' };
  console.log(`页面 Page      ${url}`);
  console.log(`标题 Title     ${model.title ?? '—'}`);
  console.log(`机关 Agency    ${model.agency ?? '—'}`);
  console.log(`年度 Year      ${model.year ?? '—'}    发布 Published ${model.publishedAt ?? '—'}`);
  console.log(`格式 Format    ${model.format}`);
  console.log('读到的表格 Tables read:');
  for (const id of tables) {
    const info = model.tableInfo[id];
    if (!info.found) continue;
    const rows = Object.keys(model.tables[id] ?? {}).length;
    const gaps = [
      info.missingRows.length ? `missing ${info.missingRows.join(', ')}` : '',
      info.garbledRows.length ? `garbled ${info.garbledRows.join(', ')}` : '',
    ].filter(Boolean);
    console.log(
      `  ${names[id]} ${id}: ${rows} rows, ${info.complete ? 'complete' : 'incomplete'}${gaps.length ? ` (${gaps.join('; ')})` : ''}`,
    );
  }
  console.log(`正文数字陈述 Claims in the text: ${model.claims.length}`);
  if (!audit) {
    console.log(
      '审核 Audit: the rule engine is not wired in yet (utils/audit/run.ts); findings will appear here.',
    );
    return;
  }
  const { pass, fail: failed, uncertain } = audit.counts;
  console.log(`审核 Audit: ${failed} failed, ${uncertain} uncertain, ${pass} passed`);
  for (const f of audit.findings) {
    console.log(`  [${f.severity}] ${f.spec} ${f.message.zh}`);
    console.log(`      ${f.message.en}${f.cells.length ? `  (${f.cells.join(', ')})` : ''}`);
  }
}
