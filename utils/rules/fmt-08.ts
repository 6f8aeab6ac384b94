import type { Localized } from '../audit/result';
import { classifyAgency } from './lib/agency';
import { paragraphKey, prose, sentenceMatching, wholeParagraph } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-08: a government's report (人民政府, or a report aggregated for one) states its 工作考核,
// 社会评议 and 责任追究结果 (条例第五十条第四项, restated in 30号 一（一）). Departments and
// 管委会 are not held to it.

const ITEMS: { key: string; re: RegExp; label: Localized }[] = [
  { key: 'assessment', re: /考核/, label: { zh: '工作考核', en: 'performance assessment' } },
  { key: 'publicReview', re: /评议/, label: { zh: '社会评议', en: 'public evaluation' } },
  {
    key: 'accountability',
    re: /责任追究|追责|问责|追究[^。；;]{0,12}责任/,
    label: { zh: '责任追究结果', en: 'accountability results' },
  },
];

const GOVERNMENT = new Set(['province', 'city', 'county', 'township']);

export const fmt08: Rule = {
  id: 'FMT-08',
  spec: 'FMT-08',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '人民政府报告写明工作考核、社会评议和责任追究结果',
    en: "A government's report states assessment, public evaluation and accountability results",
  },
  description: {
    zh: '《政府信息公开条例》第五十条第四项：各级人民政府的年度报告还应当包括工作考核、社会评议和责任追究结果情况。每缺一项给出警告；部门、管委会的报告不适用。',
    en: 'Article 50(4) of the regulations: the reports of governments at every level must also cover performance assessment, public evaluation and accountability results. One warning per item missing; not applicable to departments and committees.',
  },
  messages: {
    missing: {
      zh: '{agency}的报告未写明{item}情况（条例第五十条第四项）',
      en: "{agency}'s report does not state its {item} (regulations art. 50(4))",
    },
  },
  evaluate(model) {
    const agency = classifyAgency(model);
    const text = prose(model).map(paragraphKey).join('\n');
    const aggregated =
      /汇总[^。]{0,60}编制/.test(text) && agency.kind !== 'park' && agency.kind !== 'department';
    // A general office (办公厅/办公室) publishes its own report as a department does.
    const generalOffice = /(办公厅|办公室)$/.test(agency.name || (model.agency ?? ''));
    if ((!GOVERNMENT.has(agency.kind) || generalOffice) && !aggregated) return [];
    // anchor: where the report speaks of oversight (监督保障 / 考核), else the 总体情况 heading
    const anchor =
      prose(model).find((p) => /监督保障/.test(paragraphKey(p))) ??
      prose(model).find((p) => /考核/.test(paragraphKey(p)));
    const heading = model.headings.find((h) => h.ordinal === '一');
    const sentence = anchor
      ? { sentence: sentenceMatching(anchor, /监督保障|考核/) ?? wholeParagraph(anchor) }
      : heading
        ? { sentence: { paragraph: heading.paragraph, text: heading.text } }
        : {};
    return ITEMS.map(
      (i): Evaluation =>
        i.re.test(text)
          ? { outcome: 'pass', place: i.key }
          : {
              outcome: 'fail',
              messageId: 'missing',
              data: { agency: agency.name || (model.agency ?? ''), item_zh: i.label.zh, item_en: i.label.en },
              cells: [],
              ...sentence,
              place: i.key,
            },
    );
  },
};
