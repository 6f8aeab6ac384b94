import type { TextNumber } from '../model';
import type { Span } from '../text-numbers';
import { type Ctx, eachInClauses, emit, num, sentenceAt, sentenceIndexAt } from './context';
import { applicantOf, readParts } from './lists';

// Applications (TXT-01…03, TXT-11): how many the body received, with the applicant breakdown that
// follows the count ("共计86件，涉及自然人80件、商业企业1件"), "no applications", "all completed",
// and the information-processing fees.

const APPROX_N = String.raw`(?:约|近|逾|超过)?\d+(?:余|多)?`;
// between the verb and 申请: a short modifier of the applications (通过邮寄、网络提交的各类 …),
// never a figure, a clause break or another 申请
const MODIFIER = String.raw`(?:(?!申请|未|没有)[^,;:。\d]){0,30}?`;
const RECEIVED = new RegExp(
  `(本年度?|全年|年内)?(共|累计|总计|合计|共计)?(新收|收到|受理|接收|接到|办理)了?(${MODIFIER})(?:政府信息公开|信息公开|依申请公开)的?申请(?:事项)?(?:数量)?(?:共计|共|总计|合计|累计|为|达)?(${APPROX_N})(件|个|条)`,
  'g',
);
// the count before the applications: "受理了12件政府信息公开申请", and bare "本年度全区共收到70件申请"
// (group 6 set: the applications are named as information requests)
const RECEIVED_COUNT_FIRST = new RegExp(
  `(本年度?|全年|年内)?(共|累计|总计|合计|共计)?(新收|收到|受理|接收|接到)了?(?:各类|各项)?(${APPROX_N})(件|个|条)(?:(?:各类|各项)?申请|(${MODIFIER}(?:政府信息公开|信息公开|依申请公开))的?申请)`,
  'g',
);
// a bare "N件申请" is an information request where the sentence goes on to handle it
const HANDLED = /办结|答复|结转|办理完毕|办理完成/;
// "(本机关)政府信息公开申请共计86件": no verb, but a word of counting
const RECEIVED_NO_VERB = new RegExp(
  `(?:政府信息公开|依申请公开)申请(?:数量|总量|总数)?(?:共计|共|总计|合计|累计|为|达)(${APPROX_N})(件|个|条)`,
  'g',
);
/** A clause RECEIVED and RECEIVED_COUNT_FIRST can match: one of their verbs, then 申请. */
const VERB_THEN_APPLICATION = /(?:新收|收到|受理|接收|接到|办理).*申请/;
/** Every "all completed" wording says 全部, 均已 or 都已. */
const ALL_OF_THEM = /全部|均已|都已/;
const HANDLING_VERB = /答复|办结|办理|处理|结转|转办|审结|完成/;
const CARRY_IN =
  /(?:上年度?|上一年度?|往年)结转(?:的|而来的|过来的)?(?:政府信息公开)?(?:申请)?(?:共|为)?(\d+)件/;

/** The applicant breakdown right after the count: 其中/涉及/包括 + 自然人 a、法人或其他组织 b … */
function applicantBreakdown(
  ctx: Ctx,
  countEnd: number,
  unit: string | undefined,
): Record<string, TextNumber> {
  const s = sentenceAt(ctx, countEnd - 1);
  if (!s) return {};
  const lead = /^[,:]?(?:其中|涉及|包括|具体为|分别为)[,:]?/.exec(
    ctx.t.slice(countEnd, Math.min(s.end, countEnd + 8)),
  );
  if (!lead) return {};
  const { parts } = readParts(ctx, countEnd + lead[0].length, s.end, unit, '');
  if (parts.length === 0) return {};
  const keys = parts.map((p) => applicantOf(p.label));
  // a breakdown by applicant only when every part names one applicant kind, each once
  if (keys.some((k) => !k) || new Set(keys).size !== keys.length) return {};
  const out: Record<string, TextNumber> = {};
  parts.forEach((p, i) => {
    const { start: _s, end: _e, approx: _a, ...tn } = p.tok;
    out[`by:${keys[i]}`] = tn;
  });
  return out;
}

export function applications(ctx: Ctx): void {
  // What a clause says of applications carried over, read once per clause however many counts it
  // holds (a clause of thousands of them read itself once per count).
  const carried = new Map<number, { carry: RegExpExecArray | null; named: boolean }>();
  const carryOf = (clause: Span) => {
    let said = carried.get(clause.start);
    if (!said) {
      const text = ctx.t.slice(clause.start, clause.end);
      const carry = CARRY_IN.exec(text);
      said = { carry, named: carry !== null || /上一?年度?结转|含结转/.test(text) };
      carried.set(clause.start, said);
    }
    return said;
  };
  eachInClauses(
    ctx,
    RECEIVED,
    (m, clause, abs) => {
      const prev = ctx.t[abs - 1];
      if (prev === '未' || prev === '没' || prev === '无') return;
      // a carried-over figure belongs to the count's own clause (共办理6件，其中上年结转1件)
      const { carry, named } = carryOf(clause);
      const qualifiers = [m[3]!];
      if (m[3] === '新收') qualifiers.push('本年新收');
      if (m[3] === '办理') qualifiers.push('共办理');
      const count = num(m[5]!, m[6]);
      const numbers: Record<string, TextNumber> = { count };
      if (carry) {
        qualifiers.push('上年结转');
        numbers.carryIn = num(carry[1]!, '件');
      } else if (named) qualifiers.push('上年结转');
      Object.assign(numbers, applicantBreakdown(ctx, abs + m[0].length, count.unit));
      emit(ctx, 'applicationsReceived', clause, numbers, { qualifiers });
    },
    VERB_THEN_APPLICATION,
  );
  eachInClauses(
    ctx,
    RECEIVED_COUNT_FIRST,
    (m, clause, abs) => {
      const prev = ctx.t[abs - 1];
      if (prev === '未' || prev === '没' || prev === '无') return;
      if (m[6] === undefined && !HANDLED.test(ctx.t.slice(abs, sentenceAt(ctx, abs)?.end ?? clause.end)))
        return;
      const qualifiers = [m[3]!];
      if (m[3] === '新收') qualifiers.push('本年新收');
      const count = num(m[4]!, m[5]);
      const numbers: Record<string, TextNumber> = { count };
      const { carry } = carryOf(clause);
      if (carry) {
        qualifiers.push('上年结转');
        numbers.carryIn = num(carry[1]!, '件');
      }
      Object.assign(numbers, applicantBreakdown(ctx, abs + m[0].length, count.unit));
      emit(ctx, 'applicationsReceived', clause, numbers, { qualifiers });
    },
    VERB_THEN_APPLICATION,
  );
  eachInClauses(
    ctx,
    RECEIVED_NO_VERB,
    (m, clause, abs) => {
      if (HANDLING_VERB.test(ctx.t.slice(clause.start, abs))) return; // 答复…申请共805件: not received
      if (/未|没有/.test(ctx.t.slice(Math.max(clause.start, abs - 4), abs))) return;
      const count = num(m[1]!, m[2]);
      const numbers: Record<string, TextNumber> = { count };
      Object.assign(numbers, applicantBreakdown(ctx, abs + m[0].length, count.unit));
      emit(ctx, 'applicationsReceived', clause, numbers, { qualifiers: ['受理'] });
    },
    '申请',
  );
  const re2 = /(共|累计)?(?:受理|收到)依申请公开(?:事项)?(\d+)(件)/g;
  eachInClauses(
    ctx,
    re2,
    (m, clause) => {
      emit(ctx, 'applicationsReceived', clause, { count: num(m[2]!, m[3]) }, { qualifiers: ['受理'] });
    },
    '依申请公开',
  );

  const none =
    /(?:未|没有)(?:收到|受理|发生|接到|接收)(?:过)?(?:任何)?(?:公民、法人(?:或|和)其他组织(?:提出)?的?)?(?:政府信息公开|信息公开|依申请公开)(?:的)?申请|依申请公开(?:数量|申请)?(?:为|是)(?:0|零)|无依申请公开/g;
  eachInClauses(ctx, none, (_m, clause) => emit(ctx, 'noApplications', clause, {}), '申请');

  // "all completed": 已全部办结 / 全部予以答复 / 所有申请均已按要求办理完成 … (not 均在期限内答复,
  // which says when, not whether)
  const done =
    /(?:已|均已)?全部办结|均已办结|全部(?:按时)?(?:予以)?答复|全部按期答复|(?:均|都|全部)已(?:经)?(?:按要求|按规定|依法|按时|按期)?(?:办理完成|办理完毕|办结|答复完毕|处理完毕|予以答复|作出答复|答复)/g;
  eachInClauses(
    ctx,
    done,
    (_m, clause, abs) => {
      const si = sentenceIndexAt(ctx, abs);
      const s = ctx.sentences[si];
      const prev = ctx.sentences[si - 1];
      const here = s ? ctx.t.slice(s.start, s.end) : '';
      const before = prev ? ctx.t.slice(prev.start, prev.end) : '';
      const aboutApplications = (x: string) => /申请/.test(x) && !/来信|诉求|建议|提案|信访|投诉/.test(x);
      if (aboutApplications(here) || (!/\d/.test(here) && aboutApplications(before))) {
        emit(ctx, 'allCompleted', clause, {});
      }
    },
    ALL_OF_THEM,
  );
}

// ── 信息处理费 (TXT-11, FMT-09) ───────────────────────────────────────────────

export function infoFees(ctx: Ctx): void {
  for (const clause of ctx.clauses) {
    const s = ctx.t.slice(clause.start, clause.end);
    if (!/信息处理费|收费通知|缴费通知/.test(s)) continue;
    const numbers: Record<string, TextNumber> = {};
    const qualifiers: string[] = [];
    if (/(?:未|没有|不)(?:收取|收|产生)(?:任何)?(?:政府信息公开)?(?:的)?信息处理费/.test(s))
      qualifiers.push('none');
    const amount =
      /收取(?:政府信息公开)?信息处理费(?:共计|共|合计|总计|为)?(\d+(?:\.\d+)?)(元|万元)|信息处理费(?:共计|共|合计|总计|为)?(\d+(?:\.\d+)?)(元|万元)/.exec(
        s,
      );
    if (amount) {
      const v = amount[1] ?? amount[3]!;
      const u = amount[2] ?? amount[4]!;
      numbers.amount = { raw: `${v}${u}`, value: Number(v), unit: u };
      if (Number(v) === 0 && !qualifiers.includes('none')) qualifiers.push('none');
    }
    const notices = /(?:发出|发放|送达|出具)(?:收费通知|缴费通知)(?:书)?(?:共)?(\d+)(件|份|次|个)/.exec(s);
    if (notices) numbers.notices = num(notices[1]!, notices[2]);
    if (/(?:未|没有)(?:发出|发放|产生|出具)(?:过)?(?:收费通知|缴费通知)/.test(s)) qualifiers.push('noNotice');
    if (Object.keys(numbers).length === 0 && qualifiers.length === 0) continue; // a heading
    emit(ctx, 'infoFee', clause, numbers, { qualifiers });
  }
}
