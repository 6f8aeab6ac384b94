import type { NumberToken } from '../text-numbers';
import { toTextNumber } from '../text-numbers';
import { type Ctx, eachInClauses, emit, firstNumberFrom, numbersIn } from './context';

// Publishing (ARI-05, S17-08): what the body says it published through which channel ("政府网站发布
// 信息14条", restated in 一(四) as "县政府网站发布文件信息14条"), the documents it says went out
// through its portal ("通过门户网站等发布…各类文件2份"), and its policy interpretations ("政策解读2次").

/** Publishing channels a statement names → the channel key of channelCount claims. */
export const CHANNELS: [RegExp, string][] = [
  [/网站/, 'website'],
  [/微信/, 'wechat'],
  [/微博/, 'weibo'],
  [/新媒体/, 'newmedia'],
];

// "<channel>发布（文件）信息 N 条": the whole channel's count. A sub-scope with its own word before
// the channel ("其中网站发布10条") is not this form, so it is never taken for the whole.
const CHANNEL_STATEMENT =
  /(县政府网站|市政府网站|政府门户网站|政府网站|门户网站|政务微信公众号|政务微信|微信公众平台|微信公众号|政务微博|政务新媒体平台|政府新媒体平台|政务新媒体|新媒体平台)(?:上)?(?:发布|公开)(?:各类)?(?:文件)?信息(?=\d)/g;

// documents published through the portal: the channel, then 发布, then 文件 in the same clause
const PORTAL = /门户网站|政府网站|网站/;

/**
 * Where a clause first names the portal with 发布 and then 文件 after it, with no 。 or ; between
 * (-1: nowhere): what /(?:门户网站|政府网站|网站)[^。;]*?发布[^。;]*?文件/ finds, in one pass. That
 * regex tried every pair of a portal word and a 发布 after it when no 文件 followed: a minute and a
 * half for a clause of 40 000 characters. In each stretch between 。 and ; only its first portal
 * word can start a match: 发布 and 文件 after any later one are after the first one too.
 */
function portalDocumentsAt(text: string): number {
  let from = 0;
  for (const stretch of text.split(/[。;]/)) {
    const portal = PORTAL.exec(stretch);
    if (portal) {
      const published = stretch.indexOf('发布', portal.index + portal[0].length);
      if (published >= 0 && stretch.includes('文件', published + 2)) return from + portal.index;
    }
    from += stretch.length + 1;
  }
  return -1;
}
const DOCUMENT_UNIT = /^(?:份|件|个|篇)$/;

const INTERPRETATION = /政策解读|解读/;
const INTERPRETATION_UNIT = /^(?:份|件|个|篇|次|条)$/;

/** The four-digit years a clause names (a figure of another year is another metric). */
function yearsOf(ctx: Ctx, from: number, to: number): string[] {
  return numbersIn(ctx, from, to)
    .filter((x) => x.unit === '年' && x.value >= 1900 && x.value < 2200 && Number.isInteger(x.value))
    .map((x) => `year:${x.value}`);
}

/** The first figure at or after pos in the clause whose unit passes, looked up in the one token list. */
function firstWithUnit(ctx: Ctx, pos: number, end: number, unit: RegExp): NumberToken | undefined {
  for (let x = firstNumberFrom(ctx, pos, end); x; x = firstNumberFrom(ctx, x.end, end)) {
    if (x.unit && unit.test(x.unit)) return x;
  }
  return undefined;
}

export function publishing(ctx: Ctx): void {
  eachInClauses(
    ctx,
    CHANNEL_STATEMENT,
    (m, clause, abs) => {
      const at = abs + m[0].length;
      const tok = firstNumberFrom(ctx, at, clause.end);
      if (!tok || tok.start !== at || tok.unit !== '条') return;
      const channel = CHANNELS.find(([re]) => re.test(m[1]!))?.[1];
      if (!channel) return;
      emit(
        ctx,
        'channelCount',
        clause,
        { count: toTextNumber(tok) },
        {
          subject: channel,
          qualifiers: yearsOf(ctx, clause.start, clause.end),
        },
      );
    },
    '信息',
  );

  // one claim per clause each: the first document count after the first "网站…发布…文件", the
  // first count after the first 解读
  // every match of the one holds 网站, of the other 解读: a paragraph with neither is not cut up
  const portal = ctx.t.includes('网站');
  const interpretation = ctx.t.includes('解读');
  if (!portal && !interpretation) return;
  for (let i = 0; i < ctx.clauses.length; i++) {
    const clause = ctx.clauses[i]!;
    const text = ctx.clauseTexts[i]!;
    const docsAt = portal ? portalDocumentsAt(text) : -1;
    const doc = docsAt >= 0 && firstWithUnit(ctx, clause.start + docsAt, clause.end, DOCUMENT_UNIT);
    if (doc) emit(ctx, 'portalDocuments', clause, { count: toTextNumber(doc) }, { subject: 'website' });
    const said = interpretation ? INTERPRETATION.exec(text) : null;
    const interp = said && firstWithUnit(ctx, clause.start + said.index, clause.end, INTERPRETATION_UNIT);
    if (interp)
      emit(ctx, 'interpretationCount', clause, { count: toTextNumber(interp) }, { subject: '政策解读' });
  }
}
