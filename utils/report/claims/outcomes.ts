import type { TextNumber } from '../model';
import { type Ctx, clauseAt, eachInClauses, emit, exact, num } from './context';

// Outcomes (TXT-04): "予以公开N件", "部分公开N件", …, "结转下年度N件" / "转下一年度办理答复的有N件",
// with a share stated next to them ("占33.9%", read again by ARI-02 as a rate), and the same with
// the count first ("1件结转下年度继续办理").

const OUTCOME =
  /((?:予以公开|同意公开)(?:及|和|与|、)部分公开|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|(?<!上一?年度?)(?:结转|转入|转)(?:至|到)?下一?(?:个)?年度?(?:继续)?(?:办理)?(?:答复)?|(?<!上一?年度?|含)结转)(?:的)?(?:申请)?(?:共计|共|为|有|是)?((?:约|近|逾|超过)?\d+(?:余|多)?)件(?:[,(]?占比?(\d+(?:\.\d+)?)%)?/g;

// the count before the outcome: "1件结转下年度继续办理", "另有72件申请按照《条例》顺延到下年度答复",
// "12件予以公开"; a short aside may sit between them, never a negation or another figure
const OUTCOME_COUNT_FIRST =
  /((?:约|近|逾|超过)?\d+(?:余|多)?)件(?:申请)?(?:(?!未|没有|不再)[^,;:、。\d]){0,10}?(予以公开|部分公开|不予公开|无法提供|不予处理|(?:结转|转入|顺延|转)(?:至|到)?下一?(?:个)?年度?)/g;

// the applications answered this year, carried-in ones included: 表三's 本年度办理结果 总计 —
// "答复政府信息公开申请805件(含上年度结转申请18件…)", "办结政府信息公开申请共计805件". Only 答复/
// 办结 with the applications named: a bare "办结69件" may count anything, and "共办理…申请" is read
// as applications received (TXT-01).
const ANSWERED =
  /(?:已|共|累计|全年|本年度?)?(答复|办结)了?(?:各类|各项)?(?:政府信息公开|信息公开|依申请公开)的?申请(?:共计|共|合计|总计|为)?((?:约|近|逾|超过)?\d+(?:余|多)?)件/g;

// "本年度全区共收到70件申请，及时依法依规办结69件": a bare 办结N件 is the total of outcomes only in a
// sentence that has just counted the applications received
const DONE = /(?:^|,)[^,;。\d]{0,8}?办结了?((?:约|近|逾|超过)?\d+(?:余|多)?)件(?![^,;。]{0,2}率)/g;
const RECEIVED_VERB = /收到|受理|接收|新收|接到/g;
/** The last thing the text before counts as received is applications (not 来信, 建议, 诉求 …). */
function receivedApplications(before: string): boolean {
  let last = -1;
  RECEIVED_VERB.lastIndex = 0;
  for (let m = RECEIVED_VERB.exec(before); m; m = RECEIVED_VERB.exec(before)) last = m.index;
  if (last < 0) return false;
  const what = before.slice(last);
  return /申请/.test(what) && !/来信|建议|提案|诉求|投诉|信访|咨询/.test(what);
}

const subjectOf = (word: string): string =>
  /部分公开$/.test(word) && word.length > 4
    ? '予以公开及部分公开'
    : word === '同意公开'
      ? '予以公开'
      : /结转|顺延|下一?个?年度?/.test(word)
        ? '结转'
        : word;

export function outcomes(ctx: Ctx): void {
  if (!/申请/.test(ctx.t)) return;
  // the figures read after their word, by where they start: never read again as the next word's
  const read = new Set<number>();
  eachInClauses(
    ctx,
    OUTCOME,
    (m, clause, abs) => {
      read.add(abs + m[0].indexOf(`${m[2]}件`, m[1]!.length));
      const subject = subjectOf(m[1]!);
      const numbers: Record<string, TextNumber> = { count: num(m[2]!, '件') };
      if (m[3]) numbers.percent = exact(`${m[3]}%`, Number(m[3]), '%');
      emit(ctx, 'outcomeCount', clause, numbers, { subject });
    },
    '件',
  );
  eachInClauses(
    ctx,
    OUTCOME_COUNT_FIRST,
    (m, clause, abs) => {
      // 上年结转3件 / 含上年结转 is carried in, not out
      if (read.has(abs) || /上一?年度?$|含$/.test(ctx.t.slice(Math.max(clause.start, abs - 4), abs))) return;
      emit(ctx, 'outcomeCount', clause, { count: num(m[1]!, '件') }, { subject: subjectOf(m[2]!) });
    },
    '件',
  );
  eachInClauses(
    ctx,
    ANSWERED,
    (m, clause, abs) => {
      if (/未|没有/.test(ctx.t.slice(Math.max(clause.start, abs - 2), abs))) return;
      emit(ctx, 'outcomeCount', clause, { count: num(m[2]!, '件') }, { subject: '总计' });
    },
    '申请',
  );
  // a bare 办结N件: none where the paragraph never says 办结
  if (!ctx.t.includes('办结')) return;
  for (const sentence of ctx.sentences) {
    const text = ctx.t.slice(sentence.start, sentence.end);
    DONE.lastIndex = 0;
    for (let m = DONE.exec(text); m; m = DONE.exec(text)) {
      const before = text.slice(0, m.index);
      if (!receivedApplications(before) || /未|没有/.test(m[0])) continue;
      const at = sentence.start + m.index + (m[0].startsWith(',') ? 1 : 0);
      emit(ctx, 'outcomeCount', clauseAt(ctx, at), { count: num(m[1]!, '件') }, { subject: '总计' });
    }
  }
}
