import { getCell, isUnknown, sumOf } from './lib/cells';
import { childrenOf, indicatorRows, labelOf, legacyAddr, matchExactly } from './lib/legacy';
import type { Evaluation, Rule } from './types';

const RESPONSE = /回应.*(热点|舆情)/;
const HELD = /举办.*新闻发布会/;
const ATTENDED = /出席.*新闻发布会/;
const MAILBOX = /领导信箱/;
const TV = /电视问政|在线访谈/;

export const s1704: Rule = {
  id: 'S17-04',
  spec: 'S17-04',
  severity: 'error',
  formats: ['pre2019'],
  title: {
    zh: '统计表舆情回应：出席次数不多于发布会次数，各形式之和等于回应总数',
    en: 'Statistics table, responses: attendances ≤ press conferences; the forms add up to the total',
  },
  description: {
    zh: '正职或副职出席新闻发布会的次数不能多于举办新闻发布会的次数（错误）。“其中”只列新闻发布会、领导信箱、电视问政或在线访谈这几种回应形式时，它们之和应等于回应总数（警告：可能还有其他形式）。',
    en: 'Press conferences attended by the head or a deputy cannot outnumber the conferences held (error). When the breakdown lists only press conferences, the leader’s mailbox and TV or online Q&A as forms of response, they should add up to the total (warning: other forms are possible).',
  },
  messages: {
    attendanceExceeds: {
      zh: '正职或副职出席新闻发布会 {attended} 次，多于举办新闻发布会 {held} 次',
      en: 'The head or a deputy attended {attended} press conferences, more than the {held} held',
    },
    responseSum: {
      zh: '“{parent}”为 {total}，但新闻发布会 {held} + 领导信箱 {mailbox} + 电视问政/在线访谈 {tv} = {sum}',
      en: '“{parent}” is {total}, but press conferences {held} + leader’s mailbox {mailbox} + TV/online Q&A {tv} = {sum}',
    },
  },
  evaluate(model) {
    if (!model.tables.legacy) return [];
    const out: Evaluation[] = [];
    for (const parent of indicatorRows(model).filter((r) => RESPONSE.test(labelOf(r)))) {
      const kids = childrenOf(model, parent.key);
      if (!kids.length) continue;
      const byRe = (re: RegExp) => kids.find((k) => re.test(labelOf(k)));
      const held = byRe(HELD);
      const attended = byRe(ATTENDED);
      if (held && attended) {
        const ha = legacyAddr(model, held.key);
        const aa = legacyAddr(model, attended.key);
        const h = getCell(model, ha);
        const a = getCell(model, aa);
        if (!isUnknown(h) && !isUnknown(a)) {
          out.push(
            a!.value! <= h!.value!
              ? { outcome: 'pass', place: `${parent.key}:attended` }
              : {
                  outcome: 'fail',
                  messageId: 'attendanceExceeds',
                  data: { attended: a!.value!, held: h!.value! },
                  cells: [aa, ha],
                  place: `${parent.key}:attended`,
                },
          );
        }
      }
      // the forms of response, when they are the only other children
      const forms = matchExactly(
        kids.filter((k) => k !== attended),
        [HELD, MAILBOX, TV],
      );
      if (!forms) continue;
      const pa = legacyAddr(model, parent.key);
      const parts = forms.map((k) => legacyAddr(model, k.key));
      const p = sumOf(model, [pa]);
      const s = sumOf(model, parts);
      if (p.unknown.length || s.unknown.length) continue;
      const [hv, mv, tv] = parts.map((x) => getCell(model, x)!.value!) as [number, number, number];
      out.push(
        p.value === s.value
          ? { outcome: 'pass', place: `${parent.key}:forms` }
          : {
              outcome: 'fail',
              severity: 'warning',
              messageId: 'responseSum',
              data: { parent: parent.label, total: p.value, held: hv, mailbox: mv, tv, sum: s.value },
              cells: [pa, ...parts],
              expected: p.value,
              actual: s.value,
              place: `${parent.key}:forms`,
            },
      );
    }
    return out;
  },
};
