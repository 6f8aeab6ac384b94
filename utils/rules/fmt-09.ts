import { textKey } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-09 (F2021, requirement reconstructed from practice and the seeds): section 六 reports the
// 信息处理费 (收取情况).

export const fmt09: Rule = {
  id: 'FMT-09',
  spec: 'FMT-09',
  severity: 'warning',
  formats: ['2021', 'hybrid'],
  title: {
    zh: '“六、其他需要报告的事项”报告信息处理费收取情况',
    en: 'Section 六 reports information-processing fees',
  },
  description: {
    zh: '2021 版格式的报告应在“六、其他需要报告的事项”中说明信息处理费的收取情况（发出收费通知的件数和金额、实际收取的金额，或未收取）。',
    en: 'F2021 reports state in section 六 whether information-processing fees were charged (notices sent, amounts, amounts collected, or none).',
  },
  messages: {
    missing: {
      zh: '“六、其他需要报告的事项”未说明信息处理费收取情况',
      en: 'Section 六 does not say whether information-processing fees were charged',
    },
    elsewhere: {
      zh: '信息处理费收取情况写在了“六、其他需要报告的事项”以外的部分',
      en: 'Information-processing fees are reported outside section 六',
    },
  },
  evaluate(model) {
    const six = model.paragraphs.filter((p) => p.section === '六');
    const heading = model.headings.find((h) => h.ordinal === '六');
    const sentence = heading ? { sentence: { paragraph: heading.paragraph, text: heading.text } } : {};
    const fee = /信息处理费|收费/;
    if (six.some((p) => fee.test(textKey(p.text)))) return [{ outcome: 'pass', place: 'fee' }];
    const elsewhere = model.paragraphs.find((p) => p.section !== '六' && /信息处理费/.test(textKey(p.text)));
    const ev: Evaluation = elsewhere
      ? {
          outcome: 'fail',
          messageId: 'elsewhere',
          severity: 'info',
          cells: [],
          sentence: { paragraph: elsewhere.id, text: elsewhere.text },
          place: 'fee',
        }
      : { outcome: 'fail', place: 'fee', cells: [], ...sentence, messageId: 'missing' };
    return [ev];
  },
};
