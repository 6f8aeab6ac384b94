import fc from 'fast-check';
import {
  type CellFlag,
  T2_ROWS_2019,
  T2_ROWS_2021,
  type T2RowSpec,
  T3_COLS,
  T4_BLOCKS,
  T4_COLS,
  t3Rows,
  type Unit,
} from '../model';

// A markup generator for property tests (issue 8): a random valid model of a report in one of
// the formats (2019, 2021, hybrid, pre-2019 statistics table), rendered as a page in a random
// combination of the idioms real portals use. The expected cells are decided here, from the
// written form each value was given (a 增3 is signed, a — is blank), never by running the reader.

export type GenFormat = '2019' | '2021' | 'hybrid' | 'pre2019';

/** One cell the reader must give back: value, flags as a set, unit when the page wrote one. */
export interface ExpectedCell {
  value: number;
  flags: CellFlag[];
  unit?: Unit;
}

/** A cell's number before it is written: a blank, or a value of the column's kind. */
export type Datum = { blank: true } | { blank: false; value: number };

export interface GenModel {
  format: GenFormat;
  t2: '2019' | '2021';
  t3: '2019' | '2021';
  active: Record<string, Record<string, Datum>>;
  applications: Record<string, Record<string, Datum>>;
  reviews: Record<string, Record<string, Datum>>;
  legacy: LegacyDatum[];
}

export interface LegacyDatum {
  /** 'block' heading, numbered 'item', or '其中' 'child' */
  level: 'block' | 'item' | 'child';
  label: string;
  unit: string;
  value: Datum;
}

export const EDITORS = ['word', 'ueditor', 'trs', 'kindeditor', 'ckeditor', 'plain'] as const;
export const CONTAINERS = ['trs', 'zoom', 'layout', 'plain', 'custom'] as const;

export interface Idioms {
  editor: (typeof EDITORS)[number];
  container: (typeof CONTAINERS)[number];
  th: boolean;
  thead: boolean;
  tbody: boolean;
  cmsMeta: boolean;
  crawlerTags: boolean;
  hiddenCopy: 'none' | 'before' | 'after';
  t2PerBlock: boolean;
  t3Layout: 'simple' | 'merged' | 'lost';
  t3SeedHeader: boolean;
  /** split 表三 into a second <table> before this data row (simple layout), 0 = no split */
  t3Split: number;
  nestedLayout: boolean;
  footnotes: boolean;
  traditional: boolean;
  fullWidth: 'none' | 'some' | 'all';
  thousands: boolean;
  units: boolean;
  charSpans: boolean;
  labelParagraphs: boolean;
  colspanDisagree: boolean;
  rowspanZero: boolean;
  /** drop the label of one 表三 row whose neighbours keep theirs (its cells become guesses) */
  droppedLabel: boolean;
  /** seed of the per-cell choices (which placeholder, which digits) */
  noise: number;
}

// ── The model ───────────────────────────────────────────────────────────────────

const count = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 30 }) },
  { weight: 2, arbitrary: fc.nat({ max: 999 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 250000 }) },
);
const datum = (value: fc.Arbitrary<number>, blankWeight = 1): fc.Arbitrary<Datum> =>
  fc.oneof(
    { weight: blankWeight, arbitrary: fc.constant<Datum>({ blank: true }) },
    { weight: 5, arbitrary: value.map((v): Datum => ({ blank: false, value: v })) },
  );
/** A 万元 amount with at most two decimals. */
const amount = fc.integer({ min: 0, max: 9_999_999 }).map((n) => n / 100);
const delta = fc.integer({ min: -500, max: 500 });

function colDatum(col: string): fc.Arbitrary<Datum> {
  if (col === 'amount' || col === 'amountWan') return datum(amount);
  if (col === 'delta') return datum(delta);
  return datum(count);
}

function t2Arb(format: '2019' | '2021') {
  const specs = format === '2021' ? T2_ROWS_2021 : T2_ROWS_2019;
  return fc.record(
    Object.fromEntries(
      specs.map((s) => [s.key, fc.record(Object.fromEntries(s.cols.map((c) => [c, colDatum(c)])))]),
    ) as Record<string, fc.Arbitrary<Record<string, Datum>>>,
  );
}

/** 表三 with some whole columns left blank (a body that only serves 自然人 blanks five). */
function t3Arb(format: '2019' | '2021') {
  const rows = t3Rows(format);
  return fc
    .tuple(
      fc.array(fc.boolean(), { minLength: T3_COLS.length, maxLength: T3_COLS.length }),
      fc.array(fc.array(datum(count, 1), { minLength: T3_COLS.length, maxLength: T3_COLS.length }), {
        minLength: rows.length,
        maxLength: rows.length,
      }),
    )
    .map(([blankColumns, grid]) =>
      Object.fromEntries(
        rows.map((row, r) => [
          row,
          Object.fromEntries(
            T3_COLS.map((col, c): [string, Datum] => [col, blankColumns[c] ? { blank: true } : grid[r]![c]!]),
          ),
        ]),
      ),
    );
}

const t4Arb = fc
  .tuple(
    fc.array(fc.boolean(), { minLength: 3, maxLength: 3 }),
    fc.array(datum(count, 1), { minLength: 15, maxLength: 15 }),
  )
  .map(([blankBlocks, cells]) =>
    Object.fromEntries(
      T4_BLOCKS.map((block, b) => [
        block,
        Object.fromEntries(
          T4_COLS.map((col, c): [string, Datum] => [
            col,
            blankBlocks[b] ? { blank: true } : cells[b * 5 + c]!,
          ]),
        ),
      ]),
    ),
  );

const LEGACY_BLOCKS = [
  '一、主动公开政府信息情况',
  '二、依申请公开政府信息情况',
  '三、因政府信息公开申请行政复议、诉讼情况',
  '四、政务公开机构和人员情况',
];
const LEGACY_ITEMS = [
  ['主动公开政府信息数', '条'],
  ['主动公开规范性文件数', '件'],
  ['收到申请数', '件'],
  ['对申请的答复总数', '件'],
  ['申请行政复议数', '件'],
  ['提起行政诉讼数', '件'],
  ['政务公开工作机构数量', '个'],
  ['举办政务公开培训班数', '次'],
  ['接受培训人员数', '人'],
] as const;
const LEGACY_CHILDREN = [
  ['当面申请数', '件'],
  ['网络申请数', '件'],
  ['信函申请数', '件'],
  ['同意公开答复数', '件'],
  ['专职人员数', '人'],
  ['通过政府网站公开数', '条'],
] as const;

const legacyArb: fc.Arbitrary<LegacyDatum[]> = fc
  .array(
    fc.tuple(
      fc.nat({ max: LEGACY_BLOCKS.length - 1 }),
      fc.array(
        fc.tuple(
          fc.nat({ max: LEGACY_ITEMS.length - 1 }),
          datum(count),
          fc.array(fc.tuple(fc.nat({ max: LEGACY_CHILDREN.length - 1 }), datum(count)), { maxLength: 2 }),
        ),
        { minLength: 1, maxLength: 3 },
      ),
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((blocks) =>
    blocks.flatMap(([b, items], bi) => [
      // Blocks are numbered in page order whatever their wording.
      {
        level: 'block' as const,
        label: `${'一二三四'[bi]}、${LEGACY_BLOCKS[b]!.slice(2)}`,
        unit: '',
        value: { blank: true } as Datum,
      },
      ...items.flatMap(([i, value, children], ii) => [
        {
          level: 'item' as const,
          label: `（${'一二三'[ii]}）${LEGACY_ITEMS[i]![0]}`,
          unit: LEGACY_ITEMS[i]![1],
          value,
        },
        ...children.map(([c, v]) => ({
          level: 'child' as const,
          label: LEGACY_CHILDREN[c]![0],
          unit: LEGACY_CHILDREN[c]![1],
          value: v,
        })),
      ]),
    ]),
  );

export const modelArb: fc.Arbitrary<GenModel> = fc
  .constantFrom<GenFormat>('2019', '2021', 'hybrid', 'pre2019')
  .chain((format) => {
    if (format === 'pre2019')
      return legacyArb.map(
        (legacy): GenModel => ({
          format,
          t2: '2019',
          t3: '2019',
          active: {},
          applications: {},
          reviews: {},
          legacy,
        }),
      );
    // Hybrid either way round (FMT-03): 表二 of 2019 with 表三 of 2021, or 表二 of 2021 with
    // 2019's single-row （六）其他处理 in 表三.
    const pairs: ['2019' | '2021', '2019' | '2021'][] =
      format === 'hybrid'
        ? [
            ['2019', '2021'],
            ['2021', '2019'],
          ]
        : [[format, format]];
    return fc
      .constantFrom(...pairs)
      .chain(([t2, t3]) =>
        fc
          .record({ active: t2Arb(t2), applications: t3Arb(t3), reviews: t4Arb })
          .map((tables): GenModel => ({ format, t2, t3, ...tables, legacy: [] })),
      );
  });

export const idiomsArb: fc.Arbitrary<Idioms> = fc.record({
  editor: fc.constantFrom(...EDITORS),
  container: fc.constantFrom(...CONTAINERS),
  th: fc.boolean(),
  thead: fc.boolean(),
  tbody: fc.boolean(),
  cmsMeta: fc.boolean(),
  crawlerTags: fc.boolean(),
  hiddenCopy: fc.constantFrom('none', 'before', 'after'),
  t2PerBlock: fc.boolean(),
  t3Layout: fc.constantFrom('simple', 'merged', 'lost'),
  t3SeedHeader: fc.boolean(),
  t3Split: fc.nat({ max: 24 }),
  nestedLayout: fc.boolean(),
  footnotes: fc.boolean(),
  traditional: fc.boolean(),
  fullWidth: fc.constantFrom('none', 'some', 'all'),
  thousands: fc.boolean(),
  units: fc.boolean(),
  charSpans: fc.boolean(),
  labelParagraphs: fc.boolean(),
  colspanDisagree: fc.boolean(),
  rowspanZero: fc.boolean(),
  droppedLabel: fc.boolean(),
  noise: fc.integer(),
});

// ── Writing values ───────────────────────────────────────────────────────────────

/** Small deterministic PRNG for the per-cell choices, so a shrunk case renders the same. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Simplified → Traditional for the words of the tables and headings (the reader folds them back).
const TRADITIONAL_PAIRS =
  '总總计計结結转轉处處审審维維纠糾条條项項报報诉訴讼訟复複议議与與资資开開请請数數据據机機关關构構会會务務类類属屬国國卫衛险險权權护護过過单單补補确確无無获獲级級对對业業费費规規范範许許罚罰强強制製废廢现現采採购購额額万萬这這决決办辦况況应應当當经經发發门門户戶网網题題进進组組织織体體为為统統从從区區县縣员員长長书書号號证證产產环環节節内內认認缴繳纳納义義称稱种種兴興问問时時间間';
const TO_TRADITIONAL = new Map<string, string>();
for (let i = 0; i + 1 < TRADITIONAL_PAIRS.length; i += 2)
  TO_TRADITIONAL.set(TRADITIONAL_PAIRS[i]!, TRADITIONAL_PAIRS[i + 1]!);
export const toTraditional = (text: string): string =>
  [...text].map((c) => TO_TRADITIONAL.get(c) ?? c).join('');

const FULL_WIDTH_DIGITS = '０１２３４５６７８９';
const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

interface Written {
  html: string;
  expected: ExpectedCell;
}

class Writer {
  readonly rand: () => number;
  constructor(readonly idioms: Idioms) {
    this.rand = prng(idioms.noise);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rand() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.rand() < p;
  }
  text(s: string): string {
    return this.idioms.traditional ? toTraditional(s) : s;
  }

  digits(n: number): string {
    let s = String(n);
    if (this.idioms.thousands && Number.isInteger(n) && n >= 1000) s = n.toLocaleString('en-US');
    const full = this.idioms.fullWidth === 'all' || (this.idioms.fullWidth === 'some' && this.chance(0.4));
    return full ? s.replace(/\d/g, (d) => FULL_WIDTH_DIGITS[Number(d)]!) : s;
  }

  /** Inline runs as an editor leaves them: Word splits text into runs of one or two characters. */
  runs(text: string): string {
    if (!this.idioms.charSpans) return escapeHtml(text);
    const out: string[] = [];
    for (let i = 0; i < text.length; ) {
      const n = 1 + Math.floor(this.rand() * 2);
      const part = text.slice(i, i + n);
      out.push(
        this.idioms.editor === 'word'
          ? `<span lang="EN-US" style="font-family:仿宋_GB2312;mso-bidi-font-family:宋体">${escapeHtml(part)}</span>`
          : `<span>${escapeHtml(part)}</span>`,
      );
      i += n;
    }
    return out.join('');
  }

  /** A label: maybe split over several <p>s inside the cell. */
  label(raw: string): string {
    const text = this.text(raw);
    if (this.idioms.labelParagraphs && text.length >= 4 && this.chance(0.5)) {
      const cut = 2 + Math.floor(this.rand() * (text.length - 3));
      return this.para(text.slice(0, cut)) + this.para(text.slice(cut));
    }
    return this.para(text);
  }

  para(text: string): string {
    const inner = this.runs(text);
    switch (this.idioms.editor) {
      case 'word':
        return `<p class="MsoNormal" align="center" style="text-align:center;mso-line-height-rule:exactly">${inner}<o:p></o:p></p>`;
      case 'ueditor':
      case 'trs':
        return `<p style="text-indent: 0em;">${inner}</p>`;
      case 'ckeditor':
        return `<p>${inner}</p>`;
      default:
        return inner;
    }
  }

  blank(): string {
    const forms =
      this.idioms.editor === 'word'
        ? ['<p class="MsoNormal"><span lang="EN-US"><o:p>&nbsp;</o:p></span></p>', '&nbsp;', '']
        : ['', '&nbsp;', '—', '-', '/', '无', '<p><br/></p>', '　'];
    return this.pick(forms);
  }

  count(d: Datum, unitWords: readonly string[] = ['件']): Written {
    if (d.blank) return { html: this.blank(), expected: { value: 0, flags: ['blank'] } };
    const unit = unitWords.length && this.idioms.units && this.chance(0.3) ? this.pick(unitWords) : '';
    const padded = this.idioms.editor === 'word' && this.chance(0.3);
    const digits = this.digits(d.value) + unit;
    return {
      html: this.para(padded ? `\u00a0${digits}\u00a0` : digits),
      expected: { value: d.value, flags: [] },
    };
  }

  signed(d: Datum): Written {
    if (d.blank) return { html: this.blank(), expected: { value: 0, flags: ['blank'] } };
    const v = d.value;
    if (v === 0) {
      return this.chance(0.5)
        ? { html: this.para('0'), expected: { value: 0, flags: [] } }
        : { html: this.para('无变化'), expected: { value: 0, flags: [] } };
    }
    const abs = this.digits(Math.abs(v));
    if (v > 0) {
      const form = this.pick(['+', '增', '增加', '']);
      return {
        html: this.para(this.text(form) + abs),
        expected: { value: v, flags: form ? ['signed'] : [] },
      };
    }
    const form = this.pick(['-', '减', '减少', '－']);
    return { html: this.para(this.text(form) + abs), expected: { value: v, flags: ['signed'] } };
  }

  amount(d: Datum, unitAllowed: boolean): Written {
    if (d.blank) return { html: this.blank(), expected: { value: 0, flags: ['blank'] } };
    const withUnit = unitAllowed && this.idioms.units && this.chance(0.5);
    const text = this.digits(d.value) + (withUnit ? this.text('万元') : '');
    return {
      html: this.para(text),
      expected: { value: d.value, flags: [], ...(withUnit ? { unit: '万元' } : {}) },
    };
  }
}

// ── Tables ───────────────────────────────────────────────────────────────────────

interface TCell {
  html: string;
  cs?: number;
  rs?: number;
  header?: boolean;
}
interface TTable {
  head: TCell[][];
  body: TCell[][];
  /** rows after the body (footnotes) */
  foot: TCell[][];
}

function cellHtml(w: Writer, c: TCell, header: boolean): string {
  const tag = header && w.idioms.th ? 'th' : 'td';
  const attrs: string[] = [];
  if (c.cs && c.cs !== 1) attrs.push(`colspan="${c.cs}"`);
  if (c.rs !== undefined && c.rs !== 1) attrs.push(`rowspan="${c.rs}"`);
  switch (w.idioms.editor) {
    case 'word':
      attrs.push(
        `style="border:solid windowtext 1.0pt;\n  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt" width="${40 + Math.floor(w.rand() * 60)}"`,
      );
      break;
    case 'ueditor':
    case 'trs':
      attrs.push('valign="middle" style="word-break: break-all;"');
      break;
    case 'kindeditor':
      attrs.push('style="text-align:center;"');
      break;
    case 'ckeditor':
      if (w.chance(0.3)) attrs.push('nowrap="nowrap"');
      break;
  }
  return `<${tag} ${attrs.join(' ')}>${c.html}</${tag}>`;
}

function tableHtml(w: Writer, t: TTable): string {
  const rows = (rs: TCell[][], header: boolean) =>
    rs
      .map(
        (r, i) =>
          `<tr${i === 0 && w.idioms.editor === 'ueditor' ? ' class="firstRow"' : ''}>${r.map((c) => cellHtml(w, c, header)).join('')}</tr>`,
      )
      .join('\n');
  const open =
    w.idioms.editor === 'word'
      ? '<table class="MsoNormalTable" border="1" cellspacing="0" cellpadding="0" style="border-collapse:collapse;mso-table-layout-alt:fixed;mso-padding-alt:0cm 5.4pt 0cm 5.4pt">'
      : w.idioms.editor === 'ckeditor'
        ? '<table border="1" cellpadding="1" cellspacing="1" style="width:100%">'
        : '<table border="1" width="100%" style="border-collapse:collapse">';
  let inner: string;
  if (w.idioms.thead && t.head.length) {
    const body = rows([...t.body, ...t.foot], false);
    inner = `<thead>${rows(t.head, true)}</thead><tbody>${body}</tbody>`;
  } else if (w.idioms.tbody)
    inner = `<tbody>${rows(t.head, true)}\n${rows([...t.body, ...t.foot], false)}</tbody>`;
  else inner = `${rows(t.head, true)}\n${rows([...t.body, ...t.foot], false)}`;
  const table = `${open}${inner}</table>`;
  return w.idioms.nestedLayout
    ? `<table width="100%" class="layout"><tr><td>${table}</td></tr></table>`
    : table;
}

const footnote = (w: Writer, width: number): TCell[] => [
  { html: w.para(w.text('注：本表数据统计时限为1月1日至12月31日，单位为件。')), cs: width },
];

// 表二 ------------------------------------------------------------------------------------

const T2_HEADERS: Record<string, string> = {
  newMade: '本年新制作数量',
  newPublished: '本年新公开数量',
  totalPublic: '对外公开总数量',
  prevItems: '上一年项目数量',
  delta: '本年增/减',
  decisions: '处理决定数量',
  projects: '采购项目数量',
  amount: '采购总金额',
  made: '本年制发件数',
  repealed: '本年废止件数',
  valid: '现行有效件数',
  amountWan: '本年收费金额（单位：万元）',
};
const T2_BLOCK_NAMES: Record<string, string> = { 一: '一', 五: '五', 六: '六', 八: '八', 九: '九' };

type ExpectedTable = Record<string, Record<string, ExpectedCell>>;

function renderT2(w: Writer, model: GenModel, expected: ExpectedTable): string[] {
  const specs: T2RowSpec[] = model.t2 === '2021' ? T2_ROWS_2021 : T2_ROWS_2019;
  const blocks = [...new Set(specs.map((s) => s.block))];
  const width = 4;
  const tables: TTable[] = [];
  for (const block of blocks) {
    const rows = specs.filter((s) => s.block === block);
    const cols = rows[0]!.cols;
    const valueSpan = Math.max(1, Math.floor((width - 1) / cols.length));
    const t: TTable = { head: [], body: [], foot: [] };
    t.head.push([{ html: w.label(`第二十条第（${T2_BLOCK_NAMES[block]}）项`), cs: width }]);
    // Header and data colspans disagree on some portals (上海 2019): values go by order.
    const headerSpans = cols.map((_, i) =>
      w.idioms.colspanDisagree && cols.length === 3 && i === 1
        ? 2
        : i === cols.length - 1
          ? width - 1 - valueSpan * (cols.length - 1)
          : valueSpan,
    );
    t.head.push([
      { html: w.label('信息内容') },
      ...cols.map((c, i) => ({ html: w.label(T2_HEADERS[c]!), cs: headerSpans[i] })),
    ]);
    for (const spec of rows) {
      const cells: TCell[] = [{ html: w.label(spec.label) }];
      const exp: Record<string, ExpectedCell> = {};
      spec.cols.forEach((col, i) => {
        const d = model.active[spec.key]![col]!;
        const written =
          col === 'delta'
            ? w.signed(d)
            : col === 'amount' || col === 'amountWan'
              ? w.amount(d, col === 'amount')
              : w.count(d, ['件', '项', '个']);
        exp[col] = written.expected;
        const span =
          w.idioms.colspanDisagree && cols.length === 3 && i === 0
            ? 2
            : i === cols.length - 1
              ? width - 1 - valueSpan * (cols.length - 1)
              : valueSpan;
        cells.push({ html: written.html, cs: span });
      });
      expected[spec.key] = exp;
      t.body.push(cells);
    }
    if (w.idioms.footnotes && block === blocks[blocks.length - 1]) t.foot.push(footnote(w, width + 1));
    tables.push(t);
  }
  if (w.idioms.t2PerBlock) return tables.map((t) => tableHtml(w, t));
  const one: TTable = { head: [], body: tables.flatMap((t) => [...t.head, ...t.body, ...t.foot]), foot: [] };
  return [tableHtml(w, one)];
}

// 表三 ------------------------------------------------------------------------------------

const T3_LABELS: Record<string, string> = {
  new: '一、本年新收政府信息公开申请数量',
  carryIn: '二、上年结转政府信息公开申请数量',
  r1: '（一）予以公开',
  r2: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  r3_1: '1.属于国家秘密',
  r3_2: '2.其他法律行政法规禁止公开',
  r3_3: '3.危及“三安全一稳定”',
  r3_4: '4.保护第三方合法权益',
  r3_5: '5.属于三类内部事务信息',
  r3_6: '6.属于四类过程性信息',
  r3_7: '7.属于行政执法案卷',
  r3_8: '8.属于行政查询事项',
  r4_1: '1.本机关不掌握相关政府信息',
  r4_2: '2.没有现成信息需要另行制作',
  r4_3: '3.补正后申请内容仍不明确',
  r5_1: '1.信访举报投诉类申请',
  r5_2: '2.重复申请',
  r5_3: '3.要求提供公开出版物',
  r5_4: '4.无正当理由大量反复申请',
  r5_5: '5.要求行政机关确认或重新出具已获取信息',
  r6: '（六）其他处理',
  r6_1: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  r6_2: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  r6_3: '3.其他',
  r7: '（七）总计',
  carryOut: '四、结转下年度继续办理',
};
const T3_CATEGORIES: Record<string, string> = {
  r3: '（三）不予公开',
  r4: '（四）无法提供',
  r5: '（五）不予处理',
  r6: '（六）其他处理',
};
const NOTE = '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）';

function t3Header(w: Writer): TCell[][] {
  const org = ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'].map((l) => ({
    html: w.label(l),
  }));
  if (w.idioms.t3SeedHeader)
    return [
      [
        { html: w.label(NOTE), rs: 3, cs: 3 },
        { html: w.label('申请人情况'), cs: 6 },
        { html: w.label('总计'), rs: 3 },
      ],
      [
        { html: w.label('自然人'), rs: 2 },
        { html: w.label('法人或其他组织'), cs: 5 },
      ],
      org,
    ];
  return [
    [
      { html: w.label(NOTE), rs: 3, cs: 3 },
      { html: w.label('申请人情况'), cs: 7 },
    ],
    [
      { html: w.label('自然人'), rs: 2 },
      { html: w.label('法人或其他组织'), cs: 5 },
      { html: w.label('总计'), rs: 2 },
    ],
    org,
  ];
}

/** 表三's rows and the expected cells; values of one row are written the same way in any layout. */
function renderT3(
  w: Writer,
  model: GenModel,
  expected: ExpectedTable,
  values = model.applications,
): string[] {
  const rows = t3Rows(model.t3);
  const section = rows.filter((r) => r !== 'new' && r !== 'carryIn' && r !== 'carryOut');
  const layout = w.idioms.t3Layout;
  // A label lost (OCR, a cell merged away) on one leaf whose neighbours keep theirs.
  const droppable = rows.filter(
    (r, i) => i > 0 && i < rows.length - 1 && r !== 'r7' && r !== 'r6' && r !== 'r6_3',
  );
  const dropped = w.idioms.droppedLabel ? w.pick(droppable) : null;
  // Rows at the end of 三、 that lost their leading cells (seed 004): 三、's rowspan ends early.
  const lostCount = layout === 'lost' ? 1 + Math.floor(w.rand() * 2) : 0;
  const lost = new Set(section.slice(section.length - lostCount));

  const valueCells = (row: string): TCell[] => {
    const exp: Record<string, ExpectedCell> = {};
    const cells = T3_COLS.map((col) => {
      const written = w.count(values[row]![col]!);
      exp[col] =
        row === dropped
          ? { ...written.expected, flags: [...written.expected.flags, 'garbled'] }
          : written.expected;
      // Data colspans that disagree with the header: a value cell spanning two grid columns, on any
      // row, the one that lost its label included (its labelled neighbours show where values start).
      const wide = w.idioms.colspanDisagree && w.chance(0.15);
      return { html: written.html, cs: wide ? 2 : 1 };
    });
    expected[row] = exp;
    return cells;
  };
  const labelOf = (row: string) => (row === dropped ? '' : w.label(T3_LABELS[row]!));

  const body: TCell[][] = [];
  rows.forEach((row) => {
    const values = valueCells(row);
    if (layout === 'simple' || row === 'new' || row === 'carryIn' || row === 'carryOut') {
      body.push([{ html: labelOf(row), cs: 3 }, ...values]);
      return;
    }
    if (lost.has(row)) {
      const missing = /^r6_/.test(row) ? 2 : 1;
      body.push([
        { html: labelOf(row) },
        ...values,
        ...Array.from({ length: missing }, () => ({ html: '' })),
      ]);
      return;
    }
    const cells: TCell[] = [];
    if (row === section[0]) {
      const span = section.length - lostCount;
      cells.push({ html: w.label('三、本年度办理结果'), rs: w.idioms.rowspanZero && !lostCount ? 0 : span });
    }
    const category = /^r[3-6]_/.test(row) ? row.slice(0, 2) : null;
    if (category) {
      const leaves = section.filter((r) => r.startsWith(`${category}_`));
      if (row === leaves[0]) {
        const span = leaves.filter((r) => !lost.has(r)).length;
        cells.push({ html: w.label(T3_CATEGORIES[category]!), rs: span });
      }
      cells.push({ html: labelOf(row) });
    } else cells.push({ html: labelOf(row), cs: 2 });
    body.push([...cells, ...values]);
  });

  const t: TTable = { head: t3Header(w), body, foot: [] };
  if (w.idioms.footnotes) t.foot.push(footnote(w, 10));
  // The same table continued in a second <table> (a page break in the source document).
  const split =
    layout === 'simple' && w.idioms.t3Split > 0 && w.idioms.t3Split < body.length ? w.idioms.t3Split : 0;
  if (!split) return [tableHtml(w, t)];
  return [
    tableHtml(w, { head: t.head, body: body.slice(0, split), foot: [] }),
    w.para(w.text('（续表）')),
    tableHtml(w, { head: [], body: body.slice(split), foot: t.foot }),
  ];
}

// 表四 ------------------------------------------------------------------------------------

function renderT4(w: Writer, model: GenModel, expected: ExpectedTable, values = model.reviews): string {
  const word = (s: string) =>
    w.idioms.labelParagraphs ? [...w.text(s)].map((c) => w.para(c)).join('') : w.label(s);
  const five = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const head: TCell[][] = [
    [
      { html: word('行政复议'), cs: 5 },
      { html: word('行政诉讼'), cs: 10 },
    ],
    [
      ...five.map((s) => ({ html: word(s), rs: 2 })),
      { html: word('未经复议直接起诉'), cs: 5 },
      { html: word('复议后起诉'), cs: 5 },
    ],
    [...five, ...five].map((s) => ({ html: word(s) })),
  ];
  const data: TCell[] = [];
  for (const block of T4_BLOCKS) {
    const exp: Record<string, ExpectedCell> = {};
    for (const col of T4_COLS) {
      const written = w.count(values[block]![col]!);
      exp[col] = written.expected;
      data.push({ html: written.html });
    }
    expected[block] = exp;
  }
  const t: TTable = { head, body: [data], foot: [] };
  if (w.idioms.footnotes) t.foot.push(footnote(w, 15));
  return tableHtml(w, t);
}

// Pre-2019 statistics table -------------------------------------------------------------

export interface ExpectedLegacyRow {
  label: string;
  unit: string;
  value: ExpectedCell;
}

function renderLegacy(w: Writer, model: GenModel, expected: ExpectedLegacyRow[]): string {
  const body: TCell[][] = [];
  let previous: LegacyDatum['level'] = 'block';
  for (const row of model.legacy) {
    const level = row.level;
    if (level === 'block') {
      body.push([{ html: w.label(row.label) }, { html: '' }, { html: '' }]);
    } else {
      const written = w.count(row.value, []);
      // The first child of an indicator opens its list with 其中：; the rest follow it.
      const printed = level === 'child' && previous !== 'child' ? `其中：${row.label}` : row.label;
      body.push([{ html: w.label(printed) }, { html: w.label(row.unit) }, { html: written.html }]);
      expected.push({
        label: w.text(row.label.replace(/^（[一二三]）/, '')),
        unit: w.text(row.unit),
        value: written.expected,
      });
    }
    previous = level;
  }
  const head: TCell[][] = [
    [{ html: w.label('统计指标') }, { html: w.label('单位') }, { html: w.label('汇总数') }],
  ];
  const t: TTable = { head, body, foot: [] };
  if (w.idioms.footnotes) t.foot.push([{ html: w.para(w.text('填表单位：某县人民政府办公室')), cs: 3 }]);
  return tableHtml(w, t);
}

// ── The page ─────────────────────────────────────────────────────────────────────

export interface Generated {
  html: string;
  year: number;
  expected: {
    active: ExpectedTable | null;
    applications: ExpectedTable | null;
    reviews: ExpectedTable | null;
    legacy: ExpectedLegacyRow[] | null;
  };
}

const YEAR: Record<GenFormat, number> = { '2019': 2020, '2021': 2022, hybrid: 2021, pre2019: 2017 };

/** Another model's values for a hidden copy: different numbers, so reading it would show. */
function shifted(table: Record<string, Record<string, Datum>>): Record<string, Record<string, Datum>> {
  return Object.fromEntries(
    Object.entries(table).map(([row, cells]) => [
      row,
      Object.fromEntries(
        Object.entries(cells).map(([col, d]): [string, Datum] => [
          col,
          d.blank ? { blank: false, value: 7 } : { blank: false, value: d.value + 1 },
        ]),
      ),
    ]),
  );
}

export function renderPage(model: GenModel, idioms: Idioms): Generated {
  const w = new Writer(idioms);
  const year = YEAR[model.format];
  const title = w.text(`某县人民政府办公室${year}年政府信息公开工作年度报告`);
  const p = (s: string) => `<p>${w.text(s)}</p>`;
  const expected: Generated['expected'] = { active: null, applications: null, reviews: null, legacy: null };
  const parts: string[] = [`<p style="text-align:center"><strong>${title}</strong></p>`];
  parts.push(
    p('一、总体情况'),
    p('本机关认真贯彻落实《中华人民共和国政府信息公开条例》，扎实推进政府信息公开工作。'),
  );
  if (model.format === 'pre2019') {
    expected.legacy = [];
    parts.push(p('二、政府信息公开情况统计表'), renderLegacy(w, model, expected.legacy));
    parts.push(p('三、存在的不足及改进措施'), p('下一步，我们将进一步加强政府信息公开工作。'));
  } else {
    expected.active = {};
    expected.applications = {};
    expected.reviews = {};
    parts.push(p('二、主动公开政府信息情况'), ...renderT2(w, model, expected.active));
    parts.push(p('三、收到和处理政府信息公开申请情况'));
    const t3 = renderT3(w, model, expected.applications);
    if (idioms.hiddenCopy !== 'none') {
      const copy = renderT3(
        new Writer({ ...idioms, droppedLabel: false }),
        model,
        {},
        shifted(model.applications),
      );
      const hidden = `<div style="display:none" class="print-copy">${copy.join('')}</div>`;
      parts.push(...(idioms.hiddenCopy === 'before' ? [hidden, ...t3] : [...t3, hidden]));
    } else parts.push(...t3);
    parts.push(p('四、政府信息公开行政复议、行政诉讼情况'), renderT4(w, model, expected.reviews));
    parts.push(p('五、存在的主要问题及改进情况'), p('一是公开内容不够全面。下一步将加强培训。'));
    parts.push(p('六、其他需要报告的事项'), p('本机关未收取信息处理费。'));
  }
  let article = parts.join('\n');
  const containers: Record<Idioms['container'], (s: string) => string> = {
    trs: (s) => `<div class=TRS_Editor><div class="Custom_UnionStyle">${s}</div></div>`,
    zoom: (s) => `<div id="zoom" class="xxgk_content">${s}</div>`,
    layout: (s) => `<table width="100%" border="0"><tr><td class="bt_content">${s}</td></tr></table>`,
    plain: (s) => `<div class="article-body">${s}</div>`,
    custom: (s) => `<ucapcontent>${s}</ucapcontent>`,
  };
  article = containers[idioms.container](article);
  if (idioms.crawlerTags)
    article = `<trs_content><crawler-article data-src="cms">${article}</crawler-article></trs_content>`;
  const meta = idioms.cmsMeta
    ? `<table class="xxgk-meta"><tr><td>${w.text('索引号：')}</td><td>000014349/${year + 1}-00012</td><td>${w.text('发布机构：')}</td><td>${w.text('某县人民政府办公室')}</td></tr><tr><td>${w.text('公开日期：')}</td><td>${year + 1}-01-20</td><td>${w.text('名称：')}</td><td>${title}</td></tr><tr><td>${w.text('主题分类：')}</td><td>${w.text('政务公开')}</td><td>${w.text('文号：')}</td><td></td></tr></table>`
    : '';
  const html = `<html><head><meta charset="utf-8"><title>${title}</title></head><body><div class="header">${w.text('首页 > 政务公开 > 政府信息公开年报')}</div>${meta}${article}<div class="footer">${w.text('主办单位：某县人民政府办公室')}</div></body></html>`;
  return { html, year, expected };
}
