import type { Claim, TextNumber } from '../model';
import { toTextNumber } from '../text-numbers';
import { type Ctx, emit, numbersIn } from './context';

// Aggregation scope (XDOC-01): a county's or city's report is often compiled from its members'
// reports — "本报告由…汇总12个乡镇、29个政府组成部门、直属机构政府信息公开情况编制而成" — and the
// same report may name the scope again elsewhere ("全县28个政府部门(单位)均编制发布了…"). Both
// are aggregationScope claims: subject 'aggregate' for the compiling statement, 'restated' for a
// later count of the same kind of member, with the member counts keyed `<kind>:<label>`.

export const MEMBER_KINDS = ['township', 'department'] as const;
export type MemberKind = (typeof MEMBER_KINDS)[number];

/** The kind of member a label names: townships (乡镇/街道/苏木) or departments (部门/机构/单位). */
export function memberKindOf(label: string): MemberKind | undefined {
  if (/部门|机构|单位|局|委员会/.test(label)) return 'department';
  if (/乡镇|街道|镇|乡|苏木/.test(label)) return 'township';
  return undefined;
}

// the sentence compiles its members' reports: 汇总 … 编制(而成)/形成/撰写, or 根据…汇总编制
const COMPILES = /汇总[^。]*?(?:编制|形成|撰写|制作|整理|编写)/;
// where a member's label ends: the words that follow the members in a compiling statement
const LABEL_END = /政府信息公开|信息公开|政务公开|年度报告|的|报送|提供|上报|情况|编制|汇总|形成|等/;
// a later count of one kind of member over the whole place: 全县28个政府部门(单位)
const RESTATED =
  /全(?:县|市|区|旗|州|盟)(?:共有?)?(\d+)个((?:县直|市直|区直|旗直|(?:县|市|区)?政府)(?:组成|工作)?部门|政府组成部门|直属机构|乡镇\(街道\)|乡镇|街道)/g;

export function aggregationScope(ctx: Ctx): void {
  const t = ctx.t;
  // every COMPILES match holds 汇总, every RESTATED one 全: a paragraph with neither is not cut up
  const mayCompile = t.includes('汇总');
  const mayRestate = t.includes('全');
  if (!mayCompile && !mayRestate) return;
  for (const s of ctx.sentences) {
    const text = t.slice(s.start, s.end);
    const compiles = mayCompile ? COMPILES.exec(text) : null;
    if (compiles) {
      const to = s.start + compiles.index + compiles[0].length;
      const toks = numbersIn(ctx, s.start, to).filter((x) => x.unit === '个' || x.unit === '家');
      const numbers: Record<string, TextNumber> = {};
      toks.forEach((tok, i) => {
        const next = toks[i + 1]?.start ?? to;
        let label = t.slice(tok.end, next);
        const end = LABEL_END.exec(label);
        if (end) label = label.slice(0, end.index);
        label = label.replace(/^[、,和及与]+|[、,和及与]+$/g, '');
        const kind = memberKindOf(label);
        if (!kind || !label) return;
        let key = `${kind}:${label}`;
        for (let k = 2; key in numbers; k++) key = `${kind}:${label}#${k}`;
        numbers[key] = toTextNumber(tok);
      });
      if (Object.keys(numbers).length > 0)
        emit(ctx, 'aggregationScope', s, numbers, { subject: 'aggregate' });
    }
    if (!mayRestate) continue;
    RESTATED.lastIndex = 0;
    for (let m = RESTATED.exec(text); m; m = RESTATED.exec(text)) {
      const kind = memberKindOf(m[2]!);
      const at = s.start + m.index + m[0].indexOf(m[1]!);
      const tok = numbersIn(ctx, at, s.end)[0];
      if (!kind || !tok) continue;
      emit(ctx, 'aggregationScope', s, { [`${kind}:${m[2]}`]: toTextNumber(tok) }, { subject: 'restated' });
    }
  }
}

/** The member counts of an aggregationScope claim by kind: the sum, and the labels as printed. */
export function scopeCounts(c: Claim): Map<MemberKind, { value: number; raws: string[]; labels: string[] }> {
  const out = new Map<MemberKind, { value: number; raws: string[]; labels: string[] }>();
  for (const [key, n] of Object.entries(c.numbers)) {
    const cut = key.indexOf(':');
    const kind = key.slice(0, cut) as MemberKind;
    if (!MEMBER_KINDS.includes(kind)) continue;
    const label = key.slice(cut + 1).replace(/#\d+$/, '');
    const e = out.get(kind) ?? { value: 0, raws: [], labels: [] };
    e.value += n.value;
    e.raws.push(n.raw);
    e.labels.push(label);
    out.set(kind, e);
  }
  return out;
}
