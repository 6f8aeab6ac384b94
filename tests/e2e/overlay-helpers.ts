import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { documentFromHtml } from '@/cli/dom';
import { buildMarks } from '@/components/overlay/findings';
import { type Rect, sameRect } from '@/components/overlay/geometry';
import type { AuditResult } from '@/utils/audit/result';
import { runAudit } from '@/utils/audit/run';
import type { ReportModel } from '@/utils/report/model';
import { parseReport } from '@/utils/report/parse';
import { REPO } from './harness';

// What the overlay tests read from a page: the marks inside the shadow root, the page cell under
// each box, the markup without the host, the extension's own listeners. Everything is read from
// the outside (the page's DOM, the shadow root, CDP), never from the content script's memory.

export type Target = Page | Frame;

export interface DrawnMark {
  key: string;
  kind: 'box' | 'line';
  tone: string;
  classes: string;
  focusable: boolean;
  rect: Rect;
}

/** The Node audit of a file of the repo, as the CLI does it: the reference for the browser. */
export function auditInNode(
  path: string,
  url: string,
): { model: ReportModel; audit: AuditResult; cells: Set<string>; notes: Set<string> } {
  const doc = documentFromHtml(readFileSync(join(REPO, path), 'utf8'), url);
  const { model, elements } = parseReport(doc, { url });
  const audit = runAudit(model);
  return { model, audit, ...drawnCells(audit, (a) => elements.has(a)) };
}

/**
 * Cells the overlay draws (those the parser read from an element of the page): by default the cells
 * of errors, warnings and uncertain findings; `notes`, the cells of notes only, once the panel's
 * switch shows them (issue 8 §4).
 */
export function drawnCells(
  audit: AuditResult,
  has: (address: string) => boolean,
): { cells: Set<string>; notes: Set<string> } {
  const cellMarks = buildMarks(audit.findings, has).filter((m) => m.kind === 'cell');
  return {
    cells: new Set(cellMarks.filter((m) => m.tone !== 'info').map((m) => m.key)),
    notes: new Set(cellMarks.filter((m) => m.tone === 'info').map((m) => m.key)),
  };
}

export async function hasHost(f: Target): Promise<boolean> {
  return f.evaluate(() => document.querySelector('gouji-overlay') !== null);
}

export async function waitForHost(f: Target, timeout = 15_000): Promise<void> {
  await f.waitForFunction(
    () => (document.querySelector('gouji-overlay')?.shadowRoot?.querySelectorAll('.panel').length ?? 0) > 0,
    undefined,
    { timeout },
  );
}

export async function drawnMarks(f: Target): Promise<DrawnMark[]> {
  return f.evaluate(() => {
    const root = document.querySelector('gouji-overlay')?.shadowRoot;
    if (!root) return [];
    return Array.from(root.querySelectorAll<HTMLElement>('.box, .line')).map((el) => {
      const r = el.getBoundingClientRect();
      return {
        key: el.dataset.key ?? '',
        kind: el.classList.contains('box') ? ('box' as const) : ('line' as const),
        tone: el.dataset.tone ?? '',
        classes: el.className,
        focusable: el.tabIndex >= 0 && el.hasAttribute('tabindex'),
        rect: { left: r.left, top: r.top, width: r.width, height: r.height },
      };
    });
  });
}

/** Lets the overlay catch up with a scroll or a click: two frames and a little slack. */
export async function settle(f: Target): Promise<void> {
  await f.evaluate(
    () =>
      new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(ok, 60)))),
  );
}

/**
 * Scrolls the box of a cell to the middle of the viewport, then finds the page's table cell under
 * the box's centre (elementsFromPoint sees through the marks, which take no pointer events) and
 * returns both rects and the cell's text.
 */
export async function boxOverCell(
  f: Target,
  key: string,
): Promise<{ box: Rect; cell: Rect | null; text: string | null }> {
  await f.evaluate((k) => {
    const box = document
      .querySelector('gouji-overlay')
      ?.shadowRoot?.querySelector<HTMLElement>(`.box[data-key="${CSS.escape(k)}"]`);
    if (!box) throw new Error(`no box for ${k}`);
    const r = box.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + r.top - window.innerHeight / 2, behavior: 'instant' });
  }, key);
  await settle(f);
  return f.evaluate((k) => {
    const rect = (r: DOMRect) => ({ left: r.left, top: r.top, width: r.width, height: r.height });
    const box = document
      .querySelector('gouji-overlay')!
      .shadowRoot!.querySelector<HTMLElement>(`.box[data-key="${CSS.escape(k)}"]`)!;
    const b = box.getBoundingClientRect();
    const cell = document
      .elementsFromPoint(b.left + b.width / 2, b.top + b.height / 2)
      .find((e) => e.tagName === 'TD' || e.tagName === 'TH');
    return {
      box: rect(b),
      cell: cell ? rect(cell.getBoundingClientRect()) : null,
      text: cell ? (cell.textContent ?? '').replace(/[\s\u00a0]+/g, '') : null,
    };
  }, key);
}

/** The page's markup as it would be without the overlay's host element. */
export async function markupWithoutHost(f: Target): Promise<string> {
  return f.evaluate(() => {
    const clone = document.documentElement.cloneNode(true) as Element;
    for (const host of Array.from(clone.querySelectorAll('gouji-overlay'))) host.remove();
    return clone.outerHTML;
  });
}

/** The markup at DOMContentLoaded, recorded by the harness's init script. */
export async function markupAtReady(f: Target): Promise<string> {
  return f.evaluate(() => {
    const state = (window as unknown as { __goujiDom?: { ready: string } }).__goujiDom;
    if (!state) throw new Error('DOM watcher did not run');
    return state.ready;
  });
}

/**
 * Event listeners on window and document registered by the extension's content scripts (their
 * isolated world), as `target:type`, read through CDP.
 */
export async function extensionListeners(page: Page): Promise<string[]> {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string; frameId?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
    await cdp.send('Runtime.enable');
    const world = contexts.find(
      (c) => c.origin.startsWith('chrome-extension://') && c.auxData?.type === 'isolated',
    );
    if (!world) return [];
    const out: string[] = [];
    for (const expression of ['window', 'document']) {
      const { result } = await cdp.send('Runtime.evaluate', { expression, contextId: world.id });
      const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
      out.push(...listeners.map((l) => `${expression}:${l.type}`));
    }
    return out.sort();
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/** WXT's own "a newer copy of this script started" listeners, which live as long as the script. */
export const isWxtContextListener = (l: string): boolean => l.includes('wxt:content-script-started');

/** A box on the page's cell: the same rect within 1.5 px, the tolerance of the e2e tests. */
export const within = (a: Rect, b: Rect, px = 1.5): boolean => sameRect(a, b, px);
