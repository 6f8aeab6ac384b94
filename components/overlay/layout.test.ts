import { beforeEach, describe, expect, it } from 'vitest';
import type { AuditResult, Finding } from '@/utils/audit/result';
import type { ReportModel } from '@/utils/report/model';
import { findUnreadCell, layout } from './layout';

// layout() in happy-dom, with the table's geometry stubbed: one column is 40 px wide per index.

function table(rows: string[][]): HTMLTableElement {
  const t = document.createElement('table');
  rows.forEach((values, y) => {
    const tr = t.insertRow();
    values.forEach((v, x) => {
      const td = tr.insertCell();
      td.textContent = v;
      td.getBoundingClientRect = () =>
        ({
          left: x * 40,
          top: y * 20,
          width: 40,
          height: 20,
          right: x * 40 + 40,
          bottom: y * 20 + 20,
        }) as DOMRect;
    });
  });
  document.body.append(t);
  return t;
}

const cellOf = (t: HTMLTableElement, y: number, x: number) => t.rows[y]!.cells[x]!;

beforeEach(() => {
  document.body.innerHTML = '';
});

describe('findUnreadCell', () => {
  it('finds the page cell of a value the parser could not read, by its row and its column', () => {
    const t = table([
      ['新收', '3', '2', '5'],
      ['予以公开', '8?', '2', '10'],
    ]);
    const elements = new Map<string, Element>([
      ['applications/new/NP', cellOf(t, 0, 1)],
      ['applications/new/BIZ', cellOf(t, 0, 2)],
      ['applications/new/TOT', cellOf(t, 0, 3)],
      ['applications/r1/BIZ', cellOf(t, 1, 2)],
      ['applications/r1/TOT', cellOf(t, 1, 3)],
    ]);
    expect(findUnreadCell('applications/r1/NP', elements)).toBe(cellOf(t, 1, 1));
  });

  it('never takes a cell the parser gave to another address (a short row shifted right)', () => {
    // The row lacks one value; the parser read its first value as BIZ.
    const t = table([
      ['新收', '3', '2', '5'],
      ['重复申请', '2', '0'],
    ]);
    const elements = new Map<string, Element>([
      ['applications/new/NP', cellOf(t, 0, 1)],
      ['applications/new/BIZ', cellOf(t, 0, 2)],
      ['applications/r5_2/BIZ', cellOf(t, 1, 1)],
      ['applications/r5_2/TOT', cellOf(t, 1, 2)],
    ]);
    expect(findUnreadCell('applications/r5_2/NP', elements)).toBeNull();
  });

  it('gives up without a row or a column to go by', () => {
    const t = table([['新收', '3']]);
    const elements = new Map<string, Element>([['applications/new/NP', cellOf(t, 0, 1)]]);
    expect(findUnreadCell('applications/r1/NP', elements)).toBeNull();
    expect(findUnreadCell('applications/new/BIZ', elements)).toBeNull();
    expect(findUnreadCell('nonsense', elements)).toBeNull();
  });
});

describe('layout', () => {
  it('targets cells, unread cells and sentences, in the order of the page', () => {
    const p = document.createElement('p');
    p.textContent = '全年共收到申请28件，上年结转2件；';
    document.body.append(p);
    const t = table([
      ['新收', '3', '5'],
      ['予以公开', '8?', '10'],
    ]);
    const elements = new Map<string, Element>([
      ['paragraph/p1', p],
      ['applications/new/NP', cellOf(t, 0, 1)],
      ['applications/new/TOT', cellOf(t, 0, 2)],
      ['applications/r1/TOT', cellOf(t, 1, 2)],
    ]);
    const finding = (over: Partial<Finding>): Finding => ({
      rule: 'X',
      spec: 'X',
      outcome: 'fail',
      severity: 'error',
      message: { zh: '', en: '' },
      cells: [],
      fingerprint: 'f',
      ...over,
    });
    const audit = {
      findings: [
        finding({ cells: ['applications/r1/TOT', 'applications/new/TOT'] }),
        finding({ severity: 'info', cells: ['applications/r1/NP'] }),
        finding({
          cells: ['applications/new/TOT'],
          sentence: { paragraph: 'p1', text: '全年共收到申请28件，' },
        }),
      ],
    } as unknown as AuditResult;
    const { marks, targets } = layout({
      model: {} as ReportModel,
      audit,
      elements,
      inferred: new Map([['applications/r1/NP', 8]]),
    });
    expect(marks.map((m) => m.key)).toEqual([
      'sentence/p1/全年共收到申请28件，',
      'applications/new/TOT',
      'applications/r1/NP',
      'applications/r1/TOT',
    ]);
    expect(targets.get('applications/r1/NP')).toEqual({ kind: 'cell', el: cellOf(t, 1, 1) });
    expect(marks.find((m) => m.key === 'applications/r1/NP')?.inferred).toBe(true);
    const sentence = targets.get('sentence/p1/全年共收到申请28件，');
    expect(sentence?.kind === 'sentence' && sentence.range?.toString()).toBe('全年共收到申请28件，');
  });
});
