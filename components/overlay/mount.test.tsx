import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { AuditResult } from '@/utils/audit/result';
import { emptyTableInfo, type ReportModel } from '@/utils/report/model';
import { HOST_TAG, OverlayController, type OverlayData } from './mount';

// The controller on a happy-dom page: one host made once, mounted and removed with show and hide.

const model = {
  kind: 'report',
  title: '示例县2022年政府信息公开工作年度报告',
  year: 2022,
  format: '2021',
  legacyRows: [],
  tables: { active: null, applications: null, legacy: null, reviews: null },
  tableInfo: Object.fromEntries(
    ['active', 'applications', 'reviews', 'legacy'].map((id) => [id, emptyTableInfo('not-found')]),
  ),
  headings: [],
} as unknown as ReportModel;

const audit = (spec: string): AuditResult => ({
  format: '2021',
  findings: [
    {
      rule: 'FMT-03',
      spec,
      outcome: 'fail',
      severity: 'info',
      message: { zh: '格式', en: 'format' },
      cells: [],
      fingerprint: spec,
    },
  ],
  counts: { pass: 0, fail: 1, uncertain: 0, notApplicable: 0 },
  figures: {
    applicationsHandled: null,
    applicationsTotal: null,
    substantiveDisclosureRate: null,
    reviewCorrectionRate: null,
    litigationCorrectionRate: null,
  },
});

const data = (spec: string): OverlayData => ({
  model,
  audit: audit(spec),
  elements: new Map(),
  inferred: new Map(),
});

const hosts = () => document.querySelectorAll(HOST_TAG);
const specs = () =>
  Array.from(
    hosts()[0]?.shadowRoot?.querySelectorAll<HTMLElement>('[data-spec]') ?? [],
    (el) => el.dataset.spec,
  );

/** These tests read the panel through host.shadowRoot, like the e2e harness. */
const OPEN = { shadowMode: 'open' } as const;

let ctx: ContentScriptContext;
afterEach(() => ctx.abort());

describe('OverlayController', () => {
  it('puts the overlay in a closed shadow root unless asked otherwise: the page cannot read it', async () => {
    ctx = new ContentScriptContext('auditor');
    const overlay = new OverlayController(ctx, 'zh', { onClose() {}, onReaudit() {} });
    await overlay.show(data('A'));
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]!.shadowRoot).toBeNull();
    expect(hosts()[0]!.textContent).toBe('');
  });

  it('makes its host once, and mounts and removes it on show and hide', async () => {
    ctx = new ContentScriptContext('auditor');
    const overlay = new OverlayController(ctx, 'zh', { onClose() {}, onReaudit() {} }, OPEN);
    await overlay.show(data('A'));
    expect(overlay.shown).toBe(true);
    expect(hosts()).toHaveLength(1);
    const host = hosts()[0];
    overlay.hide();
    expect(overlay.shown).toBe(false);
    expect(hosts()).toHaveLength(0);
    await overlay.show(data('B'));
    expect(hosts()).toHaveLength(1);
    expect(hosts()[0]).toBe(host);
    await vi.waitFor(() => expect(specs()).toEqual(['B']));
  });

  it('makes one host for two shows at once, with the latest data and the updates meanwhile', async () => {
    ctx = new ContentScriptContext('auditor');
    const overlay = new OverlayController(ctx, 'zh', { onClose() {}, onReaudit() {} }, OPEN);
    const first = overlay.show(data('A'));
    const second = overlay.show(data('B'));
    overlay.update(data('C'));
    await Promise.all([first, second]);
    expect(hosts()).toHaveLength(1);
    await vi.waitFor(() => expect(specs()).toEqual(['C']));
    overlay.update(data('D'));
    await vi.waitFor(() => expect(specs()).toEqual(['D']));
  });

  it('shows nothing when hidden while the host is being made, and takes no update when hidden', async () => {
    ctx = new ContentScriptContext('auditor');
    const overlay = new OverlayController(ctx, 'zh', { onClose() {}, onReaudit() {} }, OPEN);
    const showing = overlay.show(data('A'));
    overlay.hide();
    await showing;
    overlay.update(data('B'));
    expect(overlay.shown).toBe(false);
    expect(hosts()).toHaveLength(0);
  });

  it('goes with the script', async () => {
    ctx = new ContentScriptContext('auditor');
    const overlay = new OverlayController(ctx, 'zh', { onClose() {}, onReaudit() {} }, OPEN);
    await overlay.show(data('A'));
    ctx.abort();
    expect(hosts()).toHaveLength(0);
    expect(overlay.shown).toBe(false);
  });
});
