import type { Heading, ReportModel, TableId } from '../report/model';
import { stripOrdinal } from '../report/normalize';
import { textKey } from './lib/text';
import type { Evaluation, Rule } from './types';

// FMT-06: the six headings of the format (report-formats.md §1), present and in order. A missing
// 二/三/四 with its table missing too is an error; without its heading but with its table found, a
// warning; a missing 一/五/六 a warning; wording that differs from the format, an info.

interface Section {
  ordinal: string;
  canonical: string[];
  keyword: RegExp;
  table?: TableId;
}

const SECTIONS: Section[] = [
  { ordinal: '一', canonical: ['总体情况'], keyword: /总体/ },
  { ordinal: '二', canonical: ['主动公开政府信息情况'], keyword: /主动公开/, table: 'active' },
  { ordinal: '三', canonical: ['收到和处理政府信息公开申请情况'], keyword: /申请/, table: 'applications' },
  {
    ordinal: '四',
    canonical: ['政府信息公开行政复议、行政诉讼情况'],
    keyword: /复议|诉讼/,
    table: 'reviews',
  },
  {
    ordinal: '五',
    canonical: ['存在的主要问题及改进情况', '政府信息公开工作存在的主要问题及改进情况'],
    keyword: /问题|改进/,
  },
  { ordinal: '六', canonical: ['其他需要报告的事项'], keyword: /其他|其它/ },
];

const key = (text: string): string => textKey(stripOrdinal(textKey(text))).replace(/[。.:：]$/, '');

const canonicalText = (s: Section): string => `${s.ordinal}、${s.canonical[0]}`;

export const fmt06: Rule = {
  id: 'FMT-06',
  spec: 'FMT-06',
  severity: 'warning',
  formats: ['2019', '2021', 'hybrid'],
  title: {
    zh: '六个部分齐全、顺序正确',
    en: 'The six sections are present and in order',
  },
  description: {
    zh: '报告应依次包含“一、总体情况”“二、主动公开政府信息情况”“三、收到和处理政府信息公开申请情况”“四、政府信息公开行政复议、行政诉讼情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”。缺少二、三、四（连同其表格）为错误，缺少一、五、六为警告，标题措辞与格式不同为提示。',
    en: 'The report must have, in order, the six sections of the format. Missing 二/三/四 (with its table) is an error, missing 一/五/六 a warning, different wording an info.',
  },
  messages: {
    missing: {
      zh: '缺少“{heading}”部分',
      en: 'Section "{heading}" is missing',
    },
    missingHeading: {
      zh: '未找到“{heading}”标题（其表格已读到）',
      en: 'Heading "{heading}" not found (its table was read)',
    },
    variant: {
      zh: '标题“{printed}”与格式规定的“{heading}”不同',
      en: 'Heading "{printed}" differs from the format\'s "{heading}"',
    },
    order: {
      zh: '“{heading}”出现在“{previous}”之前，顺序与格式不符',
      en: 'Section "{heading}" comes before "{previous}", out of the format\'s order',
    },
  },
  evaluate(model) {
    const out: Evaluation[] = [];
    const order = new Map(model.paragraphs.map((p, i) => [p.id, i]));
    const found: { s: Section; h: Heading }[] = [];
    for (const s of SECTIONS) {
      const heading = canonicalText(s);
      const same = model.headings.filter((h) => h.ordinal === s.ordinal);
      const exact = same.find((h) => s.canonical.includes(key(h.text)));
      const near = exact ?? same.find((h) => s.keyword.test(key(h.text)));
      if (exact) {
        out.push({ outcome: 'pass', place: s.ordinal });
        found.push({ s, h: exact });
        continue;
      }
      if (near) {
        found.push({ s, h: near });
        out.push({
          outcome: 'fail',
          messageId: 'variant',
          severity: 'info',
          data: { printed: near.text, heading },
          cells: [],
          sentence: { paragraph: near.paragraph, text: near.text },
          place: s.ordinal,
        });
        continue;
      }
      const tableFound = s.table ? tableRead(model, s.table) : false;
      out.push({
        outcome: 'fail',
        messageId: tableFound ? 'missingHeading' : 'missing',
        severity: s.table && !tableFound ? 'error' : 'warning',
        data: { heading },
        cells: [],
        place: s.ordinal,
      });
    }
    for (let i = 1; i < found.length; i++) {
      const prev = found[i - 1]!;
      const cur = found[i]!;
      if ((order.get(cur.h.paragraph) ?? 0) < (order.get(prev.h.paragraph) ?? 0))
        out.push({
          outcome: 'fail',
          messageId: 'order',
          data: { heading: cur.h.text, previous: prev.h.text },
          cells: [],
          sentence: { paragraph: cur.h.paragraph, text: cur.h.text },
          place: `order/${cur.s.ordinal}`,
        });
    }
    return out;
  },
};

const tableRead = (model: ReportModel, t: TableId): boolean => !!model.tables[t] && model.tableInfo[t].found;
