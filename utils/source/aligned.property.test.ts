import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { documentFromHtml, releaseDocuments } from '../../cli/dom';
import { T3_COLS, T4_BLOCKS, T4_COLS } from '../report/model';
import { readReport } from './index';

// Space-aligned text as a PDF viewer's copy writes it (issue 9): each cell at its column's
// place, an empty cell a wider gap, CJK characters two columns wide, long labels wrapped onto
// the next line. Random 表三 and 表四 with random blanks, column widths, gaps, alignments and
// label wraps must read back exactly: every value at its column, every blank a blank there.
// Values placed by position are flagged garbled (a guess, never an error), and so is a blank.

const RUNS = Number(process.env.GOUJI_GENERATOR_RUNS ?? 60);
const SEED = Number(process.env.GOUJI_GENERATOR_SEED ?? 20261203);
const OUT = join(__dirname, '../../test-output/generator');

/** 表三 2021 rows: the labels of the category, sub-category and item columns, and the row key. */
const T3_ROWS: [key: string, labels: (string | null)[]][] = [
  ['new', ['一、本年新收政府信息公开申请数量']],
  ['carryIn', ['二、上年结转政府信息公开申请数量']],
  ['r1', ['三、本年度办理结果', '(一) 予以公开']],
  ['r2', [null, '(二) 部分公开 (区分处理的, 只计这一情形, 不计其他情形)']],
  ['r3_1', [null, '(三) 不予公开', '1. 属于国家秘密']],
  ['r3_2', [null, null, '2. 其他法律行政法规禁止公开']],
  ['r3_3', [null, null, '3. 危及“三安全一稳定”']],
  ['r3_4', [null, null, '4. 保护第三方合法权益']],
  ['r3_5', [null, null, '5. 属于三类内部事务信息']],
  ['r3_6', [null, null, '6. 属于四类过程性信息']],
  ['r3_7', [null, null, '7. 属于行政执法案卷']],
  ['r3_8', [null, null, '8. 属于行政查询事项']],
  ['r4_1', [null, '(四) 无法提供', '1. 本机关不掌握相关政府信息']],
  ['r4_2', [null, null, '2. 没有现成信息需要另行制作']],
  ['r4_3', [null, null, '3. 补正后申请内容仍不明确']],
  ['r5_1', [null, '(五) 不予处理', '1. 信访举报投诉类申请']],
  ['r5_2', [null, null, '2. 重复申请']],
  ['r5_3', [null, null, '3. 要求提供公开出版物']],
  ['r5_4', [null, null, '4. 无正当理由大量反复申请']],
  ['r5_5', [null, null, '5. 要求行政机关确认或重新出具已获取信息']],
  ['r6_1', [null, '(六) 其他处理', '1. 申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请']],
  ['r6_2', [null, null, '2. 申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请']],
  ['r6_3', [null, null, '3. 其他']],
  ['r7', [null, '(七) 总计']],
  ['carryOut', ['四、结转下年度继续办理']],
];

const width = (s: string) => Array.from(s).reduce((n, ch) => n + (ch.charCodeAt(0) >= 0x2e80 ? 2 : 1), 0);

/** Cuts a label into pieces of at most `columns` display columns. */
function wrap(text: string, columns: number): string[] {
  const out: string[] = [];
  let line = '';
  for (const ch of Array.from(text)) {
    if (line && width(line + ch) > columns) {
      out.push(line);
      line = '';
    }
    line += ch;
  }
  return line ? [...out, line] : out;
}

type Align = 'left' | 'right' | 'centre';

/** A line of pieces, each written at its display column (pieces never overlap). */
function lineOf(pieces: { at: number; text: string }[]): string {
  let line = '';
  for (const { at, text } of [...pieces].sort((a, b) => a.at - b.at)) {
    line += ' '.repeat(Math.max(at - width(line), line ? 2 : 0)) + text;
  }
  return line;
}

/** A value written inside its column. */
const placeIn = (text: string, start: number, columnWidth: number, align: Align) =>
  start +
  (align === 'left'
    ? 0
    : align === 'right'
      ? columnWidth - width(text)
      : Math.floor((columnWidth - width(text)) / 2));

const valueArb = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 99999 }).map(String) },
  { weight: 1, arbitrary: fc.constant(null) },
);

const layoutArb = fc.record({
  /** 表三: a value or a blank (null) per row and column; every row keeps one value */
  t3: fc.array(fc.array(valueArb, { minLength: 7, maxLength: 7 }), { minLength: 25, maxLength: 25 }),
  /** 表四: one row of 15 */
  t4: fc.array(valueArb, { minLength: 15, maxLength: 15 }),
  /** widest a label piece is written before it wraps onto the next line */
  labelWrap: fc.integer({ min: 26, max: 60 }),
  /** extra width of each value column beyond its widest text */
  pads: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 15, maxLength: 15 }),
  gap: fc.integer({ min: 2, max: 5 }),
  /** a 表三 column left blank in every row (a body that never hears from 科研机构) */
  emptyColumn: fc.option(fc.integer({ min: 0, max: 6 })),
  align: fc.constantFrom<Align>('left', 'right', 'centre'),
});

type Layout = typeof layoutArb extends fc.Arbitrary<infer L> ? L : never;

interface Rendered {
  text: string;
  t3: (string | null)[][];
  t4: (string | null)[];
}

function render(layout: Layout): Rendered {
  const { gap, align, pads } = layout;
  // A row with no value at all is a label line only, another family (see the report): keep one.
  const t3 = layout.t3
    .map((row) => row.map((v, c) => (c === layout.emptyColumn ? null : v)))
    .map((row) => (row.every((v) => v === null) ? ['0', ...row.slice(1)] : row));
  const t4 = layout.t4.filter((v) => v !== null).length >= 2 ? layout.t4 : ['0', '0', ...layout.t4.slice(2)];
  const lines: string[] = [
    '某某县人民政府2021年政府信息公开工作年度报告',
    '三、收到和处理政府信息公开申请情况',
  ];

  // 表三: three label columns (category, sub-category, item), then seven value columns.
  // The category column is as wide as its widest label, the sub-category column as its widest
  // label beside an item; a label alone in its row spans the columns right of it.
  const category = Math.max(...T3_ROWS.flatMap(([, l]) => (l.length > 1 && l[0] ? [width(l[0])] : [])));
  const sub = Math.max(...T3_ROWS.flatMap(([, l]) => (l.length === 3 && l[1] ? [width(l[1])] : [])));
  const labelColumns = [category, sub];
  const labelStart = [0, labelColumns[0]! + gap, labelColumns[0]! + labelColumns[1]! + 2 * gap];
  const labelEnd = Math.max(
    ...T3_ROWS.map(([, labels]) => {
      const c = labels.length - 1;
      return labelStart[c]! + Math.min(width(labels[c]!), layout.labelWrap);
    }),
  );
  const t3Headers = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'];
  const t3Widths = t3Headers.map(
    (h, c) => Math.max(width(h), ...t3.map((row) => width(row[c] ?? '')), 1) + pads[c]!,
  );
  /** Where each column starts: after the previous one and a gap. */
  const starts = (widths: number[], first: number) => {
    const out = [first];
    for (let c = 1; c < widths.length; c++) out.push(out[c - 1]! + widths[c - 1]! + gap);
    return out;
  };
  const t3Start = starts(t3Widths, labelEnd + gap);
  lines.push(
    lineOf([
      { at: 0, text: '(本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和)' },
      { at: Math.max(t3Start[0]!, 70), text: '申请人情况' },
    ]),
    lineOf([
      { at: t3Start[0]!, text: '自然人' },
      { at: t3Start[1]!, text: '法人或其他组织' },
      { at: t3Start[6]!, text: '总计' },
    ]),
    lineOf(t3Headers.slice(1, 6).map((text, i) => ({ at: t3Start[i + 1]!, text }))),
  );
  T3_ROWS.forEach(([, labels], r) => {
    // A label piece too wide for its column wraps: its rest goes on the lines below the row.
    const rest: { at: number; text: string }[][] = [];
    const pieces: { at: number; text: string }[] = [];
    labels.forEach((text, c) => {
      if (!text) return;
      const [head, ...tail] = wrap(text, c === labels.length - 1 ? layout.labelWrap : 999);
      pieces.push({ at: labelStart[c]!, text: head! });
      tail.forEach((t, k) => {
        rest[k] ??= [];
        rest[k]!.push({ at: labelStart[c]!, text: t });
      });
    });
    t3[r]!.forEach((v, c) => {
      if (v !== null) pieces.push({ at: placeIn(v, t3Start[c]!, t3Widths[c]!, align), text: v });
    });
    lines.push(lineOf(pieces), ...rest.map(lineOf));
  });

  // 表四: two header rows over one row of fifteen values.
  lines.push('四、政府信息公开行政复议、行政诉讼情况');
  const leaves = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const t4Widths = t4.map((v, c) => Math.max(8, width(v ?? '')) + pads[c]!);
  const t4Start = starts(t4Widths, 0);
  lines.push(
    lineOf([
      { at: 0, text: '行政复议' },
      { at: t4Start[5]!, text: '行政诉讼' },
    ]),
    lineOf([
      ...leaves.map((text, c) => ({ at: t4Start[c]!, text })),
      { at: t4Start[5]!, text: '未经复议直接起诉' },
      { at: t4Start[10]!, text: '复议后起诉' },
    ]),
    lineOf([...leaves, ...leaves].map((text, c) => ({ at: t4Start[c + 5]!, text }))),
    lineOf(
      t4.flatMap((v, c) =>
        v === null ? [] : [{ at: placeIn(v, t4Start[c]!, t4Widths[c]!, align), text: v }],
      ),
    ),
  );
  lines.push('五、存在的主要问题及改进情况', '无。');
  return { text: `${lines.join('\n')}\n`, t3, t4 };
}

/** What the reader must give for a row: values as written, blanks as blanks; a row with a blank
 * was placed by position, so all its cells are flagged garbled. */
function expectedRow(row: (string | null)[]) {
  const placed = row.some((v) => v === null);
  return row.map((v) => ({
    value: v === null ? 0 : Number(v),
    flags: [...(v === null ? ['blank'] : []), ...(placed ? ['garbled'] : [])],
  }));
}

describe('space-aligned tables with blank cells (fast-check, fixed seed)', () => {
  it(`reads ${RUNS} random 表三 and 表四 back exactly, blanks at their columns`, async () => {
    await fc.assert(
      fc.asyncProperty(layoutArb, async (layout) => {
        const { text, t3, t4 } = render(layout);
        const read = await readReport(
          new TextEncoder().encode(text),
          { name: 'report.txt' },
          { parseHtml: documentFromHtml },
        );
        const model = read.parsed!.model;
        await releaseDocuments();
        const read3 = T3_ROWS.map(([key]) =>
          T3_COLS.map((col) => {
            const c = model.tables.applications?.[key]?.[col];
            return c && { value: c.value, flags: c.flags };
          }),
        );
        const read4 = T4_BLOCKS.flatMap((block) =>
          T4_COLS.map((col) => {
            const c = model.tables.reviews?.[block]?.[col];
            return c && { value: c.value, flags: c.flags };
          }),
        );
        if (JSON.stringify([read3, read4]) !== JSON.stringify([t3.map(expectedRow), expectedRow(t4)])) {
          // The text as it failed, to turn the shrunk counter-example into a fixture.
          mkdirSync(OUT, { recursive: true });
          writeFileSync(join(OUT, 'aligned-counterexample.txt'), text);
        }
        expect(read3).toEqual(t3.map(expectedRow));
        expect(read4).toEqual(expectedRow(t4));
        expect(model.tableInfo.applications.missingRows).toEqual([]);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 300_000);
});
