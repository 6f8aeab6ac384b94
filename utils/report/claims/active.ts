import type { TextNumber } from '../model';
import { type Ctx, eachInClauses, emit, exact, matchesOf, num } from './context';

// 表二 items in the text (TXT-06…10): item counts with their change on last year, decision counts,
// 规章/规范性文件 made, repealed and in force, procurement and fees.

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
/** The word every document count names (规范性文件 or 规章), which 规 alone (规定, 规范) does not. */
const DOCUMENT_WORD = /规范性文件|规章/;

export function activeDisclosure(ctx: Ctx): void {
  const items =
    /(行政许可|其他对外管理服务|行政事业性收费|行政处罚|行政强制)事项(?:共|为)?(\d+)(项|个)(?:,?(?:比|较)上一?年(?:度)?(?:同期)?(减少|增加|增长|下降|减|增)(\d+)(?:项|个))?/g;
  eachInClauses(
    ctx,
    items,
    (m, clause) => {
      const subject = subjectKey(m[1]!)!;
      const numbers: Record<string, TextNumber> = { count: num(m[2]!, m[3]) };
      const qualifiers: string[] = [];
      if (m[4] && m[5]) {
        const sign = /减|下降/.test(m[4]) ? -1 : 1;
        numbers.delta = { raw: `${m[4]}${m[5]}项`, value: sign * Number(m[5]), unit: '项' };
        qualifiers.push(sign < 0 ? '减少' : '增加');
      }
      emit(ctx, 'itemCount', clause, numbers, { subject, qualifiers });
    },
    '事项',
  );

  const decisions =
    /处理决定(?:数量)?(?:为|共)?(\d+)(项|件|个)|作出(?:行政)?(许可|处罚|强制)决定(\d+)(项|件|个)/g;
  eachInClauses(
    ctx,
    decisions,
    (m, clause, abs) => {
      let subject: string | undefined;
      if (m[3]) subject = subjectKey(`行政${m[3]}`);
      else {
        const before = ctx.t.slice(clause.start, abs);
        const words = matchesOf(SUBJECT_RE, before);
        const last = words[words.length - 1];
        if (last) subject = subjectKey(last[0]);
      }
      if (!subject) return;
      emit(ctx, 'decisionCount', clause, { count: num(m[1] ?? m[4]!, m[2] ?? m[5]) }, { subject });
    },
    '决定',
  );

  const docs =
    /(制作|制发|制定|出台|印发)了?(?:行政)?(规范性文件|规章)(?:共)?(\d+)(件|个|部|份)(?:,?(全部公开|均已公开|均已全部公开|全部予以公开|已全部公开))?/g;
  eachInClauses(
    ctx,
    docs,
    (m, clause, abs) => {
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
    },
    DOCUMENT_WORD,
  );
  const docs2 =
    /(废止|现行有效(?:的)?)(?:行政)?(规范性文件|规章)(?:共)?(\d+)(件|个|部|份)|(?:行政)?(规范性文件|规章)(废止|现行有效)(\d+)(件|个|部|份)/g;
  eachInClauses(
    ctx,
    docs2,
    (m, clause, abs) => {
      if (/制作|制发|制定|出台|印发/.test(ctx.t.slice(clause.start, abs))) return; // read with the made count
      const word = m[1] ?? m[6]!;
      const doc = m[2] ?? m[5]!;
      const subject = doc === '规章' ? 'art20_1.regulations' : 'art20_1.normativeDocs';
      const key = word.startsWith('废止') ? 'repealed' : 'valid';
      emit(ctx, 'documentCount', clause, { [key]: num(m[3] ?? m[7]!, m[4] ?? m[8]) }, { subject });
    },
    DOCUMENT_WORD,
  );

  // published this year, without a made count: "主动公开规章13件，行政规范性文件60件，市政府其他文件162件"
  // (表二 2019's 本年新公开数量); a cumulative count (累计/历年/现行) is another column
  const published =
    /(?:主动)?(?:新)?公开(?:了)?(?:行政)?(规范性文件|规章)(?:共)?(\d+)(件|个|部|份)((?:[,、](?:行政)?(?:规范性文件|规章)\d+(?:件|个|部|份))*)/g;
  eachInClauses(
    ctx,
    published,
    (m, clause, abs) => {
      const before = ctx.t.slice(clause.start, abs);
      if (/制作|制发|制定|出台|印发/.test(before)) return; // read with the made count
      if (/(?:累计|历年|现行|总计|共计)$/.test(before)) return;
      const items: [string, string, string][] = [[m[1]!, m[2]!, m[3]!]];
      for (const x of matchesOf(/(规范性文件|规章)(\d+)(件|个|部|份)/g, m[4] ?? ''))
        items.push([x[1]!, x[2]!, x[3]!]);
      for (const [doc, n, unit] of items) {
        const subject = doc === '规章' ? 'art20_1.regulations' : 'art20_1.normativeDocs';
        emit(ctx, 'documentCount', clause, { published: num(n, unit) }, { subject });
      }
    },
    DOCUMENT_WORD,
  );

  const proc =
    /政府集中采购(?:事项|项目)?(?:共)?(\d+)(项|个|次)[,，]?(?:采购)?(?:总)?金额(?:为|共|达|合计)?(\d+(?:\.\d+)?)(万元|亿元|元)/g;
  eachInClauses(
    ctx,
    proc,
    (m, clause) => {
      emit(ctx, 'procurement', clause, {
        projects: num(m[1]!, m[2]),
        amount: exact(`${m[3]}${m[4]}`, Number(m[3]), m[4]),
      });
    },
    '政府集中采购',
  );

  const fee = /(?:行政事业性)?收费(?:金额|总额|总金额)(?:为|共|达|合计)?(\d+(?:\.\d+)?)(万元|亿元|元)/g;
  eachInClauses(
    ctx,
    fee,
    (m, clause) => {
      if (/信息处理费/.test(ctx.t.slice(clause.start, clause.end))) return;
      emit(
        ctx,
        'feeAmount',
        clause,
        { amount: exact(`${m[1]}${m[2]}`, Number(m[1]), m[2]) },
        { subject: 'art20_8.fees' },
      );
    },
    '收费',
  );
}
