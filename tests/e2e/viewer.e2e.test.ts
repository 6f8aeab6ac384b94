import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFromHtml } from '@/cli/dom';
import { nodePdfOptions } from '@/cli/pdf-node';
import type { Rect } from '@/components/overlay/geometry';
import { runAudit } from '@/utils/audit/run';
import type { RecordSummary } from '@/utils/log/schema';
import { readDocument, readReport } from '@/utils/source';
import { type Harness, launch, REPO } from './harness';
import { auditInNode, drawnCells, drawnMarks, settle, waitForHost } from './overlay-helpers';

// The report viewer in real Chromium with the built extension: a PDF opened in a tab of a
// *.gov.cn portal is audited from the popup ("审核此 PDF"), a report page's PDF attachment from
// the overlay's panel ("审核附件", compared with the page's own tables: DOC-01), and a report's
// text pasted into the viewer ("粘贴报告文本"). The viewer draws its boxes over the rendered pages
// where the reader located the cells, and every audit is filed in the log by the background.
//
// The PDFs are printed by this Chromium from the project's own pages (page.pdf()), into a folder
// served as the portal.

const SAMPLE = 'scripts/demo/sample-report.html';

let h: Harness;
let root: string;
/**
 * Whether utils/source reads PDFs yet (its PDF reader lands after its text reader): until then the
 * PDF cases are skipped, and say so; they run by themselves once the reader exists.
 */
let pdfReaderBuilt = true;

/** A store of the log, read with plain IndexedDB from an extension page (the log's origin). */
async function logRows(page: Page): Promise<RecordSummary[]> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === 'gouji-log')) return [];
    return new Promise<RecordSummary[]>((ok, fail) => {
      const open = indexedDB.open('gouji-log');
      open.onerror = () => fail(open.error);
      open.onsuccess = () => {
        const all = open.result.transaction('audits', 'readonly').objectStore('audits').getAll();
        all.onsuccess = () => ok(all.result as RecordSummary[]);
        all.onerror = () => fail(all.error);
      };
    });
  });
}

async function waitShown(viewer: Page): Promise<void> {
  await viewer.waitForFunction(
    () => ['shown', 'problem'].includes(document.body.dataset.state ?? ''),
    undefined,
    { timeout: 30_000 },
  );
  // read at once: a locator would wait for the element to appear
  const problem = await viewer.evaluate(() => document.querySelector('[data-problem]')?.textContent ?? null);
  expect(problem, 'the viewer reports a problem').toBeNull();
  await viewer.waitForSelector('[data-logged]', { timeout: 15_000 });
}

/** The specs of the findings the viewer's panel lists. */
const panelSpecs = (viewer: Page): Promise<string[]> =>
  viewer.evaluate(() =>
    Array.from(
      document.querySelector('gouji-overlay')?.shadowRoot?.querySelectorAll<HTMLElement>('[data-spec]') ?? [],
      (el) => el.dataset.spec ?? '',
    ),
  );

/** Where the viewer placed each located address: the reader's box and the page frame's client rect. */
const placedBoxes = (viewer: Page) =>
  viewer.evaluate(() =>
    Array.from(document.querySelectorAll<HTMLElement>('.pdf-page .at'), (el) => {
      const frame = el.closest<HTMLElement>('.pdf-page')!;
      const f = frame.getBoundingClientRect();
      return {
        address: el.dataset.address!,
        page: Number(frame.dataset.page),
        box: el.dataset.box!.split(',').map(Number) as [number, number, number, number],
        frame: { left: f.left, top: f.top, width: f.width, height: f.height },
      };
    }),
  );

async function printPdf(path: string, out: string, edit?: (html: string) => string): Promise<void> {
  const html = await readFile(join(REPO, path), 'utf8');
  const page = await h.context.newPage();
  await page.setContent(edit ? edit(html) : html, { waitUntil: 'load' });
  await writeFile(join(root, out), await page.pdf({ format: 'A4', printBackground: true }));
  await page.close();
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gouji-viewer-'));
  h = await launch({ root });
  await printPdf(SAMPLE, 'sample-report.pdf');
  const probe = await readDocument(
    new Uint8Array(await readFile(join(root, 'sample-report.pdf'))),
    { name: 'sample-report.pdf' },
    { parseHtml: (html) => documentFromHtml(html), pdf: nodePdfOptions() },
  );
  pdfReaderBuilt = !/not built yet/.test(probe.problem?.en ?? '');
  // The same report's PDF with one cell changed: the web page and its attachment disagree.
  await printPdf(SAMPLE, 'attachment.pdf', (html) =>
    html.replace(
      '<td>18</td><td>4</td><td>0</td><td>1</td><td>1</td><td>0</td><td>25</td>',
      '<td>18</td><td>4</td><td>0</td><td>1</td><td>1</td><td>0</td><td>24</td>',
    ),
  );
  const page = await readFile(join(REPO, SAMPLE), 'utf8');
  await writeFile(
    join(root, 'report.html'),
    page.replace(
      '</body>',
      '<p>附件：<a href="/files/2022nb.pdf">2022年政府信息公开工作年度报告.pdf</a></p></body>',
    ),
  );
  // A page that is only a pdf.js "全真版" viewer of the report (the viewer itself is not served).
  await writeFile(
    join(root, 'viewer-only.html'),
    '<html><head><meta charset="utf-8"><title>示例县2022年政府信息公开工作年度报告（全真版）</title></head>' +
      '<body><iframe src="/pdfjs/web/viewer.html?file=%2Fsample-report.pdf" width="800" height="600"></iframe></body></html>',
  );
  await mkdir(join(root, 'files'));
  // utils/source's own document fixtures (a DOCX with merged cells, an image-only PDF)
  for (const name of ['seed004.docx', 'scanned.pdf', 'seed003.pdf'])
    await writeFile(join(root, name), await readFile(join(REPO, 'tests/fixtures/documents', name)));
  await rename(join(root, 'attachment.pdf'), join(root, 'files', '2022nb.pdf'));
});

afterAll(async () => {
  await h?.close();
  await rm(root, { recursive: true, force: true });
});

describe('report viewer', () => {
  it('audits a PDF opened in a tab from the popup, with boxes over the cells the reader located', async (ctx) => {
    if (!pdfReaderBuilt) ctx.skip('utils/source has no PDF reader yet');
    const pdfTab = await h.open('sample-report.pdf');
    const tabId = await h.tabIdOf(pdfTab);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer.html') });
    await popup.click('[data-action="audit-pdf"]');
    const viewer = await opened;
    await waitShown(viewer);
    expect(await viewer.locator('[data-kind]').getAttribute('data-kind')).toBe('pdf');

    // The same findings as the page itself, where they are about the tables.
    const node = auditInNode(SAMPLE, `${h.origin}/sample-report.html`);
    const specs = await panelSpecs(viewer);
    for (const spec of ['T3-01', 'T3-02', 'T4-01']) {
      expect(node.audit.findings.some((f) => f.spec === spec)).toBe(true);
      expect(specs).toContain(spec);
    }

    // Every box drawn over a cell is the reader's box, scaled to the rendered page.
    await viewer.waitForFunction(() => document.body.dataset.painted === 'true', undefined, {
      timeout: 30_000,
    });
    await settle(viewer);
    const placed = await placedBoxes(viewer);
    // CSS px per PDF point of each rendered page: its drawn width over its width in points
    const scales = await viewer.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>('.pdf-page'),
        (p) => p.getBoundingClientRect().width / Number(p.dataset.widthPt),
      ),
    );
    expect(placed.length).toBeGreaterThan(20);
    const marks = await drawnMarks(viewer);
    const cellMarks = marks.filter((m) => m.kind === 'box');
    expect(cellMarks.map((m) => m.key)).toContain('applications/new/TOT');
    for (const mark of cellMarks) {
      // A cell cut by a page break has a box on each page: the one this mark is drawn over.
      const boxes = placed.filter((p) => p.address === mark.key);
      const at = boxes.find(
        (p) => Math.abs(p.frame.top + p.box[1] * scales[p.page - 1]! - mark.rect.top) < 3,
      );
      expect(at, `${mark.key} was placed`).toBeDefined();
      const scale = scales[at!.page - 1]!;
      const [x0, y0, x1, y1] = at!.box;
      const expected: Rect = {
        left: at!.frame.left + x0 * scale,
        top: at!.frame.top + y0 * scale,
        width: (x1 - x0) * scale,
        height: (y1 - y0) * scale,
      };
      // the overlay's box is drawn around the cell (a 2 px border outside at most)
      expect(Math.abs(mark.rect.left - expected.left), mark.key).toBeLessThan(3);
      expect(Math.abs(mark.rect.top - expected.top), mark.key).toBeLessThan(3);
      expect(Math.abs(mark.rect.width - expected.width), mark.key).toBeLessThan(5);
      expect(Math.abs(mark.rect.height - expected.height), mark.key).toBeLessThan(5);
    }

    // Filed in the log like a page: the file's address, its type and hash.
    const rows = await logRows(viewer);
    const row = rows.find((r) => r.url === `${h.origin}/sample-report.pdf`);
    expect(row?.document).toMatchObject({ type: 'pdf', url: `${h.origin}/sample-report.pdf` });
    expect(row?.document?.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.severities.error).toBeGreaterThan(0);
    await viewer.close();
    await popup.close();
    await pdfTab.close();
  });

  it('boxes a table row cut by a page break on both pages', async (ctx) => {
    if (!pdfReaderBuilt) ctx.skip('utils/source has no PDF reader yet');
    const pdfTab = await h.open('seed003.pdf');
    const tabId = await h.tabIdOf(pdfTab);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${tabId}`);
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer.html') });
    await popup.click('[data-action="audit-pdf"]');
    const viewer = await opened;
    await waitShown(viewer);
    await settle(viewer);
    // 7. 属于行政执法案卷 begins at the foot of page 4 and ends at the top of page 5.
    const row = (await placedBoxes(viewer)).filter((p) => p.address === 'applications/r3_7/TOT');
    expect(row.map((p) => p.page)).toEqual([4, 5]);
    const rects = await viewer.evaluate(() =>
      Array.from(
        document.querySelectorAll<HTMLElement>('.pdf-page .at[data-address="applications/r3_7/TOT"]'),
        (el) => {
          const r = el.getBoundingClientRect();
          const f = el.closest<HTMLElement>('.pdf-page')!.getBoundingClientRect();
          return { top: r.top - f.top, bottom: r.bottom - f.top, frame: f.height, left: r.left - f.left };
        },
      ),
    );
    // at the foot of one page and the head of the next, in the same column
    expect(rects[0]!.bottom).toBeGreaterThan(rects[0]!.frame * 0.85);
    expect(rects[1]!.top).toBeLessThan(rects[1]!.frame * 0.15);
    expect(Math.abs(rects[0]!.left - rects[1]!.left)).toBeLessThan(1);
    await viewer.close();
    await popup.close();
    await pdfTab.close();
  });

  it('audits a report page’s PDF attachment from the overlay and compares the two versions', async (ctx) => {
    if (!pdfReaderBuilt) ctx.skip('utils/source has no PDF reader yet');
    const page = await h.open('report.html');
    await waitForHost(page);
    // the panel may start collapsed on a small window: open it, as a user would (a real click: the
    // overlay ignores events a page script makes)
    const toggle = page.locator('gouji-overlay [data-action="collapse"]');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    const button = page.locator('gouji-overlay [data-action="audit-attachment"]');
    await button.waitFor({ timeout: 20_000 });
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer.html') });
    await button.click();
    const viewer = await opened;
    expect(new URL(viewer.url()).searchParams.get('src')).toBe(`${h.origin}/files/2022nb.pdf`);
    await waitShown(viewer);
    await viewer.waitForSelector('[data-compared]');
    // the one cell the attachment prints differently: a DOC-01 finding boxed on the PDF
    expect(await panelSpecs(viewer)).toContain('DOC-01');
    const doc01 = await viewer.evaluate(() =>
      Array.from(
        document
          .querySelector('gouji-overlay')
          ?.shadowRoot?.querySelectorAll<HTMLElement>('[data-spec="DOC-01"]') ?? [],
        (el) => el.textContent ?? '',
      ),
    );
    expect(doc01.join('\n')).toMatch(/网页版为 25，附件版为 24|the web page gives 25, the attachment 24/);
    const rows = await logRows(viewer);
    const row = rows.find((r) => r.url === `${h.origin}/files/2022nb.pdf`);
    expect(row?.document).toMatchObject({ type: 'pdf', from: `${h.origin}/report.html` });
    await viewer.close();
    await page.close();
  });

  it('offers the file of a page that is only a pdf.js viewer, from the popup', async (ctx) => {
    if (!pdfReaderBuilt) ctx.skip('utils/source has no PDF reader yet');
    const page = await h.open('viewer-only.html');
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${await h.tabIdOf(page)}`);
    const button = popup.locator('[data-action="audit-attachment"]');
    await button.waitFor({ timeout: 10_000 });
    expect(await button.getAttribute('data-url')).toBe(`${h.origin}/sample-report.pdf`);
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer.html') });
    await button.click();
    const viewer = await opened;
    await waitShown(viewer);
    expect(await viewer.locator('[data-kind]').getAttribute('data-kind')).toBe('pdf');
    await viewer.close();
    await page.close();
  });

  it('shows a DOCX as the page it became, with the findings of the same reading in Node', async () => {
    const bytes = new Uint8Array(await readFile(join(root, 'seed004.docx')));
    const node = await readReport(
      bytes,
      { name: 'seed004.docx' },
      { parseHtml: (html) => documentFromHtml(html) },
    );
    expect(node.kind).toBe('docx');
    const audit = runAudit(node.parsed!.model);
    const viewer = await h.context.newPage();
    await viewer.goto(
      `chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(`${h.origin}/seed004.docx`)}`,
    );
    await waitShown(viewer);
    expect(await viewer.locator('[data-kind]').getAttribute('data-kind')).toBe('docx');
    expect((await panelSpecs(viewer)).sort()).toEqual(audit.findings.map((f) => f.spec).sort());
    // the document's own table cells are on the page, under the marks
    const { cells } = drawnCells(audit, (a) => node.parsed!.elements.has(a));
    const boxes = (await drawnMarks(viewer)).filter((m) => m.kind === 'box').map((m) => m.key);
    expect(new Set(boxes)).toEqual(cells);
    expect(await viewer.locator('article.html-doc table').count()).toBeGreaterThan(0);
    await viewer.close();
  });

  it('explains how the file was read in the panel’s 读取说明, with each row’s place in the file', async () => {
    const viewer = await h.context.newPage();
    await viewer.goto(
      `chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(`${h.origin}/seed004.docx`)}`,
    );
    await waitShown(viewer);
    const toggle = viewer.locator('gouji-overlay [data-action="collapse"]');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await viewer.locator('gouji-overlay [data-action="reading"]').click();
    const view = viewer.locator('gouji-overlay [data-view="reading"]');
    await view.waitFor();
    expect(await view.locator('.reading-document li').first().textContent()).toMatch(
      /^DOCX（mammoth 转换）：6 个表格（29 个合并单元格）/,
    );
    const carryOut = await view.locator('[data-table="applications"] [data-keys="carryOut"]').textContent();
    expect(carryOut).toContain('→ carryOut');
    expect(carryOut).toMatch(/\[table \d+ › row \d+ › cell 1\]/);
    expect(await view.locator('[data-claim]').count()).toBeGreaterThan(0);
    await viewer.close();
  });

  it('says a scanned PDF has no text layer, and files nothing', async () => {
    const viewer = await h.context.newPage();
    const src = `${h.origin}/scanned.pdf`;
    await viewer.goto(`chrome-extension://${h.extensionId}/viewer.html?src=${encodeURIComponent(src)}`);
    await viewer.waitForFunction(() => document.body.dataset.state === 'problem', undefined, {
      timeout: 30_000,
    });
    expect(await viewer.locator('[data-problem]').textContent()).toContain('扫描件，没有文字层');
    expect((await logRows(viewer)).some((r) => r.url === src)).toBe(false);
    await viewer.close();
  });

  it('audits pasted text, opened from the popup', async () => {
    // What a user copies out of the page: innerText gives the tables as tab-separated lines.
    const source = await h.open('report.html');
    const text = await source.evaluate(() => document.body.innerText);
    const popup = await h.context.newPage();
    await popup.goto(`chrome-extension://${h.extensionId}/popup.html?tab=${await h.tabIdOf(source)}`);
    const opened = h.context.waitForEvent('page', { predicate: (p) => p.url().includes('/viewer.html') });
    await popup.click('[data-action="paste"]');
    const viewer = await opened;
    await viewer.fill('textarea', text);
    await viewer.click('[data-action="audit-paste"]');
    await waitShown(viewer);
    expect(await viewer.locator('[data-kind]').getAttribute('data-kind')).toBe('text');
    const specs = await panelSpecs(viewer);
    expect(specs).toEqual(expect.arrayContaining(['T3-01', 'T3-02', 'T4-01']));
    // drawn over the cells of the page the text became
    const marks = await drawnMarks(viewer);
    expect(marks.map((m) => m.key)).toContain('applications/new/TOT');
    const rows = await logRows(viewer);
    expect(rows.some((r) => r.document?.type === 'text' && r.document.url === null)).toBe(true);
    await viewer.close();
    await popup.close();
    await source.close();
  });
});
