import { describe, expect, it } from 'vitest';
import { claimExtra, claimParts, extractClaims } from './claims';
import { longClause } from './claims/testing';
import type { Claim, Paragraph } from './model';
import { loadSeeds } from './testing/seed-paragraphs';

const para = (text: string, section: Paragraph['section'] = '一', id = 'p1'): Paragraph => ({
  id,
  section,
  text,
});
const claimsOf = (...texts: string[]): Claim[] =>
  extractClaims(texts.map((t, i) => para(t, '一', `p${i + 1}`)));
const ofKind = (cs: Claim[], kind: Claim['kind']) => cs.filter((c) => c.kind === kind);
const values = (c: Claim) => Object.fromEntries(Object.entries(c.numbers).map(([k, v]) => [k, v.value]));
const partValues = (c: Claim) => claimParts(c).map((p) => p.n.value);

// Excerpts of the seeds, so the tests run without /work/shared.
const S001_ACTIVE =
  '(一) 主动公开方面。2019年,全县各乡镇、部门(单位) 共发布各类信息 15800 余条, 其中, 政府网站发布信息 4700 余 条; 各行政机构和承担行政职能的事业单位开设运行的 33 个政 务新媒体平台发布信息 4608 余条;通过广播电视台、宣传栏等形式公开信息 6390 余条。同时,通过政府公报公开 68 条;档案馆新接收进馆 20 个单位的档案 997 卷,2862 盒,文件 40476 件。制作规范性文件 2 件,全部公开;公开行政许可事项 201 项,比上一年减少 45 项,处理决定 52772 项;其他对外管理服务事项 155 项,比上一年减少 130 项,处理决定 66184 项;行政处罚事项处理决定 23302 项;行政强制事项处理决定 1376 项;公开行政事业性收费事项 27 项,比上一年减少 2 项;政府集中采购事项 101 项,采购总金额 45996.82 万元。';
const S001_APPLY =
  '(二)依申请公开方面。进一步健全了依申请公开制度。2019年,共受理政府信息公开申请5件,已全部办结。其中1件引起行政诉讼,申请人自行撤回申请终止审理。同时,向公民、法人和其他组织提供政府信息,全部实行免费。';
const S001_LETTERS =
  '3.做好政策解读和舆情回应。2019年,全县共制发、上传政策性文件28个,解读28个,解读率100%。其中,图解23个,文字解读5个,图文解读率82.14%。二是及时办理"县长信箱"来信,2019年,共收到来信196件,交办196件,已办结189件,办结率96.4%。已受理交办的196个信件中:城建物业类51件,占比26%;教育卫生类32件,占比16%;民生诉求类27件,占比14%;纪律作风类13件,占比7%;公共交通类14件,占比7%;非法集资类4件,占比2%;宗教类2件,占比1%;其他类53件,占比27%。';
const S001_HOTLINE =
  '三是发挥热线电话作用。及时受理、转办群众投诉,今年共受理群众诉求 5606 件,办结 5579 件,正在办理 27 件,办结率达 99.5%,群众满意率达 88.3%。';
const S001_PROJECTS =
  '四是建设项目信息。在建设项目审批系统上共公示建设项目 48 个,其中:报告书项目 5 个,报告表项目 43 个,备案表项目 624 个,排污许可证 27 个。';
const S001_PERIOD =
  '本报告由中宁县人民政府办公室汇总 12 个乡镇、29 个政府组成部门、直属机构政府信息公开情况编制而成,所列政府信息公开数据统计期限为 2019 年 1月 1 日至 2019 年 12 月 31 日。';

describe('extractClaims: seed 001 shapes (inline)', () => {
  const active = claimsOf(S001_ACTIVE);

  it('reads the 15800余 total with its approximate parts as intervals, and the 政府公报 68 next to it', () => {
    const [t] = ofKind(active, 'totalWithParts');
    expect(t).toBeDefined();
    expect(t!.numbers.total).toMatchObject({ value: 15800, range: [15800, 15900], unit: '条' });
    expect(claimParts(t!).map((p) => p.n.range)).toEqual([
      [4700, 4800],
      [4608, 4609],
      [6390, 6400],
    ]);
    expect(partValues(t!)).toEqual([4700, 4608, 6390]);
    expect(claimExtra(t!)).toMatchObject({ label: '政府公报公开', n: { value: 68 } });
    expect(t!.sentence.startsWith('全县各乡镇、部门(单位) 共发布各类信息 15800 余条')).toBe(true);
    expect(t!.sentence).toContain('6390 余条。同时,通过政府公报公开 68 条;');
    expect(t!.paragraph).toBe('p1');
  });

  it('reads the F2019 item counts with their signed change, and the decision counts', () => {
    const items = ofKind(active, 'itemCount').map((c) => [c.subject, values(c)]);
    expect(items).toEqual([
      ['art20_5.licensing', { count: 201, delta: -45 }],
      ['art20_5.otherServices', { count: 155, delta: -130 }],
      ['art20_8.fees', { count: 27, delta: -2 }],
    ]);
    const decisions = ofKind(active, 'decisionCount').map((c) => [c.subject, c.numbers.count!.value]);
    expect(decisions).toEqual([
      ['art20_5.licensing', 52772],
      ['art20_5.otherServices', 66184],
      ['art20_6.penalty', 23302],
      ['art20_6.coercion', 1376],
    ]);
  });

  it('reads 规范性文件 made and 全部公开, and the procurement', () => {
    const [doc] = ofKind(active, 'documentCount');
    expect(doc).toMatchObject({ subject: 'art20_1.normativeDocs', qualifiers: ['全部公开'] });
    expect(values(doc!)).toEqual({ made: 2 });
    expect(doc!.sentence).toBe('制作规范性文件 2 件,全部公开;');
    const [proc] = ofKind(active, 'procurement');
    expect(proc!.numbers.projects!.value).toBe(101);
    expect(proc!.numbers.amount).toMatchObject({ value: 45996.82, unit: '万元' });
  });

  it('reads the application count, 已全部办结 and the lawsuit withdrawn', () => {
    const cs = claimsOf(S001_APPLY);
    const [app] = ofKind(cs, 'applicationsReceived');
    expect(app!.numbers.count!.value).toBe(5);
    expect(app!.sentence).toBe('2019年,共受理政府信息公开申请5件,已全部办结。');
    expect(ofKind(cs, 'allCompleted')).toHaveLength(1);
    const [lit] = ofKind(cs, 'litigationCount');
    expect(lit).toMatchObject({ subject: 'lit', qualifiers: ['other'] });
    expect(lit!.numbers.count!.value).toBe(1);
    expect(lit!.sentence).toBe('其中1件引起行政诉讼,申请人自行撤回申请终止审理。');
    expect(ofKind(cs, 'reviewCount')).toHaveLength(0);
    expect(ofKind(cs, 'noApplications')).toHaveLength(0);
  });

  it('reads rates with their numerator and denominator, and shares with the stated total', () => {
    const cs = claimsOf(S001_LETTERS);
    const rates = ofKind(cs, 'rate');
    const done = rates.find((r) => r.subject === '办结率')!;
    expect(values(done)).toMatchObject({ percent: 96.4, numerator: 189, denominator: 196 });
    expect(values(rates.find((r) => r.subject === '解读率')!)).toMatchObject({
      percent: 100,
      numerator: 28,
      denominator: 28,
    });
    const pic = rates.find((r) => r.subject === '图文解读率')!;
    expect(pic.numbers.denominator!.value).toBe(28);
    expect(Object.values(pic.numbers).map((n) => n.value)).toContain(23);
    const shares = rates.filter((r) => r.subject === '占比');
    expect(shares.map((s) => [s.numbers.numerator!.value, s.numbers.percent!.value])).toEqual([
      [51, 26],
      [32, 16],
      [27, 14],
      [13, 7],
      [14, 7],
      [4, 2],
      [2, 1],
      [53, 27],
    ]);
    expect(shares.every((s) => s.numbers.denominator?.value === 196)).toBe(true);
    const totals = ofKind(cs, 'totalWithParts');
    const letters = totals.find((t) => t.numbers.total!.value === 196)!;
    expect(letters.qualifiers).toContain('shares');
    expect(partValues(letters)).toEqual([51, 32, 27, 13, 14, 4, 2, 53]);
    const interp = totals.find((t) => t.numbers.total!.value === 28)!;
    expect(partValues(interp)).toEqual([23, 5]);
  });

  it('reads the hotline triple 5606 / 5579 / 27 and its rate', () => {
    const cs = claimsOf(S001_HOTLINE);
    expect(values(ofKind(cs, 'processTriple')[0]!)).toEqual({ received: 5606, completed: 5579, pending: 27 });
    expect(values(ofKind(cs, 'rate').find((r) => r.subject === '办结率')!)).toMatchObject({
      percent: 99.5,
      numerator: 5579,
      denominator: 5606,
    });
  });

  it('reads the 48 建设项目 with parts 5, 43, 624, 27', () => {
    const [t] = ofKind(claimsOf(S001_PROJECTS), 'totalWithParts');
    expect(t!.numbers.total!.value).toBe(48);
    expect(partValues(t!)).toEqual([5, 43, 624, 27]);
    expect(claimParts(t!).map((p) => p.label)).toEqual([
      '报告书项目',
      '报告表项目',
      '备案表项目',
      '排污许可证',
    ]);
  });

  it('reads the statistics period with both years', () => {
    const [p] = ofKind(claimsOf(S001_PERIOD), 'statisticsPeriod');
    expect(values(p!)).toEqual({
      startYear: 2019,
      startMonth: 1,
      startDay: 1,
      endYear: 2019,
      endMonth: 12,
      endDay: 31,
    });
  });
});

describe('extractClaims: other shapes', () => {
  it('citations keep the cited title', () => {
    const cs = claimsOf(
      '本报告依据《中华人民共和国政府信息公开条例》（国务院令 第 711 号）和《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事宜的通知》（国办公开办函〔2019〕60号）要求撰写。',
    );
    const cites = ofKind(cs, 'citation');
    expect(cites.map((c) => c.subject)).toEqual(['国办公开办函〔2019〕60号', '国务院令第711号']);
    expect(cites[0]!.qualifiers[0]).toBe(
      '《国务院办公厅政府信息与政务公开办公室关于政府信息公开工作年度报告有关事宜的通知》',
    );
  });

  it('no applications, no reviews, 未收取信息处理费', () => {
    const cs = claimsOf(
      '截止 2020 年底，未收到政府信息公开申请。',
      '未接到举报、投诉、行政复议或行政诉讼等事件。',
      '本单位2023年未收取信息处理费。',
    );
    expect(ofKind(cs, 'noApplications')).toHaveLength(1);
    expect(ofKind(cs, 'noReviewOrLitigation')[0]!.qualifiers).toEqual(['rev', 'lit']);
    expect(ofKind(cs, 'infoFee')[0]!.qualifiers).toEqual(['none']);
  });

  it('application count with 上年结转, outcome counts, reviews with outcomes', () => {
    const cs = claimsOf(
      '全年共收到政府信息公开申请120件，上年结转3件。其中予以公开80件，部分公开10件，不予公开5件，无法提供20件，不予处理2件，结转下年度继续办理6件。',
      '被申请行政复议2件，其中维持1件，尚在审理1件；被提起行政诉讼1件，法院判决驳回。',
    );
    const [app] = ofKind(cs, 'applicationsReceived');
    expect(values(app!)).toEqual({ count: 120, carryIn: 3 });
    expect(app!.qualifiers).toContain('上年结转');
    expect(ofKind(cs, 'outcomeCount').map((c) => [c.subject, c.numbers.count!.value])).toEqual([
      ['予以公开', 80],
      ['部分公开', 10],
      ['不予公开', 5],
      ['无法提供', 20],
      ['不予处理', 2],
      ['结转', 6],
    ]);
    const [rev] = ofKind(cs, 'reviewCount');
    expect(values(rev!)).toMatchObject({ count: 2, upheld: 1 });
    expect(rev!.qualifiers).toEqual(expect.arrayContaining(['upheld', 'pending']));
    const [lit] = ofKind(cs, 'litigationCount');
    expect(lit!.qualifiers).toEqual(['upheld']);
  });

  it('F2021 document counts, fee amount, information-processing fee', () => {
    const cs = claimsOf(
      '本年制发行政规范性文件3件，废止行政规范性文件1件，现行有效行政规范性文件12件。',
      '本年行政事业性收费金额2.5万元。',
      '共发出收费通知2件，收取信息处理费300元。',
    );
    const docs = ofKind(cs, 'documentCount').map(values);
    expect(docs).toEqual([{ made: 3, repealed: 1, valid: 12 }]);
    expect(ofKind(cs, 'feeAmount')[0]!.numbers.amount).toMatchObject({ value: 2.5, unit: '万元' });
    expect(values(ofKind(cs, 'infoFee')[0]!)).toEqual({ notices: 2, amount: 300 });
  });

  it('其中 that opens a sentence takes the total from the previous one, with the same measure word', () => {
    const cs = claimsOf(
      '共公开发布各类信息 183 条，其中，政府网站发布信息 14 条；微信公众平台发布信息 169 条。其中行政发文 21 个，公开发布 5 个，政策解读 8 件；公开本部门信息 37 条。其中，网站发布 14 条，新媒体发布 23 条，切实提高政策知晓率。',
    );
    const totals = ofKind(cs, 'totalWithParts').map((t) => [t.numbers.total!.value, partValues(t)]);
    expect(totals).toEqual([
      [183, [14, 169]],
      [37, [14, 23]],
    ]);
  });

  it('parts listed with 、 inside parentheses; 共 … 等 M as a subset', () => {
    const cs = claimsOf(
      '预决算公开共43条(其中:41个行政事业单位预决算公开41条、本部门决算1条、部门决算汇总公开1条),2019年本级预算公开1条。',
      '共主动公开各类信息 244 条，公告公示节假日期间值班安排、项目招投标等各类信息 100 余条。',
    );
    const [a, b] = ofKind(cs, 'totalWithParts');
    expect(partValues(a!)).toEqual([41, 1, 1]);
    expect(b!.numbers.total!.value).toBe(244);
    expect(b!.qualifiers).toEqual(['等', 'subset']);
    expect(claimParts(b!)[0]!.n.range).toEqual([100, 200]);
  });

  it('a breakdown with shares keeps only the items that carry one; 予以公开及部分公开 is one outcome', () => {
    const cs = claimsOf(
      '办结依申请公开81件，其中：予以公开及部分公开42件，占51.85%；不予公开5件，占6.17%；无法提供31件，占38.27%；不予处理1件，占1.23%；其他处理2件，占2.47%；因政府信息公开引起的行政复议案件2件、行政诉讼案件7件。',
    );
    const [t] = ofKind(cs, 'totalWithParts');
    expect(t!.numbers.total!.value).toBe(81);
    expect(t!.qualifiers).toContain('shares');
    expect(partValues(t!)).toEqual([42, 5, 31, 1, 2]);
    expect(ofKind(cs, 'outcomeCount').map((c) => c.subject)).toEqual([
      '予以公开及部分公开',
      '不予公开',
      '无法提供',
      '不予处理',
      '其他处理',
    ]);
    expect(ofKind(cs, 'rate').every((r) => r.numbers.denominator?.value === 81)).toBe(true);
  });

  it('a share takes the base that explains its sibling shares (L6), keeping the other totals as alternatives', () => {
    const cs = claimsOf(
      '共受理政府信息公开申请859件；答复政府信息公开申请805件。不予公开35件，占4.34%；不予处理158件，占19.6%。',
    );
    const [share] = ofKind(cs, 'rate');
    // 158 ÷ 805 = 19.6 %, 158 ÷ 859 = 18.4 %: the sibling says the base is 805
    expect(share!.numbers.denominator!.value).toBe(805);
    expect(Object.entries(share!.numbers).find(([k]) => k.startsWith('altden'))?.[1].value).toBe(859);
  });

  it('without siblings that tell, the 共 total stays the base', () => {
    const cs = claimsOf('共受理政府信息公开申请859件；答复政府信息公开申请805件。不予公开35件，占4.07%。');
    const [share] = ofKind(cs, 'rate');
    expect(share!.numbers.denominator!.value).toBe(859);
  });

  it('Chinese numerals and 近N', () => {
    const cs = claimsOf(
      '全年共受理政府信息公开申请十二件。共发布信息近100条，其中网站发布60条，微信发布30条。',
    );
    expect(ofKind(cs, 'applicationsReceived')[0]!.numbers.count!.value).toBe(12);
    const [t] = ofKind(cs, 'totalWithParts');
    expect(t!.numbers.total!.range).toEqual([91, 101]);
  });

  it('every claim satisfies the schema and its sentence is printed text of its paragraph', async () => {
    const { ClaimSchema } = await import('./model-schema');
    const ps = [S001_ACTIVE, S001_APPLY, S001_LETTERS, S001_HOTLINE, S001_PROJECTS].map((t, i) =>
      para(t, '一', `p${i + 1}`),
    );
    for (const c of extractClaims(ps)) {
      expect(ClaimSchema.safeParse(c).success).toBe(true);
      const p = ps.find((x) => x.id === c.paragraph)!;
      expect(p.text).toContain(c.sentence);
    }
  });
});

// The seeds themselves, when /work/shared is present.
const seeds = loadSeeds();
describe.skipIf(seeds.size === 0)('extractClaims on the seeds', () => {
  const claims = (k: string) => extractClaims(seeds.get(k)!.paragraphs);

  it('000: 173 = 12 + 158 + 3, 未收到申请, 45/45 = 100%, period 2020, the 60号 citation', () => {
    const cs = claims('000');
    const totals = ofKind(cs, 'totalWithParts');
    expect(totals.map((t) => [t.numbers.total!.value, partValues(t)])).toContainEqual([173, [12, 158, 3]]);
    expect(ofKind(cs, 'noApplications')).toHaveLength(1);
    expect(values(ofKind(cs, 'rate')[0]!)).toMatchObject({ percent: 100, numerator: 45, denominator: 45 });
    expect(ofKind(cs, 'statisticsPeriod')[0]!.numbers.startYear!.value).toBe(2020);
    expect(ofKind(cs, 'citation').map((c) => c.subject)).toContain('国办公开办函〔2019〕60号');
  });

  it('001: every claim the brief names', () => {
    const cs = claims('001');
    const totals = ofKind(cs, 'totalWithParts').map((t) => [t.numbers.total!.value, partValues(t)]);
    expect(totals).toContainEqual([15800, [4700, 4608, 6390]]);
    expect(totals).toContainEqual([48, [5, 43, 624, 27]]);
    expect(totals).toContainEqual([30, [8, 22]]);
    expect(totals).toContainEqual([43, [41, 1, 1]]);
    expect(totals).toContainEqual([28, [23, 5]]);
    const done = ofKind(cs, 'rate').find((r) => r.subject === '办结率' && r.numbers.percent!.value === 96.4)!;
    expect(values(done)).toMatchObject({ numerator: 189, denominator: 196 });
    expect(values(ofKind(cs, 'processTriple')[0]!)).toEqual({ received: 5606, completed: 5579, pending: 27 });
    expect(values(ofKind(cs, 'itemCount').find((c) => c.subject === 'art20_5.licensing')!)).toEqual({
      count: 201,
      delta: -45,
    });
    expect(
      ofKind(cs, 'decisionCount').find((c) => c.subject === 'art20_5.licensing')!.numbers.count!.value,
    ).toBe(52772);
    expect(values(ofKind(cs, 'procurement')[0]!)).toEqual({ projects: 101, amount: 45996.82 });
    expect(ofKind(cs, 'applicationsReceived')[0]!.numbers.count!.value).toBe(5);
    expect(ofKind(cs, 'allCompleted')).toHaveLength(1);
    expect(ofKind(cs, 'litigationCount')[0]!.sentence).toBe(
      '其中1件引起行政诉讼,申请人自行撤回申请终止审理。',
    );
    expect(ofKind(cs, 'statisticsPeriod')[0]!.numbers.endYear!.value).toBe(2019);
  });

  it('002: 未接到…行政复议或行政诉讼', () => {
    expect(ofKind(claims('002'), 'noReviewOrLitigation')[0]!.qualifiers).toEqual(['rev', 'lit']);
  });

  it('003: 183 = 14 + 169, 37 = 14 + 23, 未收到申请, 未收取信息处理费, the 30号 title', () => {
    const cs = claims('003');
    const totals = ofKind(cs, 'totalWithParts').map((t) => [t.numbers.total!.value, partValues(t)]);
    expect(totals).toEqual([
      [183, [14, 169]],
      [37, [14, 23]],
    ]);
    expect(ofKind(cs, 'noApplications').length).toBeGreaterThanOrEqual(1);
    expect(ofKind(cs, 'infoFee')[0]!.qualifiers).toContain('none');
    expect(ofKind(cs, 'citation')[0]!.qualifiers[0]).toContain('关于印发');
  });

  it('004: 244 ⊇ 100余, 未收到申请, 未收取信息处理费', () => {
    const cs = claims('004');
    const [t] = ofKind(cs, 'totalWithParts');
    expect(t!.numbers.total!.value).toBe(244);
    expect(claimParts(t!)[0]!.n.range).toEqual([100, 200]);
    expect(ofKind(cs, 'noApplications')).toHaveLength(1);
    expect(ofKind(cs, 'infoFee')[0]!.qualifiers).toContain('none');
  });

  it('every seed claim is schema-valid and quotes its paragraph', async () => {
    const { ClaimSchema } = await import('./model-schema');
    for (const [, s] of seeds) {
      for (const c of extractClaims(s.paragraphs)) {
        expect(ClaimSchema.safeParse(c).success).toBe(true);
        expect(s.paragraphs.find((p) => p.id === c.paragraph)!.text).toContain(c.sentence);
      }
    }
  });
});

describe('extractClaims: long paragraphs (review M4)', () => {
  it('reads a 150 000-character paragraph (one run, no 。) without throwing, and still finds its claims', () => {
    const filler = '各单位认真落实政府信息公开工作要求，'.repeat(8_400);
    const text = `共受理政府信息公开申请5件，其中自然人申请3件，法人或其他组织申请2件，${filler}已全部办结`;
    expect(text.length).toBeGreaterThan(150_000);
    const cs = claimsOf(text);
    expect(ofKind(cs, 'applicationsReceived')[0]?.numbers.count?.value).toBe(5);
    expect(partValues(ofKind(cs, 'totalWithParts')[0]!)).toEqual([3, 2]);
  });

  // One clause of 40 000 characters, no 。 or ；: each figure of it is read, once. These shapes were
  // read in time quadratic or worse in the clause's length (each claim compared with every claim
  // before it, a look-back over every figure of the clause per share, the clause re-read per
  // count, a regex that backtracked over every pair of 网站 and 发布); claims.bench.ts times them.
  const clauseOf = (unit: (i: number) => string, head = '本年度') => longClause(head, unit, 40_000);
  const upTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
  const values = (cs: Claim[], key = 'count') => cs.map((c) => c.numbers[key]?.value);

  it('reads one long clause of outcomes, each once', () => {
    const { text, n } = clauseOf((i) => `予以公开${i}件，`, '本年度共收到申请');
    expect(values(ofKind(claimsOf(text), 'outcomeCount'))).toEqual(upTo(n));
  });

  it('reads one long clause of received counts, each once', () => {
    const { text, n } = clauseOf((i) => `收到政府信息公开申请${i}件，`);
    expect(values(ofKind(claimsOf(text), 'applicationsReceived'))).toEqual(upTo(n));
  });

  it('reads one long clause of shares, each with the count before it', () => {
    const { text, n } = clauseOf((i) => `受理${i}件，占${i % 100}%，`);
    const rates = ofKind(claimsOf(text), 'rate');
    expect(values(rates, 'numerator')).toEqual(upTo(n));
    expect(values(rates, 'percent')).toEqual(upTo(n).map((i) => i % 100));
  });

  it('reads one long clause of channel counts, each once', () => {
    const { text, n } = clauseOf((i) => `政府网站发布信息${i}条，政策解读${i}篇，`);
    const cs = claimsOf(text);
    expect(values(ofKind(cs, 'channelCount'))).toEqual(upTo(n));
    // one interpretation count per clause: its first
    expect(values(ofKind(cs, 'interpretationCount'))).toEqual([1]);
  });

  it('finds the portal documents of a long clause whose 文件 comes last', () => {
    const { text } = clauseOf((i) => `网站发布${i}，`);
    expect(ofKind(claimsOf(text), 'portalDocuments')).toEqual([]);
    expect(values(ofKind(claimsOf(`${text}各类文件3份`), 'portalDocuments'))).toEqual([3]);
    // a 。 or ； ends the stretch the portal, 发布 and 文件 must share
    expect(ofKind(claimsOf(`${text}。各类文件3份`), 'portalDocuments')).toEqual([]);
  });
});
