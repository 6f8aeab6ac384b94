// `npm run demo`: opens a sample report page on a pretend county portal in Chromium with the
// built extension, waits for the extension's result and its overlay, saves screenshots to
// demo-output/ (the page as it opens, the overlay with a finding hovered, the popup) and prints
// what it found. Headed when a display is available (the browser stays open until you close it),
// headless otherwise. `node scripts/demo.mjs --docs` also refreshes docs/screenshot-overlay.png,
// the README's picture.
//
// Chromium is driven by the e2e tests' harness (tests/e2e/harness.ts, run through tsx as the CLI
// runs its sources), so the demo launches the browser, serves the page and reads the extension's
// result exactly as the tests do.

import { existsSync, mkdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const { CHROMIUM, EXTENSION_DIR, launch } = await import('../tests/e2e/harness.ts');

const REPO = fileURLToPath(new URL('..', import.meta.url));
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

const headed = Boolean(process.env.DISPLAY);
// The portal's document root: the sample at the address a county portal gives its annual report.
const root = await mkdtemp(join(tmpdir(), 'gouji-demo-'));
await mkdir(join(root, dirname(PAGE_PATH)), { recursive: true });
await copyFile(SAMPLE, join(root, PAGE_PATH));

let h;
try {
  h = await launch({ root, host: HOST, headed, viewport: VIEWPORT });
} catch (err) {
  await rm(root, { recursive: true, force: true });
  fail(`could not start Chromium: ${err instanceof Error ? err.message.split('\n')[0] : err}`);
}
const url = `${h.origin}${PAGE_PATH}`;

async function cleanup() {
  await h.close();
  await rm(root, { recursive: true, force: true });
}

try {
  const { context } = h;
  // The demo speaks Chinese whatever the browser's own language (the options page's setting).
  await h.setSettings({ lang: 'zh', sites: [] });

  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'load' });

  // The background keeps the result in storage.session; the harness polls it from the worker.
  const result = await h.waitForTabResult(page, { timeout: WAIT_MS }).catch(() => null);
  if (!result?.model) {
    const why = result?.error ? `the parser failed: ${result.error}` : `no result within ${WAIT_MS / 1000} s`;
    throw new Error(`the extension found nothing on ${url} (${why}).`);
  }
  const tabId = await h.tabIdOf(page);

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
  await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
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
  await cleanup();
} catch (err) {
  await cleanup();
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
