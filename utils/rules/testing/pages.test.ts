import { describe, expect, it } from 'vitest';
import { parseReport } from '../../report/parse';
import { legacyPage, reportPage, t3Row, t4Block } from './pages';

const parse = (html: string) => parseReport(new DOMParser().parseFromString(html, 'text/html')).model;

describe('test pages', () => {
  for (const format of ['2019', '2021'] as const) {
    it(`parse completely in the ${format} format`, () => {
      const m = parse(
        reportPage({ format, t3: t3Row('new', [3, 2, 0, 0, 0, 0, 5]), t4: t4Block('rev', [0, 0, 0, 1, 0]) }),
      );
      expect(m.kind).toBe('report');
      expect(m.format).toBe(format);
      for (const t of ['active', 'applications', 'reviews'] as const) {
        expect(m.tableInfo[t], t).toMatchObject({
          found: true,
          complete: true,
          missingRows: [],
          garbledRows: [],
          extra: [],
        });
        expect(m.tableInfo[t].labelVariants, t).toEqual({});
      }
      expect(m.tables.applications?.new?.BIZ?.value).toBe(2);
      expect(m.tables.applications?.new?.TOT?.value).toBe(5);
      expect(m.tables.reviews?.rev?.pending?.value).toBe(1);
      expect(m.paragraphs.some((p) => p.section === '六')).toBe(true);
    });
  }
});

describe('legacy test page', () => {
  it('parses into the seed-002 keys with 其中 parents', () => {
    const m = parse(legacyPage({ values: { '1.1': '26', '5.1': '' } }));
    expect(m.format).toBe('pre2019');
    expect(m.tables.legacy?.['1.1']?.value?.value).toBe(26);
    expect(m.tables.legacy?.['5.1']?.value?.flags).toContain('blank');
    const parentOf = Object.fromEntries(m.legacyRows.map((r) => [r.key, r.parent]));
    expect(parentOf).toMatchObject({
      '1.1.4': '1.1',
      '1.2.4': '1.2',
      '3.1.4': '3.1',
      '4.1.2': '4.1',
      '5.1.2': '5.1',
    });
    expect(m.legacyRows.map((r) => r.key)).toEqual(expect.arrayContaining(['3.2', '2.2.1']));
  });
});
