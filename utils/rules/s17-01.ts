import { loc, termsInWords } from './lib/cells';
import { checkIdentity, UNREADABLE } from './lib/identity';
import { childrenOf, legacyAddr, matchExactly, parents } from './lib/legacy';
import type { Evaluation, Rule } from './types';

/**
 * Exhaustive 其中 sets (report-formats.md §5.9): the parent is exactly the sum of these children.
 * Every 公文 must carry one 公开属性; staff are 专职 or 兼职; older tables split applications by
 * form and replies by outcome.
 */
export const PARTITIONS: ReadonlyArray<{ id: string; members: RegExp[] }> = [
  {
    id: 'attribute',
    members: [/^标注为主动公开/, /^标注为依申请公开/, /^标注为删减后公开/, /^标注为不公开/],
  },
  { id: 'staff', members: [/专职/, /兼职/] },
  { id: 'forms', members: [/当面/, /传真/, /电子邮件|电邮/, /网上|网络/, /信函/, /其他/] },
  { id: 'replies', members: [/^(?!.*部分).*同意.*公开/, /部分公开/, /否决|不予公开|不同意公开/] },
];

export const s1701: Rule = {
  id: 'S17-01',
  spec: 'S17-01',
  severity: 'error',
  formats: ['pre2019'],
  title: {
    zh: '统计表“其中”各项之和等于总数（完整分类）',
    en: 'Statistics table: a complete 其中 breakdown adds up to its total',
  },
  description: {
    zh: '有些“其中”是完整分类：公文的四种公开属性（主动公开、依申请公开、删减后公开、不公开，每份公文都必须标注一种）、专职 + 兼职 = 工作人员、按申请形式分的申请数、按答复结果分的答复数。这些分类之和必须等于总数。',
    en: 'Some 其中 breakdowns are complete: the four disclosure attributes of documents (every document carries one), full-time + part-time = staff, applications by form, replies by outcome. They must add up to the total.',
  },
  messages: {
    partition: {
      zh: '“{parent}”为 {lhs}，但其中各项之和为 {rhs}（{terms}）',
      en: '“{parent}” is {lhs}, but its breakdown adds up to {rhs} ({terms})',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    for (const parent of parents(model)) {
      const kids = childrenOf(model, parent.key);
      if (!PARTITIONS.some((f) => matchExactly(kids, f.members))) continue;
      const parts = kids.map((k) => legacyAddr(model, k.key));
      out.push(
        checkIdentity(model, {
          place: parent.key,
          lhs: [legacyAddr(model, parent.key)],
          rhs: parts,
          messageId: 'partition',
          data: () => ({
            parent: parent.label,
            ...loc('terms', termsInWords(model, parts, undefined, true)),
          }),
        }),
      );
    }
    return out;
  },
};
