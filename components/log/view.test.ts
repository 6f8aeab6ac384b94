import { describe, expect, it } from 'vitest';
import { groupOf } from '@/utils/audit/group';
import type { Finding } from '@/utils/audit/result';
import { groupFindings, statusOf } from './view';

const f = (spec: string, severity: Finding['severity'], over: Partial<Finding> = {}): Finding => ({
  rule: spec,
  spec,
  outcome: 'fail',
  severity,
  message: { zh: spec, en: spec },
  cells: [],
  fingerprint: `${spec}:${severity}`,
  ...over,
});

describe('log view helpers', () => {
  it('colours a record by its worst finding', () => {
    expect(statusOf({ error: 1, warning: 3, info: 0 })).toBe('error');
    expect(statusOf({ error: 0, warning: 1, info: 9 })).toBe('warning');
    expect(statusOf({ error: 0, warning: 0, info: 1 })).toBe('info');
    expect(statusOf({ error: 0, warning: 0, info: 0 })).toBe('clean');
  });

  it('never colours a record clean when its tables or text could not be read', () => {
    const none = { level: 'none' as const, reasons: [{ kind: 'narrative' as const }] };
    expect(statusOf({ error: 0, warning: 0, info: 0 }, none)).toBe('unread');
    expect(statusOf({ error: 0, warning: 0, info: 3 }, none)).toBe('unread');
    expect(statusOf({ error: 1, warning: 0, info: 0 }, none)).toBe('error');
    expect(statusOf({ error: 0, warning: 0, info: 0 }, { level: 'complete', reasons: [] })).toBe('clean');
  });

  it('groups findings by table in report order, cross-year ones apart, worst first', () => {
    const groups = groupFindings([
      f('T3-02', 'warning', { outcome: 'uncertain' }),
      f('XYR-08', 'info'),
      f('T3-01', 'error'),
      f('VAL-02', 'warning', { cells: ['reviews/rev/total'] }),
      f('XYR-01', 'error'),
      f('T4-04', 'info'),
      f('TXT-01', 'warning'),
      f('FMT-03', 'error'),
      f('T2-01', 'info'),
    ]);
    expect(groups.map((g) => [g.group, g.findings.map((x) => x.spec)])).toEqual([
      ['active', ['T2-01']],
      ['applications', ['T3-01', 'T3-02']],
      ['reviews', ['VAL-02']],
      ['text', ['TXT-01']],
      ['format', ['FMT-03']],
      ['crossYear', ['XYR-01', 'XYR-08', 'T4-04']],
    ]);
    expect(groupOf(f('VAL-01', 'info', { sentence: { paragraph: 'p1', text: 'x' } }))).toBe('text');
  });
});
