import type { Localized } from '../audit/result';
import { paragraphKey, prose, textKey } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-14 (pre-2019): the contents the 2008 条例 第三十二条 requires: 主动公开; 依申请公开 and 不予
// 公开; 收费及减免; 行政复议、行政诉讼; 主要问题及改进. Covered only by the statistics table → info.

const TOPICS: { key: string; text: RegExp; table?: RegExp; label: Localized }[] = [
  {
    key: 'active',
    text: /主动公开/,
    table: /主动公开/,
    label: { zh: '主动公开', en: 'proactive disclosure' },
  },
  {
    key: 'request',
    text: /依申请|公开申请|申请公开/,
    table: /申请/,
    label: { zh: '依申请公开和不予公开', en: 'disclosure on request and refusals' },
  },
  {
    key: 'fees',
    text: /收费|减免|免费|不收取|未收取/,
    table: /收费|减免/,
    label: { zh: '收费及减免', en: 'fees and waivers' },
  },
  {
    key: 'disputes',
    text: /复议|诉讼/,
    table: /复议|诉讼/,
    label: { zh: '行政复议、行政诉讼', en: 'reviews and lawsuits' },
  },
  { key: 'problems', text: /问题|不足/, label: { zh: '主要问题及改进', en: 'problems and improvements' } },
];

export const fmt14: Rule = {
  id: 'FMT-14',
  spec: 'FMT-14',
  severity: 'warning',
  formats: ['pre2019'],
  title: {
    zh: '2019 年以前的报告内容齐全',
    en: 'A pre-2019 report has the required contents',
  },
  description: {
    zh: '2008 年《政府信息公开条例》第三十二条：年度报告应包括主动公开情况，依申请公开和不予公开情况，收费及减免情况，行政复议、行政诉讼情况，主要问题及改进情况。正文和统计表都未涉及为警告，只见于统计表为提示。',
    en: 'The 2008 regulations (art. 32) require: proactive disclosure; disclosure on request and refusals; fees and waivers; reviews and lawsuits; problems and improvements. Missing from both text and table: warning; only in the statistics table: info.',
  },
  messages: {
    missing: {
      zh: '报告未涉及{topic}情况（2008 年条例第三十二条）',
      en: 'The report does not cover {topic} (2008 regulations art. 32)',
    },
    tableOnly: {
      zh: '{topic}情况只见于统计表，正文未作说明',
      en: '{topic} appears only in the statistics table, not in the text',
    },
  },
  evaluate(model) {
    const text = prose(model)
      .filter((p) => !/[:：]/.test(p.text.slice(0, 8)) || p.text.length > 30)
      .map(paragraphKey)
      .join('\n');
    const labels = model.legacyRows.map((r) => textKey(r.label)).join('\n');
    return TOPICS.map((t): Evaluation => {
      const data = { topic_zh: t.label.zh, topic_en: t.label.en };
      if (t.text.test(text)) return { outcome: 'pass', place: t.key };
      if (t.table?.test(labels))
        return { outcome: 'fail', severity: 'info', data, cells: [], place: t.key, messageId: 'tableOnly' };
      return { outcome: 'fail', messageId: 'missing', data, cells: [], place: t.key };
    });
  },
};
