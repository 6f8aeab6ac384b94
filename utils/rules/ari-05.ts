import type { Localized } from '../audit/result';
import type { Claim, ReportModel } from '../report/model';
import { claimsOf, interval, textPlace } from './lib/text';
import type { Evaluation, Rule } from './types';

// ARI-05: the same metric stated twice must have the same value — in practice the channel counts
// that 总体情况 gives in （一）主动公开 and again in （四）平台建设 ("政府网站发布信息 14 条" …
// "县政府网站发布文件信息 14 条"). The narrative reader (claims/publishing.ts) reads only
// statements of the form "<channel>发布（文件）信息 N 条" as channelCount claims, so a sub-scope
// ("其中网站发布 14 条") is not taken for the whole.

const CHANNEL_LABELS: Record<string, Localized> = {
  website: { zh: '政府网站', en: 'government website' },
  wechat: { zh: '政务微信', en: 'WeChat account' },
  weibo: { zh: '政务微博', en: 'Weibo account' },
  newmedia: { zh: '政务新媒体', en: 'new-media accounts' },
};

/** The claim's clause names another year than the report's: a figure of that year, not this metric. */
const otherYear = (model: ReportModel, c: Claim): boolean =>
  !!model.year && c.qualifiers.some((q) => q.startsWith('year:') && Number(q.slice(5)) !== model.year);

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
    const byChannel = new Map<string, Claim[]>();
    for (const c of claimsOf(model, 'channelCount')) {
      if (!c.subject || !CHANNEL_LABELS[c.subject] || otherYear(model, c)) continue;
      byChannel.set(c.subject, [...(byChannel.get(c.subject) ?? []), c]);
    }
    for (const [channel, list] of byChannel) {
      const label = CHANNEL_LABELS[channel]!;
      if (list.length < 2) continue;
      const first = list[0]!;
      for (const s of list.slice(1)) {
        if (s.sentence === first.sentence) continue;
        const place = () => `${channel}/${textPlace(s.sentence)}`;
        out.push(
          overlaps(interval(first.numbers.count!), interval(s.numbers.count!))
            ? { outcome: 'pass' }
            : {
                outcome: 'fail',
                messageId: 'mismatch',
                data: {
                  channel_zh: label.zh,
                  channel_en: label.en,
                  first: first.numbers.count!.raw,
                  second: s.numbers.count!.raw,
                },
                cells: [],
                sentence: { paragraph: s.paragraph, text: s.sentence },
                expected: first.numbers.count!.value,
                actual: s.numbers.count!.value,
                place: place(),
              },
        );
      }
    }
    return out;
  },
};
