import type { TextNumber } from '../model';
import { printedSpan } from '../text-numbers';
import { type Ctx, clauseAt, emit, exact } from './context';

// Period, citations and addresses (FMT-02, FMT-05): the statistics period the report states and
// the documents it cites. (Addresses, e-mails and download places are read by FMT-13 from the
// sentences themselves.)

export function statisticsPeriod(ctx: Ctx): void {
  const re = /(\d{4})年(\d{1,2})月(\d{1,2})日(?:起)?(?:至|到|-|—|~|－)(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/g;
  // only a sentence that speaks of statistics or data states the period: a paragraph with neither
  // word is not cut up
  if (!/统计|数据/.test(ctx.t)) return;
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

export function citations(ctx: Ctx): void {
  const re = /国办公开办函[〔[【(](\d{4})[〕\]】)](\d+)号/g;
  // both citations name 国: most paragraphs cite nothing
  if (!ctx.t.includes('国')) return;
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
