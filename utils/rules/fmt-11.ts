import type { Localized } from '../audit/result';
import { issuerNames, nameSimilarity } from './lib/names';
import { wholeParagraph } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-11: the issuer is the same body in the title, the preamble ("现发布《X…年度报告》"), the
// signature and the statistics-table footer (填表单位); fuzzy match ≥ 0.9 with 管委会 = 管理委员会.

const THRESHOLD = 0.9;
const SOURCES: Record<string, Localized> = {
  title: { zh: '标题', en: 'title' },
  preamble: { zh: '导语', en: 'preamble' },
  signature: { zh: '落款', en: 'signature' },
  form: { zh: '统计表填表单位', en: 'statistics-table footer' },
};

export const fmt11: Rule = {
  id: 'FMT-11',
  spec: 'FMT-11',
  severity: 'warning',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '发布机关名称前后一致',
    en: 'The issuer is named the same throughout',
  },
  description: {
    zh: '标题、导语（“现发布《……年度报告》”）、落款和统计表“填表单位”中的机关名称应为同一机关（“管委会”与“管理委员会”视为相同，相似度不低于 0.9）。',
    en: 'The body named in the title, the preamble, the signature and the statistics-table footer must be the same (管委会 = 管理委员会; similarity at least 0.9).',
  },
  messages: {
    mismatch: {
      zh: '{where}中的机关名称“{name}”与{ref}“{refName}”不一致',
      en: 'The {where} names "{name}", the {ref} "{refName}"',
    },
  },
  evaluate(model) {
    const names = issuerNames(model);
    if (names.length < 2) return [];
    const ref = names[0]!;
    const out: Evaluation[] = [];
    for (const n of names.slice(1)) {
      const place = n.source;
      if (nameSimilarity(ref.name, n.name) >= THRESHOLD) {
        out.push({ outcome: 'pass', place });
        continue;
      }
      out.push({
        outcome: 'fail',
        messageId: 'mismatch',
        data: {
          where_zh: SOURCES[n.source]!.zh,
          where_en: SOURCES[n.source]!.en,
          name: n.name,
          ref_zh: SOURCES[ref.source]!.zh,
          ref_en: SOURCES[ref.source]!.en,
          refName: ref.name,
        },
        cells: [],
        ...(n.paragraph ? { sentence: wholeParagraph(n.paragraph) } : {}),
        place,
      });
    }
    return out;
  },
};
