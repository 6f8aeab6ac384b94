import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromHtml, releaseDocument } from '@/cli/dom';
import type { PageKind } from '@/utils/report/model';
import { parseReport } from '@/utils/report/parse';
import { type Harness, launch, REPO } from './harness';
import { boxOverCell, drawnMarks, hasHost, settle, waitForHost, within } from './overlay-helpers';

// Optional: the overlay on the real portal pages of ../shared/corpus/real (read in place, never
// copied), served as *.gov.cn pages. Every box must sit on a table cell; a screenshot of each page
// goes to test-output/overlay/ for a person to look at (misplaced boxes, an unreadable panel, the
// panel over the tables). Skips when the folder is absent.

const CORPUS = join(REPO, '..', 'shared', 'corpus', 'real');
const OUT = join(REPO, 'test-output', 'overlay');
const present = existsSync(CORPUS);
const PAGES = present
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.html'))
      .sort()
  : [];

let h: Harness;
beforeAll(async () => {
  if (!present) return;
  mkdirSync(OUT, { recursive: true });
  h = await launch({ root: CORPUS, viewport: { width: 1280, height: 900 } });
  await h.setSettings({ lang: 'zh' });
});
afterAll(async () => {
  await h?.close();
});

/** The page at the first error box (else the first box), its tooltip open, the panel open. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(OUT, `${name}-top.png`) });
  const marks = await drawnMarks(page);
  const first = ['error', 'warning', 'uncertain', 'info']
    .map((tone) => marks.find((m) => m.kind === 'box' && m.tone === tone))
    .find(Boolean);
  const toggle = page.locator('gouji-overlay [data-action="collapse"]');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  if (first) {
    const { box } = await boxOverCell(page, first.key);
    await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
    await page
      .locator('gouji-overlay .tip')
      .waitFor({ timeout: 2000 })
      .catch(() => {});
  }
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  await page.mouse.move(1, 1);
}

/** The portal a file was saved from, by its name: pingtan-gov-cn_2021.html → www.pingtan.gov.cn. */
const hostOf = (file: string): string => `www.${file.split('_')[0]!.replace(/-/g, '.')}`;

/** What the CLI's reader makes of the file (report, list of reports, neither). */
function kindInNode(file: string, url: string): PageKind {
  const document = documentFromHtml(readFileSync(join(CORPUS, file), 'utf8'), url);
  try {
    return parseReport(document, { url }).model.kind;
  } finally {
    void releaseDocument(document);
  }
}

describe.skipIf(!present)('the overlay on real pages (../shared/corpus/real)', () => {
  it.each(PAGES)('%s', async (file) => {
    // Served from the host it was published on, so the report's own links to its site agree.
    const page = await h.context.newPage();
    await page.goto(`http://${hostOf(file)}:${new URL(h.origin).port}/${file}`, { waitUntil: 'load' });
    const result = await h.waitForTabResult(page, { timeout: 8000 }).catch(() => undefined);
    const name = file.replace(/\.html$/, '');
    if (result?.model?.kind !== 'report') {
      // not a report: no badge, no overlay; a list of reports shows only the sweep's offer
      const kind = kindInNode(file, page.url());
      expect(kind).not.toBe('report');
      if (kind === 'index') await page.locator('gouji-overlay [data-gouji=sweep-offer]').waitFor();
      else await page.waitForTimeout(500);
      expect(await hasHost(page)).toBe(kind === 'index');
      expect(await h.badgeText(page)).toBe('');
      await page.close();
      return;
    }
    await waitForHost(page);
    await settle(page);
    const boxes = (await drawnMarks(page)).filter((m) => m.kind === 'box');
    const keys = [...new Set(boxes.map((b) => b.key))];
    expect(keys.length).toBe(boxes.length);
    for (const key of keys) {
      const { box, cell } = await boxOverCell(page, key);
      expect(cell, `${file}: a table cell under ${key}`).not.toBeNull();
      expect(within(box, cell!, 2), `${file}: ${key} ${JSON.stringify({ box, cell })}`).toBe(true);
    }
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await settle(page);
    await shoot(page, name);
    await page.close();
  });
});
