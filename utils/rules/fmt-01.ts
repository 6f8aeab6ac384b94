import { textKey } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-01: page detection, as evidence. The detector decided the page is a report; this rule says on
// what grounds (a title with the year and 年度报告, the anchors of Table 3 / Table 4, a pre-2019
// statistics table), and asks for a look when none of them is in the model.

const TITLE =
  /(\d{4}|[〇零一二三四五六七八九]{4})年(度)?(政府)?(信息公开|政务公开|政务信息公开)(工作)?(的)?年度报告/;
const T3_ANCHORS = ['new', 'carryIn', 'r1', 'carryOut'];

export const fmt01: Rule = {
  id: 'FMT-01',
  spec: 'FMT-01',
  severity: 'info',
  formats: ['2019', '2021', 'pre2019', 'hybrid', 'unknown'],
  title: {
    zh: '识别为政府信息公开工作年度报告的依据',
    en: 'Why the page was taken for an annual disclosure report',
  },
  description: {
    zh: '页面标题含“YYYY年……政府信息公开工作年度报告”，或页面含表三的至少 3 个锚点（本年新收、上年结转、予以公开、结转下年度）或表四（未经复议直接起诉），或含 2019 年以前的统计表。都不具备时提示人工确认。',
    en: 'The title reads "YYYY … annual report on government information disclosure", or the page has at least 3 of the Table 3 anchors (new, carried over, disclosed, carried forward) or Table 4, or a pre-2019 statistics table. When none holds, ask for a human look.',
  },
  messages: {
    weak: {
      zh: '页面被识别为年度报告，但标题不含“YYYY年……年度报告”，也未读到表三、表四或统计表：请确认',
      en: 'The page was taken for an annual report, but neither its title nor its tables show it: please confirm',
    },
  },
  evaluate(model) {
    if (model.kind !== 'report') return [];
    const evidence: string[] = [];
    if (model.title && TITLE.test(textKey(model.title))) evidence.push('title');
    const t3 = model.tables.applications;
    if (t3 && T3_ANCHORS.filter((r) => r in t3).length >= 3) evidence.push('table3');
    if (model.tables.reviews && model.tableInfo.reviews.found) evidence.push('table4');
    if (model.tables.legacy && model.tableInfo.legacy.found) evidence.push('legacy');
    const out: Evaluation[] = evidence.map((e) => ({ outcome: 'pass', place: e }));
    if (out.length === 0)
      out.push({ outcome: 'uncertain', place: 'detection', cells: [], messageId: 'weak' });
    return out;
  },
};
