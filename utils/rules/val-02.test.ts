import { T4_COLS } from '../report/model';
import { ruleTester } from './rule-tester';
import { modelBuilder } from './testing/model-builder';
import { reportPage, t3Row, t4Block } from './testing/pages';
import { val02 } from './val-02';

const rev = T4_COLS.map((c) => `reviews/rev/${c}`);

ruleTester(val02, {
  valid: [
    { name: 'every cell written out', html: reportPage() },
    {
      name: 'the blank left by a shifted value is VAL-05’s',
      html: reportPage({
        format: '2019',
        t2: { 'art20_9.procurement/projects': '45996.82万元', 'art20_9.procurement/amount': '' },
      }),
    },
  ],
  invalid: [
    {
      name: 'seed 000: the 行政复议 block blank while the lawsuits say 0',
      html: reportPage({ format: '2019', t4: t4Block('rev', ['', '', '', '', '']) }),
      errors: [
        {
          messageId: 'blankBlock',
          severity: 'warning',
          cells: rev,
          zh: '表四“行政复议”整块空白（5 个单元格），而同表其他单元格填写了 0',
        },
      ],
    },
    {
      name: 'a blank total over non-zero outcomes',
      html: reportPage({ t4: t4Block('rev', [2, 0, 0, 1, '']) }),
      errors: [
        {
          messageId: 'blankTotal',
          severity: 'warning',
          cells: rev,
          zh: '行政复议·总计为空白，但其组成项之和为 3',
        },
      ],
    },
    {
      name: 'Shanghai style: blanks for zeros, 总计 only on the summary rows',
      html: reportPage({
        t3: {
          ...t3Row('new', [3, 2, '', '', '', '', 5]),
          ...t3Row('r1', [3, 1, '', '', '', '', '']),
          ...t3Row('r5_1', ['', 1, '', '', '', '', '']),
          ...t3Row('r7', [3, 2, '', '', '', '', 5]),
        },
      }),
      errors: [
        {
          messageId: 'blankTotalStyle',
          severity: 'info',
          cells: ['applications/r1/TOT', 'applications/r5_1/TOT'],
        },
        {
          messageId: 'blankCells',
          severity: 'info',
          cells: [
            ...['RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/new/${c}`),
            ...['RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/r1/${c}`),
            ...['NP', 'RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/r5_1/${c}`),
            ...['RES', 'SOC', 'LEG', 'OTH'].map((c) => `applications/r7/${c}`),
          ],
          zh: '表三有 17 个空白单元格，按 0 计算',
        },
      ],
    },
    {
      name: 'a wholly blank table',
      // (the parser does not read a table without a single number; a model has one)
      model: modelBuilder('2021')
        .blank(...['rev', 'litDirect', 'litAfterRev'].flatMap((b) => T4_COLS.map((c) => `reviews/${b}/${c}`)))
        .build(),
      errors: [
        {
          messageId: 'blankTable',
          cells: ['rev', 'litDirect', 'litAfterRev'].flatMap((b) => T4_COLS.map((c) => `reviews/${b}/${c}`)),
          zh: '表四整表空白（15 个单元格）',
        },
      ],
    },
  ],
});
