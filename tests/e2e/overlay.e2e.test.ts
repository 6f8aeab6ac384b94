import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCount } from '@/components/overlay/findings';
import { toneOf } from '@/utils/audit/tones';
import { type Harness, launch, REPO } from './harness';
import {
  auditInNode,
  boxOverCell,
  drawnMarks,
  extensionListeners,
  hasHost,
  isWxtContextListener,
  markupAtReady,
  markupWithoutHost,
  settle,
  waitForHost,
  within,
} from './overlay-helpers';

// The in-page overlay in real Chromium with the built extension. The reference for what must be
// drawn is the Node audit of the same file (the CLI's code), plus the discrepancies the demo page
// was written with, named here by hand.

const SAMPLE = 'scripts/demo/sample-report.html';
const SEED001 = 'tests/fixtures/pages/2019/seed001-word.html';
const NEWS = 'tests/e2e/pages/news.html';
const VIEWPORT = { width: 1280, height: 900 };

/** The sample's deliberate discrepancies: cells and what the page prints in them. */
const SAMPLE_CELLS: Record<string, string> = {
  'applications/new/NP': '18',
  'applications/new/BIZ': '4',
  'applications/new/RES': '0',
  'applications/new/SOC': '1',
  'applications/new/LEG': '1',
  'applications/new/OTH': '0',
  'applications/new/TOT': '25', // T3-02: 18 + 4 + 0 + 1 + 1 + 0 = 24
  'applications/carryIn/TOT': '2',
  'applications/r7/TOT': '25',
  'applications/carryOut/TOT': '1', // T3-01: 25 + 2 ≠ 25 + 1
  'reviews/rev/upheld': '2',
  'reviews/rev/corrected': '1',
  'reviews/rev/other': '0',
  'reviews/rev/pending': '1',
  'reviews/rev/total': '3', // T4-01: 2 + 1 + 0 + 1 = 4
};
const SAMPLE_SPECS = ['T3-01', 'T3-02', 'T4-01', 'TXT-01'];

let h: Harness;
beforeAll(async () => {
  h = await launch({ root: REPO, viewport: VIEWPORT });
  await h.setSettings({ lang: 'zh' });
});
afterAll(async () => {
  await h?.close();
});

async function openReport(path: string): Promise<Page> {
  const page = await h.open(path);
  await h.waitForTabResult(page);
  await waitForHost(page);
  await settle(page);
  return page;
}

const panel = (page: Page) => page.locator('gouji-overlay .panel');

/** Opens the panel if it started collapsed (it does when the report leaves no room beside it). */
async function expandPanel(page: Page): Promise<void> {
  const toggle = page.locator('gouji-overlay [data-action="collapse"]');
  if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
  await page.locator('gouji-overlay .panel .body').waitFor();
}

describe('a report with known discrepancies (the demo page)', () => {
  let page: Page;
  let node: ReturnType<typeof auditInNode>;
  beforeAll(async () => {
    page = await openReport(SAMPLE);
    node = auditInNode(SAMPLE, page.url());
  });
  afterAll(async () => {
    await page?.close();
  });

  it('draws one box per distinct cell of the findings, on exactly those cells', async () => {
    const boxes = (await drawnMarks(page)).filter((m) => m.kind === 'box');
    const keys = boxes.map((b) => b.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(new Set(keys)).toEqual(node.cells);
    for (const cell of Object.keys(SAMPLE_CELLS)) expect(keys).toContain(cell);
  });

  it('puts each box on its cell (within 1.5 px) and the cell holds the number the finding is about', async () => {
    for (const key of [...node.cells]) {
      const { box, cell, text } = await boxOverCell(page, key);
      expect(cell, `a table cell under the box of ${key}`).not.toBeNull();
      expect(within(box, cell!), `${key}: box ${JSON.stringify(box)} vs cell ${JSON.stringify(cell)}`).toBe(
        true,
      );
      if (key in SAMPLE_CELLS) expect(text, key).toBe(SAMPLE_CELLS[key]);
    }
  });

  it('follows the page when it scrolls and when its layout changes', async () => {
    const key = 'reviews/rev/total';
    await boxOverCell(page, key);
    await page.evaluate(() => window.scrollBy({ top: 137, behavior: 'instant' }));
    await settle(page);
    let { box, cell } = await measureInPlace(page, key);
    expect(within(box, cell)).toBe(true);
    // The page's own layout changes (a script resizing the article): the box moves with the cell.
    await page.evaluate(() => {
      (document.querySelector('.article') as HTMLElement).style.paddingLeft = '140px';
    });
    await settle(page);
    ({ box, cell } = await measureInPlace(page, key));
    expect(within(box, cell)).toBe(true);
    await page.evaluate(() =>
      (document.querySelector('.article') as HTMLElement).style.removeProperty('padding-left'),
    );
    await page.evaluate(() => {
      const a = document.querySelector('.article') as HTMLElement;
      if (!a.getAttribute('style')) a.removeAttribute('style');
    });
    await page.setViewportSize({ width: 1000, height: 700 });
    await settle(page);
    ({ box, cell } = await measureInPlace(page, key));
    expect(within(box, cell)).toBe(true);
    await page.setViewportSize(VIEWPORT);
    await settle(page);
  });

  it('colours each cell by its worst finding and underlines the sentence the text check names', async () => {
    const marks = await drawnMarks(page);
    const tone = (key: string) => marks.find((m) => m.key === key)?.tone;
    expect(tone('reviews/rev/total')).toBe('error');
    // new/TOT: T3-01 and T3-02 (errors) and TXT-01 (a warning) → red.
    expect(tone('applications/new/TOT')).toBe('error');
    const border = await page
      .locator('gouji-overlay .box[data-key="reviews/rev/total"]')
      .evaluate((el) => getComputedStyle(el).borderTopColor);
    expect(border).toBe('rgb(217, 45, 32)');

    const txt = node.audit.findings.find((f) => f.spec === 'TXT-01')!;
    const key = `sentence/${txt.sentence!.paragraph}/${txt.sentence!.text}`;
    const lines = marks.filter((m) => m.key === key);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines[0]!.tone).toBe('warning');
    // The underline covers the sentence's own text: measured here with a range of our own.
    const expected = await page.evaluate((sentence) => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const i = (n.nodeValue ?? '').indexOf(sentence);
        if (i < 0) continue;
        const range = document.createRange();
        range.setStart(n, i);
        range.setEnd(n, i + sentence.length);
        return Array.from(range.getClientRects(), (r) => ({
          left: r.left,
          top: r.top,
          width: r.width,
          height: r.height,
        }));
      }
      return [];
    }, txt.sentence!.text);
    expect(expected.length).toBe(lines.length);
    for (const [i, line] of lines.entries()) {
      expect(within(line.rect, expected[i]!), JSON.stringify([line, expected[i]])).toBe(true);
    }
  });

  it('shows the findings of a cell on hover: rule, arithmetic, expected and actual, how sure', async () => {
    const { box } = await boxOverCell(page, 'applications/new/TOT');
    await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
    const tip = page.locator('gouji-overlay .tip');
    await tip.waitFor();
    const text = (await tip.textContent()) ?? '';
    expect(text).toContain('本年新收·总计');
    for (const spec of ['T3-01', 'T3-02', 'TXT-01']) expect(text).toContain(spec);
    expect(text).toContain('本年新收 25 + 上年结转 2 = 27');
    expect(text).toMatch(/应为 \d+，实为 \d+/);
    expect(text).toContain('判定：不符');
    // Worst first.
    expect(text.indexOf('T3-01')).toBeLessThan(text.indexOf('TXT-01'));
    await page.mouse.move(2, 2);
    await tip.waitFor({ state: 'detached' });
  });

  it('lists the findings in the panel, by table, with the figures, the format and the year', async () => {
    await expandPanel(page);
    const specs = await page
      .locator('gouji-overlay .panel [data-spec]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.spec));
    expect([...specs].sort()).toEqual(node.audit.findings.map((f) => f.spec).sort());
    expect(specs).toEqual(expect.arrayContaining(SAMPLE_SPECS));
    const groups = await page
      .locator('gouji-overlay .panel [data-group]')
      .evaluateAll((els) => els.map((e) => (e as HTMLElement).dataset.group));
    expect(groups.indexOf('applications')).toBeLessThan(groups.indexOf('reviews'));
    expect(groups).toContain('text');
    const body = await panel(page).textContent();
    expect(body).toContain('2022');
    expect(body).toContain('2021年格式');
    expect(body).toMatch(/实质公开率\s*56\.0%/);
    expect(body).toMatch(/复议纠错率\s*33\.3%/);
    expect(body).toMatch(/办理申请\s*25/);
    expect(body).toContain(`${errorCount(node.audit.findings)} 个错误`);
  });

  it('scrolls to the cells of a finding when it is clicked, and pulses their boxes', async () => {
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await settle(page);
    await expandPanel(page);
    await page.locator('gouji-overlay .panel [data-spec="T4-01"]').click();
    const box = page.locator('gouji-overlay .box[data-key="reviews/rev/total"]');
    await expect.poll(() => box.getAttribute('class')).toContain('pulse');
    await expect
      .poll(
        async () => {
          const r = await box.boundingBox();
          return r !== null && r.y >= 0 && r.y + r.height <= VIEWPORT.height;
        },
        { timeout: 5000 },
      )
      .toBe(true);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(500);
  });

  it('is usable from the keyboard: boxes take focus, Enter opens the finding, Escape collapses', async () => {
    const box = page.locator('gouji-overlay .box[data-key="reviews/rev/total"]');
    expect(await box.getAttribute('tabindex')).toBe('0');
    expect(await box.getAttribute('aria-label')).toContain('行政复议·总计');
    await box.focus();
    const tip = page.locator('gouji-overlay .tip');
    await tip.waitFor();
    expect(await tip.textContent()).toContain('T4-01');
    await page.keyboard.press('Enter');
    const focused = () =>
      page.evaluate(() => {
        const el = document.querySelector('gouji-overlay')?.shadowRoot?.activeElement as HTMLElement | null;
        return el ? (el.dataset.spec ?? el.dataset.action ?? el.className) : null;
      });
    await expect.poll(focused).toBe('T4-01');
    // Escape collapses the panel and leaves focus on its expand button.
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('collapse');
    expect(await page.locator('gouji-overlay [data-action="collapse"]').getAttribute('aria-expanded')).toBe(
      'false',
    );
    // Enter on the button opens it again; Tab walks the bar's buttons, then the findings.
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('close');
    // Then the 读取说明 button and the notes switch (when there are notes), then the findings.
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('reading');
    await page.keyboard.press('Tab');
    let back = 4;
    if ((await focused()) === 'show-notes') {
      await page.keyboard.press('Tab');
      back++;
    }
    expect(await focused()).toMatch(/^(T|TXT|FMT|VAL|ARI|S17)-?/);
    for (let i = 0; i < back; i++) await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('reaudit');
  });

  it('moves the panel out of the way: drag by its handle, dock left and right', async () => {
    await expandPanel(page);
    const before = (await panel(page).boundingBox())!;
    const handle = (await page.locator('gouji-overlay .handle').boundingBox())!;
    const start = { x: handle.x + 20, y: handle.y + handle.height / 2 };
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 300, start.y + 180, { steps: 5 });
    await page.mouse.up();
    const after = (await panel(page).boundingBox())!;
    expect(Math.round(after.x - before.x)).toBe(-300);
    expect(Math.round(after.y - before.y)).toBe(180);
    await page.locator('gouji-overlay [data-action="dock"]').click();
    const left = (await panel(page).boundingBox())!;
    expect(left.x).toBe(12);
    await page.locator('gouji-overlay [data-action="dock"]').click();
    const right = (await panel(page).boundingBox())!;
    // right: 12px of the layout viewport, which the page's scrollbar narrows.
    const clientWidth = await page.evaluate(() => document.documentElement.clientWidth);
    expect(Math.round(right.x + right.width)).toBe(clientWidth - 12);
  });

  it('sets the action badge to the number of errors', async () => {
    expect(await h.badgeText(page)).toBe(String(errorCount(node.audit.findings)));
    expect(errorCount(node.audit.findings)).toBeGreaterThanOrEqual(3);
  });

  it('audits again from the panel', async () => {
    const before = (await h.readTabResult(page))!.updatedAt;
    await page.locator('gouji-overlay [data-action="reaudit"]').click();
    await expect.poll(async () => (await h.readTabResult(page))!.updatedAt).toBeGreaterThan(before);
    await settle(page);
    expect(new Set((await drawnMarks(page)).filter((m) => m.kind === 'box').map((m) => m.key))).toEqual(
      node.cells,
    );
  });

  it('leaves the page markup as it was, apart from its one host element', async () => {
    expect(await page.evaluate(() => document.querySelectorAll('gouji-overlay').length)).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.tagName)).toBe(
      'GOUJI-OVERLAY',
    );
    expect(await markupWithoutHost(page)).toBe(await markupAtReady(page));
  });

  it('is toggled by the command: off removes every trace, on draws it again', async () => {
    const tabId = await h.tabIdOf(page);
    const shownListeners = await extensionListeners(page);
    expect(shownListeners).toEqual(
      expect.arrayContaining(['window:scroll', 'window:resize', 'document:mousemove']),
    );

    expect(await h.sendMessage({ type: 'toggle-overlay', tabId })).toEqual({ ok: true, shown: false });
    expect(await hasHost(page)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await markupAtReady(page));
    expect((await extensionListeners(page)).filter((l) => !isWxtContextListener(l))).toEqual([]);

    expect(await h.sendMessage({ type: 'toggle-overlay', tabId })).toEqual({ ok: true, shown: true });
    await waitForHost(page);
    await settle(page);
    expect(new Set((await drawnMarks(page)).filter((m) => m.kind === 'box').map((m) => m.key))).toEqual(
      node.cells,
    );
  });

  it('is closed by its × button, leaving the page as it was', async () => {
    await page.locator('gouji-overlay [data-action="close"]').click();
    expect(await hasHost(page)).toBe(false);
    expect(await page.evaluate(() => document.documentElement.outerHTML)).toBe(await markupAtReady(page));
    expect((await extensionListeners(page)).filter((l) => !isWxtContextListener(l))).toEqual([]);
    // The badge still tells what the report holds.
    expect(await h.badgeText(page)).toBe(String(errorCount(node.audit.findings)));
  });
});

async function measureInPlace(page: Page, key: string) {
  return page.evaluate((k) => {
    const rect = (r: DOMRect) => ({ left: r.left, top: r.top, width: r.width, height: r.height });
    const b = document
      .querySelector('gouji-overlay')!
      .shadowRoot!.querySelector(`.box[data-key="${CSS.escape(k)}"]`)!
      .getBoundingClientRect();
    const cell = document
      .elementsFromPoint(b.left + b.width / 2, b.top + b.height / 2)
      .find((e) => e.tagName === 'TD')!;
    return { box: rect(b), cell: rect(cell.getBoundingClientRect()) };
  }, key);
}

describe('the seed 001 page (2019 format, T4-01 on 复议)', () => {
  it('boxes the 复议 row and the other cells of its findings, and counts one error', async () => {
    const page = await openReport(SEED001);
    const node = auditInNode(SEED001, page.url());
    const boxes = (await drawnMarks(page)).filter((m) => m.kind === 'box');
    expect(new Set(boxes.map((b) => b.key))).toEqual(node.cells);
    for (const c of ['upheld', 'corrected', 'other', 'pending', 'total']) {
      const { box, cell } = await boxOverCell(page, `reviews/rev/${c}`);
      expect(within(box, cell!)).toBe(true);
      expect(boxes.find((b) => b.key === `reviews/rev/${c}`)?.tone).toBe('error');
    }
    expect(await h.badgeText(page)).toBe('1');
    await page.close();
  });
});

describe('notes and the 读取说明 view on the seed 001 page (issue 8 §4–5)', () => {
  let page: Page;
  let node: ReturnType<typeof auditInNode>;
  beforeAll(async () => {
    await h.setSettings({ lang: 'zh' });
    page = await openReport(SEED001);
    node = auditInNode(SEED001, page.url());
    await expandPanel(page);
  });
  afterAll(async () => {
    await page?.close();
    await h.setSettings({ lang: 'zh' });
  });

  it('draws no note until the switch is flipped, then every note, and remembers the switch', async () => {
    expect(node.notes.size).toBeGreaterThan(0);
    const boxKeys = async () => (await drawnMarks(page)).filter((m) => m.kind === 'box').map((m) => m.key);
    expect(new Set(await boxKeys())).toEqual(node.cells);
    const toggle = page.locator('gouji-overlay [data-action="show-notes"]');
    expect(await toggle.getAttribute('aria-checked')).toBe('false');
    expect(await toggle.textContent()).toBe(`在页面上显示提示（${countNotes(node)}）`);
    await toggle.click();
    await expect.poll(async () => new Set(await boxKeys())).toEqual(new Set([...node.cells, ...node.notes]));
    expect(await toggle.getAttribute('aria-checked')).toBe('true');
    // Remembered: the next report opened draws its notes from the start.
    const again = await openReport(SEED001);
    await expect
      .poll(async () => (await drawnMarks(again)).filter((m) => m.kind === 'box' && m.tone === 'info').length)
      .toBe(node.notes.size);
    await again.close();
    await toggle.click();
    await expect.poll(async () => new Set(await boxKeys())).toEqual(node.cells);
  });

  it('opens 读取说明 with one click: the tables’ mappings and the claims with their sentences', async () => {
    await page.locator('gouji-overlay [data-action="reading"]').click();
    const view = page.locator('gouji-overlay [data-view="reading"]');
    await view.waitFor();
    expect(await view.locator('[data-table="applications"] [data-column="NP"]').textContent()).toBe(
      '#4 申请人情况 / 自然 人 → NP',
    );
    const t3new = view.locator('[data-table="applications"] [data-keys="new"]');
    expect(await t3new.textContent()).toContain('一、才本年新州女政府信息公开申请数量');
    expect(await t3new.textContent()).toContain('→ new');
    expect(
      await view.locator('[data-table="applications"] [data-keys="r1"]').getAttribute('data-status'),
    ).toBe('guessed');
    expect(await view.locator('[data-missing="r1"]').textContent()).toBe('r1：标签缺失，按相邻行推定');
    const period = node.model.claims.find((c) => c.kind === 'statisticsPeriod')!;
    expect(await view.locator('[data-claim="statisticsPeriod"] .sentence').first().textContent()).toBe(
      `「${period.sentence}」`,
    );
  });

  it('scrolls to a row when it is clicked and marks it on the page', async () => {
    const view = page.locator('gouji-overlay [data-view="reading"]');
    await view.locator('[data-table="applications"] [data-keys="carryOut"] button.locate').click();
    const spot = page.locator('gouji-overlay .box.spot');
    await spot.waitFor();
    // Once the smooth scroll has brought it into view.
    const rowUnderSpot = () =>
      page.evaluate(() => {
        const host = document.querySelector('gouji-overlay')!;
        const r = host.shadowRoot!.querySelector('.box.spot')!.getBoundingClientRect();
        // Its left end: the panel may cover the rest of the row.
        const el = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
        return el?.closest('tr')?.textContent?.replace(/\s+/g, '') ?? '';
      });
    await expect.poll(rowUnderSpot, { timeout: 5000 }).toContain('结转下年度继续办理');
  });
});

function countNotes(node: ReturnType<typeof auditInNode>): number {
  return node.audit.findings.filter((f) => toneOf(f) === 'info').length;
}

describe('page styles and overlay styles do not mix', () => {
  const HOSTILE = `<style>
    * { all: unset; }
    html { font-size: 40px !important; }
    div { z-index: 99999 !important; position: relative; }
    table td { outline: 3px solid lime; }
    gouji-overlay, gouji-overlay * { display: none !important; color: lime !important; }
  </style>`;
  const PATH = 'tests/e2e/pages/hostile-report.html';

  beforeAll(async () => {
    // The demo page with hostile global styles, served under its own name.
    const { readFile } = await import('node:fs/promises');
    const html = (await readFile(`${REPO}/${SAMPLE}`, 'utf8')).replace('</head>', `${HOSTILE}</head>`);
    await h.context.route('**/hostile-report.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    // Computed styles of every page element at DOMContentLoaded, before any content script.
    await h.context.addInitScript(() => {
      if (!location.pathname.endsWith('hostile-report.html')) return;
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { __styles: string[] }).__styles = snapshotStyles();
      });
      function snapshotStyles(): string[] {
        const props = [
          'display',
          'position',
          'z-index',
          'font-size',
          'color',
          'outline-style',
          'outline-color',
          'background-color',
          'visibility',
          'opacity',
          'transform',
        ];
        return Array.from(document.querySelectorAll('*'))
          .filter((el) => !el.closest('gouji-overlay'))
          .map((el) => {
            const cs = getComputedStyle(el);
            return `${el.tagName}:${props.map((p) => cs.getPropertyValue(p)).join('|')}`;
          });
      }
      (window as unknown as { __snapshotStyles: () => string[] }).__snapshotStyles = snapshotStyles;
    });
  });

  it('keeps the overlay its own, and the page its own', async () => {
    const page = await openReport(PATH);
    // The page: every element's computed style as before the overlay came.
    const [before, after] = await page.evaluate(() => {
      const w = window as unknown as { __styles: string[]; __snapshotStyles: () => string[] };
      return [w.__styles, w.__snapshotStyles()];
    });
    expect(before.length).toBeGreaterThan(100);
    expect(after).toEqual(before);
    expect(await markupWithoutHost(page)).toBe(await markupAtReady(page));

    // The overlay: our sizes, fonts, borders and stacking, whatever the page says.
    const styles = await page.locator('gouji-overlay .panel').evaluate((panelEl) => {
      const root = panelEl.getRootNode() as ShadowRoot;
      const box = root.querySelector('.box[data-key="reviews/rev/total"]')!;
      const cs = (el: Element) => getComputedStyle(el);
      const p = cs(panelEl);
      const b = cs(box);
      const r = panelEl.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + 10);
      return {
        panel: {
          position: p.position,
          fontSize: p.fontSize,
          zIndex: p.zIndex,
          display: p.display,
          color: p.color,
        },
        box: {
          borderTopWidth: b.borderTopWidth,
          outlineStyle: b.outlineStyle,
          position: b.position,
          display: b.display,
          pointerEvents: b.pointerEvents,
        },
        host: { display: cs(root.host).display, position: cs(root.host).position },
        topmost: top?.tagName,
      };
    });
    expect(styles.panel).toEqual({
      position: 'fixed',
      fontSize: '13px',
      zIndex: '2147483610',
      display: 'flex',
      color: 'rgb(29, 41, 57)',
    });
    expect(styles.box).toEqual({
      borderTopWidth: '2px',
      outlineStyle: 'none',
      position: 'fixed',
      display: 'block',
      pointerEvents: 'none',
    });
    expect(styles.host).toEqual({ display: 'inline', position: 'static' });
    // Above the page's z-index: 99999 divs.
    expect(styles.topmost).toBe('GOUJI-OVERLAY');
    // And the boxes still sit on their cells.
    const { box, cell } = await boxOverCell(page, 'reviews/rev/total');
    expect(within(box, cell!)).toBe(true);
    await page.close();
  });
});

describe('a value the parser cannot read', () => {
  it('gets a hatched box on its page cell, with the inferred value and what the page prints', async () => {
    // The demo page with 予以公开·自然人 printed as "8?": the parser leaves it unread, T3-08 infers 8.
    const { readFile } = await import('node:fs/promises');
    const html = (await readFile(`${REPO}/${SAMPLE}`, 'utf8')).replace(
      '（一）予以公开</td><td>8</td>',
      '（一）予以公开</td><td>8?</td>',
    );
    await h.context.route('**/unread-report.html', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    const page = await openReport('tests/e2e/pages/unread-report.html');
    // T3-08's inferred value is a note: drawn once notes are shown.
    await expandPanel(page);
    await page.locator('gouji-overlay [data-action="show-notes"]').click();
    await settle(page);
    const key = 'applications/r1/NP';
    const mark = (await drawnMarks(page)).find((m) => m.key === key);
    expect(mark?.classes).toContain('inferred');
    const { box, cell, text } = await boxOverCell(page, key);
    expect(text).toBe('8?');
    expect(within(box, cell!)).toBe(true);
    expect(await page.locator(`gouji-overlay .box[data-key="${key}"]`).getAttribute('aria-label')).toContain(
      '推算 8',
    );
    await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2);
    const tip = (await page.locator('gouji-overlay .tip').textContent()) ?? '';
    expect(tip).toContain('此格的值 8 是按勾稽关系推算的');
    expect(tip).toContain('页面上此格写的是“8?”');
    await page.close();
    // The switch is remembered: back to the default for the tests that follow.
    await h.setSettings({ lang: 'zh' });
  });
});

describe('pages that are not reports', () => {
  it('get no host element and no badge', async () => {
    const page = await h.open(NEWS);
    await page.waitForTimeout(1500);
    expect(await hasHost(page)).toBe(false);
    expect(await h.badgeText(page)).toBe('');
    await page.close();
  });

  it('get nothing either when the command asks for an audit', async () => {
    const page = await h.open(NEWS);
    const tabId = await h.tabIdOf(page);
    await h.sendMessage({ type: 'toggle-overlay', tabId });
    const { model } = await h.waitForTabResult(page);
    expect(model?.kind).toBe('none');
    expect(await hasHost(page)).toBe(false);
    expect(await h.badgeText(page)).toBe('');
    await page.close();
  });

  it('clear the badge of the report the tab showed before', async () => {
    const page = await openReport(SAMPLE);
    expect(await h.badgeText(page)).not.toBe('');
    await page.goto(new URL(NEWS, `${h.origin}/`).href);
    await page.waitForTimeout(1000);
    expect(await h.badgeText(page)).toBe('');
    await page.close();
  });
});

describe('reports that arrive late or in a frame', () => {
  it('audits a report that a script puts on the page after load', async () => {
    const page = await h.open('tests/e2e/pages/late-report.html');
    await waitForHost(page, 15_000);
    await settle(page);
    const node = auditInNode(SAMPLE, page.url());
    const boxes = (await drawnMarks(page)).filter((m) => m.kind === 'box');
    expect(new Set(boxes.map((b) => b.key))).toEqual(node.cells);
    expect(await h.badgeText(page)).toBe(String(errorCount(node.audit.findings)));
    await page.close();
  });

  it('waits for the article of a table-layout template, and audits it when it arrives (M9)', async () => {
    const page = await h.open('tests/e2e/pages/late-template-report.html');
    await waitForHost(page, 15_000);
    await settle(page);
    const node = auditInNode(SAMPLE, page.url());
    await expect
      .poll(() => h.badgeText(page), { timeout: 10_000 })
      .toBe(String(errorCount(node.audit.findings)));
    const result = (await h.readTabResult(page))!;
    expect(result.model?.tableInfo.applications.found).toBe(true);
    const boxes = (await drawnMarks(page)).filter((m) => m.kind === 'box');
    expect(new Set(boxes.map((b) => b.key))).toEqual(node.cells);
    await page.close();
  });

  it('audits a report inside a same-site iframe, and draws in that frame', async () => {
    const page = await h.open('tests/e2e/pages/frame-report.html');
    const frame = page.frames().find((f) => f.url().includes('seed001-word'))!;
    expect(frame).toBeDefined();
    await waitForHost(frame, 15_000);
    await settle(frame);
    expect(await hasHost(page)).toBe(false);
    const node = auditInNode(SEED001, frame.url());
    const boxes = (await drawnMarks(frame)).filter((m) => m.kind === 'box');
    expect(new Set(boxes.map((b) => b.key))).toEqual(node.cells);
    const { box, cell } = await boxOverCell(frame, 'reviews/rev/total');
    expect(within(box, cell!)).toBe(true);
    expect(await h.badgeText(page)).toBe('1');
    await page.close();
  });
});

describe('popup', () => {
  it('shows and hides the overlay of a report, like the command', async () => {
    const page = await openReport(SAMPLE);
    const tabId = await h.tabIdOf(page);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    const toggle = popup.getByRole('button', { name: /显示\/隐藏标注/ });
    await toggle.click();
    await expect.poll(() => hasHost(page)).toBe(false);
    await toggle.click();
    await waitForHost(page);
    await popup.close();
    await page.close();
  });

  it('"审核此页" on a page that shows the overlay replaces it: one host, one set of listeners', async () => {
    const page = await openReport(SAMPLE);
    const tabId = await h.tabIdOf(page);
    const before = (await h.readTabResult(page))!.updatedAt;
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    await popup.getByRole('button', { name: /审核此页/ }).click();
    await expect.poll(async () => (await h.readTabResult(page))!.updatedAt).toBeGreaterThan(before);
    await waitForHost(page);
    await settle(page);
    expect(await page.evaluate(() => document.querySelectorAll('gouji-overlay').length)).toBe(1);
    const listeners = (await extensionListeners(page)).filter((l) => !isWxtContextListener(l));
    expect(listeners.filter((l) => l === 'window:scroll')).toHaveLength(1);
    expect(listeners.filter((l) => l === 'document:mousemove')).toHaveLength(1);
    expect(await markupWithoutHost(page)).toBe(await markupAtReady(page));
    await popup.close();
    await page.close();
  });
});

describe('language', () => {
  it('follows the browser (English here) on auto, and switches live when the options change', async () => {
    await h.setSettings({ lang: 'auto' });
    const page = await openReport(SAMPLE);
    await expandPanel(page);
    const text = await panel(page).textContent();
    expect(text).toContain('Gouji · report audit');
    expect(text).toContain('substantive disclosure rate');
    expect(text).toMatch(/\d+ errors/);
    await h.setSettings({ lang: 'zh' });
    await expect.poll(() => panel(page).textContent()).toContain('勾稽 · 年报审核');
    await page.close();
  });
});
