import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AuditResult, Finding, Localized } from '@/utils/audit/result';
import type { Attachment } from '@/utils/report/attachments';
import type { ReportModel } from '@/utils/report/model';
import { buildMarks } from './findings';
import { Overlay, type OverlayProps, type Target } from './Overlay';
import { DEFAULT_PLACE, type PanelPlace } from './Panel';
import { acceptSyntheticEventsForTests } from './trusted';

// The overlay's views in happy-dom, with page cells whose geometry is stubbed: what is drawn
// where, what the panel lists and what its controls do. The real layout is the e2e suite's.

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'T4-01',
  spec: 'T4-01',
  outcome: 'fail',
  severity: 'error',
  message: {
    zh: '行政复议：2 + 1 + 0 + 1 = 4，但总计为 3（差 1）',
    en: 'Reviews: 2 + 1 + 0 + 1 = 4, but the total is 3',
  },
  cells: [],
  fingerprint: Math.random().toString(36),
  ...over,
});

/** A table read whole. */
const readWhole = {
  found: true,
  complete: true,
  missingRows: [],
  garbledRows: [],
  extra: [],
  labelVariants: {},
};

const model = {
  kind: 'report',
  title: '示例县2022年政府信息公开工作年度报告',
  year: 2022,
  format: '2021',
  legacyRows: [],
  headings: [{ ordinal: '一', text: '一、总体情况' }],
  tableInfo: { active: readWhole, applications: readWhole, reviews: readWhole, legacy: readWhole },
  tables: {
    active: null,
    applications: null,
    legacy: null,
    reviews: {
      rev: {
        upheld: { raw: '', value: null, flags: ['missing'] },
        total: { raw: '3', value: 3, flags: [] },
      },
    },
  },
} as unknown as ReportModel;

const audit: AuditResult = {
  format: '2021',
  findings: [
    finding({ cells: ['reviews/rev/upheld', 'reviews/rev/total'], expected: 4, actual: 3 }),
    finding({
      rule: 'TXT-01',
      spec: 'TXT-01',
      severity: 'warning',
      message: { zh: '正文称收到申请 28件', en: 'The text says 28' },
      cells: ['reviews/rev/total'],
    }),
    finding({ rule: 'FMT-03', spec: 'FMT-03', severity: 'info', message: { zh: '格式', en: 'format' } }),
  ],
  counts: { pass: 1, fail: 3, uncertain: 0, notApplicable: 0 },
  figures: {
    applicationsHandled: 25,
    applicationsTotal: 27,
    substantiveDisclosureRate: 0.56,
    reviewCorrectionRate: 1 / 3,
    litigationCorrectionRate: null,
  },
};

function cell(left: number, top: number): HTMLElement {
  const td = document.createElement('td');
  td.getBoundingClientRect = () =>
    ({
      left,
      top,
      width: 40,
      height: 20,
      right: left + 40,
      bottom: top + 20,
      x: left,
      y: top,
      toJSON: () => ({}),
    }) as DOMRect;
  td.scrollIntoView = vi.fn();
  document.body.append(td);
  return td;
}

let container: HTMLElement;
let targets: Map<string, Target>;
let place: PanelPlace;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  targets = new Map<string, Target>([
    ['reviews/rev/upheld', { kind: 'cell', el: cell(100, 300) }],
    ['reviews/rev/total', { kind: 'cell', el: cell(140, 300) }],
  ]);
  place = { ...DEFAULT_PLACE, mode: 'right' };
});
afterEach(() => {
  act(() => render(null, container));
  document.body.innerHTML = '';
});

function show(
  lang: 'zh' | 'en' = 'zh',
  onClose = vi.fn(),
  inferred = new Map<string, number>(),
  logError: Localized | null = null,
  onReaudit = vi.fn(),
  shown: { model: ReportModel; audit: AuditResult } = { model, audit },
  files: Pick<OverlayProps, 'attachments' | 'onAuditAttachment'> = {},
) {
  const { model: m, audit: a } = shown;
  const marks = buildMarks(a.findings, (c) => targets.has(c), new Set(inferred.keys()));
  act(() =>
    render(
      <Overlay
        lang={lang}
        model={m}
        audit={a}
        marks={marks}
        targets={targets}
        inferred={inferred}
        place={place}
        onPlace={(p) => {
          place = p;
        }}
        onClose={onClose}
        onReaudit={onReaudit}
        logError={logError}
        {...files}
      />,
      container,
    ),
  );
  return { onClose, onReaudit };
}

// happy-dom's events are never trusted; the panel ignores untrusted ones (trusted.ts).
beforeAll(() => acceptSyntheticEventsForTests(true));
afterAll(() => acceptSyntheticEventsForTests(false));

describe('Overlay', () => {
  it('says what could not be read, and never "no problems" then (issue 8)', () => {
    const unread = {
      ...model,
      headings: [],
      tableInfo: {
        ...model.tableInfo,
        applications: { ...readWhole, found: false, complete: false, reason: 'not-in-dom' },
        reviews: { ...readWhole, found: false, complete: false, reason: 'not-in-dom' },
      },
    } as ReportModel;
    const clean = { ...audit, findings: [] };
    show('zh', vi.fn(), new Map(), null, vi.fn(), { model: unread, audit: clean });
    const state = container.querySelector<HTMLElement>('[data-field="read-state"]');
    expect(state?.dataset.level).toBe('partial');
    expect(state?.textContent).toContain('表三 收到和处理申请：未找到（可能是图片或附件）');
    expect(state?.textContent).toContain('正文：未找到各部分标题');
    expect(container.querySelector('.clean')).toBeNull();
    // Read whole and clean: the green line, no read-state note.
    show('zh', vi.fn(), new Map(), null, vi.fn(), { model, audit: clean });
    expect(container.querySelector('[data-field="read-state"]')).toBeNull();
    expect(container.querySelector('.clean')?.textContent).toBe('未发现问题');
  });

  it('says in the panel when the log could not file the audit, and nothing when it could', () => {
    show();
    expect(container.querySelector('[data-field="not-saved"]')).toBeNull();
    show('en', vi.fn(), new Map(), {
      zh: '本次审核未能存入日志：x',
      en: 'This audit was not saved in the log: x',
    });
    const note = container.querySelector('[data-field="not-saved"]');
    expect(note?.textContent).toBe('This audit was not saved in the log: x');
    expect(note?.getAttribute('role')).toBe('alert');
  });

  it('draws a box over each cell, in its worst tone, focusable and labelled', () => {
    show();
    const boxes = Array.from(container.querySelectorAll<HTMLElement>('.box'));
    expect(boxes.map((b) => b.dataset.key)).toEqual(['reviews/rev/upheld', 'reviews/rev/total']);
    const total = boxes[1]!;
    expect(total.style.left).toBe('140px');
    expect(total.style.top).toBe('300px');
    expect(total.style.width).toBe('40px');
    expect(total.className).toContain('tone-error');
    expect(total.tabIndex).toBe(0);
    expect(total.getAttribute('aria-label')).toBe('行政复议·总计：2 项问题，错误');
  });

  it('draws a cell cut by a page break on both pages: a box over each piece', () => {
    targets.set('reviews/rev/total', { kind: 'cell', el: cell(140, 300), more: [cell(140, 900)] });
    show();
    const total = Array.from(container.querySelectorAll<HTMLElement>('.box[data-key="reviews/rev/total"]'));
    expect(total.map((b) => [b.style.left, b.style.top])).toEqual([
      ['140px', '300px'],
      ['140px', '900px'],
    ]);
  });

  it('shows the findings of a focused box in a tooltip', () => {
    show();
    const total = container.querySelector<HTMLElement>('.box[data-key="reviews/rev/total"]')!;
    act(() => {
      total.dispatchEvent(new FocusEvent('focus'));
    });
    const tip = container.querySelector('.tip')!;
    expect(tip.textContent).toContain('T4-01');
    expect(tip.textContent).toContain('TXT-01');
    expect(tip.textContent).toContain('应为 4，实为 3');
    expect(tip.textContent).toContain('判定：不符');
  });

  it('lists the findings by table with counts and figures, and goes to the cells of one', () => {
    show();
    const groups = Array.from(container.querySelectorAll<HTMLElement>('[data-group]')).map(
      (g) => g.dataset.group,
    );
    expect(groups).toEqual(['reviews', 'text', 'format']);
    const text = container.querySelector('.panel')!.textContent!;
    expect(text).toContain('56.0%');
    expect(text).toContain('33.3%');
    expect(text).toContain('1 个错误');
    const item = container.querySelector<HTMLButtonElement>('[data-spec="T4-01"]')!;
    act(() => item.click());
    expect(targets.get('reviews/rev/upheld')!.el.scrollIntoView).toHaveBeenCalledWith({
      behavior: 'smooth',
      block: 'center',
      inline: 'nearest',
    });
    expect(container.querySelector('.box[data-key="reviews/rev/total"]')!.className).toContain('pulse');
    // A finding with no place on the page says so.
    expect(container.querySelector('[data-spec="FMT-03"]')!.textContent).toContain('没有可标注的位置');
  });

  it('collapses on Escape, docks left, and closes', () => {
    const { onClose } = show();
    const panel = container.querySelector<HTMLElement>('.panel')!;
    act(() => {
      panel.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(container.querySelector('.panel')!.className).toContain('collapsed');
    expect(place.collapsed).toBe(true);
    act(() => container.querySelector<HTMLButtonElement>('[data-action="dock"]')!.click());
    expect(container.querySelector('.panel')!.className).toContain('dock-left');
    act(() => container.querySelector<HTMLButtonElement>('[data-action="close"]')!.click());
    expect(onClose).toHaveBeenCalled();
  });

  it("ignores a script's clicks and keys: only the user's own events act", () => {
    const onAuditAttachment = vi.fn();
    const report: Attachment = {
      url: 'https://www.example.gov.cn/2023年报.pdf',
      kind: 'pdf',
      label: '2023年报.pdf',
      via: 'link',
      likelyReport: true,
    };
    const { onClose, onReaudit } = show('zh', vi.fn(), new Map(), null, vi.fn(), undefined, {
      attachments: [report],
      onAuditAttachment,
    });
    acceptSyntheticEventsForTests(false);
    try {
      act(() => {
        container
          .querySelector('.panel')!
          .dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      });
      for (const action of ['dock', 'collapse', 'reaudit', 'close'])
        act(() => container.querySelector<HTMLButtonElement>(`[data-action="${action}"]`)!.click());
      act(() => container.querySelector<HTMLButtonElement>('[data-spec="T4-01"]')!.click());
      act(() => container.querySelector<HTMLButtonElement>('[data-action="audit-attachment"]')!.click());
    } finally {
      acceptSyntheticEventsForTests(true);
    }
    expect(onAuditAttachment).not.toHaveBeenCalled();
    expect(onClose).not.toHaveBeenCalled();
    expect(onReaudit).not.toHaveBeenCalled();
    expect(container.querySelector('.panel')!.className).not.toContain('collapsed');
    expect(container.querySelector('.panel')!.className).not.toContain('dock-left');
    expect(targets.get('reviews/rev/upheld')!.el.scrollIntoView).not.toHaveBeenCalled();
  });

  it('hatches an inferred cell, shows its inferred value, and what the page prints there', () => {
    targets.get('reviews/rev/upheld')!.el.textContent = '2?';
    show('zh', vi.fn(), new Map([['reviews/rev/upheld', 2]]));
    const upheld = container.querySelector<HTMLElement>('.box[data-key="reviews/rev/upheld"]')!;
    expect(upheld.className).toContain('inferred');
    expect(upheld.getAttribute('aria-label')).toBe('行政复议·结果维持：1 项问题，错误，推算 2');
    expect(container.querySelector('.box[data-key="reviews/rev/total"]')!.className).not.toContain(
      'inferred',
    );
    act(() => {
      upheld.dispatchEvent(new FocusEvent('focus'));
    });
    const tip = container.querySelector('.tip')!.textContent!;
    expect(tip).toContain('此格的值 2 是按勾稽关系推算的');
    expect(tip).toContain('页面上此格写的是“2?”');
  });

  it('speaks English when asked', () => {
    show('en');
    expect(container.querySelector('.panel')!.textContent).toContain('Gouji · report audit');
    expect(container.querySelector('.summary')!.textContent).toBe('1 error1 warning1 info');
    expect(container.querySelector('.box[data-key="reviews/rev/total"]')!.getAttribute('aria-label')).toBe(
      'administrative review · total: 2 finding(s), error',
    );
  });
});
