import { describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '@/utils/audit/result';
import { evidenceTexts, withLogFindings } from './log-content';

// The auditor's side of the log: merging what the log sends back, and reading a finding's cells.

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'T4-01',
  spec: 'T4-01',
  outcome: 'fail',
  severity: 'error',
  message: { zh: '复议', en: 'review' },
  cells: [],
  fingerprint: 'fp',
  ...over,
});

const audit = (findings: Finding[]): AuditResult => ({
  format: '2021',
  findings,
  counts: { pass: 0, fail: findings.length, uncertain: 0, notApplicable: 0 },
  figures: {
    applicationsHandled: null,
    applicationsTotal: null,
    substantiveDisclosureRate: null,
    reviewCorrectionRate: null,
    litigationCorrectionRate: null,
  },
});

describe('withLogFindings', () => {
  it('appends the log’s own findings once, keeping the engine’s in place', () => {
    const engine = [finding({ fingerprint: 'a' }), finding({ fingerprint: 'b' })];
    const xyr = finding({ rule: 'XYR-01', spec: 'XYR-01', fingerprint: 'x' });
    const a = audit(engine);
    const merged = withLogFindings(a, [...engine, xyr]);
    expect(merged.findings.map((f) => f.fingerprint)).toEqual(['a', 'b', 'x']);
    expect(withLogFindings(merged, [...engine, xyr]).findings).toHaveLength(3);
  });

  it('gives the same audit back when the log added nothing (no repaint)', () => {
    const a = audit([finding({ fingerprint: 'a' })]);
    expect(withLogFindings(a, a.findings)).toBe(a);
  });
});

describe('evidenceTexts', () => {
  const page = () => {
    document.body.innerHTML = `<table><tr><td id="u"> 0 </td><td id="t">\n 3\n</td></tr></table><p id="p">共收到申请 4 件。</p>`;
    return new Map<string, Element>([
      ['reviews/rev/upheld', document.getElementById('u')!],
      ['reviews/rev/total', document.getElementById('t')!],
      ['paragraph/p1', document.getElementById('p')!],
    ]);
  };

  it('reads the cells as printed and the sentence, and scrolls the first into view', async () => {
    const elements = page();
    let scrolled = '';
    (elements.get('reviews/rev/upheld') as HTMLElement).scrollIntoView = function (this: HTMLElement) {
      scrolled = this.id;
    };
    const f = finding({
      cells: ['reviews/rev/upheld', 'reviews/rev/total', 'reviews/rev/pending'],
      sentence: { paragraph: 'p1', text: '共收到申请 4 件' },
    });
    const texts = await evidenceTexts(audit([f]), elements, 'fp', 'https://www.example.gov.cn/a.html');
    expect(texts).toEqual({
      url: 'https://www.example.gov.cn/a.html',
      // a cell the page does not show (pending) has no text to keep
      cells: [
        { address: 'reviews/rev/upheld', text: '0' },
        { address: 'reviews/rev/total', text: '3' },
      ],
      sentence: '共收到申请 4 件',
    });
    expect(scrolled).toBe('u');
  });

  it('scrolls to the sentence of a finding without cells; null for an unknown finding', async () => {
    const elements = page();
    let scrolled = '';
    (elements.get('paragraph/p1') as HTMLElement).scrollIntoView = function (this: HTMLElement) {
      scrolled = this.id;
    };
    const f = finding({ sentence: { paragraph: 'p1', text: '共收到申请 4 件' } });
    expect((await evidenceTexts(audit([f]), elements, 'fp', 'u'))?.cells).toEqual([]);
    expect(scrolled).toBe('p');
    expect(await evidenceTexts(audit([f]), elements, 'nope', 'u')).toBeNull();
  });
});
