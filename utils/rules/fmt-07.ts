import type { Localized } from '../audit/result';
import { paragraphKey } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-07: 一、总体情况 covers the five aspects the 2021 format names (主动公开、依申请公开、政府信息
// 管理、政府信息公开平台建设、监督保障); 2019 reports are read the same way.

const ASPECTS: { key: string; re: RegExp; label: Localized }[] = [
  { key: 'active', re: /主动公开/, label: { zh: '主动公开', en: 'proactive disclosure' } },
  { key: 'request', re: /依申请/, label: { zh: '依申请公开', en: 'disclosure on request' } },
  { key: 'management', re: /信息管理/, label: { zh: '政府信息管理', en: 'information management' } },
  {
    key: 'platform',
    re: /平台建设|公开平台|平台/,
    label: { zh: '政府信息公开平台建设', en: 'disclosure platforms' },
  },
  {
    key: 'oversight',
    re: /监督保障|监督|保障|考核|问责|责任追究/,
    label: { zh: '监督保障', en: 'oversight and safeguards' },
  },
];

export const fmt07: Rule = {
  id: 'FMT-07',
  spec: 'FMT-07',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '总体情况涵盖五个方面',
    en: 'The overview covers the five aspects',
  },
  description: {
    zh: '“一、总体情况”应涵盖主动公开、依申请公开、政府信息管理、政府信息公开平台建设、监督保障五个方面，每缺一项给出警告。',
    en: 'Section 一 (overview) must cover proactive disclosure, disclosure on request, information management, disclosure platforms, and oversight; one warning per aspect missing.',
  },
  messages: {
    missing: {
      zh: '“总体情况”未涉及{aspect}',
      en: 'The overview does not cover {aspect}',
    },
  },
  evaluate(model) {
    const section = model.paragraphs.filter((p) => p.section === '一');
    if (section.length === 0) return [];
    const text = section.map(paragraphKey).join('\n');
    const heading = model.headings.find((h) => h.ordinal === '一');
    return ASPECTS.map(
      (a): Evaluation =>
        a.re.test(text)
          ? { outcome: 'pass', place: a.key }
          : {
              outcome: 'fail',
              messageId: 'missing',
              data: { aspect_zh: a.label.zh, aspect_en: a.label.en },
              cells: [],
              ...(heading ? { sentence: { paragraph: heading.paragraph, text: heading.text } } : {}),
              place: a.key,
            },
    );
  },
};
