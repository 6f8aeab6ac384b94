import { getCell, isUnknown, t3 } from './lib/cells';
import { claimPlace, claimsOf, sentenceOf } from './lib/text';
import type { Evaluation, Rule } from './types';

// TXT-02: "未收到政府信息公开申请" means 本年新收 is 0. Carried-over applications may still be
// handled, so only the new row is checked.

export const txt02: Rule = {
  id: 'TXT-02',
  spec: 'TXT-02',
  severity: 'error',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '正文称未收到申请，表三新收应为 0',
    en: 'Text says no applications: Table 3 new applications must be 0',
  },
  description: {
    zh: '正文写“未收到政府信息公开申请”时，表三“本年新收”总计必须为 0（上年结转的申请仍可在本年办理）。',
    en: 'When the text says no applications were received, Table 3 new applications (total) must be 0 (applications carried over may still be handled).',
  },
  messages: {
    contradiction: {
      zh: '正文称未收到政府信息公开申请，但表三本年新收总计为 {new}',
      en: 'The text says no applications were received, but Table 3 has {new} new applications',
    },
    unreadable: {
      zh: '无法判定：表三本年新收总计未能读出',
      en: 'Cannot be judged: Table 3 new applications total could not be read',
    },
  },
  evaluate(model) {
    if (!model.tables.applications) return [];
    const a = t3('new', 'TOT');
    const cell = getCell(model, a);
    return claimsOf(model, 'noApplications').map((c): Evaluation => {
      const place = () => claimPlace(model, c);
      if (isUnknown(cell))
        return {
          outcome: 'uncertain',
          messageId: 'unreadable',
          cells: [a],
          sentence: sentenceOf(c),
          place: place(),
        };
      if (cell!.value === 0) return { outcome: 'pass' };
      return {
        outcome: 'fail',
        messageId: 'contradiction',
        data: { new: cell!.value! },
        cells: [a],
        sentence: sentenceOf(c),
        expected: 0,
        actual: cell!.value!,
        place: place(),
      };
    });
  },
};
