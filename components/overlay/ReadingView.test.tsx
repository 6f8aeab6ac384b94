import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { inferT3 } from '@/utils/audit/infer';
import { runAudit } from '@/utils/audit/run';
import { parseReport } from '@/utils/report/parse';
import { readingRecord } from '@/utils/report/reading';
import { layout } from './layout';
import { Overlay } from './Overlay';
import { DEFAULT_PLACE } from './Panel';
import { acceptSyntheticEventsForTests } from './trusted';

// The panel's 读取说明 view and the notes switch, over a fixture report parsed in happy-dom (whose
// layout is all zeros: every element gets a stubbed box so the overlay draws).

const PAGES = join(__dirname, '../../tests/fixtures/pages');

function loadReport(name: string) {
  // Without its stylesheets and scripts: happy-dom would try to fetch them.
  const html = readFileSync(join(PAGES, name), 'utf8').replace(
    /<link\b[^>]*>|<script\b[\s\S]*?<\/script>/gi,
    '',
  );
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const parsed = parseReport(doc, { url: 'http://www.example.gov.cn/report.html' });
  const inference = inferT3(parsed.model);
  const audit = runAudit(parsed.model, undefined, inference);
  const inferred = new Map(inference.steps.map((s) => [s.cell, s.value]));
  const laid = layout({ model: parsed.model, audit, elements: parsed.elements, inferred });
  return { parsed, audit, inferred, laid };
}

let container: HTMLElement;
const scrolled: Element[] = [];

beforeAll(() => {
  acceptSyntheticEventsForTests(true);
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(
    () => ({ left: 10, top: 10, width: 40, height: 20, right: 50, bottom: 30, x: 10, y: 10 }) as DOMRect,
  );
  Element.prototype.scrollIntoView = function (this: Element) {
    scrolled.push(this);
  };
});
afterAll(() => {
  acceptSyntheticEventsForTests(false);
  vi.restoreAllMocks();
});
afterEach(() => {
  act(() => render(null, container));
  document.body.innerHTML = '';
  scrolled.length = 0;
});

function show(name: string, opts: { showNotes?: boolean; onShowNotes?: (on: boolean) => void } = {}) {
  const { parsed, audit, inferred, laid } = loadReport(name);
  container = document.createElement('div');
  document.body.append(container);
  const reading = vi.fn(() => readingRecord(parsed));
  act(() =>
    render(
      <Overlay
        lang="zh"
        model={parsed.model}
        audit={audit}
        marks={laid.marks}
        targets={laid.targets}
        inferred={inferred}
        place={{ ...DEFAULT_PLACE, mode: 'right' }}
        onClose={() => {}}
        onReaudit={() => {}}
        showNotes={opts.showNotes ?? false}
        {...(opts.onShowNotes ? { onShowNotes: opts.onShowNotes } : {})}
        reading={reading}
        elements={parsed.elements}
      />,
      container,
    ),
  );
  return { parsed, audit, laid, reading };
}

/** Tones of the cell boxes drawn (happy-dom gives text ranges no rects, so sentences are not drawn). */
const drawnTones = () =>
  Array.from(container.querySelectorAll<HTMLElement>('.marks .box[data-tone]'), (m) => m.dataset.tone);

describe('notes on the page (issue 8 §4)', () => {
  it('draws no note until the switch is flipped, and says how many there are', () => {
    const onShowNotes = vi.fn();
    const { laid } = show('2019/seed001-word.html', { onShowNotes });
    const cells = laid.marks.filter((m) => m.kind === 'cell');
    const notes = cells.filter((m) => m.tone === 'info').length;
    expect(notes).toBeGreaterThan(0);
    const others = cells.filter((m) => m.tone !== 'info').length;
    expect(drawnTones()).not.toContain('info');
    expect(drawnTones()).toHaveLength(others);
    const toggle = container.querySelector<HTMLButtonElement>('[data-action="show-notes"]')!;
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(toggle.textContent).toMatch(/在页面上显示提示（\d+）/);
    // The panel still lists the notes.
    expect(container.querySelector('.panel .summary')!.textContent).toMatch(/\d+ 个提示/);
    act(() => toggle.click());
    expect(onShowNotes).toHaveBeenCalledWith(true);
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(drawnTones().filter((t) => t === 'info')).toHaveLength(notes);
  });

  it('draws the notes from the start when the settings say so', () => {
    const { laid } = show('2019/seed001-word.html', { showNotes: true });
    expect(drawnTones().filter((t) => t === 'info')).toHaveLength(
      laid.marks.filter((m) => m.kind === 'cell' && m.tone === 'info').length,
    );
  });
});

describe('读取说明 / How this was read', () => {
  it('opens with one click and lists each table’s mapping and the claims with their sentences', () => {
    const { reading } = show('2021/seed003-word.html');
    // Worked out only when asked for.
    expect(reading).not.toHaveBeenCalled();
    const open = container.querySelector<HTMLButtonElement>('[data-action="reading"]')!;
    expect(open.textContent).toBe('读取说明');
    act(() => open.click());
    expect(reading).toHaveBeenCalledTimes(1);
    const view = container.querySelector('[data-view="reading"]')!;
    // The findings list gives way to the view.
    expect(container.querySelector('[data-group]')).toBeNull();
    const t3 = view.querySelector('[data-table="applications"]')!;
    expect(t3.querySelector('[data-column="NP"]')!.textContent).toBe('#4 申请人情况 / 自然人 → NP');
    expect(t3.querySelector('[data-keys="new"]')!.textContent).toBe(
      '4 一、本年新收政府信息公开申请数量 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 │ 0 → new',
    );
    expect(t3.querySelector('[data-keys="r3_1"]')!.textContent).toContain('1. 属于国家秘密');
    expect(
      view.querySelector('[data-table="reviews"] [data-keys="rev litDirect litAfterRev"]'),
    ).not.toBeNull();
    // 2021 reports have no statistics table: it is not listed.
    expect(view.querySelector('[data-table="legacy"]')).toBeNull();
    const claims = Array.from(view.querySelectorAll('[data-claim]'), (c) => c.textContent);
    // a claim is named in the user's language (its id stays in the title, for fixtures)
    expect(claims).toContain('未收到申请 「2021 年，未收到政府信息公开申请。」');
    expect(view.querySelector('[data-claim="noApplications"] .kind')!.getAttribute('title')).toBe(
      'noApplications',
    );
    expect(
      claims.some(
        (c) =>
          c?.includes('total=37') &&
          c.includes('「公开本部门信息 37 条。其中，网站发布 14 条，新媒体发布 23 条」'),
      ),
    ).toBe(true);
    // And back.
    act(() => container.querySelector<HTMLButtonElement>('[data-action="reading"]')!.click());
    expect(container.querySelector('[data-view="reading"]')).toBeNull();
  });

  it('scrolls to a row or a sentence on the page and marks it', async () => {
    const { parsed } = show('2021/seed003-word.html');
    act(() => container.querySelector<HTMLButtonElement>('[data-action="reading"]')!.click());
    const row = container.querySelector<HTMLButtonElement>('[data-keys="carryIn"] button.locate')!;
    act(() => row.click());
    const tr = parsed.elements.get('applications/carryIn/NP')!.closest('tr')!;
    expect(scrolled).toEqual([tr]);
    // Measured on the next frame, like every mark.
    await act(() => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined))));
    expect(container.querySelector('.box.spot')).not.toBeNull();
    const claim = container.querySelector<HTMLButtonElement>('[data-claim="noApplications"] button.locate')!;
    act(() => claim.click());
    expect(scrolled[1]).toBe(parsed.elements.get('paragraph/p6'));
    // Header rows were read from the page too, but stand for no address: plain text.
    expect(container.querySelector('[data-status="header"] button')).toBeNull();
  });
});
