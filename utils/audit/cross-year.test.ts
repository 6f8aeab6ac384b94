import { describe, expect, it } from 'vitest';
import { freshNarrative, nextYear, parseFixture, setCell } from '../log/testing/fixtures';
import type { ReportModel } from '../report/model';
import { crossYearRules } from '../rules/xyr/index';
import { xyr01 } from '../rules/xyr/xyr-01';
import { comparable, jaccard, shingles, staleYear } from '../rules/xyr/xyr-06';
import { type CrossYearOptions, followThrough, runCrossYear, sameBody } from './cross-year';
import { fingerprint } from './fingerprint';
import { placeholders } from './message';
import { type Finding, FindingSchema } from './result';

// Pairs of fixture reports of the same body, the later one built by editing a copy; and pairs of
// different bodies that must never be compared.

const county2019 = () => parseFixture('2019/seed001-fragment'); // 中宁县人民政府, F2019
/** The county's 2019 report with a narrative that does not mention 机构改革 (the seed's does). */
const county2019Plain = () => nextYear(county2019(), { year: 2019, paragraphs: freshNarrative(2019) });
const park2020 = () => parseFixture('2019/seed000-ueditor'); // 宁夏中宁工业园区管理委员会, F2019
const bureau2021 = () => parseFixture('2021/seed003-ueditor'); // 中宁县工业和信息化局, F2021

const of = (findings: Finding[], spec: string) => findings.filter((f) => f.spec === spec);
const crossYearFindings = (current: ReportModel, previous: ReportModel | null, opts: CrossYearOptions = {}) =>
  runCrossYear(current, previous, opts).findings;
const fresh = (m: ReportModel, cells: Record<string, number> = {}, five: string[] = []) =>
  nextYear(m, { paragraphs: freshNarrative((m.year ?? 0) + 1, five), cells });

describe('the catalogue of cross-year checks', () => {
  it('has every check with both languages, and messages whose placeholders the checks fill', () => {
    expect(crossYearRules.map((r) => r.spec)).toEqual([
      'XYR-01',
      'XYR-02',
      'XYR-03',
      'XYR-04',
      'XYR-05',
      'XYR-06',
      'XYR-07',
      'T4-04',
    ]);
    for (const r of crossYearRules) {
      expect(r.title.zh && r.title.en && r.description.zh && r.description.en).toBeTruthy();
      for (const m of Object.values(r.messages)) {
        expect(placeholders(m.zh).sort()).toEqual(placeholders(m.en).sort());
      }
    }
  });
});

describe('same body', () => {
  it('matches a body across Traditional characters, 管理委员会/管委会 and 人民政府', () => {
    const trad = parseFixture('2021/seed003-traditional');
    expect(sameBody(trad, bureau2021())).toBe(true);
    const park = park2020();
    expect(sameBody(park, { ...park, agency: '宁夏中宁 工业园区管委会' })).toBe(true);
    expect(sameBody(county2019(), { ...county2019(), agency: '中宁县' })).toBe(true);
  });

  it('never matches a county with its 园区, another portal, or an unnamed body', () => {
    expect(sameBody(county2019(), park2020())).toBe(false);
    expect(sameBody(bureau2021(), { ...bureau2021(), host: 'www.other.gov.cn' })).toBe(false);
    const anon = { ...bureau2021(), agency: null, title: null };
    expect(sameBody(anon, anon)).toBe(false);
  });

  it('does not compare different bodies even in consecutive years on one portal', () => {
    // the 园区's 2020 report after the county's 2019 report: carry-over would fail if compared
    const park = park2020();
    setCell(park, 'applications/carryIn/NP', 5);
    const run = runCrossYear(park, county2019());
    expect(run.compared).toBe(false);
    expect(of(run.findings, 'XYR-01')).toEqual([]);
    expect(run.findings.every((f) => f.spec === 'XYR-06')).toBe(true);
  });

  it('does not compare reports two years apart', () => {
    const later = fresh(county2019(), { 'applications/carryIn/NP': 4 });
    later.year = 2021;
    expect(runCrossYear(later, county2019()).compared).toBe(false);
  });
});

describe('XYR-01 carry-over continuity', () => {
  it('passes when every column carries over, fails per column with the arithmetic otherwise', () => {
    const y2019 = county2019Plain();
    expect(of(crossYearFindings(fresh(y2019), y2019), 'XYR-01')).toEqual([]);

    const y2020 = fresh(y2019, { 'applications/carryIn/NP': 2, 'applications/carryIn/TOT': 2 });
    const run = runCrossYear(y2020, y2019);
    expect(run.compared).toBe(true);
    const f = of(run.findings, 'XYR-01');
    expect(f.map((x) => x.cells)).toEqual([['applications/carryIn/NP'], ['applications/carryIn/TOT']]);
    expect(f[0]).toMatchObject({
      rule: 'XYR-01',
      outcome: 'fail',
      severity: 'error',
      expected: 0,
      actual: 2,
      fingerprint: fingerprint('XYR-01', 'NP'),
    });
    expect(f[0]!.message.zh).toBe(
      '自然人列：本年度上年结转 2，但上一年度报告《中宁县2019年政府信息公开工作年度报告》（2019年）的结转下年度继续办理为 0（差 2）',
    );
    expect(f[0]!.message.en).toContain('“中宁县2019年政府信息公开工作年度报告” (2019)');
    for (const x of run.findings) FindingSchema.parse(x);
  });

  it('is a warning when the report mentions 机构改革', () => {
    // the seed's own text says 机构改革完成后…
    const [seed] = of(
      crossYearFindings(fresh(county2019(), { 'applications/carryIn/NP': 2 }), county2019()),
      'XYR-01',
    );
    expect(seed).toMatchObject({ severity: 'warning', messageId: 'mismatchMerged' });
    const y2019 = county2019Plain();
    const paragraphs = freshNarrative(2020);
    paragraphs.push({ id: 'p99', section: '一', text: '根据机构改革方案，本机关与原县经济局合并组建。' });
    const y2020 = nextYear(y2019, { paragraphs, cells: { 'applications/carryIn/NP': 2 } });
    const [f] = of(crossYearFindings(y2020, y2019), 'XYR-01');
    expect(f).toMatchObject({ severity: 'warning', outcome: 'fail', messageId: 'mismatchMerged' });
  });

  it('is never an error on a guessed value in either year', () => {
    const y2019 = county2019();
    setCell(y2019, 'applications/carryOut/BIZ', 1, ['garbled']);
    const y2020 = fresh(county2019());
    const [f] = of(crossYearFindings(y2020, y2019), 'XYR-01');
    expect(f).toMatchObject({ outcome: 'uncertain', severity: 'warning' });
    expect(f!.message.zh).toContain('不判为错误');

    // a cell the parser lost is inferred (T3-08) first: then it is a guess, and a mismatch is uncertain
    const lost = county2019();
    lost.tables.applications!.carryOut!.OTH = { raw: '', value: null, flags: ['missing'] };
    const [g] = of(crossYearFindings(fresh(county2019(), { 'applications/carryIn/OTH': 1 }), lost), 'XYR-01');
    expect(g).toMatchObject({ outcome: 'uncertain', severity: 'warning' });

    // one that stays unknown makes the column uncertain, naming the cell and the year
    const unread = county2019();
    unread.tables.applications!.carryOut!.OTH = { raw: '', value: null, flags: ['missing'] };
    const evs = xyr01.evaluate(fresh(county2019()), { previous: unread, previousRef: null, merged: false });
    const u = evs.find((e) => e.outcome === 'uncertain');
    expect(u).toMatchObject({ messageId: 'unreadable', place: 'OTH' });
    expect(JSON.stringify(u)).toContain('上一年度结转下年度继续办理·其他');
  });

  it('compares across the 2020 → 2021 format boundary, with an XYR-05 note', () => {
    const park = park2020();
    const y2021 = nextYear(bureau2021(), {
      year: 2021,
      agency: park.agency,
      title: '宁夏中宁工业园区管理委员会2021年政府信息公开工作年度报告',
      paragraphs: freshNarrative(2021),
      cells: { 'applications/carryIn/SOC': 1 },
    });
    const run = runCrossYear(y2021, park);
    expect(run.compared).toBe(true);
    expect(run.findings.map((f) => f.spec).sort()).toEqual(['XYR-01', 'XYR-05', 'XYR-07']);
    expect(of(run.findings, 'XYR-05')[0]).toMatchObject({ severity: 'info', outcome: 'fail' });
    expect(of(run.findings, 'XYR-05')[0]!.message.zh).toContain('只核对结转（XYR-01）');
  });
});

describe('XYR-02 valid documents (2021 → 2021)', () => {
  it('checks in force = last year in force + issued − repealed, per row', () => {
    const y2021 = bureau2021();
    setCell(y2021, 'active/art20_1.normativeDocs/valid', 10);
    const ok = fresh(y2021, {
      'active/art20_1.normativeDocs/made': 3,
      'active/art20_1.normativeDocs/repealed': 1,
      'active/art20_1.normativeDocs/valid': 12,
    });
    expect(of(crossYearFindings(ok, y2021), 'XYR-02')).toEqual([]);

    const bad = fresh(y2021, {
      'active/art20_1.normativeDocs/made': 3,
      'active/art20_1.normativeDocs/repealed': 1,
      'active/art20_1.normativeDocs/valid': 15,
    });
    const [f] = of(crossYearFindings(bad, y2021), 'XYR-02');
    expect(f).toMatchObject({ severity: 'warning', expected: 12, actual: 15 });
    expect(f!.cells).toEqual([
      'active/art20_1.normativeDocs/valid',
      'active/art20_1.normativeDocs/made',
      'active/art20_1.normativeDocs/repealed',
    ]);
    expect(f!.message.zh).toContain(
      '现行有效 10 + 本年制发 3 − 本年废止 1 = 12，但本年现行有效件数为 15（差 3）',
    );
  });
});

describe('XYR-03 item counts and XYR-04 cumulative disclosure (2019 → 2019)', () => {
  it('predicts the county 2020 items from 2019 (report-formats.md §5.8)', () => {
    const y2019 = county2019();
    const good = fresh(y2019, {
      'active/art20_5.licensing/prevItems': 201,
      'active/art20_5.otherServices/prevItems': 155,
      'active/art20_6.penalty/prevItems': 2279,
      'active/art20_6.coercion/prevItems': 111,
      'active/art20_8.fees/prevItems': 27,
      'active/art20_1.normativeDocs/newPublished': 3,
      'active/art20_1.normativeDocs/totalPublic': 5,
    });
    const run = runCrossYear(good, y2019);
    expect(of(run.findings, 'XYR-03')).toEqual([]);
    expect(of(run.findings, 'XYR-04')).toEqual([]);

    const bad = fresh(y2019, {
      'active/art20_5.licensing/prevItems': 201,
      'active/art20_5.otherServices/prevItems': 285,
      'active/art20_6.penalty/prevItems': 2279,
      'active/art20_6.coercion/prevItems': 111,
      'active/art20_8.fees/prevItems': 27,
      'active/art20_1.normativeDocs/newPublished': 3,
      'active/art20_1.normativeDocs/totalPublic': 1,
      'active/art20_1.regulations/newPublished': 4,
      'active/art20_1.regulations/totalPublic': 9,
    });
    const f = crossYearFindings(bad, y2019);
    const x3 = of(f, 'XYR-03');
    expect(x3).toHaveLength(1);
    expect(x3[0]!.message.zh).toBe(
      '其他对外管理服务事项：上一年度报告《中宁县2019年政府信息公开工作年度报告》（2019年）上一年项目数量 285 − 130 = 155，但本年“上一年项目数量”为 285（差 130）',
    );
    const x4 = of(f, 'XYR-04');
    expect(x4.map((x) => [x.messageId, x.expected, x.actual])).toEqual([
      ['notCumulative', 4, 9],
      ['decreased', 2, 1],
    ]);
  });

  it('does not run XYR-02/03/04 across the format boundary', () => {
    const park = park2020();
    const y2021 = nextYear(bureau2021(), {
      year: 2021,
      agency: park.agency,
      paragraphs: freshNarrative(2021),
    });
    const specs = runCrossYear(y2021, park).findings.map((f) => f.spec);
    expect(specs).not.toContain('XYR-02');
    expect(specs).not.toContain('XYR-03');
    expect(specs).not.toContain('XYR-04');
  });
});

describe('XYR-06 copy-paste', () => {
  it('flags a narrative copied from last year, and not a fresh one', () => {
    const y2020 = park2020();
    const copy = nextYear(y2020); // same text, 2021
    const [text] = of(crossYearFindings(copy, y2020), 'XYR-06').filter((f) => f.messageId === 'text');
    expect(text).toMatchObject({ severity: 'warning', fingerprint: fingerprint('XYR-06', 'text') });
    expect(text!.message.zh).toMatch(/相似度为 100%/);
    const freshOne = fresh(y2020);
    expect(of(crossYearFindings(freshOne, y2020), 'XYR-06').filter((f) => f.messageId === 'text')).toEqual(
      [],
    );
  });

  it('flags table numbers identical to last year (at least 80 % of the non-zero cells)', () => {
    const y2019 = county2019();
    const same = fresh(y2019);
    const [n] = of(crossYearFindings(same, y2019), 'XYR-06').filter((f) => f.messageId === 'numbers');
    expect(n).toBeDefined();
    expect(n!.cells).toContain('active/art20_5.licensing/decisions');
    expect(n!.cells).not.toContain('active/art20_5.licensing/prevItems');

    const changed = fresh(y2019, {
      'active/art20_5.licensing/decisions': 50000,
      'active/art20_5.otherServices/decisions': 60000,
      'active/art20_6.penalty/decisions': 20000,
      'active/art20_6.coercion/decisions': 1000,
      'applications/new/TOT': 7,
      'applications/new/NP': 5,
    });
    expect(of(crossYearFindings(changed, y2019), 'XYR-06').filter((f) => f.messageId === 'numbers')).toEqual(
      [],
    );
  });

  it('flags a text that still says last year as this year, even without last year’s report', () => {
    const copy = nextYear(park2020()); // the 2020 text, relabelled 2021
    const stale = staleYear(copy);
    expect(stale?.sentence).toMatch(/2020/);
    const [y] = of(crossYearFindings(copy, null), 'XYR-06');
    expect(y).toMatchObject({ messageId: 'year', severity: 'warning' });
    expect(y!.sentence?.paragraph).toBe(stale!.paragraph.id);
    expect(y!.message.zh).toContain('这是 2021 年度的报告，正文却仍把 2020 年当作本年度');
    expect(staleYear(park2020())).toBeNull();
  });

  it('shingle similarity ignores spacing, punctuation and numbers', () => {
    const a = shingles(comparable('2020年，收到申请 5 件，全部办结。'));
    const b = shingles(comparable('2021年,收到申请12件,全部办结'));
    expect(jaccard(a, b)).toBe(1);
  });
});

describe('XYR-07 follow-through', () => {
  const five2020 = ['一是公开内容不够全面。二是解读形式单一。', '下一步，我们将加强培训，丰富解读形式。'];
  it('notes a section 五 that never refers back, with both years’ lists', () => {
    const y2020 = nextYear(park2020(), { year: 2020, paragraphs: freshNarrative(2020, five2020) });
    const y2021 = nextYear(y2020, { paragraphs: freshNarrative(2021, ['存在的问题是人员力量不足。']) });
    const [f] = of(crossYearFindings(y2021, y2020), 'XYR-07');
    expect(f).toMatchObject({ severity: 'info', outcome: 'fail' });
    expect(f!.message.zh).toContain('上一年度：1. 一是公开内容不够全面。；2. 二是解读形式单一。');
    expect(f!.message.zh).toContain('本年度：1. 存在的问题是人员力量不足。');
    expect(followThrough(y2021, y2020).previous).toHaveLength(3);
  });

  it('passes when section 五 reports on last year’s problems', () => {
    const y2020 = nextYear(park2020(), { year: 2020, paragraphs: freshNarrative(2020, five2020) });
    const y2021 = nextYear(y2020, {
      paragraphs: freshNarrative(2021, [
        '针对上一年度报告指出的解读形式单一问题，已推出图解解读，整改到位。',
      ]),
    });
    expect(of(crossYearFindings(y2021, y2020), 'XYR-07')).toEqual([]);
  });
});

describe('T4-04 lawsuits after review', () => {
  it('notes more lawsuits after review than reviews in both years', () => {
    const y2019 = county2019();
    const y2020 = fresh(y2019, {
      'reviews/litAfterRev/total': 3,
      'reviews/litAfterRev/pending': 3,
      'reviews/rev/total': 1,
    });
    const [f] = of(crossYearFindings(y2020, y2019), 'T4-04');
    expect(f).toMatchObject({ severity: 'info', expected: 1, actual: 3 });
    expect(f!.message.zh).toContain('复议后起诉总计 3，多于本年行政复议总计 1 + 上一年度报告');
    expect(
      of(
        crossYearFindings(fresh(y2019, { 'reviews/litAfterRev/total': 1, 'reviews/rev/total': 1 }), y2019),
        'T4-04',
      ),
    ).toEqual([]);
  });

  it('is uncertain when last year’s review total is blank', () => {
    const park = park2020(); // 行政复议 block left blank
    const y2021 = nextYear(park, {
      paragraphs: freshNarrative(2021),
      cells: { 'reviews/litAfterRev/total': 2 },
    });
    const [f] = of(crossYearFindings(y2021, park), 'T4-04');
    expect(f).toMatchObject({ outcome: 'uncertain', severity: 'info' });
  });
});
