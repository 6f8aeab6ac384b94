import { describe, expect, it } from 'vitest';
import { groupOf } from '@/utils/audit/group';
import type { Finding } from '@/utils/audit/result';
import { buildMarks, countTones, errorCount, groupFindings, marksOf, toneOf, worstTone } from './findings';

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'T3-01',
  spec: 'T3-01',
  outcome: 'fail',
  severity: 'error',
  message: { zh: '…', en: '…' },
  cells: [],
  fingerprint: Math.random().toString(36),
  ...over,
});

describe('tones', () => {
  it('draws a fail by its severity and anything uncertain in grey', () => {
    expect(toneOf(finding({ severity: 'error' }))).toBe('error');
    expect(toneOf(finding({ severity: 'warning' }))).toBe('warning');
    expect(toneOf(finding({ severity: 'info' }))).toBe('info');
    expect(toneOf(finding({ outcome: 'uncertain', severity: 'warning' }))).toBe('uncertain');
  });

  it('takes the worst tone of several', () => {
    expect(worstTone(['info', 'warning', 'uncertain'])).toBe('warning');
    expect(worstTone(['uncertain', 'error'])).toBe('error');
    expect(worstTone(['info', 'uncertain'])).toBe('uncertain');
  });

  it('counts errors for the badge: proven errors only', () => {
    const fs = [
      finding({}),
      finding({ severity: 'warning' }),
      finding({ outcome: 'uncertain', severity: 'warning' }),
      finding({}),
    ];
    expect(errorCount(fs)).toBe(2);
    expect(countTones(fs)).toEqual({ error: 2, warning: 1, uncertain: 1, info: 0 });
  });
});

describe('groups', () => {
  it('puts a finding under its catalogue section, else under the table of its first cell', () => {
    expect(groupOf(finding({ spec: 'T2-02' }))).toBe('active');
    expect(groupOf(finding({ spec: 'T4-01' }))).toBe('reviews');
    expect(groupOf(finding({ spec: 'S17-03' }))).toBe('legacy');
    expect(groupOf(finding({ spec: 'TXT-01', cells: ['applications/new/TOT'] }))).toBe('text');
    expect(groupOf(finding({ spec: 'ARI-02' }))).toBe('text');
    expect(groupOf(finding({ spec: 'FMT-03' }))).toBe('format');
    expect(groupOf(finding({ spec: 'VAL-05', cells: ['active/art20_9.procurement/projects'] }))).toBe(
      'active',
    );
    expect(groupOf(finding({ spec: 'VAL-02', cells: [] }))).toBe('format');
    expect(groupOf(finding({ spec: 'XYZ-1', sentence: { paragraph: 'p1', text: 'x' } }))).toBe('text');
  });

  it('lists tables in report order, worst first inside each, with counts', () => {
    const fs = [
      finding({ spec: 'TXT-01', severity: 'warning' }),
      finding({ spec: 'T4-01' }),
      finding({ spec: 'T3-02', severity: 'info' }),
      finding({ spec: 'T3-01' }),
      finding({ spec: 'T3-05', outcome: 'uncertain', severity: 'warning' }),
    ];
    const groups = groupFindings(fs);
    expect(groups.map((g) => g.group)).toEqual(['applications', 'reviews', 'text']);
    expect(groups[0]!.items.map((i) => i.finding.spec)).toEqual(['T3-01', 'T3-05', 'T3-02']);
    expect(groups[0]!.items.map((i) => i.index)).toEqual([3, 4, 2]);
    expect(groups[0]!.counts).toEqual({ error: 1, warning: 0, uncertain: 1, info: 1 });
  });
});

describe('marks', () => {
  const fs = [
    finding({ spec: 'T3-01', cells: ['applications/new/TOT', 'applications/carryIn/TOT'] }),
    finding({ spec: 'T3-02', cells: ['applications/new/TOT', 'applications/new/NP'] }),
    finding({
      spec: 'TXT-01',
      severity: 'warning',
      cells: ['applications/new/TOT'],
      sentence: { paragraph: 'p5', text: '全年共收到申请28件；' },
    }),
    finding({ spec: 'VAL-06', severity: 'info', cells: ['applications/r7/NP'] }),
  ];
  const onPage = new Set([
    'applications/new/TOT',
    'applications/carryIn/TOT',
    'applications/new/NP',
    'paragraph/p5',
  ]);

  it('makes one mark per distinct cell the page shows, with every finding on it, worst first', () => {
    const marks = buildMarks(fs, (a) => onPage.has(a));
    const cells = marks.filter((m) => m.kind === 'cell');
    expect(cells.map((m) => m.key).sort()).toEqual([
      'applications/carryIn/TOT',
      'applications/new/NP',
      'applications/new/TOT',
    ]);
    const tot = cells.find((m) => m.key === 'applications/new/TOT')!;
    expect(tot.findings).toEqual([0, 1, 2]);
    expect(tot.tone).toBe('error');
  });

  it('makes a mark for a sentence whose paragraph is on the page', () => {
    const marks = buildMarks(fs, (a) => onPage.has(a));
    const sentence = marks.find((m) => m.kind === 'sentence')!;
    expect(sentence).toMatchObject({
      key: 'sentence/p5/全年共收到申请28件；',
      tone: 'warning',
      findings: [2],
      sentence: { paragraph: 'p5', text: '全年共收到申请28件；' },
    });
    expect(
      buildMarks(fs, (a) => a !== 'paragraph/p5' && onPage.has(a)).some((m) => m.kind === 'sentence'),
    ).toBe(false);
  });

  it('flags inferred cells, and finds the marks of a finding', () => {
    const marks = buildMarks(fs, () => true, new Set(['applications/r7/NP']));
    expect(marks.find((m) => m.key === 'applications/r7/NP')).toMatchObject({ inferred: true, tone: 'info' });
    expect(marks.find((m) => m.key === 'applications/new/NP')?.inferred).toBe(false);
    expect(marksOf(marks, 1).map((m) => m.key)).toEqual(['applications/new/TOT', 'applications/new/NP']);
  });
});
