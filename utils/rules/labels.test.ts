import { describe, expect, it } from 'vitest';
import {
  T2_ROWS_2019,
  T2_ROWS_2021,
  T3_COLS,
  T3_ORG_SUBTOTAL_COL,
  T3_SUBTOTALS,
  T4_BLOCKS,
  T4_COLS,
  t3Rows,
} from '../report/model';
import { cellLabel, colLabel, rowLabel } from './labels';

const named = (l: { zh: string; en: string }, key: string) => {
  expect(l.zh, key).not.toBe(key);
  expect(l.zh, key).toMatch(/[\u4e00-\u9fff]/);
  expect(l.en, key).toMatch(/^[\x20-\x7e’·]+$/);
};

describe('labels', () => {
  it('name every row and column key of the three tables in Chinese and English', () => {
    for (const r of new Set([...t3Rows('2019'), ...t3Rows('2021'), ...Object.keys(T3_SUBTOTALS)]))
      named(rowLabel('applications', r), r);
    for (const c of [...T3_COLS, T3_ORG_SUBTOTAL_COL]) named(colLabel('applications', c), c);
    for (const b of T4_BLOCKS) named(rowLabel('reviews', b), b);
    for (const c of T4_COLS) named(colLabel('reviews', c), c);
    for (const spec of [...T2_ROWS_2019, ...T2_ROWS_2021]) {
      named(rowLabel('active', spec.key), spec.key);
      for (const c of spec.cols) named(colLabel('active', c), c);
    }
  });

  it('name a cell by its row and column, items with their category', () => {
    expect(cellLabel('applications/new/NP')).toEqual({
      zh: '本年新收·自然人',
      en: 'new this year · natural persons',
    });
    expect(cellLabel('applications/r5_2/TOT').zh).toBe('不予处理·重复申请·总计');
    expect(cellLabel('reviews/rev/total')).toEqual({
      zh: '行政复议·总计',
      en: 'administrative review · total',
    });
    expect(cellLabel('active/art20_5.licensing/decisions').zh).toBe('行政许可·处理决定数量');
    const rows = [{ key: '1.1', label: '公文总数', unit: '件', parent: null, block: '1', heading: false }];
    expect(cellLabel('legacy/1.1/value', rows)).toEqual({ zh: '公文总数', en: '“公文总数”' });
  });
});
