import type { TextNumber } from '../model';
import { type Ctx, clauseAt, eachInClauses, emit, num } from './context';

// Reviews and lawsuits (TXT-05): "未发生行政复议和行政诉讼", "被申请行政复议N件…维持a件", and the
// outcome words that follow a count.

/** Outcome words of reviews and lawsuits → T4 column (report-formats.md TXT-05). */
export const T4_OUTCOME_WORDS: [RegExp, 'upheld' | 'corrected' | 'other' | 'pending'][] = [
  [/维持|驳回/g, 'upheld'],
  [/撤销|确认违法|责令履行|纠正/g, 'corrected'],
  [/撤诉|撤回|终止|调解|和解/g, 'other'],
  [/审理中|尚未审结|未审结|正在审理|尚在审理/g, 'pending'],
];

/** A count of reviews or of lawsuits, after its word or before it. */
const COUNT_PATTERNS: [RegExp, 'reviewCount' | 'litigationCount'][] = [
  [/(?:被)?(?:申请|提起|引起)?行政复议(?:案件)?(?:共)?(\d+)(件|起|宗|次)/g, 'reviewCount'],
  [/(\d+)(件|起|宗)[^,;。:\d]{0,8}?(?:被申请|申请|提起|引起|涉及)行政复议/g, 'reviewCount'],
  [/(?:被)?(?:提起|引起|发生)?行政诉讼(?:案件)?(?:共)?(\d+)(件|起|宗|次)/g, 'litigationCount'],
  [/(\d+)(件|起|宗)[^,;。:\d]{0,8}?(?:被提起|被起诉|提起|引起|涉及)(?:行政)?诉讼/g, 'litigationCount'],
];

/** A clause that names a review or a lawsuit: the only ones the "none" wording can match. */
const REVIEW_OR_LAWSUIT = /复议|诉讼/;

export function reviewsAndLawsuits(ctx: Ctx): void {
  const none =
    /(?:未|没有|无)(?!经)(?:发生|出现|接到|收到|有|产生|发现)?(?:因政府信息公开(?:工作)?(?:被)?(?:申请)?)?[^,;。:]{0,24}?(?:行政)?(复议|诉讼)[^,;。:]{0,12}/g;
  eachInClauses(
    ctx,
    none,
    (m, clause) => {
      const q: string[] = [];
      if (/复议/.test(m[0])) q.push('rev');
      if (/诉讼/.test(m[0])) q.push('lit');
      emit(ctx, 'noReviewOrLitigation', clause, {}, { qualifiers: q });
    },
    REVIEW_OR_LAWSUIT,
  );
  const zero = /行政复议(?:和|及|、|与)行政诉讼(?:案件)?(?:数量)?(?:均)?为(?:0|零)/g;
  eachInClauses(
    ctx,
    zero,
    (_m, clause) => emit(ctx, 'noReviewOrLitigation', clause, {}, { qualifiers: ['rev', 'lit'] }),
    '行政复议',
  );

  // counts name 行政复议 or 行政诉讼: a paragraph naming neither has none
  if (!ctx.t.includes('行政复议') && !ctx.t.includes('行政诉讼')) return;
  for (const s of ctx.sentences) {
    const text = ctx.t.slice(s.start, s.end);
    if (!/行政复议|行政诉讼/.test(text)) continue;
    const counts: { pos: number; end: number; kind: 'reviewCount' | 'litigationCount'; tok: TextNumber }[] =
      [];
    for (const [re, kind] of COUNT_PATTERNS) {
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
