import { getCell, sumOf } from './lib/cells';
import { childrenOf, labelOf, legacyAddr, parents } from './lib/legacy';
import type { Evaluation, Rule } from './types';

const CHANNEL = /(网站|APP|微信|微博|客户端|公开栏|其他方式).*公开/i;

export const s1706: Rule = {
  id: 'S17-06',
  spec: 'S17-06',
  severity: 'info',
  formats: ['pre2019'],
  title: {
    zh: '统计表公开渠道之和不少于公开数量',
    en: 'Statistics table: the publication channels add up to at least the published count',
  },
  description: {
    zh: '按渠道（政府网站、政务 APP、政务微信、其他方式）列出的公开数量可以重叠（一份文件多处发布），所以之和不少于公开总数；少于总数才可疑。',
    en: 'Counts by channel (website, app, WeChat, other) may overlap, since one document can be published in several places, so they add up to at least the total; only less is suspicious.',
  },
  messages: {
    channelsBelow: {
      zh: '“{parent}”为 {total}，但各公开渠道之和只有 {sum}',
      en: '“{parent}” is {total}, but the channels add up to only {sum}',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    for (const parent of parents(model)) {
      const kids = childrenOf(model, parent.key);
      if (kids.length < 2 || !kids.every((k) => CHANNEL.test(labelOf(k)))) continue;
      const pa = legacyAddr(model, parent.key);
      const parts = kids.map((k) => legacyAddr(model, k.key));
      const p = sumOf(model, [pa]);
      const s = sumOf(model, parts);
      if (p.unknown.length || s.unknown.length) continue;
      out.push(
        s.value >= p.value
          ? { outcome: 'pass', place: parent.key }
          : {
              outcome: 'fail',
              messageId: 'channelsBelow',
              data: { parent: parent.label, total: getCell(model, pa)!.value!, sum: s.value },
              cells: [pa, ...parts],
              place: parent.key,
            },
      );
    }
    return out;
  },
};
