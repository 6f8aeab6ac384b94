import type { Localized } from '../audit/result';
import type { ReportModel } from '../report/model';
import { prose, readClauses, textPlace } from './lib/text';
import type { Evaluation, Rule } from './types';

// ARI-05: the same metric stated twice must have the same value — in practice the channel counts
// that 总体情况 gives in （一）主动公开 and again in （四）平台建设 ("政府网站发布信息 14 条" …
// "县政府网站发布文件信息 14 条"). Only statements of the form "<channel>发布（文件）信息 N 条" are
// compared, so a sub-scope ("其中网站发布 14 条") is not taken for the whole.

const CHANNELS: [RegExp, string, Localized][] = [
  [/网站/, 'website', { zh: '政府网站', en: 'government website' }],
  [/微信/, 'wechat', { zh: '政务微信', en: 'WeChat account' }],
  [/微博/, 'weibo', { zh: '政务微博', en: 'Weibo account' }],
  [/新媒体/, 'newmedia', { zh: '政务新媒体', en: 'new-media accounts' }],
];

const STATEMENT =
  /(县政府网站|市政府网站|政府门户网站|政府网站|门户网站|政务微信公众号|政务微信|微信公众平台|微信公众号|政务微博|政务新媒体平台|政府新媒体平台|政务新媒体|新媒体平台)(?:上)?(?:发布|公开)(?:各类)?(?:文件)?信息(?=\d)/g;

interface Statement {
  channel: string;
  label: Localized;
  raw: string;
  range: [number, number];
  value: number;
  paragraph: string;
  sentence: string;
}

function statements(model: ReportModel): Statement[] {
  const out: Statement[] = [];
  for (const p of prose(model)) {
    for (const c of readClauses(p)) {
      const { text } = c;
      const years = [...text.matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
      if (model.year && years.some((y) => y !== model.year)) continue;
      STATEMENT.lastIndex = 0;
      for (let m = STATEMENT.exec(text); m; m = STATEMENT.exec(text)) {
        const at = m.index + m[0].length;
        const tok = c.tokens.find((x) => x.start === at);
        if (tok?.unit !== '条') continue;
        const ch = CHANNELS.find(([re]) => re.test(m![1]!));
        if (!ch) continue;
        out.push({
          channel: ch[1],
          label: ch[2],
          raw: tok.raw,
          range: tok.range ?? [tok.value, tok.value],
          value: tok.value,
          paragraph: p.id,
          sentence: c.printed,
        });
      }
    }
  }
  return out;
}

const overlaps = (a: [number, number], b: [number, number]): boolean =>
  a[0] === a[1] && b[0] === b[1] ? a[0] === b[0] : a[0] <= b[1] && b[0] <= a[1];

export const ari05: Rule = {
  id: 'ARI-05',
  spec: 'ARI-05',
  severity: 'warning',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '同一指标前后表述一致',
    en: 'A figure stated twice has the same value',
  },
  description: {
    zh: '同一报告中两次给出的同一指标（如主动公开部分与平台建设部分分别给出的政府网站、政务微信发布信息条数）应当相同。',
    en: 'The same figure given twice in a report (e.g. items published on the website or WeChat account, in the proactive-disclosure part and again in the platform part) must have the same value.',
  },
  messages: {
    mismatch: {
      zh: '{channel}发布信息前文为 {first}，此处为 {second}',
      en: 'Items published on the {channel}: {first} earlier, {second} here',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    const byChannel = new Map<string, Statement[]>();
    for (const s of statements(model)) byChannel.set(s.channel, [...(byChannel.get(s.channel) ?? []), s]);
    for (const [channel, list] of byChannel) {
      if (list.length < 2) continue;
      const first = list[0]!;
      for (const s of list.slice(1)) {
        if (s.sentence === first.sentence) continue;
        const place = `${channel}/${textPlace(s.sentence)}`;
        out.push(
          overlaps(first.range, s.range)
            ? { outcome: 'pass', place }
            : {
                outcome: 'fail',
                messageId: 'mismatch',
                data: { channel_zh: s.label.zh, channel_en: s.label.en, first: first.raw, second: s.raw },
                cells: [],
                sentence: { paragraph: s.paragraph, text: s.sentence },
                expected: first.value,
                actual: s.value,
                place,
              },
        );
      }
    }
    return out;
  },
};
