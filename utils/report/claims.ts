import type { Claim, Paragraph, TextNumber } from './model';
import {
  findNumbers,
  isCount,
  type Normalized,
  type NumberToken,
  normalizeWithMap,
  printedSpan,
  type Span,
  splitSentences,
  toTextNumber,
} from './text-numbers';

// Claims: the figures and statements the narrative makes, read from a normalized matching copy
// (report-formats.md §4) and tied to the sentence as printed, so the TXT/ARI/FMT rules can compare
// them with the tables and with each other, and the overlay can underline them.
//
// A "sentence" here is what the overlay underlines: the clause between 。；!? or line ends. Totals
// keep the 其中 list that follows them (and a 同时/另 figure right after) in one span.

/** T2 row keys (model.ts T2_ROWS_*) the text names. */
export const T2_SUBJECTS: [RegExp, string][] = [
  [/行政许可/, 'art20_5.licensing'],
  [/其他对外管理服务/, 'art20_5.otherServices'],
  [/行政处罚/, 'art20_6.penalty'],
  [/行政强制/, 'art20_6.coercion'],
  [/行政事业性收费/, 'art20_8.fees'],
];
const SUBJECT_RE = /行政许可|其他对外管理服务|行政处罚|行政强制|行政事业性收费/g;
const subjectKey = (word: string): string | undefined => T2_SUBJECTS.find(([re]) => re.test(word))?.[1];

/** Outcome words of reviews and lawsuits → T4 column (report-formats.md TXT-05). */
export const T4_OUTCOME_WORDS: [RegExp, 'upheld' | 'corrected' | 'other' | 'pending'][] = [
  [/维持|驳回/g, 'upheld'],
  [/撤销|确认违法|责令履行|纠正/g, 'corrected'],
  [/撤诉|撤回|终止|调解|和解/g, 'other'],
  [/审理中|尚未审结|未审结|正在审理|尚在审理/g, 'pending'],
];

interface Ctx {
  p: Paragraph;
  n: Normalized;
  t: string;
  sentences: Span[];
  clauses: Span[];
  out: Claim[];
}

const exact = (raw: string, value: number, unit?: string): TextNumber => ({
  raw,
  value,
  ...(unit ? { unit } : {}),
});

/** The numbers of text[from, to), read from that slice alone, placed in the whole text. */
const numbersIn = (text: string, from: number, to: number): NumberToken[] =>
  findNumbers(text.slice(from, to)).map((x) => ({ ...x, start: x.start + from, end: x.end + from }));

function emit(
  ctx: Ctx,
  kind: Claim['kind'],
  span: Span,
  numbers: Record<string, TextNumber>,
  extra: { subject?: string; qualifiers?: string[] } = {},
): void {
  const sentence = printedSpan(ctx.p.text, ctx.n, span.start, span.end);
  const claim: Claim = {
    kind,
    ...(extra.subject !== undefined ? { subject: extra.subject } : {}),
    numbers,
    qualifiers: extra.qualifiers ?? [],
    paragraph: ctx.p.id,
    sentence,
  };
  const dup = ctx.out.some(
    (c) =>
      c.kind === claim.kind &&
      c.paragraph === claim.paragraph &&
      c.sentence === claim.sentence &&
      c.subject === claim.subject &&
      JSON.stringify(c.numbers) === JSON.stringify(claim.numbers),
  );
  if (!dup) ctx.out.push(claim);
}

const within = (outer: Span, pos: number): boolean => pos >= outer.start && pos < outer.end;
const clauseAt = (ctx: Ctx, pos: number): Span =>
  ctx.clauses.find((c) => within(c, pos)) ?? { start: pos, end: pos + 1 };
const sentenceIndexAt = (ctx: Ctx, pos: number): number => ctx.sentences.findIndex((s) => within(s, pos));

/** Run a global regex over each clause; the callback gets absolute positions. */
function eachInClauses(
  ctx: Ctx,
  re: RegExp,
  fn: (m: RegExpExecArray, clause: Span, abs: number) => void,
): void {
  for (const clause of ctx.clauses) {
    const s = ctx.t.slice(clause.start, clause.end);
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      fn(m, clause, clause.start + m.index);
      if (m[0].length === 0) re.lastIndex++;
    }
  }
}

/** number token inside a regex match, found by its digits group */
const num = (raw: string, unit?: string): TextNumber => {
  const [tok] = findNumbers(raw + (unit ?? ''));
  return tok ? toTextNumber(tok) : exact(raw, Number(raw), unit);
};

// ── Statistics period, citations (FMT-02, FMT-05) ──────────────────────────────

function statisticsPeriod(ctx: Ctx): void {
  const re = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|-|—|~|－)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;
  for (const s of ctx.sentences) {
    const text = ctx.t.slice(s.start, s.end);
    if (!/统计|数据/.test(text)) continue;
    re.lastIndex = 0;
    const m = re.exec(text);
    if (!m) continue;
    const [, y1, m1, d1, y2, m2, d2] = m;
    const numbers: Record<string, TextNumber> = {
      startYear: exact(y1!, Number(y1), '年'),
      startMonth: exact(m1!, Number(m1), '月'),
      startDay: exact(d1!, Number(d1), '日'),
      endMonth: exact(m2!, Number(m2), '月'),
      endDay: exact(d2!, Number(d2), '日'),
    };
    if (y2) numbers.endYear = exact(y2, Number(y2), '年');
    emit(ctx, 'statisticsPeriod', clauseAt(ctx, s.start + m.index), numbers);
  }
}

function citations(ctx: Ctx): void {
  const re = /国办公开办函[〔[【(](\d{4})[〕\]】)](\d+)号/g;
  for (let m = re.exec(ctx.t); m; m = re.exec(ctx.t)) {
    const clause = clauseAt(ctx, m.index);
    // the 《title》 right before the citation, e.g. 《…通知》(国办公开办函〔2019〕60号)
    const before = ctx.t.slice(clause.start, m.index);
    const close = before.lastIndexOf('》');
    let title: string | undefined;
    if (close >= 0 && before.length - close <= 3) {
      let depth = 0;
      for (let k = close; k >= 0; k--) {
        if (before[k] === '》') depth++;
        if (before[k] === '《') depth--;
        if (depth === 0) {
          title = printedSpan(ctx.p.text, ctx.n, clause.start + k, clause.start + close + 1);
          break;
        }
      }
    }
    emit(
      ctx,
      'citation',
      clause,
      { year: exact(m[1]!, Number(m[1])), no: exact(m[2]!, Number(m[2])) },
      { subject: `国办公开办函〔${m[1]}〕${m[2]}号`, qualifiers: title ? [title] : [] },
    );
  }
  const re2 = /国务院令第(\d+)号/g;
  for (let m = re2.exec(ctx.t); m; m = re2.exec(ctx.t)) {
    emit(
      ctx,
      'citation',
      clauseAt(ctx, m.index),
      { no: exact(m[1]!, Number(m[1])) },
      { subject: `国务院令第${m[1]}号` },
    );
  }
}

// ── Applications (TXT-01…04) ──────────────────────────────────────────────────

function applications(ctx: Ctx): void {
  const re =
    /(本年度?|全年|年内)?(共|累计|总计|合计)?(新收|收到|受理|接收|接到|办理)了?(各类)?(?:公民、法人(?:或|和)其他组织(?:提出)?的?)?(?:政府信息公开|信息公开|依申请公开)的?申请(?:共|总计|合计)?((?:约|近|逾|超过)?\d+(?:余|多)?)(件|个|条)/g;
  eachInClauses(ctx, re, (m, clause, abs) => {
    const prev = ctx.t[abs - 1];
    if (prev === '未' || prev === '没' || prev === '无') return;
    const sentence = ctx.sentences[sentenceIndexAt(ctx, abs)] ?? clause;
    const sText = ctx.t.slice(sentence.start, sentence.end);
    const qualifiers = [m[3]!];
    if (m[3] === '新收') qualifiers.push('本年新收');
    if (m[3] === '办理') qualifiers.push('共办理');
    const numbers: Record<string, TextNumber> = { count: num(m[5]!, m[6]) };
    const carry = /(?:上年|上一年度?)结转(?:的)?(?:政府信息公开申请)?(\d+)件/.exec(sText);
    if (carry) {
      qualifiers.push('上年结转');
      numbers.carryIn = num(carry[1]!, '件');
    } else if (/上年结转|上年度结转|含结转/.test(sText)) qualifiers.push('上年结转');
    emit(ctx, 'applicationsReceived', clause, numbers, { qualifiers });
  });
  const re2 = /(共|累计)?(?:受理|收到)依申请公开(?:事项)?(\d+)(件)/g;
  eachInClauses(ctx, re2, (m, clause) => {
    emit(ctx, 'applicationsReceived', clause, { count: num(m[2]!, m[3]) }, { qualifiers: ['受理'] });
  });

  const none =
    /(?:未|没有)(?:收到|受理|发生|接到|接收)(?:过)?(?:任何)?(?:公民、法人(?:或|和)其他组织(?:提出)?的?)?(?:政府信息公开|信息公开|依申请公开)(?:的)?申请|依申请公开(?:数量|申请)?(?:为|是)(?:0|零)|无依申请公开/g;
  eachInClauses(ctx, none, (_m, clause) => emit(ctx, 'noApplications', clause, {}));

  const done = /(?:已|均已)?全部办结|均已办结|全部(?:按时)?(?:予以)?答复|全部按期答复/g;
  eachInClauses(ctx, done, (_m, clause, abs) => {
    const si = sentenceIndexAt(ctx, abs);
    const s = ctx.sentences[si];
    const prev = ctx.sentences[si - 1];
    const here = s ? ctx.t.slice(s.start, s.end) : '';
    const before = prev ? ctx.t.slice(prev.start, prev.end) : '';
    const aboutApplications = (x: string) => /申请/.test(x) && !/来信|诉求|建议|提案|信访|投诉/.test(x);
    if (aboutApplications(here) || (!/\d/.test(here) && aboutApplications(before))) {
      emit(ctx, 'allCompleted', clause, {});
    }
  });

  if (!/申请/.test(ctx.t)) return;
  const outcome =
    /((?:予以公开|同意公开)(?:及|和|与|、)部分公开|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|(?<!上一?年度?)结转下一?年度?(?:继续办理)?|(?<!上一?年度?)结转)(?:的)?(?:共|为)?((?:约|近|逾|超过)?\d+(?:余|多)?)件(?:[,(]?占比?(\d+(?:\.\d+)?)%)?/g;
  eachInClauses(ctx, outcome, (m, clause) => {
    const word = m[1]!;
    const subject =
      /部分公开$/.test(word) && word.length > 4
        ? '予以公开及部分公开'
        : word === '同意公开'
          ? '予以公开'
          : word.startsWith('结转')
            ? '结转'
            : word;
    const numbers: Record<string, TextNumber> = { count: num(m[2]!, '件') };
    if (m[3]) numbers.percent = exact(`${m[3]}%`, Number(m[3]), '%');
    emit(ctx, 'outcomeCount', clause, numbers, { subject });
  });
}

// ── Reviews and lawsuits (TXT-05) ─────────────────────────────────────────────

function reviewsAndLawsuits(ctx: Ctx): void {
  const none =
    /(?:未|没有|无)(?!经)(?:发生|出现|接到|收到|有|产生|发现)?(?:因政府信息公开(?:工作)?(?:被)?(?:申请)?)?[^,;。:]{0,24}?(行政复议|行政诉讼)[^,;。:]{0,12}/g;
  eachInClauses(ctx, none, (m, clause) => {
    const q: string[] = [];
    if (/复议/.test(m[0])) q.push('rev');
    if (/诉讼/.test(m[0])) q.push('lit');
    emit(ctx, 'noReviewOrLitigation', clause, {}, { qualifiers: q });
  });
  const zero = /行政复议(?:和|及|、|与)行政诉讼(?:案件)?(?:数量)?(?:均)?为(?:0|零)/g;
  eachInClauses(ctx, zero, (_m, clause) =>
    emit(ctx, 'noReviewOrLitigation', clause, {}, { qualifiers: ['rev', 'lit'] }),
  );

  for (const s of ctx.sentences) {
    const text = ctx.t.slice(s.start, s.end);
    if (!/行政复议|行政诉讼/.test(text)) continue;
    const counts: { pos: number; end: number; kind: 'reviewCount' | 'litigationCount'; tok: TextNumber }[] =
      [];
    const pats: [RegExp, 'reviewCount' | 'litigationCount'][] = [
      [/(?:被)?(?:申请|提起|引起)?行政复议(?:案件)?(?:共)?(\d+)(件|起|宗|次)/g, 'reviewCount'],
      [/(\d+)(件|起|宗)[^,;。:\d]{0,8}?(?:被申请|申请|提起|引起|涉及)行政复议/g, 'reviewCount'],
      [/(?:被)?(?:提起|引起|发生)?行政诉讼(?:案件)?(?:共)?(\d+)(件|起|宗|次)/g, 'litigationCount'],
      [/(\d+)(件|起|宗)[^,;。:\d]{0,8}?(?:被提起|被起诉|提起|引起|涉及)(?:行政)?诉讼/g, 'litigationCount'],
    ];
    for (const [re, kind] of pats) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const before = text.slice(Math.max(0, m.index - 4), m.index);
        if (/未|没有|无/.test(before)) continue;
        counts.push({ pos: m.index, end: m.index + m[0].length, kind, tok: num(m[1]!, m[2]) });
      }
    }
    counts.sort((a, b) => a.pos - b.pos);
    if (counts.length === 0) continue;
    // outcome words attach to the nearest count before them (or the first one)
    const outcomes = counts.map(() => new Map<string, TextNumber | null>());
    for (const [re, col] of T4_OUTCOME_WORDS) {
      re.lastIndex = 0;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        let owner = 0;
        counts.forEach((c, i) => {
          if (c.pos <= m.index) owner = i;
        });
        const after = /^[^,;。\d]{0,4}?(\d+)(件|起|宗)/.exec(text.slice(m.index + m[0].length));
        const map = outcomes[owner]!;
        if (after) map.set(col, num(after[1]!, after[2]));
        else if (!map.has(col)) map.set(col, null);
      }
    }
    counts.forEach((c, i) => {
      const numbers: Record<string, TextNumber> = { count: c.tok };
      const qualifiers: string[] = [];
      for (const [col, v] of outcomes[i]!) {
        qualifiers.push(col);
        if (v) numbers[col] = v;
      }
      const span = { start: clauseAt(ctx, s.start + c.pos).start, end: s.end };
      emit(ctx, c.kind, span, numbers, {
        subject: c.kind === 'reviewCount' ? 'rev' : 'lit',
        qualifiers,
      });
    });
  }
}

// ── Table 二 figures in the text (TXT-06…10) ──────────────────────────────────

function activeDisclosure(ctx: Ctx): void {
  const items =
    /(行政许可|其他对外管理服务|行政事业性收费|行政处罚|行政强制)事项(?:共|为)?(\d+)(项|个)(?:,?(?:比|较)上一?年(?:度)?(?:同期)?(减少|增加|增长|下降|减|增)(\d+)(?:项|个))?/g;
  eachInClauses(ctx, items, (m, clause) => {
    const subject = subjectKey(m[1]!)!;
    const numbers: Record<string, TextNumber> = { count: num(m[2]!, m[3]) };
    const qualifiers: string[] = [];
    if (m[4] && m[5]) {
      const sign = /减|下降/.test(m[4]) ? -1 : 1;
      numbers.delta = { raw: `${m[4]}${m[5]}项`, value: sign * Number(m[5]), unit: '项' };
      qualifiers.push(sign < 0 ? '减少' : '增加');
    }
    emit(ctx, 'itemCount', clause, numbers, { subject, qualifiers });
  });

  const decisions =
    /处理决定(?:数量)?(?:为|共)?(\d+)(项|件|个)|作出(?:行政)?(许可|处罚|强制)决定(\d+)(项|件|个)/g;
  eachInClauses(ctx, decisions, (m, clause, abs) => {
    let subject: string | undefined;
    if (m[3]) subject = subjectKey(`行政${m[3]}`);
    else {
      const before = ctx.t.slice(clause.start, abs);
      const words = [...before.matchAll(SUBJECT_RE)];
      const last = words[words.length - 1];
      if (last) subject = subjectKey(last[0]);
    }
    if (!subject) return;
    emit(ctx, 'decisionCount', clause, { count: num(m[1] ?? m[4]!, m[2] ?? m[5]) }, { subject });
  });

  const docs =
    /(制作|制发|制定|出台|印发)了?(?:行政)?(规范性文件|规章)(?:共)?(\d+)(件|个|部|份)(?:,?(全部公开|均已公开|均已全部公开|全部予以公开|已全部公开))?/g;
  eachInClauses(ctx, docs, (m, clause, abs) => {
    const subject = m[2] === '规章' ? 'art20_1.regulations' : 'art20_1.normativeDocs';
    const numbers: Record<string, TextNumber> = { made: num(m[3]!, m[4]) };
    const qualifiers: string[] = [];
    if (m[5]) qualifiers.push('全部公开');
    const rest = ctx.t.slice(abs + m[0].length, clause.end);
    const pub = /^,?(?:新)?公开(\d+)(件|个|部|份)/.exec(rest);
    if (pub) numbers.published = num(pub[1]!, pub[2]);
    const rep = /废止(?:行政)?(?:规范性文件|规章)?(\d+)(件|个|部|份)/.exec(rest);
    if (rep) numbers.repealed = num(rep[1]!, rep[2]);
    const valid = /现行有效(?:的)?(?:行政)?(?:规范性文件|规章)?(\d+)(件|个|部|份)/.exec(rest);
    if (valid) numbers.valid = num(valid[1]!, valid[2]);
    emit(ctx, 'documentCount', clause, numbers, { subject, qualifiers });
  });
  const docs2 =
    /(废止|现行有效(?:的)?)(?:行政)?(规范性文件|规章)(?:共)?(\d+)(件|个|部|份)|(?:行政)?(规范性文件|规章)(废止|现行有效)(\d+)(件|个|部|份)/g;
  eachInClauses(ctx, docs2, (m, clause, abs) => {
    if (/制作|制发|制定|出台|印发/.test(ctx.t.slice(clause.start, abs))) return; // read with the made count
    const word = m[1] ?? m[6]!;
    const doc = m[2] ?? m[5]!;
    const subject = doc === '规章' ? 'art20_1.regulations' : 'art20_1.normativeDocs';
    const key = word.startsWith('废止') ? 'repealed' : 'valid';
    emit(ctx, 'documentCount', clause, { [key]: num(m[3] ?? m[7]!, m[4] ?? m[8]) }, { subject });
  });

  const proc =
    /政府集中采购(?:事项|项目)?(?:共)?(\d+)(项|个|次)[,，]?(?:采购)?(?:总)?金额(?:为|共|达|合计)?(\d+(?:\.\d+)?)(万元|亿元|元)/g;
  eachInClauses(ctx, proc, (m, clause) => {
    emit(ctx, 'procurement', clause, {
      projects: num(m[1]!, m[2]),
      amount: exact(`${m[3]}${m[4]}`, Number(m[3]), m[4]),
    });
  });

  const fee = /(?:行政事业性)?收费(?:金额|总额|总金额)(?:为|共|达|合计)?(\d+(?:\.\d+)?)(万元|亿元|元)/g;
  eachInClauses(ctx, fee, (m, clause) => {
    if (/信息处理费/.test(ctx.t.slice(clause.start, clause.end))) return;
    emit(
      ctx,
      'feeAmount',
      clause,
      { amount: exact(`${m[1]}${m[2]}`, Number(m[1]), m[2]) },
      { subject: 'art20_8.fees' },
    );
  });
}

// ── 信息处理费 (TXT-11, FMT-09) ───────────────────────────────────────────────

function infoFees(ctx: Ctx): void {
  for (const clause of ctx.clauses) {
    const s = ctx.t.slice(clause.start, clause.end);
    if (!/信息处理费|收费通知|缴费通知/.test(s)) continue;
    const numbers: Record<string, TextNumber> = {};
    const qualifiers: string[] = [];
    if (/(?:未|没有|不)(?:收取|收|产生)(?:任何)?(?:政府信息公开)?(?:的)?信息处理费/.test(s))
      qualifiers.push('none');
    const amount =
      /收取(?:政府信息公开)?信息处理费(?:共|合计|总计)?(\d+(?:\.\d+)?)(元|万元)|信息处理费(?:共|合计)?(\d+(?:\.\d+)?)(元|万元)/.exec(
        s,
      );
    if (amount) {
      const v = amount[1] ?? amount[3]!;
      const u = amount[2] ?? amount[4]!;
      numbers.amount = exact(`${v}${u}`, Number(v), u);
      if (Number(v) === 0 && !qualifiers.includes('none')) qualifiers.push('none');
    }
    const notices = /(?:发出|发放|送达|出具)(?:收费通知|缴费通知)(?:书)?(?:共)?(\d+)(件|份|次|个)/.exec(s);
    if (notices) numbers.notices = num(notices[1]!, notices[2]);
    if (/(?:未|没有)(?:发出|发放|产生|出具)(?:过)?(?:收费通知|缴费通知)/.test(s)) qualifiers.push('noNotice');
    if (Object.keys(numbers).length === 0 && qualifiers.length === 0) continue; // a heading
    emit(ctx, 'infoFee', clause, numbers, { qualifiers });
  }
}

// ── Totals with parts (ARI-01, ARI-03) ────────────────────────────────────────

const labelBefore = (text: string, from: number, to: number): string => {
  let s = text.slice(from, to);
  const cut = Math.max(s.lastIndexOf(','), s.lastIndexOf(';'), s.lastIndexOf(':'));
  if (cut >= 0) s = s.slice(cut + 1);
  s = s.replace(/^[,;:、(\s]+|^其中[,:]?|^(?:通过|同时|另|此外)[,]?/g, '');
  s = s.replace(/^[,;:、(\s]+/, '');
  return s.length > 16 ? `…${s.slice(-15)}` : s;
};

/** Items of a list: split at , ; (depth 0 of parentheses); stops at a closing parenthesis of depth < 0. */
function listItems(text: string, from: number, to: number): { items: Span[]; end: number } {
  const items: Span[] = [];
  let depth = 0;
  let start = from;
  let k = from;
  for (; k < to; k++) {
    const c = text[k]!;
    if (c === '(' || c === '《') depth++;
    else if (c === ')' || c === '》') {
      depth--;
      if (depth < 0) break;
    } else if (depth === 0 && (c === ',' || c === ';')) {
      if (k > start) items.push({ start, end: k });
      start = k + 1;
    }
  }
  if (k > start) items.push({ start, end: k });
  return { items, end: k };
}

interface Part {
  tok: NumberToken;
  label: string;
  end: number;
}

function readParts(
  ctx: Ctx,
  from: number,
  to: number,
  unit: string | undefined,
): { parts: Part[]; end: number } {
  const t = ctx.t;
  const { items, end: listEnd } = listItems(t, from, to);
  const parts: Part[] = [];
  let end = from;
  for (const it of items) {
    const body = t.slice(it.start, it.end);
    if (!/\d/.test(body)) {
      if (parts.length > 0 && /[,;]/.test(t[it.start - 1] ?? '')) break; // the list is over
      continue;
    }
    if (/比上|较上|同比/.test(body)) continue;
    // 41个单位公开41条、本部门决算1条、部门决算汇总公开1条: several parts in one item
    const subs: Span[] = [];
    let from2 = it.start;
    for (let k = it.start; k <= it.end; k++) {
      if (k === it.end || t[k] === '、') {
        subs.push({ start: from2, end: k });
        from2 = k + 1;
      }
    }
    const found: Part[] = [];
    for (const sub of subs) {
      const toks = numbersIn(t, sub.start, sub.end).filter(
        (x) => isCount(x) && (unit === undefined || x.unit === unit),
      );
      const tok = toks[toks.length - 1];
      if (!tok) continue;
      found.push({ tok, label: labelBefore(t, sub.start, tok.start), end: it.end });
    }
    if (found.length === 1) found[0]!.label = labelBefore(t, it.start, found[0]!.tok.start);
    if (found.length === 0) continue;
    parts.push(...found);
    end = it.end;
  }
  return { parts, end: Math.min(end, listEnd) };
}

function majorityUnit(ctx: Ctx, from: number, to: number): string | undefined {
  const counts = new Map<string, number>();
  const { items } = listItems(ctx.t, from, to);
  for (const it of items) {
    const toks = findNumbers(ctx.t.slice(it.start, it.end)).filter((x) => isCount(x) && x.unit);
    const last = toks[toks.length - 1];
    if (last?.unit) counts.set(last.unit, (counts.get(last.unit) ?? 0) + 1);
  }
  let best: string | undefined;
  let n = 0;
  for (const [u, c] of counts) {
    if (c > n) {
      best = u;
      n = c;
    }
  }
  return best;
}

function emitTotal(
  ctx: Ctx,
  total: NumberToken,
  totalLabel: string,
  parts: Part[],
  spanStart: number,
  spanEnd: number,
  nextSentence: Span | undefined,
  qualifiers: string[],
): void {
  const numbers: Record<string, TextNumber> = { total: toTextNumber(total) };
  parts.forEach((p, i) => {
    numbers[`part${i + 1}:${p.label}`] = toTextNumber(p.tok);
  });
  let end = spanEnd;
  // 同时/另/此外 + a figure of the same unit right after the list (ARI-01 (3))
  if (nextSentence && qualifiers.includes('其中')) {
    const first = ctx.clauses.find((c) => c.start >= nextSentence.start && c.start < nextSentence.end);
    const lead = first ? ctx.t.slice(first.start, first.end) : '';
    if (first && /^(?:同时|另外|另|此外)/.test(lead)) {
      const tok = findNumbers(lead).find((x) => isCount(x) && x.unit === total.unit);
      if (tok) {
        numbers[`extra:${labelBefore(lead, 0, tok.start)}`] = toTextNumber(tok);
        end = first.end;
      }
    }
  }
  emit(ctx, 'totalWithParts', { start: spanStart, end }, numbers, {
    ...(totalLabel ? { subject: totalLabel } : {}),
    qualifiers: [...qualifiers, ...(parts.length === 1 ? ['subset'] : [])],
  });
}

function itemStart(ctx: Ctx, pos: number): number {
  const clause = clauseAt(ctx, pos);
  const before = ctx.t.slice(clause.start, pos);
  const cut = Math.max(before.lastIndexOf(','), before.lastIndexOf(';'));
  return cut >= 0 ? clause.start + cut + 1 : clause.start;
}

function totals(ctx: Ctx): void {
  const t = ctx.t;
  ctx.sentences.forEach((s, si) => {
    const text = t.slice(s.start, s.end);
    const next = ctx.sentences[si + 1];
    const markers: { pos: number; len: number; form: '其中' | '中' }[] = [];
    for (const m of text.matchAll(/其中/g)) markers.push({ pos: s.start + m.index, len: 2, form: '其中' });
    for (const m of text.matchAll(/\d+(?:个|件|条|项)[^,;:。\d]{0,8}中:/g)) {
      if (m[0].endsWith('其中:')) continue;
      markers.push({ pos: s.start + m.index + m[0].length - 2, len: 2, form: '中' });
    }
    markers.sort((a, b) => a.pos - b.pos);
    markers.forEach((mk, mi) => {
      const listFrom = mk.pos + mk.len;
      const listTo = markers[mi + 1]?.pos ?? s.end;
      const before = numbersIn(t, s.start, mk.pos).filter(isCount);
      let total: NumberToken | undefined;
      let unit: string | undefined;
      let spanStart = s.start;
      if (before.length > 0) {
        total = before[before.length - 1]!;
        unit = mk.form === '中' ? majorityUnit(ctx, listFrom, listTo) : total.unit;
        spanStart = itemStart(ctx, total.start);
      } else if (mk.form === '其中' && si > 0) {
        // 其中 opens the sentence: the total is the last figure of the previous one with the parts' unit
        unit = majorityUnit(ctx, listFrom, listTo);
        const prev = ctx.sentences[si - 1]!;
        const cands = numbersIn(t, prev.start, prev.end).filter((x) => isCount(x) && x.unit === unit);
        total = cands[cands.length - 1];
        if (total) spanStart = itemStart(ctx, total.start);
      }
      if (!total || !unit) return;
      const read = readParts(ctx, listFrom, listTo, unit);
      let { parts } = read;
      const { end } = read;
      if (parts.length === 0) return;
      const shares = /占比?\d/.test(t.slice(listFrom, end));
      if (shares) {
        // a breakdown with shares: the items that carry a share (figures after it are other matters)
        const withShare = parts.filter((p, i) =>
          /占比?\d/.test(t.slice(p.tok.end, parts[i + 1]?.tok.start ?? listTo)),
        );
        if (withShare.length >= 2) parts = withShare;
      }
      const totalLabel = labelBefore(t, clauseAt(ctx, total.start).start, total.start).replace(
        /^.*共(?:计)?/,
        '',
      );
      emitTotal(ctx, total, totalLabel, parts, spanStart, end, next, [
        mk.form,
        ...(shares ? ['shares'] : []),
      ]);
    });

    // 共 T 条, …等各类信息 M 条 (no 其中): a subset, checked as part ≤ total
    if (markers.length === 0) {
      const m = /共(?:计)?[^,;。\d]{0,20}?(\d)/.exec(text);
      if (!m) return;
      const all = numbersIn(t, s.start, s.end);
      const total = all.find((x) => x.start >= s.start + m.index && isCount(x));
      if (!total?.unit) return;
      const { items } = listItems(t, total.end, s.end);
      for (const it of items) {
        const idx = t.slice(it.start, it.end).indexOf('等');
        if (idx < 0) continue;
        const tok = numbersIn(t, it.start, it.end).find(
          (x) => x.start > it.start + idx && isCount(x) && x.unit === total.unit,
        );
        if (!tok) continue;
        const part: Part = { tok, label: labelBefore(t, it.start, tok.start), end: it.end };
        const totalLabel = labelBefore(t, clauseAt(ctx, total.start).start, total.start).replace(
          /^.*共(?:计)?/,
          '',
        );
        emitTotal(ctx, total, totalLabel, [part], clauseAt(ctx, total.start).start, it.end, undefined, [
          '等',
        ]);
        break;
      }
    }
  });
}

// ── Rates, shares and process triples (ARI-02…04) ─────────────────────────────

function rates(ctx: Ctx): void {
  const t = ctx.t;
  const re = /(率|占比|占)(?:为|达到|达|是|约)?(\d+(?:\.\d+)?)%/g;
  for (let m = re.exec(t); m; m = re.exec(t)) {
    const si = sentenceIndexAt(ctx, m.index);
    const s = ctx.sentences[si];
    if (!s) continue;
    const clause = clauseAt(ctx, m.index);
    const percent = exact(`${m[2]}%`, Number(m[2]), '%');
    const numbers: Record<string, TextNumber> = { percent };
    const counts = numbersIn(t, s.start, m.index).filter(isCount);
    const prev = ctx.sentences[si - 1];
    const prevCounts = prev ? numbersIn(t, prev.start, prev.end).filter(isCount) : [];
    const opensWithQizhong = /^其中/.test(t.slice(s.start, s.end));
    if (m[1] !== '率') {
      // 占比: the count just before it; the stated total of the sentence
      const numerator = counts[counts.length - 1];
      if (!numerator || numerator.end < clauseAt(ctx, m.index).start - 12) continue;
      const sText = t.slice(s.start, m.index);
      // the total of the list the share belongs to: before 其中 / "N 个 X 中:", else a 共 figure
      const marker = /\d+(?:个|件|条|项)[^,;:。\d]{0,8}中:|其中/.exec(sText);
      let denominator: NumberToken | undefined;
      if (marker) {
        const before = counts.filter(
          (x) => x.start < s.start + marker.index + marker[0].length && x !== numerator,
        );
        denominator = before[before.length - 1];
      }
      if (!denominator) {
        const gong = /共/.exec(sText);
        denominator = gong
          ? counts.find((x) => x.start > s.start + gong.index && x !== numerator)
          : undefined;
      }
      if (!denominator) {
        const pg = prev ? /共/.exec(t.slice(prev.start, prev.end)) : null;
        denominator = pg && prev ? prevCounts.find((x) => x.start > prev.start + pg.index) : undefined;
      }
      // other totals the share may be of, for ARI-02 to try
      let k = 1;
      for (const x of [...counts, ...prevCounts]) {
        if (x === numerator || x === denominator || x.value < numerator.value) continue;
        if (/^[,(]?占/.test(t.slice(x.end, x.end + 3))) continue; // another category of the list
        if (denominator && x.value === denominator.value) continue;
        numbers[`altden${k++}`] = toTextNumber(x);
      }
      numbers.numerator = toTextNumber(numerator);
      if (denominator && denominator !== numerator) numbers.denominator = toTextNumber(denominator);
      const label = labelBefore(t, clauseAt(ctx, numerator.start).start, numerator.start);
      emit(ctx, 'rate', { start: clauseAt(ctx, numerator.start).start, end: clause.end }, numbers, {
        subject: '占比',
        qualifiers: [`label:${label}`],
      });
      continue;
    }
    // X率: the name is up to 4 CJK chars before 率
    const head = /[\u4e00-\u9fff]{1,4}$/.exec(t.slice(Math.max(s.start, m.index - 4), m.index));
    const stem = head?.[0] ?? '';
    const name = `${stem}率`;
    const stemHit = (x: NumberToken) => {
      const lead = t.slice(Math.max(s.start, x.start - 6), x.start);
      for (let k = stem.length; k >= 2; k--) if (lead.endsWith(stem.slice(-k))) return true;
      return false;
    };
    const numerator = [...counts].reverse().find(stemHit);
    if (numerator) {
      numbers.numerator = toTextNumber(numerator);
      const pool =
        opensWithQizhong || counts.filter((x) => x !== numerator).length === 0 ? prevCounts : counts;
      const sameUnit = pool.filter(
        (x) => x !== numerator && x.unit === numerator.unit && x.value >= numerator.value,
      );
      const gong = sameUnit.find((x) => /共|收到|受理|总/.test(t.slice(Math.max(0, x.start - 8), x.start)));
      const denominator = gong ?? sameUnit[0];
      if (denominator) numbers.denominator = toTextNumber(denominator);
      let k = 1;
      for (const x of [...counts, ...(pool === prevCounts ? prevCounts : [])]) {
        if (x === numerator || x === denominator || x.unit !== numerator.unit) continue;
        numbers[`alt${k++}`] = toTextNumber(x);
      }
    }
    emit(ctx, 'rate', clause, numbers, { subject: name });
  }
}

function processTriples(ctx: Ctx): void {
  const re =
    /(?:受理|收到|接收|办理|交办|接到)[^,;。]*?(\d+)(件|个|条|起|次),(?:已)?(?:办结|办理完毕|答复|完成)(\d+)(件|个|条|起|次)?,(?:正在办理|正在处理|办理中|未办结|尚未办结|在办|结转(?:下年度?)?)(\d+)(件|个|条|起|次)?/g;
  for (const s of ctx.sentences) {
    const text = ctx.t.slice(s.start, s.end);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const u = m[2];
      emit(
        ctx,
        'processTriple',
        {
          start: clauseAt(ctx, s.start + m.index).start,
          end: clauseAt(ctx, s.start + m.index + m[0].length - 1).end,
        },
        { received: num(m[1]!, u), completed: num(m[3]!, m[4] ?? u), pending: num(m[5]!, m[6] ?? u) },
      );
    }
  }
}

/** Read the claims of the narrative, paragraph by paragraph, in document order. */
export function extractClaims(paragraphs: Paragraph[]): Claim[] {
  const out: Claim[] = [];
  for (const p of paragraphs) {
    const n = normalizeWithMap(p.text);
    const ctx: Ctx = {
      p,
      n,
      t: n.text,
      sentences: splitSentences(n.text),
      clauses: splitSentences(n.text, true),
      out,
    };
    statisticsPeriod(ctx);
    citations(ctx);
    applications(ctx);
    reviewsAndLawsuits(ctx);
    activeDisclosure(ctx);
    infoFees(ctx);
    totals(ctx);
    rates(ctx);
    processTriples(ctx);
  }
  return out;
}

/** Parts of a totalWithParts claim in order, with their labels. */
export function claimParts(c: Claim): { key: string; label: string; n: TextNumber }[] {
  return Object.entries(c.numbers)
    .filter(([k]) => k.startsWith('part'))
    .map(([k, n]) => ({ key: k, label: k.slice(k.indexOf(':') + 1), n }));
}

/** The 同时/另 figure next to a totalWithParts claim, if any. */
export function claimExtra(c: Claim): { label: string; n: TextNumber } | undefined {
  const e = Object.entries(c.numbers).find(([k]) => k.startsWith('extra:'));
  return e ? { label: e[0].slice(6), n: e[1] } : undefined;
}
