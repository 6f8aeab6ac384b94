import type { TextNumber } from '../model';
import { type Ctx, eachInClauses, emit, exact, num } from './context';

// Outcomes (TXT-04): "予以公开N件", "部分公开N件", …, "结转下年度N件" / "转下一年度办理答复的有N件",
// with a share stated next to them ("占33.9%", read again by ARI-02 as a rate).

const OUTCOME =
  /((?:予以公开|同意公开)(?:及|和|与|、)部分公开|予以公开|同意公开|部分公开|不予公开|无法提供|不予处理|其他处理|(?<!上一?年度?)(?:结转|转入|转)(?:至|到)?下一?(?:个)?年度?(?:继续)?(?:办理)?(?:答复)?|(?<!上一?年度?|含)结转)(?:的)?(?:申请)?(?:共计|共|为|有|是)?((?:约|近|逾|超过)?\d+(?:余|多)?)件(?:[,(]?占比?(\d+(?:\.\d+)?)%)?/g;

export function outcomes(ctx: Ctx): void {
  if (!/申请/.test(ctx.t)) return;
  eachInClauses(ctx, OUTCOME, (m, clause) => {
    const word = m[1]!;
    const subject =
      /部分公开$/.test(word) && word.length > 4
        ? '予以公开及部分公开'
        : word === '同意公开'
          ? '予以公开'
          : /结转|下一?个?年度?/.test(word)
            ? '结转'
            : word;
    const numbers: Record<string, TextNumber> = { count: num(m[2]!, '件') };
    if (m[3]) numbers.percent = exact(`${m[3]}%`, Number(m[3]), '%');
    emit(ctx, 'outcomeCount', clause, numbers, { subject });
  });
}
