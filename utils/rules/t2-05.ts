import { fmtNum, getCell, isUnknown, labelsOf, loc, looksLikeMoney, t2 } from './lib/cells';
import { UNREADABLE } from './lib/identity';
import type { Rule } from './types';

const ROW = 'art20_9.procurement';

export const t205: Rule = {
  id: 'T2-05',
  spec: 'T2-05',
  severity: 'warning',
  formats: ['2019', 'hybrid'],
  title: {
    zh: '政府集中采购：项目数量与金额同为 0 或同不为 0',
    en: 'Centralized procurement: projects and amount are both zero or both non-zero',
  },
  description: {
    zh: '2019 版表二（九）中，采购项目数量为 0 当且仅当采购总金额为 0；两栏都应填写。',
    en: 'In the 2019 format’s Article 20 (9) block, the number of procurement projects is 0 exactly when the amount is 0; both must be filled in.',
  },
  messages: {
    oneSided: {
      zh: '政府集中采购：采购项目数量 {projects}，采购总金额 {amount}，一个为 0 而另一个不为 0',
      en: 'Centralized procurement: {projects} projects but an amount of {amount}; one is zero and the other is not',
    },
    shifted: {
      zh: '政府集中采购：采购项目数量一栏填的是金额“{raw}”（疑似错栏），项目数量未知',
      en: 'Centralized procurement: the projects column holds an amount “{raw}” (shifted column?), so the number of projects is unknown',
    },
    unreadable: UNREADABLE,
  },
  evaluate(model) {
    const pa = t2(ROW, 'projects');
    const aa = t2(ROW, 'amount');
    const p = getCell(model, pa);
    const a = getCell(model, aa);
    if (!p || !a) return [];
    if (looksLikeMoney(p))
      return [
        {
          outcome: 'uncertain',
          messageId: 'shifted',
          data: { raw: p.raw.trim() },
          cells: [pa, aa],
          place: ROW,
        },
      ];
    const unknown = [pa, aa].filter((x) => isUnknown(getCell(model, x)));
    if (unknown.length)
      return [
        {
          outcome: 'uncertain',
          messageId: 'unreadable',
          data: loc('cells', labelsOf(model, unknown)),
          cells: [pa, aa],
          place: ROW,
        },
      ];
    if ((p.value === 0) === (a.value === 0)) return [{ outcome: 'pass', place: ROW }];
    return [
      {
        outcome: 'fail',
        messageId: 'oneSided',
        data: { projects: p.value!, amount: a.raw.trim() || fmtNum(a.value!) },
        cells: [pa, aa],
        place: ROW,
      },
    ];
  },
};
